#include "salons/salon_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "directory/search.hpp"
#include "events/event_rows.hpp"
#include "salons/rrule.hpp"
#include "storage/row.hpp"
#include "web/forms.hpp"

namespace tsunagu::salons {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

constexpr const char* kSelect =
    "SELECT s.id, s.organization_id, s.name, s.furigana, s.host_kind, s.host_name, "
    "s.caretaker_roles, s.occurrences, s.start_minutes, s.end_minutes, s.on_holiday, s.venue, "
    "s.access, s.municipality, s.audience, s.network, s.contact, s.capacity, s.status, "
    "s.updated_at, o.name, s.search_key FROM salon s JOIN organization o ON o.id = "
    "s.organization_id ";

struct Keyed {
  Salon salon;
  std::string key;
};

Keyed Read(const soci::row& r) {
  Keyed k;
  Salon& s = k.salon;
  s.id = GetInt(r, 0);
  s.organization_id = GetInt(r, 1);
  s.name = GetText(r, 2);
  s.furigana = GetText(r, 3);
  s.host_kind = GetText(r, 4);
  s.host_name = GetText(r, 5);
  s.caretaker_roles = GetText(r, 6);
  s.rule.occurrences =
      ParseByDayList(GetText(r, 7)).value_or(std::vector<consultations::MonthlyOccurrence>{});
  s.rule.start_minutes = static_cast<int>(GetInt(r, 8));
  s.rule.end_minutes = static_cast<int>(GetInt(r, 9));
  s.rule.on_holiday = HolidayPolicyOf(GetText(r, 10));
  s.rule.closed_year_end = true;
  s.venue = GetText(r, 11);
  s.access = GetText(r, 12);
  s.municipality = GetText(r, 13);
  s.audience = GetText(r, 14);
  s.network = GetText(r, 15);
  s.contact = GetText(r, 16);
  s.capacity = static_cast<int>(GetInt(r, 17));
  s.status = GetText(r, 18);
  s.updated_at = GetInt(r, 19);
  s.organization_name = GetText(r, 20);
  k.key = GetText(r, 21);
  return k;
}

std::optional<Salon> Load(soci::session& s, std::int64_t id) {
  long long sid = id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kSelect) + "WHERE s.id = :i", soci::use(sid));
  for (const auto& r : rows) return Read(r).salon;
  return std::nullopt;
}

Salon Editable(soci::session& s, const auth::Principal& who, std::int64_t id) {
  auto found = Load(s, id);
  if (!found) throw Abort{core::Error::NotFound()};
  if (!auth::Policy::CanCoordinate(who, found->organization_id)) {
    throw Abort{found->status == "closed" ? core::Error::NotFound() : core::Error::Forbidden()};
  }
  return *found;
}

SalonInput Tidy(SalonInput in) {
  for (auto* f : {&in.name, &in.furigana, &in.host_name, &in.caretaker_roles, &in.venue, &in.access,
                  &in.municipality, &in.audience, &in.network, &in.contact}) {
    *f = core::Trim(core::NormalizeNewlines(*f));
  }
  in.rule.closed_year_end = true;
  return in;
}

std::string KeyOf(const SalonInput& in) {
  return directory::SearchKey({in.name, in.furigana, in.host_name, in.municipality});
}

std::string MonthKey(core::Date d) {
  return core::ToIso(d).substr(0, 7);
}

// The first day of the month `months` after d's.
core::Date MonthStart(core::Date d, int months) {
  int m = d.month - 1 + months;
  return core::Date{d.year + m / 12, m % 12 + 1, 1};
}

// The rule's days from `from` up to (not including) `until`.
std::vector<consultations::PlannedDay> PlannedDays(const consultations::ScheduleRule& rule,
                                                   core::Date from, core::Date until,
                                                   const consultations::HolidayCalendar& holidays) {
  std::vector<consultations::PlannedDay> out;
  for (int fy = core::FiscalYear(from); fy <= core::FiscalYear(core::AddDays(until, -1)); ++fy) {
    auto plan = consultations::GenerateFiscalYear(rule, fy, holidays);
    if (!plan) continue;
    for (const auto& day : *plan) {
      if (from <= day.date && day.date < until) out.push_back(day);
    }
  }
  return out;
}

// Brings the salon's meetings from `today` on in line with its rule and status: adds the
// missing ones, moves times and place onto the existing ones, cancels those the rule no longer
// gives (all of them for a salon that is not active). The caller holds the salon's row lock.
int SyncMeetings(soci::session& s, const Salon& salon, core::Date today, std::int64_t now,
                 const consultations::HolidayCalendar& holidays, const events::LifecycleMail& mail,
                 const audit::Actor& actor) {
  std::map<core::Date, consultations::PlannedDay> planned;
  if (salon.status == "active") {
    for (const auto& d :
         PlannedDays(salon.rule, today, MonthStart(today, kMonthsAhead + 1), holidays)) {
      planned.emplace(d.date, d);
    }
  }
  long long sid = salon.id;
  const std::string from = core::ToIso(today);
  struct Existing {
    long long id;
    std::string status;
    std::string fields;  // what the salon writes onto a meeting, to skip unchanged ones
  };
  auto fields_of = [](const std::string& title, const std::string& description, int start, int end,
                      const std::string& venue, const std::string& access,
                      const std::string& contact, long long capacity) {
    return title + '\x1f' + description + '\x1f' + std::to_string(start) + '\x1f' +
           std::to_string(end) + '\x1f' + venue + '\x1f' + access + '\x1f' + contact + '\x1f' +
           std::to_string(capacity);
  };
  std::map<std::string, Existing> existing;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, event_date, status, title, description, start_minutes, "
                      "end_minutes, venue, access, contact, venue_capacity FROM community_event "
                      "WHERE salon_id = :s AND event_date >= :f",
         soci::use(sid), soci::use(from));
    for (const auto& r : rows) {
      existing[GetText(r, 1)] = {
          GetInt(r, 0), GetText(r, 2),
          fields_of(GetText(r, 3), GetText(r, 4), static_cast<int>(GetInt(r, 5)),
                    static_cast<int>(GetInt(r, 6)), GetText(r, 7), GetText(r, 8), GetText(r, 9),
                    GetInt(r, 10))};
    }
  }
  int changed = 0;
  long long at = now;
  long long org = salon.organization_id;
  const std::string kind = "salon_meeting";
  const std::string audiences = "patient,family";
  for (const auto& [date, day] : planned) {
    const std::string iso = core::ToIso(date);
    int start = day.start_minutes;
    int end = day.end_minutes;
    auto it = existing.find(iso);
    if (it == existing.end()) {
      s << "INSERT INTO community_event (organization_id, kind, title, description, event_date, "
           "start_minutes, end_minutes, venue, access, audiences, contact, status, published_at, "
           "venue_capacity, online_capacity, created_at, updated_at, salon_id) VALUES (:o, :k, "
           ":t, :d, :date, :s, :e, :v, :a, :aud, :c, 'published', :pub, :vc, 0, :at, :up, :sid)",
          soci::use(org), soci::use(kind), soci::use(salon.name), soci::use(salon.audience),
          soci::use(iso), soci::use(start), soci::use(end), soci::use(salon.venue),
          soci::use(salon.access), soci::use(audiences), soci::use(salon.contact), soci::use(at),
          soci::use(salon.capacity), soci::use(at), soci::use(at), soci::use(sid);
      ++changed;
      continue;
    }
    Existing row = it->second;
    existing.erase(it);
    if (row.status == "published" &&
        row.fields == fields_of(salon.name, salon.audience, start, end, salon.venue, salon.access,
                                salon.contact, salon.capacity)) {
      continue;
    }
    long long eid = row.id;
    // The capacity never drops below the places already taken (the CHECK would refuse it).
    s << "UPDATE community_event SET title = :t, description = :d, start_minutes = :s, "
         "end_minutes = :e, venue = :v, access = :a, contact = :c, status = 'published', "
         "published_at = COALESCE(published_at, :pub), venue_capacity = CASE WHEN venue_taken > "
         ":vc THEN venue_taken ELSE :vc2 END, updated_at = :up WHERE id = :i",
        soci::use(salon.name), soci::use(salon.audience), soci::use(start), soci::use(end),
        soci::use(salon.venue), soci::use(salon.access), soci::use(salon.contact), soci::use(at),
        soci::use(salon.capacity), soci::use(salon.capacity), soci::use(at), soci::use(eid);
    ++changed;
  }
  for (const auto& [iso, row] : existing) {
    if (row.status == "cancelled") continue;
    long long eid = row.id;
    s << "UPDATE community_event SET status = 'cancelled', updated_at = :up WHERE id = :i",
        soci::use(at), soci::use(eid);
    ++changed;
    // Its registrants hear it with this commit, like any event's 中止 (counts only audited).
    if (auto event = events::FindEvent(s, eid)) {
      const int notified = events::TellCancelled(s, mail, *event, now);
      audit::AuditLog::Append(s, actor,
                              {"event.cancel", "community_event", std::to_string(eid),
                               "{\"notified\":" + std::to_string(notified) +
                                   ",\"salon\":" + std::to_string(salon.id) + "}",
                               salon.organization_id},
                              now);
    }
  }
  const std::string month = MonthKey(today);
  s << "UPDATE salon SET planned_month = :m WHERE id = :i", soci::use(month), soci::use(sid);
  return changed;
}

void Lock(soci::session& s, std::int64_t id) {
  long long sid = id;
  s << "UPDATE salon SET updated_at = updated_at WHERE id = :i", soci::use(sid);
}

void Audit(soci::session& s, const audit::Actor& actor, const auth::Principal& who,
           const std::string& action, std::int64_t id, const std::string& detail,
           std::int64_t now) {
  audit::AuditLog::Append(s, actor,
                          {action, "salon", std::to_string(id), detail, who.organization_id}, now);
}

}  // namespace

std::string HolidayCode(consultations::HolidayPolicy policy) {
  switch (policy) {
    case consultations::HolidayPolicy::kNextBusinessDay:
      return "next";
    case consultations::HolidayPolicy::kPreviousBusinessDay:
      return "previous";
    case consultations::HolidayPolicy::kSkip:
      break;
  }
  return "skip";
}

consultations::HolidayPolicy HolidayPolicyOf(std::string_view code) {
  if (code == "next") return consultations::HolidayPolicy::kNextBusinessDay;
  if (code == "previous") return consultations::HolidayPolicy::kPreviousBusinessDay;
  return consultations::HolidayPolicy::kSkip;
}

std::vector<core::FieldError> SalonService::Validate(const SalonInput& in) {
  std::vector<core::FieldError> errors;
  if (in.name.empty()) errors.push_back({"name", "salons.error.name"});
  web::CheckLength(errors, "name", in.name, 100, false);
  web::CheckLength(errors, "furigana", in.furigana, 100, false);
  if (!InList(kHostKinds, in.host_kind)) errors.push_back({"host_kind", "salons.error.host_kind"});
  if (in.host_name.empty()) errors.push_back({"host_name", "salons.error.host_name"});
  web::CheckLength(errors, "host_name", in.host_name, 100, false);
  web::CheckLength(errors, "caretaker_roles", in.caretaker_roles, 200, false);
  if (in.rule.occurrences.empty()) {
    errors.push_back({"occurrence", "salons.error.occurrence"});
  } else if (!consultations::ValidateRule(in.rule).ok()) {
    bool times_bad = in.rule.start_minutes < 0 || in.rule.end_minutes <= in.rule.start_minutes ||
                     in.rule.end_minutes > 1440;
    errors.push_back(times_bad ? core::FieldError{"start_time", "salons.error.time"}
                               : core::FieldError{"occurrence", "salons.error.occurrence"});
  }
  web::CheckLength(errors, "venue", in.venue, 200, false);
  if (in.venue.empty()) errors.push_back({"venue", "salons.error.venue"});
  web::CheckLength(errors, "access", in.access, 500, false);
  if (in.municipality.empty()) errors.push_back({"municipality", "salons.error.municipality"});
  web::CheckLength(errors, "municipality", in.municipality, 50, false);
  web::CheckLength(errors, "audience", in.audience, 500, false);
  web::CheckLength(errors, "network", in.network, 100, false);
  // A published event needs a contact (events::EventService::Validate); meetings are published.
  if (in.contact.empty()) errors.push_back({"contact", "salons.error.contact"});
  web::CheckLength(errors, "contact", in.contact, 300, false);
  if (in.capacity < 0 || in.capacity > 1000) {
    errors.push_back({"capacity", "salons.error.capacity"});
  }
  if (!InList(kStatuses, in.status)) errors.push_back({"status", "salons.error.status"});
  return errors;
}

core::Result<std::vector<Salon>> SalonService::Search(const SalonQuery& query) {
  const auto terms = directory::SearchTerms(query.text);
  return db_.Read<std::vector<Salon>>([&](soci::session& s) {
    soci::rowset<soci::row> rows = (s.prepare << std::string(kSelect) +
                                                     "WHERE s.status <> 'closed' ORDER BY "
                                                     "s.municipality, s.furigana, s.name, s.id");
    std::vector<Salon> out;
    for (const auto& r : rows) {
      Keyed k = Read(r);
      if (!query.municipality.empty() && k.salon.municipality != query.municipality) continue;
      if (!query.network.empty() && k.salon.network != query.network) continue;
      if (!directory::MatchesAll(terms, {k.key})) continue;
      out.push_back(std::move(k.salon));
    }
    return out;
  });
}

core::Result<Salon> SalonService::Find(std::int64_t id) {
  return db_.Read<Salon>([&](soci::session& s) {
    auto found = Load(s, id);
    if (!found || found->status == "closed") throw Abort{core::Error::NotFound()};
    return *found;
  });
}

core::Result<std::pair<std::vector<std::string>, std::vector<std::string>>>
SalonService::Filters() {
  using Out = std::pair<std::vector<std::string>, std::vector<std::string>>;
  return db_.Read<Out>([&](soci::session& s) {
    std::set<std::string> areas;
    std::set<std::string> networks;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT municipality, network FROM salon WHERE status <> 'closed'");
    for (const auto& r : rows) {
      if (!GetText(r, 0).empty()) areas.insert(GetText(r, 0));
      if (!GetText(r, 1).empty()) networks.insert(GetText(r, 1));
    }
    return Out{{areas.begin(), areas.end()}, {networks.begin(), networks.end()}};
  });
}

core::Result<std::vector<Meeting>> SalonService::UpcomingMeetings(std::int64_t salon_id,
                                                                  core::Date from, int limit) {
  return db_.Read<std::vector<Meeting>>([&](soci::session& s) {
    long long sid = salon_id;
    const std::string f = core::ToIso(from);
    long long l = limit;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, event_date, start_minutes, end_minutes, status FROM "
                      "community_event WHERE salon_id = :s AND event_date >= :f AND status = "
                      "'published' ORDER BY event_date LIMIT :l",
         soci::use(sid), soci::use(f), soci::use(l));
    std::vector<Meeting> out;
    for (const auto& r : rows) {
      Meeting m;
      m.event_id = GetInt(r, 0);
      m.date = core::ParseIsoDate(GetText(r, 1)).value_or(core::Date{});
      m.start_minutes = static_cast<int>(GetInt(r, 2));
      m.end_minutes = static_cast<int>(GetInt(r, 3));
      m.status = GetText(r, 4);
      out.push_back(m);
    }
    return out;
  });
}

core::Result<std::vector<Salon>> SalonService::ListOwn(const auth::Principal& who) {
  return db_.Read<std::vector<Salon>>([&](soci::session& s) {
    if (!auth::Policy::CanCoordinate(who, who.organization_id)) {
      throw Abort{core::Error::Forbidden()};
    }
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kSelect) +
                          "WHERE s.organization_id = :o ORDER BY s.municipality, s.name, s.id",
         soci::use(org));
    std::vector<Salon> out;
    for (const auto& r : rows) out.push_back(Read(r).salon);
    return out;
  });
}

core::Result<Salon> SalonService::GetOwn(const auth::Principal& who, std::int64_t id) {
  return db_.Read<Salon>([&](soci::session& s) { return Editable(s, who, id); });
}

core::Result<std::int64_t> SalonService::Create(const auth::Principal& who,
                                                const audit::Actor& actor,
                                                const SalonInput& input) {
  const SalonInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::int64_t>([&](soci::session& s) {
    if (!auth::Policy::CanCoordinate(who, who.organization_id)) {
      throw Abort{core::Error::Forbidden()};
    }
    if (auto errors = Validate(in); !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", std::move(errors))};
    }
    long long org = who.organization_id;
    long long at = now;
    const std::string occurrences = ByDayList(in.rule.occurrences);
    const std::string holiday = HolidayCode(in.rule.on_holiday);
    const std::string key = KeyOf(in);
    long long id = 0;
    s << "INSERT INTO salon (organization_id, name, furigana, host_kind, host_name, "
         "caretaker_roles, occurrences, start_minutes, end_minutes, on_holiday, venue, access, "
         "municipality, audience, network, contact, capacity, status, search_key, created_at, "
         "updated_at) VALUES (:o, :n, :f, :hk, :hn, :cr, :oc, :s, :e, :h, :v, :a, :m, :au, :nw, "
         ":c, :cap, :st, :k, :at, :up) RETURNING id",
        soci::use(org), soci::use(in.name), soci::use(in.furigana), soci::use(in.host_kind),
        soci::use(in.host_name), soci::use(in.caretaker_roles), soci::use(occurrences),
        soci::use(in.rule.start_minutes), soci::use(in.rule.end_minutes), soci::use(holiday),
        soci::use(in.venue), soci::use(in.access), soci::use(in.municipality),
        soci::use(in.audience), soci::use(in.network), soci::use(in.contact),
        soci::use(in.capacity), soci::use(in.status), soci::use(key), soci::use(at), soci::use(at),
        soci::into(id);
    Salon salon = *Load(s, id);
    const int meetings = SyncMeetings(s, salon, today, now, holidays_, mail_, actor);
    Audit(s, actor, who, "salon.create", id, "{\"meetings\":" + std::to_string(meetings) + "}",
          now);
    return static_cast<std::int64_t>(id);
  });
}

core::Status SalonService::Update(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t id, const SalonInput& input) {
  const SalonInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    Lock(s, id);
    const Salon old = Editable(s, who, id);
    if (auto errors = Validate(in); !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", std::move(errors))};
    }
    long long sid = id;
    long long at = now;
    const std::string occurrences = ByDayList(in.rule.occurrences);
    const std::string holiday = HolidayCode(in.rule.on_holiday);
    const std::string key = KeyOf(in);
    s << "UPDATE salon SET name = :n, furigana = :f, host_kind = :hk, host_name = :hn, "
         "caretaker_roles = :cr, occurrences = :oc, start_minutes = :s, end_minutes = :e, "
         "on_holiday = :h, venue = :v, access = :a, municipality = :m, audience = :au, network = "
         ":nw, contact = :c, capacity = :cap, status = :st, search_key = :k, updated_at = :up "
         "WHERE id = :i",
        soci::use(in.name), soci::use(in.furigana), soci::use(in.host_kind),
        soci::use(in.host_name), soci::use(in.caretaker_roles), soci::use(occurrences),
        soci::use(in.rule.start_minutes), soci::use(in.rule.end_minutes), soci::use(holiday),
        soci::use(in.venue), soci::use(in.access), soci::use(in.municipality),
        soci::use(in.audience), soci::use(in.network), soci::use(in.contact),
        soci::use(in.capacity), soci::use(in.status), soci::use(key), soci::use(at), soci::use(sid);
    Salon salon = *Load(s, id);
    const int meetings = SyncMeetings(s, salon, today, now, holidays_, mail_, actor);
    const bool rule_changed = ByDayList(old.rule.occurrences) != occurrences ||
                              old.rule.start_minutes != in.rule.start_minutes ||
                              old.rule.end_minutes != in.rule.end_minutes ||
                              old.rule.on_holiday != in.rule.on_holiday;
    Audit(s, actor, who, "salon.update", id,
          std::string("{\"rule_changed\":") + (rule_changed ? "true" : "false") + ",\"status\":\"" +
              in.status + "\",\"meetings\":" + std::to_string(meetings) + "}",
          now);
  });
}

core::Result<int> SalonService::PlanMonthly(core::Date today) {
  const std::string month = MonthKey(today);
  auto due = db_.Read<std::vector<std::int64_t>>([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id FROM salon WHERE status = 'active' AND planned_month < :m "
                      "ORDER BY id",
         soci::use(month));
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(GetInt(r, 0));
    return ids;
  });
  if (!due) return due.error();
  int total = 0;
  for (const auto id : *due) {
    auto done = db_.Write<int>([&](soci::session& s) {
      Lock(s, id);
      auto salon = Load(s, id);
      // Another server may have planned it since the list was read.
      long long sid = id;
      std::string planned;
      s << "SELECT planned_month FROM salon WHERE id = :i", soci::use(sid), soci::into(planned);
      if (!salon || salon->status != "active" || planned >= month) return 0;
      return SyncMeetings(s, *salon, today, clock_.NowSeconds(), holidays_, mail_, audit::Actor{});
    });
    if (!done) return done.error();
    total += *done;
  }
  return total;
}

core::Result<int> PlanMonthlyRound(storage::Database& db, const core::Clock& clock,
                                   const consultations::HolidayCalendar& holidays,
                                   const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                                   const core::Catalog& catalog, const core::Config& config,
                                   core::Date today) {
  return SalonService(db, clock, holidays, {cipher, outbox, catalog, config.server.public_url})
      .PlanMonthly(today);
}

core::Result<SalonYearFigures> YearFigures(storage::Database& db, std::int64_t organization_id,
                                           int fiscal_year) {
  return db.Read<SalonYearFigures>([&](soci::session& s) {
    SalonYearFigures f;
    long long org = organization_id;
    const std::string from = core::ToIso(core::FiscalYearStart(fiscal_year));
    const std::string to = core::ToIso(core::FiscalYearEnd(fiscal_year));
    s << "SELECT COUNT(*) FROM salon WHERE organization_id = :o AND status <> 'closed'",
        soci::use(org), soci::into(f.salons);
    s << "SELECT COUNT(*) FROM salon WHERE organization_id = :o AND status <> 'closed' AND "
         "network <> ''",
        soci::use(org), soci::into(f.network_members);
    s << "SELECT COUNT(*) FROM community_event e JOIN salon s ON s.id = e.salon_id WHERE "
         "s.organization_id = :o AND e.status = 'published' AND e.event_date >= :f AND "
         "e.event_date <= :t",
        soci::use(org), soci::use(from), soci::use(to), soci::into(f.meetings_held);
    return f;
  });
}

}  // namespace tsunagu::salons
