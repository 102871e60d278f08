// The information directory's rules (issue 15). Reading is public: active services, searched in
// Japanese with hiragana/katakana and full/half-width folded. Writing is for the coordinators
// and admins of the organisation that owns an entry; every change is audited in its
// transaction; a service is deactivated, never deleted.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "directory/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::directory {

class DirectoryService {
 public:
  DirectoryService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // --- public
  // Active services whose name, ふりがな, description or organisation's name (or ふりがな)
  // contain every word of `query` (empty: all), by category, then ふりがな.
  core::Result<std::vector<Service>> Search(const std::string& query);
  // One active service; NotFound for an inactive or unknown one.
  core::Result<Service> Find(std::int64_t service_id);

  // --- staff of the owning organisation (kOrgCoordinate)
  core::Result<std::vector<Organization>> OwnOrganizations(const auth::Principal& who);
  // Every service of the caller's organisation, inactive ones included.
  core::Result<std::vector<Service>> OwnServices(const auth::Principal& who);
  // An entry to edit: Forbidden for another organisation's entry that the public can read,
  // NotFound for one it cannot (an inactive service) or that does not exist.
  core::Result<Organization> OrganizationToEdit(const auth::Principal& who, std::int64_t id);
  core::Result<Service> ServiceToEdit(const auth::Principal& who, std::int64_t id);

  // kInvalidInput "error.form" with field errors; input is never changed on error. Audited.
  core::Result<std::int64_t> CreateOrganization(const auth::Principal& who,
                                                const audit::Actor& actor,
                                                const OrganizationInput& input);
  core::Status UpdateOrganization(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t id, const OrganizationInput& input);
  core::Result<std::int64_t> CreateService(const auth::Principal& who, const audit::Actor& actor,
                                           const ServiceInput& input);
  core::Status UpdateService(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                             const ServiceInput& input);
  // active: true to reactivate. Audited.
  core::Status SetActive(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                         bool active);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace tsunagu::directory
