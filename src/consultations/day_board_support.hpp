// What the day board's service files share (day_board.cpp, booking_actions.cpp,
// waiting_offers.cpp): loading a booking or a day with the caller's right to act on it, giving a
// place back, and the booking's audit event. Internal to the consultations domain.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/day_rows.hpp"
#include "core/wareki.hpp"

namespace tsunagu::consultations::board_detail {

inline constexpr std::int64_t kSecondsPerDay = 86400;
inline constexpr std::int64_t kJstOffsetSeconds = 9 * 3600;

// Unix seconds of `minutes` after midnight JST on `date`.
std::int64_t JstSeconds(core::Date date, int minutes);

// "令和7年4月13日 18:00" for the end of a hold (JST).
std::string HoldEnd(std::int64_t unix_seconds, const std::string& lang);

// "a,b,c" → {"a", "b", "c"} (empty parts dropped).
std::vector<std::string> SplitCodes(const std::string& text);

struct BookingRef {
  std::int64_t id = 0;
  std::int64_t day_id = 0;
  std::optional<std::int64_t> slot_id;
  std::string status;
  std::string reference;
  core::Date date;
  std::int64_t org = 0;
  int booths = 0;
  std::string day_status;
};

// A booking of the programme; nullopt when it does not exist or belongs to another one.
std::optional<BookingRef> LoadBooking(soci::session& s, std::int64_t program_id,
                                      std::int64_t booking_id);

// The booking when `who` may act on it as the 事務局 (coordinate) or as staff (counsel);
// another organisation's booking is Abort(NotFound), like a missing one.
BookingRef BookingFor(soci::session& s, const auth::Principal& who, std::int64_t program_id,
                      std::int64_t booking_id, bool coordinate);

using DayRef = ProgramDay;

// The day under the same rule as BookingFor.
DayRef DayFor(soci::session& s, const auth::Principal& who, std::int64_t program_id,
              std::int64_t day_id, bool coordinate);

// Gives one place back to the slot (never below zero).
void FreePlace(soci::session& s, std::int64_t slot_id);

// Appends the booking's audit event.
void Audit(soci::session& s, const audit::Actor& actor, const std::string& action,
           std::int64_t booking_id, std::int64_t org, std::int64_t now,
           const std::string& detail = "{}");

}  // namespace tsunagu::consultations::board_detail
