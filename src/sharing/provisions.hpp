// 第三者提供の記録 (APPI 法29条, SECURITY.md rule 3): every provision of a client's data to
// another organisation or to an employer contact is written here, in the transaction that
// provides it, and the providing organisation can list and export the records.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::sharing {

struct Provision {
  std::int64_t provider_org_id = 0;
  std::int64_t recipient_org_id = 0;  // 0: not an organisation of the system (share link)
  std::string recipient_label;        // who received it outside the system (encrypted)
  std::int64_t client_id = 0;
  std::int64_t consent_id = 0;
  std::vector<std::string> items;
  std::string channel;  // referral, shared_view, share_link
  std::int64_t actor_user_id = 0;
  std::int64_t share_link_id = 0;
};

// Writes the record. Views under one consent by one recipient on one (JST) day are one
// continuous provision: repeated views of the day add nothing.
void RecordProvision(soci::session& s, const crypto::FieldCipher& cipher, const Provision& p,
                     std::int64_t now);

struct ProvisionRow {
  std::int64_t id = 0;
  std::int64_t provided_at = 0;
  std::string recipient;  // organisation name, or the decrypted label
  std::int64_t client_id = 0;
  std::string client_name;  // the provider's own client: its name; otherwise empty
  std::int64_t consent_id = 0;
  std::vector<std::string> items;
  std::string channel;
};

class ProvisionService {
 public:
  ProvisionService(storage::Database& db, const core::Clock& clock,
                   const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // The principal's organisation's provisions between two dates (JST, inclusive), newest
  // first. Coordinators and admins only (kForbidden otherwise); audited.
  core::Result<std::vector<ProvisionRow>> List(const auth::Principal& who,
                                               const audit::Actor& actor, const std::string& from,
                                               const std::string& to, int limit);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace tsunagu::sharing
