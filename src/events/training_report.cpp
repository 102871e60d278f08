#include "events/training_report.hpp"

#include <set>

#include "events/attendance.hpp"
#include "storage/row.hpp"

namespace tsunagu::events {
namespace {

using storage::GetInt;
using storage::GetText;

constexpr const char* kTypeExpr =
    "CASE WHEN r.participant_type = '' THEN r.affiliation ELSE r.participant_type END";

}  // namespace

core::Result<TrainingReport> BuildTrainingReport(storage::Database& db, const auth::Principal& who,
                                                 core::Date from, core::Date to) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  const std::string from_iso = core::ToIso(from);
  const std::string to_iso = core::ToIso(to);
  return db.Read<TrainingReport>([&](soci::session& s) {
    TrainingReport report;
    report.from = from;
    report.to = to;
    long long org = who.organization_id;
    std::map<std::int64_t, TrainingLine> lines;
    std::vector<std::int64_t> order;
    soci::rowset<soci::row> events =
        (s.prepare << "SELECT id, event_date, kind, title, venue_capacity, online_capacity FROM "
                      "community_event WHERE organization_id = :o AND status <> 'cancelled' AND "
                      "kind IN ('training_basic', 'training_follow_up', 'training_organiser') "
                      "AND event_date >= :f AND event_date <= :t ORDER BY event_date, "
                      "start_minutes, id",
         soci::use(org), soci::use(from_iso), soci::use(to_iso));
    for (const auto& r : events) {
      TrainingLine line;
      line.event_id = GetInt(r, 0);
      line.date = core::ParseIsoDate(GetText(r, 1)).value_or(core::Date{});
      line.kind = GetText(r, 2);
      line.title = GetText(r, 3);
      line.held_online = GetInt(r, 4) == 0 && GetInt(r, 5) > 0;
      for (auto column : kTrainingColumns) line.by_column[std::string(column)] = 0;
      order.push_back(line.event_id);
      lines[line.event_id] = line;
    }
    // Those who attended: registrations marked attended, and walk-ins.
    soci::rowset<soci::row> counts =
        (s.prepare << "SELECT r.event_id, " << kTypeExpr
                   << ", r.new_trainee, COUNT(*) FROM event_registration r JOIN community_event "
                      "e ON e.id = r.event_id WHERE e.organization_id = :o AND r.status = "
                      "'registered' AND r.attendance = 'attended' AND e.event_date >= :f AND "
                      "e.event_date <= :t GROUP BY r.event_id, "
                   << kTypeExpr
                   << ", r.new_trainee UNION ALL SELECT w.event_id, w.participant_type, "
                      "w.new_trainee, COUNT(*) FROM event_walk_in w JOIN community_event e ON "
                      "e.id = w.event_id WHERE e.organization_id = :o2 AND e.event_date >= :f2 "
                      "AND e.event_date <= :t2 GROUP BY w.event_id, w.participant_type, "
                      "w.new_trainee",
         soci::use(org), soci::use(from_iso), soci::use(to_iso), soci::use(org),
         soci::use(from_iso), soci::use(to_iso));
    for (const auto& r : counts) {
      auto it = lines.find(GetInt(r, 0));
      if (it == lines.end()) continue;
      const int n = static_cast<int>(GetInt(r, 3));
      it->second.attended += n;
      if (GetInt(r, 2) != 0) it->second.new_trainees += n;
      const std::string column = TrainingColumnOf(GetText(r, 1));
      if (!column.empty()) it->second.by_column[column] += n;
    }
    for (auto id : order) {
      const TrainingLine& line = lines[id];
      (line.kind == "training_organiser" ? report.organiser : report.trainings).push_back(line);
    }
    return report;
  });
}

core::Result<AttendanceFigures> AttendanceYearFigures(storage::Database& db,
                                                      std::int64_t organization_id,
                                                      int fiscal_year) {
  const std::string from_iso = core::ToIso(core::FiscalYearStart(fiscal_year));
  const std::string to_iso = core::ToIso(core::FiscalYearEnd(fiscal_year));
  return db.Read<AttendanceFigures>([&](soci::session& s) {
    AttendanceFigures f;
    f.fiscal_year = fiscal_year;
    long long org = organization_id;
    soci::rowset<soci::row> kinds =
        (s.prepare << "SELECT kind, COUNT(*) FROM community_event WHERE organization_id = :o "
                      "AND status <> 'cancelled' AND event_date >= :f AND event_date <= :t "
                      "GROUP BY kind",
         soci::use(org), soci::use(from_iso), soci::use(to_iso));
    for (const auto& r : kinds) {
      const int n = static_cast<int>(GetInt(r, 1));
      f.events_by_kind[GetText(r, 0)] = n;
      f.events_held += n;
    }
    // Registrations of the year's events that hold a place; people by blind index.
    std::map<std::string, std::set<std::int64_t>> events_of;
    soci::rowset<soci::row> regs =
        (s.prepare << "SELECT r.event_id, r.mode, " << kTypeExpr
                   << ", r.attendance, r.email_bidx, r.phone_bidx FROM event_registration r "
                      "JOIN community_event e ON e.id = r.event_id WHERE e.organization_id = :o "
                      "AND e.status <> 'cancelled' AND e.event_date >= :f AND e.event_date <= "
                      ":t AND r.status = 'registered'",
         soci::use(org), soci::use(from_iso), soci::use(to_iso));
    for (const auto& r : regs) {
      const std::string mode = GetText(r, 1);
      const std::string type = GetText(r, 2);
      ++f.registered;
      ++f.registered_by_mode[mode];
      ++f.registered_by_type[type];
      if (GetText(r, 3) == "attended") {
        ++f.attended;
        ++f.attended_by_mode[mode];
        ++f.attended_by_type[type];
      }
      const std::string email = GetText(r, 4);
      const std::string phone = GetText(r, 5);
      const std::string key = !email.empty() ? "e:" + email : !phone.empty() ? "p:" + phone : "";
      if (!key.empty()) events_of[key].insert(GetInt(r, 0));
    }
    soci::rowset<soci::row> walk =
        (s.prepare << "SELECT w.mode, w.participant_type FROM event_walk_in w JOIN "
                      "community_event e ON e.id = w.event_id WHERE e.organization_id = :o AND "
                      "e.status <> 'cancelled' AND e.event_date >= :f AND e.event_date <= :t",
         soci::use(org), soci::use(from_iso), soci::use(to_iso));
    for (const auto& r : walk) {
      ++f.walk_ins;
      ++f.attended;
      ++f.attended_by_mode[GetText(r, 0)];
      ++f.attended_by_type[GetText(r, 1)];
    }
    f.people_identified = static_cast<int>(events_of.size());
    for (const auto& [key, ids] : events_of) {
      if (ids.size() >= 2) ++f.repeat_participants;
    }
    return f;
  });
}

}  // namespace tsunagu::events
