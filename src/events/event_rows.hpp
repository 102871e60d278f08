// Rows of community_event and event_registration: the one place where an event row is read,
// where a registrant's contacts are normalised, encrypted (associated data
// "event_registration:<reference>:<column>") and given blind indexes, and where a place of a 枠
// is taken or given back. Public registrations and those staff enter both go through here.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "crypto/field_cipher.hpp"
#include "events/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::events {

// The columns ReadEvent expects, for "SELECT <kEventColumns> FROM community_event e JOIN
// organization o ON o.id = e.organization_id".
extern const char* const kEventColumns;
Event ReadEvent(const soci::row& r);

// The event with `id`, or nothing.
std::optional<Event> FindEvent(soci::session& s, std::int64_t id);

// Takes one place of the 枠 while one is free on an event that is not cancelled: one
// conditional statement, no count read first. True when taken, false when the 枠 is full.
// Throws Abort NotFound when the event was cancelled meanwhile (the row is read again after
// the UPDATE, which waited for any change of the event that held its lock).
bool TakePlace(soci::session& s, std::int64_t event_id, const std::string& mode);
// Locks the event's row without changing it (a no-op UPDATE): people joining a waiting list
// take turns, so ids, and so positions, follow the order in which they joined.
void LockEvent(soci::session& s, std::int64_t event_id);
// Gives one place of the 枠 back (never below zero).
void FreePlace(soci::session& s, std::int64_t event_id, const std::string& mode);

// Where a waiting registration stands on its 枠's list: 1 = next.
int WaitingPosition(soci::session& s, std::int64_t event_id, const std::string& mode,
                    std::int64_t registration_id);
// How many wait for each 枠 (fills venue_waiting / online_waiting).
void CountWaiting(soci::session& s, Event& event);

struct NewRegistration {
  std::string reference;
  std::string status;  // registered or waiting
  std::string cancel_token_hash;
  std::string address_bidx;  // public form: keyed hash of the client address
  std::int64_t created_by = 0;
  std::int64_t now = 0;
};

// Inserts the registration with the request's answers; returns its id.
std::int64_t InsertRegistration(soci::session& s, const crypto::FieldCipher& cipher,
                                const NewRegistration& row, const RegistrationRequest& request);

// The registrant's decrypted contacts (associated data of its own row).
Registrant ReadRegistrant(const crypto::FieldCipher& cipher, const std::string& reference,
                          const std::string& name_enc, const std::string& furigana_enc,
                          const std::string& phone_enc, const std::string& email_enc);

}  // namespace tsunagu::events
