// The day board's actions on one booking: staff bookings, the waiting list, check-in, no-shows,
// cancelling, rescheduling and assigning (declared in day_board.hpp).
#include <algorithm>
#include <set>

#include "auth/record_access.hpp"
#include "consultations/booking_rows.hpp"
#include "consultations/day_board.hpp"
#include "consultations/day_board_support.hpp"
#include "consultations/day_rows.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

using namespace board_detail;  // NOLINT(google-build-using-namespace): this domain's own helpers
using storage::Abort;

// ------------------------------------------------------------------------------- bookings

core::Result<BookingReceipt> DayBoardService::BookForCaller(
    const auth::Principal& who, const audit::Actor& actor, std::int64_t program_id,
    const BookingRequest& request, const ConfirmationBuilder& confirmation) {
  if (request.channel == "web") {
    return core::Error::Invalid("error.form", {{"channel", "booking.error.channel"}});
  }
  auto program = consultations_.GetProgram(who, program_id);
  if (!program) return program.error();
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  auto slot = consultations_.OpenSlot(program_id, request.slot_id, today);
  if (!slot) return slot.error();
  if (!*slot) {
    return core::Error::Invalid("error.form", {{"slot_id", "board.error.slot"}});
  }
  // Walk-ins are registered on the day itself, when the person is at the door.
  const bool walk_in = request.channel == "walk_in";
  if (walk_in && (*slot)->first.date != today) {
    return core::Error::Invalid("error.form", {{"channel", "board.error.walk_in_today"}});
  }
  auto receipt = consultations_.Book(request, actor, confirmation);
  if (!receipt) return receipt.error();
  if (walk_in) {
    if (auto in = CheckIn(who, actor, program_id, receipt->booking_id); !in) return in.error();
  }
  return receipt;
}

core::Result<BookingReceipt> DayBoardService::AddToWaitingList(const auth::Principal& who,
                                                               const audit::Actor& actor,
                                                               std::int64_t program_id,
                                                               std::int64_t day_id,
                                                               const BookingRequest& request) {
  BookingRequest checked = request;
  checked.slot_id = 1;  // no slot yet: only the intake and contacts are checked
  auto errors = ConsultationService::ValidateBooking(checked);
  if (request.channel == "web") errors.push_back({"channel", "booking.error.channel"});
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  return db_.Write<BookingReceipt>([&](soci::session& s) {
    const DayRef day = DayFor(s, who, program_id, day_id, true);
    if (day.day.status != "scheduled" || core::ToIso(day.day.date) < today) {
      throw Abort{core::Error::NotFound()};
    }
    BookingReceipt receipt;
    receipt.reference = NewBookingReference();
    NewBooking row;
    row.reference = receipt.reference;
    row.day_id = day_id;
    row.status = "waiting";
    row.created_by = who.user_id;
    row.now = now;
    const std::int64_t id = InsertBooking(s, cipher_, row, request);
    receipt.booking_id = id;
    Audit(s, actor, "booking.waiting", id, day.org, now,
          "{\"channel\":\"" + request.channel + "\"}");
    return receipt;
  });
}

core::Status DayBoardService::CheckIn(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t program_id, std::int64_t booking_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, false);
    if (b.status == "attended") return;  // a second click changes nothing
    if (b.status != "booked") throw Abort{core::Error::Conflict("board.error.not_booked")};
    // Arrival is recorded on the day or later (paper lists typed in afterwards), never before.
    if (core::DaysBetween(b.date, today) < 0) {
      throw Abort{core::Error::Conflict("board.error.not_yet")};
    }
    long long id = booking_id;
    long long at = now;
    s << "UPDATE booking SET status = 'attended', checked_in_at = :t, updated_at = :u WHERE id = "
         ":id AND status = 'booked'",
        soci::use(at), soci::use(at), soci::use(id);
    Audit(s, actor, "booking.check_in", booking_id, b.org, now);
  });
}

core::Status DayBoardService::SetNeedsConsideration(const auth::Principal& who,
                                                    const audit::Actor& actor,
                                                    std::int64_t program_id,
                                                    std::int64_t booking_id, bool needed) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    long long id = booking_id;
    long long at = now;
    int flag = needed ? 1 : 0;
    s << "UPDATE booking SET needs_consideration = :f, updated_at = :u WHERE id = :id",
        soci::use(flag), soci::use(at), soci::use(id);
    Audit(s, actor, "booking.consideration", booking_id, b.org, now,
          needed ? "{\"needed\":true}" : "{\"needed\":false}");
  });
}

core::Status DayBoardService::MarkNoShow(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t program_id, std::int64_t booking_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    if (b.status == "no_show") return;
    if (b.status != "booked") throw Abort{core::Error::Conflict("board.error.not_booked")};
    if (core::DaysBetween(b.date, today) < 0) {
      throw Abort{core::Error::Conflict("board.error.not_yet")};
    }
    long long id = booking_id;
    long long at = now;
    s << "UPDATE booking SET status = 'no_show', updated_at = :u WHERE id = :id AND status = "
         "'booked'",
        soci::use(at), soci::use(id);
    Audit(s, actor, "booking.no_show", booking_id, b.org, now);
  });
}

core::Status DayBoardService::Cancel(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t program_id, std::int64_t booking_id) {
  const std::int64_t now = clock_.NowSeconds();
  std::int64_t day_id = 0;
  auto done = db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    if (b.status == "cancelled") return;
    if (b.status != "booked" && b.status != "waiting" && b.status != "offered") {
      throw Abort{core::Error::Conflict("board.error.not_booked")};
    }
    long long id = booking_id;
    long long at = now;
    std::string status = b.status;
    soci::statement cancel =
        (s.prepare << "UPDATE booking SET status = 'cancelled', hold_expires_at = NULL, "
                      "offer_token_hash = '', updated_at = :u WHERE id = :id AND status = :st",
         soci::use(at), soci::use(id), soci::use(status));
    cancel.execute(true);
    if (cancel.get_affected_rows() != 1) return;
    if (b.slot_id && b.status != "waiting") FreePlace(s, *b.slot_id);
    s << "DELETE FROM booking_staff WHERE booking_id = :id", soci::use(id);
    Audit(s, actor, "booking.cancel", booking_id, b.org, now);
    day_id = b.day_id;
  });
  if (!done) return done;
  if (day_id != 0) {
    if (auto offered = OfferFreedPlaces(day_id); !offered) return offered.error();
  }
  return core::Ok{};
}

core::Status DayBoardService::Reschedule(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t program_id, std::int64_t booking_id,
                                         std::int64_t new_slot_id) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  std::int64_t old_day = 0;
  auto done = db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    if (b.status != "booked") throw Abort{core::Error::Conflict("board.error.not_booked")};
    if (b.slot_id && *b.slot_id == new_slot_id) return;
    // The new place first: when it is full, nothing has moved.
    TakePlace(s, new_slot_id, today, program_id);
    long long slot = new_slot_id;
    long long new_day = 0;
    s << "SELECT day_id FROM consultation_slot WHERE id = :id", soci::use(slot),
        soci::into(new_day);
    if (b.slot_id) FreePlace(s, *b.slot_id);
    long long id = booking_id;
    long long at = now;
    s << "UPDATE booking SET slot_id = :s, day_id = :d, booth = NULL, updated_at = :u WHERE id = "
         ":id",
        soci::use(slot), soci::use(new_day), soci::use(at), soci::use(id);
    if (new_day != b.day_id) s << "DELETE FROM booking_staff WHERE booking_id = :id", soci::use(id);
    Audit(s, actor, "booking.reschedule", booking_id, b.org, now,
          "{\"slot\":" + std::to_string(new_slot_id) + "}");
    old_day = b.day_id;
  });
  if (!done) return done;
  if (old_day != 0) {
    if (auto offered = OfferFreedPlaces(old_day); !offered) return offered.error();
  }
  return core::Ok{};
}

core::Status DayBoardService::Assign(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t program_id, std::int64_t booking_id,
                                     std::optional<int> booth,
                                     const std::vector<std::int64_t>& counselor_ids) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    if (b.status != "booked" && b.status != "attended") {
      throw Abort{core::Error::Conflict("board.error.not_booked")};
    }
    std::vector<core::FieldError> errors;
    if (booth && (*booth < 1 || *booth > b.booths))
      errors.push_back({"booth", "board.error.booth"});
    long long did = b.day_id;
    std::set<std::int64_t> unique(counselor_ids.begin(), counselor_ids.end());
    for (std::int64_t user : unique) {
      long long uid = user;
      int rostered = 0;
      s << "SELECT COUNT(*) FROM day_staff WHERE day_id = :d AND user_id = :u", soci::use(did),
          soci::use(uid), soci::into(rostered);
      if (rostered == 0) {
        errors.push_back({"counselors", "board.error.counselor"});
        break;
      }
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form", errors)};
    long long id = booking_id;
    long long at = now;
    int booth_value = booth.value_or(0);
    soci::indicator booth_ind = booth ? soci::i_ok : soci::i_null;
    s << "UPDATE booking SET booth = :b, updated_at = :u WHERE id = :id",
        soci::use(booth_value, booth_ind), soci::use(at), soci::use(id);
    s << "DELETE FROM booking_staff WHERE booking_id = :id", soci::use(id);
    for (std::int64_t user : unique) {
      long long uid = user;
      s << "INSERT INTO booking_staff (booking_id, user_id) VALUES (:b, :u)", soci::use(id),
          soci::use(uid);
    }
    Audit(s, actor, "booking.assign", booking_id, b.org, now,
          "{\"counselors\":" + std::to_string(unique.size()) + "}");
  });
}

}  // namespace tsunagu::consultations
