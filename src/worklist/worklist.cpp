#include "worklist/worklist.hpp"

#include <tuple>

#include "storage/row.hpp"

namespace tsunagu::worklist {
namespace {

using storage::GetInt;
using storage::GetText;

int AwaitingReferrals(soci::session& s, long long org) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM referral WHERE to_org_id = :o AND status = 'sent'", soci::into(n),
      soci::use(org);
  return static_cast<int>(n);
}

std::vector<DueTask> DueTasks(soci::session& s, long long org, long long user, core::Date today) {
  const std::string until = core::ToIso(core::AddDays(today, 1));
  const std::string today_iso = core::ToIso(today);
  std::vector<DueTask> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, case_id, due_on FROM case_task WHERE organization_id = :o AND "
                    "owner_user_id = :u AND status = 'open' AND due_on <= :until ORDER BY due_on, "
                    "id",
       soci::use(org), soci::use(user), soci::use(until));
  for (const auto& r : rows) {
    if (static_cast<int>(out.size()) == kMaxRows) break;
    DueTask t;
    t.task_id = GetInt(r, 0);
    t.case_id = GetInt(r, 1);
    const std::string due = GetText(r, 2);
    t.due_on = core::ParseIsoDate(due).value_or(core::Date{});
    t.overdue = due < today_iso;
    out.push_back(t);
  }
  return out;
}

// Attended consultations the member was assigned to, of days up to today, without a record.
std::vector<RecordToWrite> RecordsToWrite(soci::session& s, long long user, core::Date today) {
  const std::string today_iso = core::ToIso(today);
  std::vector<RecordToWrite> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT d.program_id, d.id, b.id, d.day_date, b.reference, "
                    "COALESCE(sl.start_minutes, d.start_minutes) FROM booking_staff bs JOIN "
                    "booking b ON b.id = bs.booking_id JOIN consultation_day d ON d.id = b.day_id "
                    "LEFT JOIN consultation_slot sl ON sl.id = b.slot_id WHERE bs.user_id = :u "
                    "AND b.status = 'attended' AND d.day_date <= :today AND NOT EXISTS (SELECT 1 "
                    "FROM consultation_record r WHERE r.booking_id = b.id) ORDER BY d.day_date, "
                    "3",
       soci::use(user), soci::use(today_iso));
  for (const auto& r : rows) {
    if (static_cast<int>(out.size()) == kMaxRows) break;
    RecordToWrite w;
    w.program_id = GetInt(r, 0);
    w.day_id = GetInt(r, 1);
    w.booking_id = GetInt(r, 2);
    w.date = core::ParseIsoDate(GetText(r, 3)).value_or(core::Date{});
    w.reference = GetText(r, 4);
    w.start_minutes = static_cast<int>(GetInt(r, 5));
    out.push_back(w);
  }
  return out;
}

// The organisation's moved or cancelled days whose call list has someone not yet called.
std::vector<CallsToMake> CallsLeft(soci::session& s, long long org) {
  std::vector<CallsToMake> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT d.program_id, d.id, d.day_date, COUNT(*) FROM day_change_call c "
                    "JOIN booking b ON b.id = c.booking_id JOIN consultation_day d ON d.id = "
                    "b.day_id JOIN program p ON p.id = d.program_id WHERE p.organization_id = :o "
                    "AND c.called_at IS NULL GROUP BY d.program_id, d.id, d.day_date ORDER BY "
                    "d.day_date, d.id",
       soci::use(org));
  for (const auto& r : rows) {
    if (static_cast<int>(out.size()) == kMaxRows) break;
    CallsToMake c;
    c.program_id = GetInt(r, 0);
    c.day_id = GetInt(r, 1);
    c.date = core::ParseIsoDate(GetText(r, 2)).value_or(core::Date{});
    c.people = static_cast<int>(GetInt(r, 3));
    out.push_back(c);
  }
  return out;
}

// Open consultation requests of the organisation past their deadline, and due later today.
std::pair<int, int> RequestsDue(soci::session& s, long long org, core::Date today,
                                std::int64_t now) {
  long long at = now;
  long long end =
      std::int64_t{core::DaysBetween(core::Date{1970, 1, 1}, core::AddDays(today, 1))} * 86400 -
      9LL * 3600;
  int overdue = 0;
  int due_today = 0;
  s << "SELECT COUNT(*) FROM consultation_request WHERE organization_id = :o AND status = "
       "'open' AND reply_due_at < :n",
      soci::use(org), soci::use(at), soci::into(overdue);
  s << "SELECT COUNT(*) FROM consultation_request WHERE organization_id = :o AND status = "
       "'open' AND reply_due_at >= :n AND reply_due_at < :e",
      soci::use(org), soci::use(at), soci::use(end), soci::into(due_today);
  return {overdue, due_today};
}

}  // namespace

core::Result<Worklist> Load(storage::Database& db, const auth::Principal& who, core::Date today,
                            std::int64_t now) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) return Worklist{};
  const long long org = who.organization_id;
  const long long user = who.user_id;
  return db.Read<Worklist>([&](soci::session& s) {
    Worklist w;
    w.referrals_awaiting = AwaitingReferrals(s, org);
    w.tasks = DueTasks(s, org, user, today);
    w.records = RecordsToWrite(s, user, today);
    if (auth::Policy::CanCoordinate(who, who.organization_id)) w.calls = CallsLeft(s, org);
    std::tie(w.requests_overdue, w.requests_today) = RequestsDue(s, org, today, now);
    const std::string day = core::ToIso(today);
    s << "SELECT COUNT(*) FROM retention_check WHERE organization_id = :o AND assigned_user_id = "
         ":u AND answer = '' AND due_on <= :d",
        soci::use(org), soci::use(user), soci::use(day), soci::into(w.retention_due);
    return w;
  });
}

}  // namespace tsunagu::worklist
