#include "consultations/day_board_support.hpp"

#include "auth/record_access.hpp"
#include "core/text.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations::board_detail {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

// Unix seconds of `minutes` after midnight JST on `date`.
std::int64_t JstSeconds(core::Date date, int minutes) {
  return static_cast<std::int64_t>(core::DaysBetween(core::Date{1970, 1, 1}, date)) *
             kSecondsPerDay +
         minutes * 60LL - kJstOffsetSeconds;
}

// "令和7年4月13日 18:00" for the end of a hold (JST).
std::string HoldEnd(std::int64_t unix_seconds, const std::string& lang) {
  const std::int64_t local = unix_seconds + kJstOffsetSeconds;
  const int minutes =
      static_cast<int>(((local % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay / 60);
  return core::FormatDateTime(core::DateFromUnixSeconds(unix_seconds), minutes / 60, minutes % 60,
                              lang);
}

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// A booking of the programme; nullopt when it does not exist or belongs to another one.
std::optional<BookingRef> LoadBooking(soci::session& s, std::int64_t program_id,
                                      std::int64_t booking_id) {
  long long pid = program_id;
  long long bid = booking_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT b.id, b.day_id, b.slot_id, b.status, b.reference, d.day_date, "
                    "p.organization_id, d.booths, d.status FROM booking b JOIN consultation_day "
                    "d ON d.id = b.day_id JOIN program p ON p.id = d.program_id WHERE b.id = :b "
                    "AND p.id = :p",
       soci::use(bid), soci::use(pid));
  for (const auto& r : rows) {
    BookingRef ref;
    ref.id = GetInt(r, 0);
    ref.day_id = GetInt(r, 1);
    if (!IsNull(r, 2)) ref.slot_id = GetInt(r, 2);
    ref.status = GetText(r, 3);
    ref.reference = GetText(r, 4);
    ref.date = core::ParseIsoDate(GetText(r, 5)).value_or(core::Date{});
    ref.org = GetInt(r, 6);
    ref.booths = static_cast<int>(GetInt(r, 7));
    ref.day_status = GetText(r, 8);
    return ref;
  }
  return std::nullopt;
}

// The booking when `who` may act on it as the 事務局 (coordinate) or as staff (counsel);
// another organisation's booking is Abort(NotFound), like a missing one.
BookingRef BookingFor(soci::session& s, const auth::Principal& who, std::int64_t program_id,
                      std::int64_t booking_id, bool coordinate) {
  auto ref = LoadBooking(s, program_id, booking_id);
  const bool allowed =
      ref && (coordinate ? auth::Policy::CanCoordinate(who, ref->org)
                         : auth::RecordAccess::Day(s, who, program_id, ref->day_id).has_value());
  if (!allowed) throw Abort{core::Error::NotFound()};
  return *ref;
}

DayRef DayFor(soci::session& s, const auth::Principal& who, std::int64_t program_id,
              std::int64_t day_id, bool coordinate) {
  auto ref = LoadProgramDay(s, program_id, day_id, false);
  // Counselling on a day is auth::RecordAccess::Day's to decide: partner staff on its roster.
  const bool allowed =
      ref && (coordinate ? auth::Policy::CanCoordinate(who, ref->org)
                         : auth::RecordAccess::Day(s, who, program_id, day_id).has_value());
  if (!allowed) throw Abort{core::Error::NotFound()};
  return *ref;
}

// Gives one place back to the slot (never below zero).
void FreePlace(soci::session& s, std::int64_t slot_id) {
  long long id = slot_id;
  s << "UPDATE consultation_slot SET booked = booked - 1 WHERE id = :id AND booked > 0",
      soci::use(id);
}

void Audit(soci::session& s, const audit::Actor& actor, const std::string& action,
           std::int64_t booking_id, std::int64_t org, std::int64_t now, const std::string& detail) {
  audit::AuditLog::Append(s, actor, {action, "booking", std::to_string(booking_id), detail, org},
                          now);
}

}  // namespace tsunagu::consultations::board_detail
