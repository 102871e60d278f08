// The one place where access is decided (SECURITY.md rule 1). Deny by default.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tsunagu::auth {

enum class Role { kAdmin, kCoordinator, kCounselor, kViewer };

std::optional<Role> ParseRole(std::string_view s);
std::string_view RoleName(Role r);

// What a route requires. kUndeclared exists only so a forgotten declaration is caught at
// start-up (Router::Validate) instead of silently meaning "public".
enum class Permission {
  kUndeclared,
  kPublic,             // anyone, logged in or not (login page, health check, static files)
  kPendingLogin,       // a login in progress (password accepted, second factor pending)
  kPendingEnrollment,  // an invitation accepted, TOTP enrolment pending
  kSignedIn,           // any fully signed-in user (own profile, own tokens, logout)
  kSignedInConfirmed,  // signed in, and entered the password and a code within the last 5
                       // minutes (creating API tokens or recovery codes); never an API token
  kOrgMember,          // a member of the active organisation, any role
  kOrgCoordinate,      // the active organisation's admin or coordinator (事務局)
  kOrgCounsel,         // admin, coordinator or counselor: sees the day board, writes records
  kOrgManageMembers,   // the active organisation's admin
  kOrgViewAudit,       // the active organisation's admin
  kSystemAdmin,        // organisations across the system
};

// Who is asking. Built from the session or API token; empty for anonymous requests.
struct Principal {
  std::int64_t user_id = 0;
  bool is_system_admin = false;
  std::string stage;                 // "password", "enroll" or "full"
  std::int64_t organization_id = 0;  // active organisation (0: none)
  std::optional<Role> role;          // role in the active organisation
  bool via_api_token = false;
  // A web session whose password and code were entered within the last 5 minutes.
  bool recently_confirmed = false;
};

class Policy {
 public:
  // May this principal (nullptr: anonymous) use a route requiring `permission`?
  static bool Allows(const Principal* who, Permission permission);
  // May `who` manage the members of organisation `org_id`? Admins manage their own only.
  static bool CanManageMembersOf(const Principal& who, std::int64_t org_id);
  // May `who` read the audit log of organisation `org_id`?
  static bool CanViewAuditOf(const Principal& who, std::int64_t org_id);
  // May `who` run the consultation programmes of organisation `org_id` (事務局)?
  static bool CanCoordinate(const Principal& who, std::int64_t org_id);
  // May `who` see consultations of organisation `org_id` and write their records (相談記録)?
  // Viewers may not: records hold what a person said in confidence.
  static bool CanCounsel(const Principal& who, std::int64_t org_id);
  // Which roles may `who` grant in its own organisation? Admins may grant any role.
  static bool CanGrantRole(const Principal& who, Role role);
};

}  // namespace tsunagu::auth
