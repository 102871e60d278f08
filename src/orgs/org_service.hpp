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

// An invitation for an existing account to join an organisation: a proposal until the person
// accepts it (SECURITY.md rule 2).
struct JoinInvitation {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::int64_t user_id = 0;
  std::string user_email;
  std::string user_display_name;
  std::string role;
  std::string profession;
  std::int64_t expires_at = 0;
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
  // Adds an existing active user to an organisation at once: for the operator at the server
  // (CLI, demo data) only. No page reaches it: people join by accepting an invitation.
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

  // --- Joining with an existing account (join_invitations.cpp). AccountService::Invite
  // creates the invitation; the membership exists once the invited person accepts.
  // The pending, unexpired invitation of `token` addressed to `user_id`; NotFound otherwise
  // (another account's link looks like one that does not exist).
  core::Result<JoinInvitation> FindJoinInvitation(std::int64_t user_id, const std::string& token);
  // The person's answer: accepting creates the membership (returns its id), declining creates
  // nothing (returns 0); both are audited in the inviting organisation. NotFound for a spent,
  // revoked, expired or foreign link, and for an invitation the person issued themselves.
  core::Result<std::int64_t> AnswerJoinInvitation(std::int64_t user_id, const audit::Actor& actor,
                                                  const std::string& token, bool accept);
  // Pending invitations of org_id, for its admin.
  core::Result<std::vector<JoinInvitation>> PendingInvitations(const auth::Principal& who,
                                                               std::int64_t org_id);
  // The admin withdraws a pending invitation of its own organisation (else NotFound).
  core::Status RevokeInvitation(const auth::Principal& who, const audit::Actor& actor,
                                std::int64_t invitation_id);

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
