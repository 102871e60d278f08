// One person as the holding organisation knows them, read inside a transaction: the client
// row (decrypted) and the bookings that are theirs — the one they came from and the
// organisation's bookings with the same phone or e-mail (blind indexes, never a scan of names).
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "clients/client_service.hpp"
#include "crypto/field_cipher.hpp"

namespace tsunagu::rights {

struct Person {
  std::int64_t org = 0;
  std::string org_name;
  std::int64_t client_id = 0;
  clients::ClientInput client;  // booking_id: the booking the person came from (0: none)
  std::int64_t created_at = 0;
  std::int64_t use_stopped_at = 0;
  std::int64_t anonymised_at = 0;
  std::string event_email_bidx;
  std::string event_phone_bidx;
  std::vector<std::int64_t> booking_ids;
};

// Throws storage::Abort NotFound unless the client is `org`'s own.
Person LoadPerson(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t org,
                  std::int64_t client_id);

// A person known only from bookings or event registrations of `org`, found by phone or e-mail
// (client_id 0). Bookings from which a client was made are left out: they are the client's.
Person LoadContactPerson(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t org,
                         const std::string& phone, const std::string& email);

// "client:<id>:<column>", the associated data of the client's sealed columns.
std::string ClientAd(std::int64_t id, const char* column);

}  // namespace tsunagu::rights
