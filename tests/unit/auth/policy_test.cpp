// The policy decides without HTTP: every role × permission, deny by default.
#include "auth/policy.hpp"

#include <gtest/gtest.h>

namespace tsunagu::auth {
namespace {

Principal Member(Role role, std::int64_t org = 7) {
  Principal p;
  p.user_id = 1;
  p.stage = "full";
  p.organization_id = org;
  p.role = role;
  return p;
}

TEST(Policy, UndeclaredIsNeverAllowed) {
  Principal sysadmin = Member(Role::kAdmin);
  sysadmin.is_system_admin = true;
  EXPECT_FALSE(Policy::Allows(nullptr, Permission::kUndeclared));
  EXPECT_FALSE(Policy::Allows(&sysadmin, Permission::kUndeclared));
}

TEST(Policy, AnonymousGetsOnlyPublic) {
  EXPECT_TRUE(Policy::Allows(nullptr, Permission::kPublic));
  for (auto p : {Permission::kPendingLogin, Permission::kPendingEnrollment, Permission::kSignedIn,
                 Permission::kOrgMember, Permission::kOrgCoordinate, Permission::kOrgManageMembers,
                 Permission::kOrgViewAudit, Permission::kSystemAdmin}) {
    EXPECT_FALSE(Policy::Allows(nullptr, p));
  }
}

TEST(Policy, HalfFinishedLoginsAreNotSignedIn) {
  Principal pending = Member(Role::kAdmin);
  pending.stage = "password";
  EXPECT_TRUE(Policy::Allows(&pending, Permission::kPendingLogin));
  EXPECT_FALSE(Policy::Allows(&pending, Permission::kSignedIn));
  EXPECT_FALSE(Policy::Allows(&pending, Permission::kOrgManageMembers));
  pending.stage = "enroll";
  EXPECT_TRUE(Policy::Allows(&pending, Permission::kPendingEnrollment));
  EXPECT_FALSE(Policy::Allows(&pending, Permission::kPendingLogin));
  EXPECT_FALSE(Policy::Allows(&pending, Permission::kOrgMember));
}

TEST(Policy, RolesInTheActiveOrganisation) {
  for (Role r : {Role::kAdmin, Role::kCoordinator, Role::kCounselor, Role::kViewer}) {
    Principal p = Member(r);
    EXPECT_TRUE(Policy::Allows(&p, Permission::kSignedIn));
    EXPECT_TRUE(Policy::Allows(&p, Permission::kOrgMember));
    EXPECT_EQ(Policy::Allows(&p, Permission::kOrgManageMembers), r == Role::kAdmin);
    EXPECT_EQ(Policy::Allows(&p, Permission::kOrgViewAudit), r == Role::kAdmin);
    EXPECT_EQ(Policy::Allows(&p, Permission::kOrgCoordinate),
              r == Role::kAdmin || r == Role::kCoordinator);
    EXPECT_EQ(Policy::CanCoordinate(p, 7), r == Role::kAdmin || r == Role::kCoordinator);
    EXPECT_FALSE(Policy::CanCoordinate(p, 8)) << "never another organisation's programmes";
    EXPECT_EQ(Policy::CanCounsel(p, 7), r != Role::kViewer) << "viewers never read records";
    EXPECT_FALSE(Policy::CanCounsel(p, 8)) << "never another organisation's consultations";
    EXPECT_FALSE(Policy::Allows(&p, Permission::kSystemAdmin));
  }
}

TEST(Policy, AdminsManageTheirOwnOrganisationOnly) {
  Principal admin = Member(Role::kAdmin, 7);
  EXPECT_TRUE(Policy::CanManageMembersOf(admin, 7));
  EXPECT_FALSE(Policy::CanManageMembersOf(admin, 8));
  EXPECT_TRUE(Policy::CanViewAuditOf(admin, 7));
  EXPECT_FALSE(Policy::CanViewAuditOf(admin, 8));
  Principal counselor = Member(Role::kCounselor, 7);
  EXPECT_FALSE(Policy::CanManageMembersOf(counselor, 7));
}

TEST(Policy, WithoutAnActiveOrganisationNoOrganisationRights) {
  Principal p;
  p.user_id = 3;
  p.stage = "full";
  EXPECT_TRUE(Policy::Allows(&p, Permission::kSignedIn));
  EXPECT_FALSE(Policy::Allows(&p, Permission::kOrgMember));
  EXPECT_FALSE(Policy::Allows(&p, Permission::kOrgManageMembers));
}

TEST(Policy, ApiTokensNeverAdminister) {
  Principal token = Member(Role::kAdmin);
  token.is_system_admin = true;
  token.via_api_token = true;
  EXPECT_TRUE(Policy::Allows(&token, Permission::kOrgMember));
  EXPECT_FALSE(Policy::Allows(&token, Permission::kOrgManageMembers));
  EXPECT_FALSE(Policy::Allows(&token, Permission::kOrgViewAudit));
  EXPECT_FALSE(Policy::Allows(&token, Permission::kSystemAdmin));
}

TEST(Policy, SystemAdministrators) {
  Principal sys;
  sys.user_id = 1;
  sys.stage = "full";
  sys.is_system_admin = true;
  EXPECT_TRUE(Policy::Allows(&sys, Permission::kSystemAdmin));
  EXPECT_FALSE(Policy::Allows(&sys, Permission::kOrgManageMembers)) << "no organisation active";
}

TEST(Policy, RoleNamesRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kCoordinator, Role::kCounselor, Role::kViewer}) {
    EXPECT_EQ(ParseRole(RoleName(r)), r);
  }
  EXPECT_FALSE(ParseRole("root").has_value());
}

TEST(Policy, SensitiveAccountActionsNeedARecentConfirmation) {
  Principal p = Member(Role::kViewer);
  EXPECT_FALSE(Policy::Allows(&p, Permission::kSignedInConfirmed));
  p.recently_confirmed = true;
  EXPECT_TRUE(Policy::Allows(&p, Permission::kSignedInConfirmed));
  p.via_api_token = true;
  EXPECT_FALSE(Policy::Allows(&p, Permission::kSignedInConfirmed)) << "never through a token";
  Principal pending;
  pending.stage = "password";
  pending.recently_confirmed = true;
  EXPECT_FALSE(Policy::Allows(&pending, Permission::kSignedInConfirmed));
  EXPECT_FALSE(Policy::Allows(nullptr, Permission::kSignedInConfirmed));
}

}  // namespace
}  // namespace tsunagu::auth
