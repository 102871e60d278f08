// The employers' rules (issue 16). Reading: the keeper's staff and, for shared employers, the
// partners' staff (rows.hpp). Writing, archiving and the contact people: the keeper's staff
// only. An edit names the version it was read at; a stale one is a Conflict and changes
// nothing. Contacts and the attitude note are encrypted; every read of the contacts and every
// change is audited in its transaction.
#pragma once

#include <cstdint>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "employment/employers/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::employment::employers {

class EmployerService {
 public:
  EmployerService(storage::Database& db, const core::Clock& clock,
                  const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  core::Result<EmployerPage> Search(const auth::Principal& who, const EmployerQuery& query);
  // The employer (attitude note decrypted for the keeper only); NotFound when not visible.
  core::Result<Employer> Get(const auth::Principal& who, std::int64_t id);
  // The keeper's contacts, decrypted; the read is audited. NotFound for anyone else.
  core::Result<std::vector<Contact>> Contacts(const auth::Principal& who, const audit::Actor& actor,
                                              std::int64_t id);

  static std::vector<core::FieldError> Validate(const EmployerInput& input);
  core::Result<std::int64_t> Create(const auth::Principal& who, const audit::Actor& actor,
                                    const EmployerInput& input);
  // Conflict "employers.error.stale" when input.version is not the current one.
  core::Status Update(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                      const EmployerInput& input);
  // Archive (archived = true) or bring back; same version rule.
  core::Status SetArchived(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                           int version, bool archived);

  core::Result<std::int64_t> AddContact(const auth::Principal& who, const audit::Actor& actor,
                                        std::int64_t employer_id, const ContactInput& input);
  core::Status RemoveContact(const auth::Principal& who, const audit::Actor& actor,
                             std::int64_t employer_id, std::int64_t contact_id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace tsunagu::employment::employers
