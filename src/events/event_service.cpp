#include "events/event_service.hpp"

#include <optional>
#include <tuple>

#include "calendar/event_area.hpp"
#include "core/text.hpp"
#include "events/event_mail.hpp"
#include "events/event_rows.hpp"
#include "events/lifecycle.hpp"
#include "storage/row.hpp"

namespace tsunagu::events {
namespace {

constexpr std::size_t kMaxTitle = 100;
constexpr std::size_t kMaxShort = 200;
constexpr std::size_t kMaxLong = 4000;
constexpr int kMaxCapacity = 100000;

void Length(std::vector<core::FieldError>& errors, const char* field, const std::string& value,
            std::size_t max, const char* required_key = nullptr) {
  const auto n = core::CountCodePoints(core::Trim(value));
  if (required_key && n == 0) {
    errors.push_back({field, required_key});
  } else if (n > max) {
    errors.push_back({field, "form.error.too_long"});
  }
}

// Free text as stored: trimmed, with one kind of line end. Not NFKC: organisers' full-width
// brackets and colons (「（9階）」, 「講演：」) are theirs to keep.
std::string Clean(const std::string& text) {
  return core::Trim(core::NormalizeNewlines(text));
}

}  // namespace

std::vector<core::FieldError> EventService::Validate(const EventInput& in) {
  std::vector<core::FieldError> errors;
  if (!InList(kKinds, in.kind)) errors.push_back({"kind", "events.error.kind"});
  Length(errors, "title", in.title, kMaxTitle, "events.error.title_required");
  Length(errors, "description", in.description, kMaxLong);
  if (!core::ParseIsoDate(core::Trim(in.date))) errors.push_back({"date", "events.error.date"});
  if (in.start_minutes < 0 || in.start_minutes >= 1440) {
    errors.push_back({"start_time", "events.error.time"});
  }
  if (in.end_minutes < 0 || in.end_minutes > 1440) {
    errors.push_back({"end_time", "events.error.time"});
  } else if (in.start_minutes >= 0 && in.end_minutes <= in.start_minutes) {
    errors.push_back({"end_time", "events.error.end_before_start"});
  }
  Length(errors, "venue", in.venue, kMaxShort);
  Length(errors, "area", in.area, calendar::kMaxArea);
  Length(errors, "access", in.access, kMaxLong);
  const std::string url = core::Trim(in.meeting_url);
  if (!url.empty() && (url.rfind("https://", 0) != 0 || url.size() > 500 ||
                       url.find_first_of(" \t\r\n\"<>") != std::string::npos)) {
    errors.push_back({"meeting_url", "events.error.meeting_url"});
  }
  if (in.venue_capacity < 0 || in.venue_capacity > kMaxCapacity) {
    errors.push_back({"venue_capacity", "events.error.capacity"});
  } else if (in.venue_capacity > 0 && core::Trim(in.venue).empty()) {
    errors.push_back({"venue", "events.error.venue_required"});
  }
  if (in.online_capacity < 0 || in.online_capacity > kMaxCapacity) {
    errors.push_back({"online_capacity", "events.error.capacity"});
  }
  if (core::Trim(in.venue).empty() && in.online_capacity == 0) {
    errors.push_back({"venue", "events.error.where"});
  }
  if (in.audiences.empty()) errors.push_back({"audiences", "events.error.audiences"});
  for (const auto& a : in.audiences) {
    if (!InList(kAudiences, a)) {
      errors.push_back({"audiences", "events.error.audiences"});
      break;
    }
  }
  Length(errors, "fee", in.fee, kMaxTitle);
  Length(errors, "contact", in.contact, kMaxShort * 2, "events.error.contact_required");
  Length(errors, "speakers", in.speakers, kMaxLong);
  Length(errors, "co_hosts", in.co_hosts, kMaxShort * 2);
  if (!InList(kStatuses, in.status)) errors.push_back({"status", "events.error.status"});
  ValidateLifecycle(in.lifecycle, errors);
  return errors;
}

EventInput EventService::InputOf(const Event& e) {
  EventInput in;
  in.kind = e.kind;
  in.title = e.title;
  in.description = e.description;
  in.date = core::ToIso(e.date);
  in.start_minutes = e.start_minutes;
  in.end_minutes = e.end_minutes;
  in.venue = e.venue;
  in.area = e.area;
  in.access = e.access;
  in.meeting_url = e.meeting_url;
  in.venue_capacity = e.venue_capacity;
  in.online_capacity = e.online_capacity;
  in.audiences = e.audiences;
  in.fee = e.fee;
  in.contact = e.contact;
  in.speakers = e.speakers;
  in.co_hosts = e.co_hosts;
  in.status = e.status;
  in.lifecycle = e.lifecycle;
  return in;
}

core::Result<std::int64_t> EventService::Create(const auth::Principal& who,
                                                const audit::Actor& actor, const EventInput& in) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  if (auto errors = Validate(in); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  if (in.status == "cancelled") {
    return core::Error::Invalid("error.form", {{"status", "events.error.status"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    const std::string title = Clean(in.title);
    const std::string description = Clean(in.description);
    const std::string date = core::ToIso(*core::ParseIsoDate(core::Trim(in.date)));
    const std::string venue = Clean(in.venue);
    const std::string access = Clean(in.access);
    const std::string url = core::Trim(in.meeting_url);
    const std::string audiences = core::JoinCodes(in.audiences);
    const std::string fee = Clean(in.fee);
    const std::string contact = Clean(in.contact);
    const std::string speakers = Clean(in.speakers);
    const std::string co_hosts = Clean(in.co_hosts);
    long long org = who.organization_id;
    long long by = who.user_id;
    long long at = now;
    long long published_at = now;
    soci::indicator published_ind = in.status == "published" ? soci::i_ok : soci::i_null;
    long long id = 0;
    s << "INSERT INTO community_event (organization_id, kind, title, description, event_date, "
         "start_minutes, end_minutes, venue, access, meeting_url, audiences, fee, contact, "
         "speakers, co_hosts, status, published_at, venue_capacity, online_capacity, created_by, "
         "created_at, updated_at) VALUES (:o, :k, :t, :d, :date, :s, :e, :v, :a, :url, :aud, "
         ":fee, :c, :sp, :co, :st, :pub, :vc, :oc, :by, :at, :up) RETURNING id",
        soci::use(org), soci::use(in.kind), soci::use(title), soci::use(description),
        soci::use(date), soci::use(in.start_minutes), soci::use(in.end_minutes), soci::use(venue),
        soci::use(access), soci::use(url), soci::use(audiences), soci::use(fee), soci::use(contact),
        soci::use(speakers), soci::use(co_hosts), soci::use(in.status),
        soci::use(published_at, published_ind), soci::use(in.venue_capacity),
        soci::use(in.online_capacity), soci::use(by), soci::use(at), soci::use(at), soci::into(id);
    calendar::SaveArea(s, id, in.area);
    SaveLifecycle(s, id, in.lifecycle, true);
    audit::AuditLog::Append(
        s, actor,
        {"event.create", "community_event", std::to_string(id),
         "{\"kind\":\"" + in.kind + "\",\"status\":\"" + in.status + "\"}", who.organization_id},
        now);
    return static_cast<std::int64_t>(id);
  });
}

core::Status EventService::Update(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t event_id, const EventInput& in) {
  auto current = GetOwn(who, event_id);
  if (!current) return current.error();
  if (!auth::Policy::CanCoordinate(who, current->organization_id)) return core::Error::NotFound();
  if (current->status == "cancelled") return core::Error::Conflict("events.error.cancelled");
  if (auto errors = Validate(in); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const std::int64_t now = clock_.NowSeconds();
  const MailContext mc{catalog_, public_url_, now};
  return db_.WriteVoid([&](soci::session& s) {
    const std::string title = Clean(in.title);
    const std::string description = Clean(in.description);
    const std::string date = core::ToIso(*core::ParseIsoDate(core::Trim(in.date)));
    const std::string venue = Clean(in.venue);
    const std::string access = Clean(in.access);
    const std::string url = core::Trim(in.meeting_url);
    const std::string audiences = core::JoinCodes(in.audiences);
    const std::string fee = Clean(in.fee);
    const std::string contact = Clean(in.contact);
    const std::string speakers = Clean(in.speakers);
    const std::string co_hosts = Clean(in.co_hosts);
    long long id = event_id;
    long long at = now;
    // Set the first time the event is published: from then on its page stays reachable.
    long long published_at = now;
    soci::indicator published_ind = in.status == "published" ? soci::i_ok : soci::i_null;
    // One statement changes the event and checks the places already taken, under the row's
    // lock: a registration cannot slip in between a check and the change.
    soci::statement update =
        (s.prepare << "UPDATE community_event SET kind = :k, title = :t, description = :d, "
                      "event_date = :date, start_minutes = :s, end_minutes = :e, venue = :v, "
                      "access = :a, meeting_url = :url, audiences = :aud, fee = :fee, contact = "
                      ":c, speakers = :sp, co_hosts = :co, status = :st, published_at = COALESCE("
                      "published_at, :pub), venue_capacity = :vc, online_capacity = :oc, "
                      "sequence = sequence + 1, updated_at = :at WHERE "
                      "id = :id AND status <> 'cancelled' AND venue_taken <= :vc2 AND "
                      "online_taken <= :oc2",
         soci::use(in.kind), soci::use(title), soci::use(description), soci::use(date),
         soci::use(in.start_minutes), soci::use(in.end_minutes), soci::use(venue),
         soci::use(access), soci::use(url), soci::use(audiences), soci::use(fee),
         soci::use(contact), soci::use(speakers), soci::use(co_hosts), soci::use(in.status),
         soci::use(published_at, published_ind), soci::use(in.venue_capacity),
         soci::use(in.online_capacity), soci::use(at), soci::use(id), soci::use(in.venue_capacity),
         soci::use(in.online_capacity));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
      auto fresh = FindEvent(s, event_id);
      if (!fresh) throw storage::Abort{core::Error::NotFound()};
      if (fresh->status == "cancelled") {
        throw storage::Abort{core::Error::Conflict("events.error.cancelled")};
      }
      std::vector<core::FieldError> fields;
      if (fresh->venue_taken > in.venue_capacity) {
        fields.push_back({"venue_capacity", "events.error.capacity_below_taken"});
      }
      if (fresh->online_taken > in.online_capacity) {
        fields.push_back({"online_capacity", "events.error.capacity_below_taken"});
      }
      throw storage::Abort{core::Error::Invalid("error.form", fields)};
    }
    calendar::SaveArea(s, event_id, in.area);
    SaveLifecycle(s, event_id, in.lifecycle, false);
    if (in.status != "cancelled") {
      audit::AuditLog::Append(s, actor,
                              {"event.update", "community_event", std::to_string(event_id),
                               "{\"status\":\"" + in.status + "\"}", current->organization_id},
                              now);
      // Places added (or freed otherwise) go to the people waiting with this commit, not at
      // the clock job's next round: the new row, its settings and the cut-off decide.
      if (auto fresh = FindEvent(s, event_id)) {
        const LifecycleMail lm{cipher_, outbox_, catalog_, public_url_};
        for (auto mode : kModes) OfferFreePlaces(s, lm, actor, *fresh, std::string(mode), now);
      }
      return;
    }
    // 中止: every registrant with an address hears it, in their language, with this commit.
    auto event = FindEvent(s, event_id);
    if (!event) throw storage::Abort{core::Error::NotFound()};
    const int notified = TellCancelled(s, {cipher_, outbox_, catalog_, public_url_}, *event, now);
    audit::AuditLog::Append(
        s, actor,
        {"event.cancel", "community_event", std::to_string(event_id),
         "{\"notified\":" + std::to_string(notified) + "}", current->organization_id},
        now);
  });
}

core::Result<std::vector<Event>> EventService::ListOwn(const auth::Principal& who) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<Event>>([&](soci::session& s) {
    std::vector<Event> out;
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT " << kEventColumns
                   << " FROM community_event e JOIN organization o ON o.id = e.organization_id "
                      "WHERE e.organization_id = :o ORDER BY e.event_date DESC, e.start_minutes, "
                      "e.id",
         soci::use(org));
    for (const auto& r : rows) out.push_back(ReadEvent(r));
    for (auto& e : out) CountWaiting(s, e);
    return out;
  });
}

core::Result<Event> EventService::GetOwn(const auth::Principal& who, std::int64_t event_id) {
  auto found = db_.Read<std::optional<Event>>([&](soci::session& s) {
    auto e = FindEvent(s, event_id);
    if (e) CountWaiting(s, *e);
    return e;
  });
  if (!found) return found.error();
  // Another organisation's event looks exactly like a missing one.
  if (!*found || !auth::Policy::CanCounsel(who, (*found)->organization_id)) {
    return core::Error::NotFound();
  }
  return **found;
}

core::Result<std::vector<Event>> EventService::PublicUpcoming(core::Date from) {
  const std::string from_iso = core::ToIso(from);
  const std::string staff_only(kStaffOnlyKind);
  return db_.Read<std::vector<Event>>([&](soci::session& s) {
    std::vector<Event> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT " << kEventColumns
                   << " FROM community_event e JOIN organization o ON o.id = e.organization_id "
                      "WHERE e.status = 'published' AND e.kind <> :k AND e.event_date >= :f "
                      "ORDER BY e.event_date, e.start_minutes, e.id LIMIT 200",
         soci::use(staff_only), soci::use(from_iso));
    for (const auto& r : rows) {
      out.push_back(ReadEvent(r));
      out.back().meeting_url.clear();
    }
    return out;
  });
}

core::Result<Event> EventService::PublicGet(std::int64_t event_id) {
  auto found = db_.Read<std::optional<Event>>([&](soci::session& s) -> std::optional<Event> {
    long long id = event_id;
    int was_published = 0;
    s << "SELECT COUNT(*) FROM community_event WHERE id = :id AND published_at IS NOT NULL",
        soci::use(id), soci::into(was_published);
    if (was_published == 0) return std::nullopt;
    auto e = FindEvent(s, event_id);
    if (e) CountWaiting(s, *e);
    return e;
  });
  if (!found) return found.error();
  if (!*found) return core::Error::NotFound();
  Event e = **found;
  if (e.StaffOnly() || (e.status != "published" && e.status != "cancelled")) {
    return core::Error::NotFound();
  }
  e.meeting_url.clear();  // never on a public page
  return e;
}

bool EventService::OpenForRegistration(const Event& e) const {
  if (e.status != "published" || e.StaffOnly()) return false;
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  if (e.date < today) return false;
  return !(e.date == today && core::JstMinuteOfDay(now) >= e.start_minutes);
}

}  // namespace tsunagu::events
