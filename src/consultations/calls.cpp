// Calls on 電話 / オンライン days (seed 001 別紙): the counselor calls the person at the
// booking's time; a call that gets through is the consultation taking place, an unanswered one
// is recorded and may be tried again, and the last allowed try closes the booking as 連絡つかず.
#include "consultations/calls.hpp"

#include <map>

#include "auth/record_access.hpp"
#include "consultations/day_board_support.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

using namespace board_detail;  // NOLINT(google-build-using-namespace): this domain's own helpers
using storage::Abort;
using storage::GetInt;

namespace {

// The booking when `who` may call the person now: the 事務局 of a phone or online day on or
// after it, or a counselor assigned to the booking on the day itself.
BookingRef CallableBooking(soci::session& s, const auth::Principal& who, std::int64_t program_id,
                           std::int64_t booking_id, core::Date today) {
  auto ref = LoadBooking(s, program_id, booking_id);
  if (!ref) throw Abort{core::Error::NotFound()};
  const auto access = auth::RecordAccess::Booking(s, who, booking_id, today);
  if (!access) throw Abort{core::Error::NotFound()};
  if (*access == auth::BookingContact::kNone) throw Abort{core::Error::Forbidden()};
  long long day = ref->day_id;
  std::string mode;
  s << "SELECT mode FROM consultation_day WHERE id = :d", soci::use(day), soci::into(mode);
  if (mode != "phone" && mode != "online") {
    throw Abort{core::Error::Conflict("phoneday.error.not_phone_day")};
  }
  if (core::DaysBetween(ref->date, today) < 0) {
    throw Abort{core::Error::Conflict("board.error.not_yet")};
  }
  return *ref;
}

void InsertCall(soci::session& s, std::int64_t booking_id, const char* outcome,
                std::int64_t user_id, std::int64_t now) {
  long long id = booking_id;
  long long user = user_id;
  long long at = now;
  const std::string what = outcome;
  s << "INSERT INTO booking_call (booking_id, outcome, called_by, called_at) VALUES (:b, :o, :u, "
       ":t)",
      soci::use(id), soci::use(what), soci::use(user), soci::use(at);
}

}  // namespace

core::Status DayBoardService::CallConnected(const auth::Principal& who, const audit::Actor& actor,
                                            std::int64_t program_id, std::int64_t booking_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = CallableBooking(s, who, program_id, booking_id, today);
    if (b.status == "attended") return;  // a second click changes nothing
    if (b.status != "booked") throw Abort{core::Error::Conflict("board.error.not_booked")};
    long long id = booking_id;
    long long at = now;
    soci::statement attend =
        (s.prepare << "UPDATE booking SET status = 'attended', checked_in_at = :t, updated_at = "
                      ":u WHERE id = :id AND status = 'booked'",
         soci::use(at), soci::use(at), soci::use(id));
    attend.execute(true);
    if (attend.get_affected_rows() != 1) return;
    InsertCall(s, booking_id, "connected", who.user_id, now);
    Audit(s, actor, "booking.call", booking_id, b.org, now, "{\"outcome\":\"connected\"}");
  });
}

core::Status DayBoardService::CallNotAnswered(const auth::Principal& who, const audit::Actor& actor,
                                              std::int64_t program_id, std::int64_t booking_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = CallableBooking(s, who, program_id, booking_id, today);
    if (b.status != "booked") throw Abort{core::Error::Conflict("board.error.not_booked")};
    long long id = booking_id;
    long long at = now;
    // Locks the booking first, so two callers pressing at once count two tries, not one.
    s << "UPDATE booking SET updated_at = :u WHERE id = :id", soci::use(at), soci::use(id);
    InsertCall(s, booking_id, "no_answer", who.user_id, now);
    long long tries = 0;
    s << "SELECT COUNT(*) FROM booking_call WHERE booking_id = :b AND outcome = 'no_answer'",
        soci::use(id), soci::into(tries);
    Audit(s, actor, "booking.call", booking_id, b.org, now,
          "{\"outcome\":\"no_answer\",\"try\":" + std::to_string(tries) + "}");
    if (tries < kCallTries) return;
    // The place is not given back: the time has passed, as for a no-show.
    s << "UPDATE booking SET status = 'no_show', unreachable_at = :t WHERE id = :id AND status = "
         "'booked'",
        soci::use(at), soci::use(id);
    Audit(s, actor, "booking.unreachable", booking_id, b.org, now,
          "{\"tries\":" + std::to_string(tries) + "}");
  });
}

void AttachCalls(soci::session& s, DayBoard& board) {
  long long did = board.day.id;
  std::map<std::int64_t, BoardBooking*> by_id;
  for (auto& b : board.bookings) by_id[b.id] = &b;
  soci::rowset<soci::row> calls =
      (s.prepare << "SELECT c.booking_id, c.outcome, c.called_at FROM booking_call c JOIN booking "
                    "b ON b.id = c.booking_id WHERE b.day_id = :d ORDER BY c.id",
       soci::use(did));
  for (const auto& r : calls) {
    auto it = by_id.find(GetInt(r, 0));
    if (it == by_id.end()) continue;
    if (storage::GetText(r, 1) == "no_answer") ++it->second->unanswered_calls;
    it->second->last_call_at = GetInt(r, 2);
  }
  soci::rowset<soci::row> closed =
      (s.prepare << "SELECT id FROM booking WHERE day_id = :d AND unreachable_at IS NOT NULL",
       soci::use(did));
  for (const auto& r : closed) {
    auto it = by_id.find(GetInt(r, 0));
    if (it != by_id.end()) it->second->unreachable = true;
  }
}

}  // namespace tsunagu::consultations
