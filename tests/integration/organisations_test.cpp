// Organisation walls and roles on the foundation's pages (SECURITY.md rules 1 and 2): every
// role against every administrative route, and records of another organisation answered
// exactly like records that do not exist.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness.hpp"
#include "orgs/org_store.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct TwoOrgs {
  std::int64_t a = 0, b = 0;
  std::int64_t b_member = 0;  // a membership id in B
};

TwoOrgs SetUpTwoOrgs(TestServer& t) {
  TwoOrgs o;
  o.a = t.CreateOrg("A病院 がん相談支援センター");
  o.b = t.CreateOrg("B就労支援センター", "employment_support");
  t.CreateUser({"admin-a@example.jp", "管理A", "admin", "nurse", o.a});
  for (const char* role : {"coordinator", "counselor", "viewer"}) {
    t.CreateUser({std::string(role) + "-a@example.jp", role, role, "msw", o.a});
  }
  auto b_user = t.CreateUser({"secret-b@example.jp", "秘密B", "admin", "career_consultant", o.b});
  auto m = t.app().db().Read<std::optional<orgs::Membership>>(
      [&](soci::session& s) { return orgs::OrgStore::FindMembership(s, b_user, o.b); });
  o.b_member = (*m)->id;
  t.CreateUser({"sys@example.jp", "システム", "", "", 0, true});
  return o;
}

TEST(Organisations, EveryRoleAgainstEveryAdministrativePage) {
  TestServer t;
  SetUpTwoOrgs(t);
  const std::vector<std::string> org_admin_pages = {"/org/members", "/org/members/invite",
                                                    "/org/audit"};
  const std::vector<std::string> system_pages = {"/admin/organizations"};
  for (const std::string who : {"admin-a", "coordinator-a", "counselor-a", "viewer-a", "sys"}) {
    auto c = t.LoginAs(who + "@example.jp");
    for (const auto& page : org_admin_pages) {
      auto r = c.Get(page);
      EXPECT_EQ(r.status, who == "admin-a" ? 200 : 403) << who << " " << page;
      if (r.status == 403) EXPECT_THAT(r.body, Not(HasSubstr("@example.jp"))) << who << page;
    }
    for (const auto& page : system_pages) {
      EXPECT_EQ(c.Get(page).status, who == "sys" ? 200 : 403) << who << " " << page;
    }
    EXPECT_EQ(c.Get("/").status, 200) << who;
    EXPECT_EQ(c.Get("/account").status, 200) << who;
  }
}

TEST(Organisations, AnotherOrganisationsMemberIsLikeAMissingOne) {
  TestServer t;
  auto o = SetUpTwoOrgs(t);
  auto c = t.LoginAs("admin-a@example.jp");
  const std::string foreign = "/org/members/" + std::to_string(o.b_member);
  const std::string missing = "/org/members/987654";
  for (const std::string suffix : {"", "/remove"}) {
    auto f = c.Get(foreign + suffix);
    auto m = c.Get(missing + suffix);
    EXPECT_EQ(f.status, 404) << suffix;
    EXPECT_EQ(m.status, 404) << suffix;
    EXPECT_THAT(f.body, Not(HasSubstr("secret-b")));
    EXPECT_THAT(f.body, Not(HasSubstr("秘密B")));
    // The same page, apart from the id in the language-switch link.
    auto strip = [](std::string body, const std::string& path) {
      for (auto pos = body.find(path); pos != std::string::npos; pos = body.find(path)) {
        body.replace(pos, path.size(), "ID");
      }
      return body;
    };
    EXPECT_EQ(strip(f.body, foreign), strip(m.body, missing)) << suffix;
  }
  auto page = c.Get("/org/members");
  auto edit = c.Post(
      foreign,
      {{"csrf_token", ExtractCsrf(page.body)}, {"role", "viewer"}, {"profession", "clerical"}});
  EXPECT_EQ(edit.status, 404);
  auto remove = c.Post(foreign + "/remove", {{"csrf_token", ExtractCsrf(page.body)}});
  EXPECT_EQ(remove.status, 404);
  auto after = t.app().db().Read<std::optional<orgs::Membership>>(
      [&](soci::session& s) { return orgs::OrgStore::GetMembership(s, o.b_member); });
  ASSERT_TRUE(after.ok() && after->has_value());
  EXPECT_EQ((*after)->role, "admin") << "nothing changed in B";
  // The members list shows only A's people.
  EXPECT_THAT(page.body, HasSubstr("admin-a@example.jp"));
  EXPECT_THAT(page.body, Not(HasSubstr("secret-b@example.jp")));
}

TEST(Organisations, InvitationsGoToTheActiveOrganisationOnly) {
  TestServer t;
  auto o = SetUpTwoOrgs(t);
  auto c = t.LoginAs("admin-a@example.jp");
  auto r = c.Submit("/org/members/invite", {{"email", "Ｎｅｗ．Ｐｅｒｓｏｎ@example.jp"},
                                            {"display_name", "新しい 人"},
                                            {"role", "counselor"},
                                            {"profession", "nurse"},
                                            {"organization_id", std::to_string(o.b)}});
  ASSERT_EQ(r.status, 303);
  auto members_b = t.app().db().Read<std::vector<orgs::Membership>>(
      [&](soci::session& s) { return orgs::OrgStore::MembersOf(s, o.b); });
  for (const auto& m : *members_b) EXPECT_NE(m.user_email, "new.person@example.jp");
  auto members_a = c.Get("/org/members");
  EXPECT_THAT(members_a.body, HasSubstr("new.person@example.jp")) << "NFKC-normalised e-mail";
  std::string mail = MailSink::Get().WaitFor("new.person@example.jp");
  EXPECT_THAT(mail, HasSubstr("/invitation/"));
}

TEST(Organisations, InviteFormExplainsMistakesAndKeepsInput) {
  TestServer t;
  SetUpTwoOrgs(t);
  auto c = t.LoginAs("admin-a@example.jp");
  auto r = c.Submit("/org/members/invite", {{"email", "not-an-email"},
                                            {"display_name", "入力した名前"},
                                            {"role", "emperor"},
                                            {"profession", "nurse"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("error-summary"));
  EXPECT_THAT(r.body, HasSubstr("value=\"入力した名前\""));
  EXPECT_THAT(r.body, HasSubstr("aria-invalid=\"true\""));
}

TEST(Organisations, RemovedMembersLoseTheOrganisationAtTheirNextRequest) {
  TestServer t;
  auto o = SetUpTwoOrgs(t);
  auto counselor = t.LoginAs("counselor-a@example.jp");
  auto admin = t.LoginAs("admin-a@example.jp");
  auto members = t.app().db().Read<std::vector<orgs::Membership>>(
      [&](soci::session& s) { return orgs::OrgStore::MembersOf(s, o.a); });
  std::int64_t id = 0;
  for (const auto& m : *members) {
    if (m.user_email == "counselor-a@example.jp") id = m.id;
  }
  auto confirm = admin.Get("/org/members/" + std::to_string(id) + "/remove");
  ASSERT_EQ(confirm.status, 200);
  auto removed = admin.Post("/org/members/" + std::to_string(id) + "/remove",
                            {{"csrf_token", ExtractCsrf(confirm.body)}});
  EXPECT_EQ(removed.status, 303);
  auto home = counselor.Get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_THAT(home.body, Not(HasSubstr("A病院")));
}

TEST(Organisations, AuditPageShowsTheOrganisationsEventsToItsAdminOnly) {
  TestServer t;
  auto o = SetUpTwoOrgs(t);
  // Only B invites: that event must not reach A's page.
  auto b_admin = t.LoginAs("secret-b@example.jp");
  ASSERT_EQ(b_admin
                .Submit("/org/members/invite", {{"email", "invited-by-b@example.jp"},
                                                {"display_name", "招待B"},
                                                {"role", "viewer"},
                                                {"profession", "career_consultant"}})
                .status,
            303);
  auto admin = t.LoginAs("admin-a@example.jp");
  auto r = admin.Get("/org/audit");
  ASSERT_EQ(r.status, 200);
  const auto actions_of = [&](std::int64_t org) {
    return *t.app().db().Read<std::vector<std::string>>([&](soci::session& s) {
      std::vector<std::string> out;
      long long id = org;
      soci::rowset<std::string> rows =
          (s.prepare << "SELECT action FROM audit_event WHERE organization_id = :o", soci::use(id));
      for (const auto& a : rows) out.push_back(a);
      return out;
    });
  };
  const auto a_actions = actions_of(o.a);
  const auto b_actions = actions_of(o.b);
  ASSERT_FALSE(a_actions.empty());
  ASSERT_THAT(b_actions, ::testing::Contains("membership.invite"));
  ASSERT_THAT(a_actions, Not(::testing::Contains("membership.invite")));
  // One row per event of A (all on the first page), each with its action...
  std::size_t rows = 0;
  for (auto pos = r.body.find("<th scope=\"row\">"); pos != std::string::npos;
       pos = r.body.find("<th scope=\"row\">", pos + 1)) {
    ++rows;
  }
  ASSERT_LE(a_actions.size(), 50u);
  EXPECT_EQ(rows, a_actions.size());
  for (const auto& action : a_actions) {
    EXPECT_THAT(r.body, HasSubstr("title=\"" + action + "\"")) << action;
  }
  // ...and nothing of B's.
  EXPECT_THAT(r.body, Not(HasSubstr("title=\"membership.invite\"")));
  EXPECT_THAT(r.body, Not(HasSubstr("秘密B")));
  EXPECT_THAT(r.body, Not(HasSubstr("secret-b@example.jp")));
  auto viewer = t.LoginAs("viewer-a@example.jp");
  EXPECT_EQ(viewer.Get("/org/audit").status, 403);
}

}  // namespace
}  // namespace tsunagu::testing
