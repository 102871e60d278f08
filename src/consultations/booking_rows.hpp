// Writing a booking row: the one place where a person's contacts are normalised, encrypted
// (associated data "booking:<reference>:<column>") and given blind indexes. Public booking,
// bookings taken by staff and the waiting list all go through here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "consultations/model.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// A reference read out on the phone, e.g. "TS-7K3M-9QXA": unambiguous letters and digits.
std::string NewBookingReference();

struct NewBooking {
  std::string reference;
  std::int64_t day_id = 0;
  std::optional<std::int64_t> slot_id;  // none on the waiting list
  std::string status;                   // "booked" or "waiting"
  std::string cancel_token_hash;        // empty when no cancel link is sent
  std::int64_t created_by = 0;          // 0: the person themselves
  std::string address_bidx;             // public pages: keyed hash of the client address
  std::int64_t now = 0;
};

// Takes one place in the slot while one is free, on a scheduled day from `today` on (of
// `program_id` when given), or throws Abort: kConflict "booking.full" (満席) or NotFound. The
// database decides: one statement takes the place, no count is read first. A day being
// cancelled or moved at the same moment locks its slots first (day_changes.cpp); the day is
// read again after the place is taken, so a booking that waited for such a change never lands
// on a day that was just cancelled.
void TakePlace(soci::session& s, std::int64_t slot_id, const std::string& today,
               std::optional<std::int64_t> program_id = std::nullopt);

// A public booking's turn for its client address on the day: locks the (day, address) row
// (insert-if-absent, then a no-op update: parallel bookings from one address wait here), then
// counts that address's open (not cancelled) bookings of the day. At `limit` or more, throws
// Abort kRateLimited "booking.error.address_limit". The caller stores `address_bidx` on the
// booking it inserts in the same transaction.
void HoldAddressPlace(soci::session& s, std::int64_t day_id, const std::string& address_bidx,
                      int limit);

// The person's contacts encrypted (bound to the booking's reference) and their search keys,
// made before the write transaction: SQLite has one writer at a time, and what needs no
// database should not hold it (the insertion, encryption included, took 100 of a public
// booking's 240 µs in the writer's turn).
struct SealedContacts {
  std::string name_enc, furigana_enc, phone_enc, email_enc, diagnosis_enc, notes_enc;
  std::string email_bidx, phone_bidx;
};
SealedContacts SealContacts(const crypto::FieldCipher& cipher, const std::string& reference,
                            const Contact& contact);

// Inserts the booking with the request's intake and contacts; returns its id.
std::int64_t InsertBooking(soci::session& s, const crypto::FieldCipher& cipher,
                           const NewBooking& row, const BookingRequest& request);
// The same with the contacts sealed beforehand (SealContacts with row.reference).
std::int64_t InsertBooking(soci::session& s, const crypto::FieldCipher& cipher,
                           const NewBooking& row, const BookingRequest& request,
                           const SealedContacts& sealed);

}  // namespace tsunagu::consultations
