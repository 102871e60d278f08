// Rules for organisations and memberships. Every method asks the policy first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "orgs/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::orgs {

class OrgService {
 public:
  OrgService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // System administration (also used by the CLI with a system actor).
  core::Result<std::int64_t> CreateOrganization(const audit::Actor& actor,
                                                const std::string& kind,
                                                const std::string& name);
  core::Result<std::vector<Organization>> ListOrganizations();
  core::Result<Organization> GetOrganization(std::int64_t id);
  core::Status SetOrganizationStatus(const audit::Actor& actor, std::int64_t id,
                                     const std::string& status);
  // Adds an existing active user to an organisation (CLI and system admins).
  core::Result<std::int64_t> AddMember(const audit::Actor& actor, std::int64_t org_id,
                                       std::int64_t user_id, const std::string& role,
                                       const std::string& profession);

  // Organisation administration: `who` must be an admin of org_id.
  core::Result<std::vector<Membership>> ListMembers(const auth::Principal& who,
                                                    std::int64_t org_id);
  core::Status UpdateMember(const auth::Principal& who, const audit::Actor& actor,
                            std::int64_t membership_id, const std::string& role,
                            const std::string& profession);
  core::Status RemoveMember(const auth::Principal& who, const audit::Actor& actor,
                            std::int64_t membership_id);

  core::Result<std::vector<Membership>> MembershipsOf(std::int64_t user_id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

// Validates the invite/update form fields shared by the UI and the API.
std::vector<core::FieldError> ValidateMemberFields(const std::string& role,
                                                   const std::string& profession);

}  // namespace tsunagu::orgs
