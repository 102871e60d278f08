// Moving or cancelling a consultation day that people have already booked (issue 3: days can
// be moved or cancelled, and the people booked are told). One transaction changes the day, its
// slots and bookings, queues a polite e-mail to every person with an address, a notice WITHOUT
// personal data to the day's rostered staff (seed 001 イ), and the audit events. People who left
// only a phone number are returned to the 事務局, who calls them; reading their names is audited
// (SECURITY.md rule 4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/model.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// Limits of the words the 事務局 writes to the people booked (code points).
inline constexpr std::size_t kMaxDayChangeReason = 400;
inline constexpr std::size_t kMaxDayChangeVenue = 200;

// Who a change of the day reaches: counts only, for the confirmation pages.
struct DayPeople {
  int booked = 0;    // booked, or offered a held place from the waiting list
  int waiting = 0;   // on the waiting list
  int by_email = 0;  // told by e-mail
  int by_phone = 0;  // no e-mail address: the 事務局 calls them
  int Total() const { return booked + waiting; }
};

// Someone the e-mail cannot reach. Decrypted for the 事務局 only; the read is audited.
struct PersonToCall {
  std::string reference;
  std::string status;                // booked, offered or waiting (before the change)
  std::optional<int> start_minutes;  // the slot after a move, the old one after a cancellation
  std::optional<int> end_minutes;
  std::string name;
  std::string furigana;
  std::string phone;
  // On the day's call list (DayChangeService::Calls): what the call is about ("cancel" or
  // "move"), and when it was made (nullopt while still to make).
  std::string change;
  std::optional<std::int64_t> called_at;
};

// The call list of a moved or cancelled day: everyone its change could not reach by e-mail,
// kept until the 事務局 marks each called.
struct DayCalls {
  ConsultationDay day;  // as it is now (moved, or cancelled), with slots
  std::string program_name;
  std::vector<PersonToCall> calls;  // still to call first, then those called
  int Pending() const {
    int n = 0;
    for (const auto& c : calls) n += c.called_at ? 0 : 1;
    return n;
  }
};

enum class DayChange { kCancel, kMove };

// A day that can still be moved or cancelled.
struct DayChangeView {
  ConsultationDay day;  // with slots
  std::string program_name;
  DayPeople people;
  // The day has passed: cancelling it only records that it was not held (nobody is told).
  bool past = false;
};

// The new date and start of a day. The end and every slot shift by the same amount, so slots
// keep their length and order and each booking keeps its place.
struct DayMove {
  core::Date date;
  int start_minutes = -1;
  std::string venue;    // the day's venue, changed or not
  std::string message;  // optional words to the people booked; only in their e-mail
};

// What PlanMove would write: the confirmation page shows both days side by side.
struct MovePlan {
  DayChangeView current;
  ConsultationDay moved;  // with the shifted slots (same ids)
};

struct DayChangeResult {
  ConsultationDay before;  // with slots
  ConsultationDay after;   // moved, or with status "cancelled"
  std::string program_name;
  DayPeople people;  // as they were when the change was made
  int emailed = 0;
  int staff_notified = 0;
  std::vector<PersonToCall> to_call;
};

class DayChangeService {
 public:
  DayChangeService(storage::Database& db, const core::Clock& clock,
                   const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                   const core::Catalog& catalog, const std::string& public_url)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        outbox_(outbox),
        catalog_(catalog),
        public_url_(public_url) {}

  // The day with its slots and counts when `change` is still possible. NotFound for a missing
  // or cancelled day and for another organisation's (the same answer). kConflict: a day that
  // has passed cannot move ("daychange.error.past_day"), nor one where someone has been
  // received ("daychange.error.started"); a past day where someone was received was held and
  // cannot be cancelled ("daychange.error.held").
  core::Result<DayChangeView> Prepare(const auth::Principal& who, std::int64_t program_id,
                                      std::int64_t day_id, DayChange change);

  // The reason is required when anyone is booked or waiting and will be told (it is written
  // to them).
  static std::vector<core::FieldError> ValidateReason(const DayChangeView& view,
                                                      const std::string& reason);

  // Cancels the day and every booking, offer and waiting-list entry on it, giving the places
  // back; the people are told (the day's reminders can no longer go out). A day that has
  // passed is only recorded as not held: nobody is written to.
  core::Result<DayChangeResult> CancelDay(const auth::Principal& who, const audit::Actor& actor,
                                          std::int64_t program_id, std::int64_t day_id,
                                          const std::string& reason);

  // Checks the move without writing: field errors as kInvalidInput, like MoveDay.
  core::Result<MovePlan> PlanMove(const auth::Principal& who, std::int64_t program_id,
                                  std::int64_t day_id, const DayMove& move);
  // Moves the day and its slots; the notices before the day (staff status, reminders) go out
  // again for the new date. Refused like Prepare(kMove).
  core::Result<DayChangeResult> MoveDay(const auth::Principal& who, const audit::Actor& actor,
                                        std::int64_t program_id, std::int64_t day_id,
                                        const DayMove& move);

  // The day's call list for its 事務局 (NotFound for anyone else, as for the board). Reading the
  // names is audited when there are any (booking.read). The list stays after the day is
  // cancelled.
  core::Result<DayCalls> Calls(const auth::Principal& who, const audit::Actor& actor,
                               std::int64_t program_id, std::int64_t day_id);

  // Marks the person with booking `reference` on the day's list as called (audited
  // booking.change_called). Marking twice changes nothing; NotFound when the reference is not
  // on the day's list.
  core::Status MarkCalled(const auth::Principal& who, const audit::Actor& actor,
                          std::int64_t program_id, std::int64_t day_id,
                          const std::string& reference);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  const core::Catalog& catalog_;
  const std::string& public_url_;  // the configuration's, which outlives this
};

}  // namespace tsunagu::consultations
