// Rules for organisations and memberships. Every method asks the policy first.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "orgs/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::orgs {

struct AuditPage {
  std::vector<audit::StoredEvent> events;  // newest first, at most `limit`
  bool has_older = false;
  // Names shown for actors: current members of the organisation by user id. Other actors are
  // named by kind only (system administrator, or someone outside the organisation), so the page
  // never reveals who belongs to another organisation.
  std::map<std::int64_t, std::string> member_names;
  std::set<std::int64_t> system_admin_ids;
  // Another organisation's staff who accessed this organisation's records are named, with
  // their organisation (SECURITY.md rule 4: the holder sees every access by others).
  std::map<std::int64_t, std::string> outside_names;
  std::map<std::int64_t, std::string> org_names;
};

class OrgService {
 public:
  OrgService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // System administration (also used by the CLI with a system actor).
  core::Result<std::int64_t> CreateOrganization(const audit::Actor& actor, const std::string& kind,
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

  // One membership of `who`'s own organisation; another organisation's answers NotFound, like
  // one that does not exist.
  core::Result<Membership> GetMember(const auth::Principal& who, std::int64_t membership_id);

  core::Result<std::vector<Membership>> MembershipsOf(std::int64_t user_id);

  // System administration: the members of any organisation (read-only view) and the number of
  // members per organisation id.
  core::Result<std::vector<Membership>> ListMembersAsSystemAdmin(const auth::Principal& who,
                                                                 std::int64_t org_id);
  core::Result<std::map<std::int64_t, int>> CountMembers(const auth::Principal& who);

  // One page of an organisation's audit log, newest first, for its admin.
  core::Result<AuditPage> AuditTrail(const auth::Principal& who, std::int64_t org_id,
                                     std::int64_t before_seq, int limit, bool others_only = false);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

// Validates the invite/update form fields shared by the UI and the API.
std::vector<core::FieldError> ValidateMemberFields(const std::string& role,
                                                   const std::string& profession);

}  // namespace tsunagu::orgs
