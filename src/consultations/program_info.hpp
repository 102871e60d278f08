// What the public booking pages say about a programme besides its days (issue 14, points 5
// and 6): the 事務局's telephone, e-mail and hours for people who book by phone or mail, who may
// book, what to bring, the venue's access, and until when a slot can be booked on the pages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// Until when the public pages take a booking of a slot. Staff bookings (phone, mail, a walk-in
// on the day) are not bound by it.
struct BookingDeadline {
  std::string kind = "start";  // "start", "hours_before" (value hours) or "day_before" (at value時)
  int value = 0;

  friend bool operator==(const BookingDeadline&, const BookingDeadline&) = default;
};

struct ProgramInfo {
  std::string program_name;  // read only: the programme's own name, for the booking e-mails
  std::string office_phone;
  std::string office_email;
  std::string office_hours;   // 「平日 9:00〜17:00」
  std::string eligibility;    // 「県内に住所又は勤務地のある方」
  std::string what_to_bring;  // 「お薬手帳」
  std::string access;         // the venue's access: 「JR○○駅から徒歩5分」
  BookingDeadline deadline;
};

// Unix seconds from which the public pages refuse a booking of the slot starting
// `start_minutes` after midnight (JST) on `date`.
std::int64_t PublicBookingClosesAt(const BookingDeadline& deadline, core::Date date,
                                   int start_minutes);
// Unix seconds at `minutes` after midnight JST on `date`.
std::int64_t UnixSecondsJst(core::Date date, int minutes);

// Field errors (catalogue keys in ja/en.schedule2.toml), none when valid.
std::vector<core::FieldError> ValidateProgramInfo(const ProgramInfo& info);

class ProgramInfoStore {
 public:
  ProgramInfoStore(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // For the 事務局 of the programme's organisation; NotFound otherwise, like a missing one.
  core::Result<ProgramInfo> ForCoordinator(const auth::Principal& who, std::int64_t program_id);
  core::Status Save(const auth::Principal& who, const audit::Actor& actor, std::int64_t program_id,
                    const ProgramInfo& info);
  // For the public pages: only a published, active programme (else NotFound).
  core::Result<ProgramInfo> ForPublic(std::int64_t program_id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

// kConflict "programinfo.error.deadline_passed": the public pages no longer take this slot; the
// person is sent to the 事務局.
core::Error DeadlinePassed();
inline bool IsDeadlinePassed(const core::Error& e) {
  return e.message_key == "programinfo.error.deadline_passed";
}

// The deadline as stored in program.booking_deadline(_value), read inside a transaction.
BookingDeadline ReadBookingDeadline(soci::session& s, std::int64_t program_id);

}  // namespace tsunagu::consultations
