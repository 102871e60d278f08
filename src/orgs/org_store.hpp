// SQL for organisations, users and memberships. Functions take the session so services can
// compose them inside one transaction together with the audit event.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgs/model.hpp"

namespace tsunagu::orgs {

class OrgStore {
 public:
  static std::int64_t CreateOrganization(soci::session& s, const std::string& kind,
                                         const std::string& name, std::int64_t now);
  static std::optional<Organization> GetOrganization(soci::session& s, std::int64_t id);
  static std::optional<Organization> FindOrganizationByName(soci::session& s,
                                                            const std::string& name);
  static std::vector<Organization> ListOrganizations(soci::session& s);
  static void SetOrganizationStatus(soci::session& s, std::int64_t id, const std::string& status);

  static std::int64_t CreateUser(soci::session& s, const std::string& email,
                                 const std::string& display_name, bool is_system_admin,
                                 std::int64_t now);
  static std::optional<User> GetUser(soci::session& s, std::int64_t id);
  static std::optional<User> FindUserByEmail(soci::session& s, const std::string& email);
  static void SetUserStatus(soci::session& s, std::int64_t id, const std::string& status);
  static void SetPassword(soci::session& s, std::int64_t id, const std::string& hash,
                          std::int64_t now);
  static void SetTotp(soci::session& s, std::int64_t id, const std::string& encrypted_secret,
                      std::int64_t last_step);
  static void SetTotpLastStep(soci::session& s, std::int64_t id, std::int64_t step);
  static void SetLanguage(soci::session& s, std::int64_t id, const std::string& lang);
  static void SetSystemAdmin(soci::session& s, std::int64_t id, bool on);

  static std::int64_t AddMembership(soci::session& s, std::int64_t user_id, std::int64_t org_id,
                                    const std::string& role, const std::string& profession,
                                    std::int64_t now);
  static void UpdateMembership(soci::session& s, std::int64_t membership_id,
                               const std::string& role, const std::string& profession);
  static void RemoveMembership(soci::session& s, std::int64_t membership_id);
  static std::optional<Membership> GetMembership(soci::session& s, std::int64_t membership_id);
  static std::optional<Membership> FindMembership(soci::session& s, std::int64_t user_id,
                                                  std::int64_t org_id);
  static std::vector<Membership> MembersOf(soci::session& s, std::int64_t org_id);
  static std::vector<Membership> MembershipsOf(soci::session& s, std::int64_t user_id);
  // For a statement that reads a user with their memberships (as MembershipsOf) together
  // with something else (the session of a signed-in request, SessionStore::FindSignedIn): the
  // columns, from app_user `u` and the join, and the reader of one row (from column `at`),
  // called for each row in turn.
  static const char* const kUserMembershipsColumns;
  static const char* const kUserMembershipsJoin;
  static void ReadUserMembershipsRow(const soci::row& r, std::size_t at,
                                     std::optional<UserMemberships>& into);
  static int CountAdmins(soci::session& s, std::int64_t org_id);

  // A pending invitation of an existing account (join_invitations.cpp); replaces the open one
  // of the same person and organisation. Returns its id.
  static std::int64_t AddJoinInvitation(soci::session& s, std::int64_t org_id, std::int64_t user_id,
                                        const std::string& role, const std::string& profession,
                                        std::int64_t invited_by, const std::string& token_hash,
                                        std::int64_t now, std::int64_t expires_at);
};

}  // namespace tsunagu::orgs
