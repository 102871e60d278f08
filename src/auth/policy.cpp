#include "auth/policy.hpp"

namespace tsunagu::auth {

std::optional<Role> ParseRole(std::string_view s) {
  if (s == "admin") return Role::kAdmin;
  if (s == "coordinator") return Role::kCoordinator;
  if (s == "counselor") return Role::kCounselor;
  if (s == "viewer") return Role::kViewer;
  return std::nullopt;
}

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kAdmin:
      return "admin";
    case Role::kCoordinator:
      return "coordinator";
    case Role::kCounselor:
      return "counselor";
    case Role::kViewer:
      return "viewer";
  }
  return "viewer";
}

bool Policy::Allows(const Principal* who, Permission permission) {
  const bool full = who != nullptr && who->stage == "full";
  const bool admin = full && who->organization_id != 0 && who->role == Role::kAdmin;
  switch (permission) {
    case Permission::kUndeclared:
      return false;
    case Permission::kPublic:
      return true;
    case Permission::kPendingLogin:
      return who != nullptr && who->stage == "password";
    case Permission::kPendingEnrollment:
      return who != nullptr && who->stage == "enroll";
    case Permission::kSignedIn:
      return full;
    case Permission::kSignedInConfirmed:
      return full && who->recently_confirmed && !who->via_api_token;
    case Permission::kOrgMember:
      return full && who->organization_id != 0 && who->role.has_value();
    case Permission::kOrgCoordinate:
      return full && who->organization_id != 0 &&
             (who->role == Role::kAdmin || who->role == Role::kCoordinator);
    case Permission::kOrgCounsel:
      return full && who->organization_id != 0 &&
             (who->role == Role::kAdmin || who->role == Role::kCoordinator ||
              who->role == Role::kCounselor);
    case Permission::kOrgManageMembers:
    case Permission::kOrgViewAudit:
      // API tokens act for the user but never administer: a leaked token cannot add members.
      return admin && !who->via_api_token;
    case Permission::kSystemAdmin:
      return full && who->is_system_admin && !who->via_api_token;
  }
  return false;
}

bool Policy::CanManageMembersOf(const Principal& who, std::int64_t org_id) {
  return Allows(&who, Permission::kOrgManageMembers) && who.organization_id == org_id;
}

bool Policy::CanViewAuditOf(const Principal& who, std::int64_t org_id) {
  return Allows(&who, Permission::kOrgViewAudit) && who.organization_id == org_id;
}

bool Policy::CanCoordinate(const Principal& who, std::int64_t org_id) {
  return Allows(&who, Permission::kOrgCoordinate) && who.organization_id == org_id;
}

bool Policy::CanCounsel(const Principal& who, std::int64_t org_id) {
  return Allows(&who, Permission::kOrgCounsel) && who.organization_id == org_id;
}

bool Policy::CanGrantRole(const Principal& who, Role /*role*/) {
  return Allows(&who, Permission::kOrgManageMembers);
}

}  // namespace tsunagu::auth
