#include "calendar/calendar_service.hpp"

#include <algorithm>
#include <tuple>

#include "core/text.hpp"
#include "events/model.hpp"
#include "portal/portal.hpp"
#include "storage/row.hpp"

namespace tsunagu::calendar {
namespace {

using storage::GetInt;
using storage::GetText;

// Consultation days are individual consultations for people with an illness, their families
// and employers (両立支援): they match those audiences, and have no area.
bool DayServes(const std::string& audience) {
  return audience == "patient" || audience == "family" || audience == "employer";
}

bool Before(const Entry& a, const Entry& b) {
  return std::tie(a.date, a.start_minutes, a.consultation, a.id, a.day_id) <
         std::tie(b.date, b.start_minutes, b.consultation, b.id, b.day_id);
}

}  // namespace

Filter CleanFilter(Filter f) {
  if (f.kind != "consultation" &&
      (!events::InList(events::kKinds, f.kind) || f.kind == events::kStaffOnlyKind)) {
    f.kind.clear();
  }
  if (!events::InList(events::kModes, f.mode)) f.mode.clear();
  if (!events::InList(events::kAudiences, f.audience)) f.audience.clear();
  f.area = core::Trim(core::NormalizeNfkc(f.area));
  if (core::CountCodePoints(f.area) > 50) f.area.clear();
  return f;
}

bool Matches(const Entry& e, const Filter& f) {
  if (e.consultation) {
    if (!f.kind.empty() && f.kind != "consultation") return false;
    if (!f.area.empty()) return false;
    if (f.mode == "online" && e.day_mode != "online") return false;
    if (f.mode == "venue" && e.day_mode != "in_person") return false;
    return f.audience.empty() || DayServes(f.audience);
  }
  if (!f.kind.empty() && f.kind != e.kind) return false;
  if (!f.area.empty() && f.area != e.area) return false;
  if (f.mode == "online" && !e.online_places) return false;
  if (f.mode == "venue" && !e.venue_places && e.venue.empty()) return false;
  if (!f.audience.empty() &&
      std::find(e.audiences.begin(), e.audiences.end(), f.audience) == e.audiences.end()) {
    return false;
  }
  return true;
}

core::Result<std::vector<Entry>> CalendarService::Events(const std::string& from,
                                                         const std::string& to,
                                                         std::int64_t organization_id) {
  const std::string staff_only(events::kStaffOnlyKind);
  return db_.Read<std::vector<Entry>>([&](soci::session& s) {
    std::vector<Entry> out;
    long long org = organization_id;
    // Published, or cancelled after having been published; never drafts or the staff-only
    // kind. The organisation filter is "0 means all" so one statement serves both.
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT e.id, e.organization_id, o.name, e.kind, e.title, e.description, "
                      "e.event_date, e.start_minutes, e.end_minutes, e.venue, e.access, e.area, "
                      "e.audiences, e.status, e.venue_capacity, e.online_capacity, e.sequence, "
                      "e.updated_at FROM community_event e JOIN organization o ON o.id = "
                      "e.organization_id WHERE e.kind <> :k AND e.published_at IS NOT NULL AND "
                      "e.status IN ('published','cancelled') AND e.event_date >= :f AND "
                      "e.event_date <= :t AND (:o1 = 0 OR e.organization_id = :o2) ORDER BY "
                      "e.event_date, e.start_minutes, e.id LIMIT 2000",
         soci::use(staff_only), soci::use(from), soci::use(to), soci::use(org), soci::use(org));
    for (const auto& r : rows) {
      Entry e;
      e.id = GetInt(r, 0);
      e.organization_id = GetInt(r, 1);
      e.organization = GetText(r, 2);
      e.kind = GetText(r, 3);
      e.title = GetText(r, 4);
      e.description = GetText(r, 5);
      e.date = core::ParseIsoDate(GetText(r, 6)).value_or(core::Date{});
      e.start_minutes = static_cast<int>(GetInt(r, 7));
      e.end_minutes = static_cast<int>(GetInt(r, 8));
      e.venue = GetText(r, 9);
      e.access = GetText(r, 10);
      e.area = GetText(r, 11);
      e.audiences = core::SplitCodes(GetText(r, 12));
      e.cancelled = GetText(r, 13) == "cancelled";
      e.venue_places = GetInt(r, 14) > 0;
      e.online_places = GetInt(r, 15) > 0;
      e.sequence = static_cast<int>(GetInt(r, 16));
      e.updated_at = GetInt(r, 17);
      e.path = events::EventPath(e.id);
      out.push_back(std::move(e));
    }
    return out;
  });
}

core::Result<std::vector<Entry>> CalendarService::Entries(core::Date from, core::Date to,
                                                          const Filter& filter, bool with_days,
                                                          std::int64_t organization_id) {
  auto events = Events(core::ToIso(from), core::ToIso(to), organization_id);
  if (!events) return events.error();
  std::vector<Entry> out;
  for (auto& e : *events) {
    if (Matches(e, filter)) out.push_back(std::move(e));
  }
  if (with_days && organization_id == 0) {
    auto programs = portal::PublishedPrograms(db_);
    if (!programs) return programs.error();
    for (const auto& p : *programs) {
      // Open days come in date order with their slots (a query each): ask for as many as the
      // range has dates, and for more only while the last one is still inside the range.
      int limit = core::DaysBetween(from, to) + 1;
      auto days = consultations_.OpenDays(p.id, from, limit, consultations::Audience::kPublic);
      while (days && static_cast<int>(days->size()) == limit && days->back().date <= to) {
        limit *= 2;
        days = consultations_.OpenDays(p.id, from, limit, consultations::Audience::kPublic);
      }
      if (!days) return days.error();
      for (const auto& d : *days) {
        if (d.date > to) continue;
        Entry e;
        e.consultation = true;
        e.id = p.id;
        e.day_id = d.id;
        e.organization = p.host;
        e.kind = "consultation";
        e.title = p.name;
        e.date = d.date;
        e.start_minutes = d.start_minutes;
        e.end_minutes = d.end_minutes;
        e.day_mode = d.mode;
        e.venue = d.mode == "in_person" ? d.venue : std::string();
        e.path = "/book/" + std::to_string(p.id);
        if (Matches(e, filter)) out.push_back(std::move(e));
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), Before);
  return out;
}

core::Result<std::vector<Entry>> CalendarService::FeedEntries(core::Date today,
                                                              const Filter& filter,
                                                              std::int64_t organization_id) {
  auto all =
      Entries(core::AddDays(today, -90), core::Date{9999, 12, 31}, filter, false, organization_id);
  if (!all) return all.error();
  std::vector<Entry> out;
  for (auto& e : *all) {
    if (e.cancelled && e.date < today) continue;  // a cancelled event leaves once its day passed
    out.push_back(std::move(e));
  }
  return out;
}

core::Result<std::vector<std::string>> CalendarService::Areas(core::Date today) {
  const std::string from = core::ToIso(today);
  const std::string staff_only(events::kStaffOnlyKind);
  return db_.Read<std::vector<std::string>>([&](soci::session& s) {
    std::vector<std::string> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT DISTINCT area FROM community_event WHERE status = 'published' AND "
                      "kind <> :k AND event_date >= :f AND area <> '' ORDER BY area",
         soci::use(staff_only), soci::use(from));
    for (const auto& r : rows) out.push_back(GetText(r, 0));
    return out;
  });
}

core::Result<std::string> CalendarService::OrganizationName(std::int64_t organization_id) {
  auto name = db_.Read<std::string>([&](soci::session& s) {
    long long id = organization_id;
    std::string n;
    soci::indicator ind = soci::i_null;
    s << "SELECT name FROM organization WHERE id = :id AND status = 'active'", soci::use(id),
        soci::into(n, ind);
    return ind == soci::i_ok ? n : std::string();
  });
  if (!name) return name.error();
  if (name->empty()) return core::Error::NotFound();
  return *name;
}

}  // namespace tsunagu::calendar
