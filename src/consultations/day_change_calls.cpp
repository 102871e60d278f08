#include "consultations/day_change_calls.hpp"

#include <string>

#include "consultations/day_changes.hpp"
#include "consultations/day_rows.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

void ListForCalls(soci::session& s, const std::vector<std::int64_t>& booking_ids,
                  const char* change, std::int64_t now) {
  const std::string what = change;
  long long at = now;
  for (const std::int64_t booking : booking_ids) {
    long long id = booking;
    s << "INSERT INTO day_change_call (booking_id, change, listed_at) VALUES (:b, :c, :t) "
         "ON CONFLICT (booking_id) DO UPDATE SET change = excluded.change, "
         "listed_at = excluded.listed_at, called_at = NULL, called_by = NULL",
        soci::use(id), soci::use(what), soci::use(at);
  }
}

core::Result<std::map<std::int64_t, int>> PendingCallsByDay(storage::Database& db,
                                                            std::int64_t program_id) {
  return db.Read<std::map<std::int64_t, int>>([&](soci::session& s) {
    std::map<std::int64_t, int> out;
    long long id = program_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT b.day_id, COUNT(*) FROM day_change_call c JOIN booking b ON b.id = "
                      "c.booking_id JOIN consultation_day d ON d.id = b.day_id WHERE "
                      "d.program_id = :p AND c.called_at IS NULL GROUP BY b.day_id",
         soci::use(id));
    for (const auto& r : rows) out[GetInt(r, 0)] = static_cast<int>(GetInt(r, 1));
    return out;
  });
}

namespace {

// The day when `who` is its programme's 事務局, whatever its status; else NotFound.
ProgramDay CoordinatedDay(soci::session& s, const auth::Principal& who, std::int64_t program_id,
                          std::int64_t day_id) {
  auto day = LoadProgramDay(s, program_id, day_id, true);
  if (!day || !auth::Policy::CanCoordinate(who, day->org)) throw Abort{core::Error::NotFound()};
  return *day;
}

}  // namespace

core::Result<DayCalls> DayChangeService::Calls(const auth::Principal& who,
                                               const audit::Actor& actor, std::int64_t program_id,
                                               std::int64_t day_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<DayCalls>([&](soci::session& s) {
    ProgramDay day = CoordinatedDay(s, who, program_id, day_id);
    DayCalls out{std::move(day.day), std::move(day.program_name), {}};
    long long id = day_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT b.reference, b.status, sl.start_minutes, sl.end_minutes, "
                      "b.name_enc, b.furigana_enc, b.phone_enc, c.change, c.called_at "
                      "FROM day_change_call c JOIN booking b ON b.id = c.booking_id "
                      "LEFT JOIN consultation_slot sl ON sl.id = b.slot_id WHERE b.day_id = :d "
                      "ORDER BY CASE WHEN c.called_at IS NULL THEN 0 ELSE 1 END, "
                      "sl.start_minutes, b.created_at, b.id",
         soci::use(id));
    for (const auto& r : rows) {
      PersonToCall call;
      call.reference = GetText(r, 0);
      call.status = GetText(r, 1);
      if (!IsNull(r, 2)) {
        call.start_minutes = static_cast<int>(GetInt(r, 2));
        call.end_minutes = static_cast<int>(GetInt(r, 3));
      }
      const std::string ad = "booking:" + call.reference + ":";
      auto open = [&](int column, const char* name) {
        auto plain = cipher_.Decrypt(GetText(r, column), ad + name);
        return plain ? *plain : std::string();
      };
      call.name = open(4, "name");
      call.furigana = open(5, "furigana");
      call.phone = open(6, "phone");
      call.change = GetText(r, 7);
      if (!IsNull(r, 8)) call.called_at = GetInt(r, 8);
      out.calls.push_back(std::move(call));
    }
    if (!out.calls.empty()) {
      audit::AuditLog::Append(
          s, actor,
          {"booking.read", "consultation_day", std::to_string(day_id),
           "{\"bookings\":" + std::to_string(out.calls.size()) + ",\"call_list\":true}", day.org},
          now);
    }
    return out;
  });
}

core::Status DayChangeService::MarkCalled(const auth::Principal& who, const audit::Actor& actor,
                                          std::int64_t program_id, std::int64_t day_id,
                                          const std::string& reference) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const ProgramDay day = CoordinatedDay(s, who, program_id, day_id);
    long long did = day_id;
    long long booking = 0;
    soci::indicator called_ind = soci::i_null;
    long long called_at = 0;
    s << "SELECT b.id, c.called_at FROM day_change_call c JOIN booking b ON b.id = c.booking_id "
         "WHERE b.day_id = :d AND b.reference = :r",
        soci::use(did), soci::use(reference), soci::into(booking),
        soci::into(called_at, called_ind);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    if (called_ind == soci::i_ok) return;  // already marked: nothing changes
    long long at = now;
    long long by = actor.user_id;
    soci::statement mark =
        (s.prepare << "UPDATE day_change_call SET called_at = :t, called_by = :u WHERE "
                      "booking_id = :b AND called_at IS NULL",
         soci::use(at), soci::use(by), soci::use(booking));
    mark.execute(true);
    if (mark.get_affected_rows() == 1) {
      audit::AuditLog::Append(s, actor,
                              {"booking.change_called", "booking", std::to_string(booking),
                               "{\"day\":" + std::to_string(day_id) + "}", day.org},
                              now);
    }
  });
}

}  // namespace tsunagu::consultations
