// A programme's bookings over a period, for its 事務局 (the bookings list of the JSON API):
// what the day board shows its coordinators, across days, a page at a time. Reading names and
// contacts writes one audit event per page (SECURITY.md rule 4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// The sort key of the list: the day, the slot's start (the waiting list after every slot), id.
struct BookingListKey {
  std::string date;  // ISO
  std::int64_t start_minutes = 0;
  std::int64_t id = 0;
};
inline constexpr std::int64_t kWaitingListStart =
    std::int64_t{24} * 60;  // after every slot of the day

struct BookingListQuery {
  std::int64_t program_id = 0;
  std::optional<std::string> from;  // ISO dates, inclusive
  std::optional<std::string> to;
  std::optional<std::string> status;  // one of the booking statuses
  int limit = 50;                     // rows returned: limit + 1 (for the next page)
  std::optional<BookingListKey> after;
};

struct ListedBooking {
  BookingListKey key;
  std::string reference;
  std::int64_t day_id = 0;
  std::optional<std::int64_t> slot_id;
  int end_minutes = 0;
  std::string status;
  std::string channel;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> checked_in_at;
  std::optional<int> booth;
  bool has_record = false;
  Contact contact;  // name, furigana, phone, e-mail (the coordinator's board shows them)
};

bool IsBookingStatus(const std::string& status);

// Up to limit + 1 bookings of the programme after `after`, in key order. The programme must be
// one the caller coordinates (its organisation's 事務局); anything else is NotFound.
core::Result<std::vector<ListedBooking>> ListBookings(
    storage::Database& db, const crypto::FieldCipher& cipher, const core::Clock& clock,
    const auth::Principal& who, const audit::Actor& actor, const BookingListQuery& query);

}  // namespace tsunagu::consultations
