// Joining an organisation needs the person's acceptance (issue 12, item 6; SECURITY.md rule
// 2): an organisation that invites an existing account gets a pending invitation, never a
// member; the person accepts or declines while signed in as that account; the organisation
// in use after login is the one the person last chose, and every switch is audited; a system
// administrator never makes itself a member.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kOrgA = "招待元 みなと病院";
constexpr const char* kOrgB = "所属先 ひかり就労支援センター";

struct World {
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::string a_admin;
  std::string b_counselor;
  std::int64_t b_counselor_id = 0;
};

World MakeWorld(TestServer& t) {
  // Addresses unique to each world: the SMTP sink is shared by every test of the process.
  static std::atomic<int> worlds{0};
  const std::string n = std::to_string(++worlds);
  World w;
  w.a_admin = "admin" + n + "@minato.test";
  w.b_counselor = "counselor" + n + "@hikari.test";
  w.a = t.CreateOrg(kOrgA, "hospital");
  w.b = t.CreateOrg(kOrgB, "employment_support");
  t.CreateUser({w.a_admin, "招待元 管理者", "admin", "msw", w.a});
  w.b_counselor_id =
      t.CreateUser({w.b_counselor, "所属先 相談員", "counselor", "career_consultant", w.b});
  return w;
}

std::int64_t Count(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long count = 0;
    s << sql, soci::into(count);
    return static_cast<std::int64_t>(count);
  });
  return n.ok() ? *n : -1;
}

std::size_t Memberships(TestServer& t, std::int64_t user_id) {
  auto m = t.sv().orgs.MembershipsOf(user_id);
  return m.ok() ? m->size() : 999;
}

HttpResult InviteFromA(Client& admin, const std::string& email) {
  return admin.Submit("/org/members/invite", {{"email", email},
                                              {"display_name", "招待された 人"},
                                              {"role", "counselor"},
                                              {"profession", "msw"}});
}

// The organisation named in the header of the signed-in page.
std::string HeaderOrg(Client& c) {
  return TextBetween(c.Get("/").body, "<span class=\"site-header__org\">", "</span>");
}

// The join link of the newest invitation e-mail to `to`.
std::string JoinPath(const std::string& to) {
  const std::string mail = MailSink::Get().WaitFor(to);
  const std::string token = TextBetween(mail, "/join/", "\n");
  return token.empty() ? std::string() : "/join/" + token;
}

TEST(SecurityMembership, AnExistingAccountJoinsOnlyByAcceptingTheInvitation) {
  TestServer t;
  auto w = MakeWorld(t);
  auto admin = t.LoginAs(w.a_admin);
  auto invited = InviteFromA(admin, w.b_counselor);
  ASSERT_EQ(invited.status, 303) << invited.body;

  // No membership yet: the person's clients can never land in A by surprise.
  EXPECT_EQ(Memberships(t, w.b_counselor_id), 1u);
  auto members = admin.Get("/org/members");
  EXPECT_THAT(members.body, HasSubstr("承諾待ち"));
  EXPECT_THAT(members.body, HasSubstr(w.b_counselor));

  // The person signs in and is still in B.
  auto person = t.LoginAs(w.b_counselor);
  EXPECT_EQ(HeaderOrg(person), kOrgB);

  // The e-mail carries a link to accept; the page names the organisation.
  const std::string join = JoinPath(w.b_counselor);
  ASSERT_FALSE(join.empty());
  auto page = person.Get(join);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr(std::string(kOrgA) + " への参加の招待"));
  EXPECT_EQ(Memberships(t, w.b_counselor_id), 1u) << "opening the link is not accepting";

  auto accepted = person.Submit(join, {{"action", "accept"}});
  EXPECT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(Memberships(t, w.b_counselor_id), 2u);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'membership.accept' AND "
                  "organization_id = " +
                      std::to_string(w.a)),
            1);
  // Accepting does not move the person: B stays in use until they choose.
  EXPECT_EQ(HeaderOrg(person), kOrgB);
  EXPECT_THAT(person.Get("/").body, HasSubstr("site-header__switch"));
  EXPECT_EQ(person.Get(join).status, 404) << "the link is spent";

  // Switching is the person's act, and audited.
  auto switched = person.Submit("/", {{"org_id", std::to_string(w.a)}}, "/org/switch");
  EXPECT_EQ(switched.status, 303);
  EXPECT_EQ(HeaderOrg(person), kOrgA);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'session.switch_organization' "
                  "AND organization_id = " +
                      std::to_string(w.a)),
            1);

  // The next login lands in the organisation chosen last.
  auto later = t.LoginAs(w.b_counselor);
  EXPECT_EQ(HeaderOrg(later), kOrgA);
}

TEST(SecurityMembership, ADeclinedOrExpiredInvitationAddsNobody) {
  TestServer t;
  auto w = MakeWorld(t);
  auto admin = t.LoginAs(w.a_admin);
  ASSERT_EQ(InviteFromA(admin, w.b_counselor).status, 303);
  const std::string join = JoinPath(w.b_counselor);
  ASSERT_FALSE(join.empty());
  auto person = t.LoginAs(w.b_counselor);
  EXPECT_EQ(person.Submit(join, {{"action", "decline"}}).status, 303);
  EXPECT_EQ(Memberships(t, w.b_counselor_id), 1u);
  EXPECT_EQ(person.Submit(join, {{"action", "accept"}}).status, 404);
  EXPECT_EQ(Memberships(t, w.b_counselor_id), 1u);
  EXPECT_THAT(admin.Get("/org/members").body, Not(HasSubstr(w.b_counselor)));

  // Invited again, the link expires unused.
  ASSERT_EQ(InviteFromA(admin, w.b_counselor).status, 303);
  const std::string second = JoinPath(w.b_counselor);
  ASSERT_FALSE(second.empty());
  ASSERT_NE(second, join);
  t.clock().Advance(std::int64_t{t.config().security.invitation_valid_hours} * 3600 + 60);
  auto fresh = t.LoginAs(w.b_counselor);
  EXPECT_EQ(fresh.Get(second).status, 404);
  EXPECT_EQ(fresh.Submit("/", {}, second).status, 404);
  EXPECT_EQ(Memberships(t, w.b_counselor_id), 1u);
}

TEST(SecurityMembership, TheLinkWorksOnlyForTheInvitedAccount) {
  TestServer t;
  auto w = MakeWorld(t);
  t.CreateUser({"someone@else.test", "別の 人", "counselor", "nurse", w.b});
  auto admin = t.LoginAs(w.a_admin);
  ASSERT_EQ(InviteFromA(admin, w.b_counselor).status, 303);
  const std::string join = JoinPath(w.b_counselor);
  ASSERT_FALSE(join.empty());

  // Signed out: asked to sign in first; nothing happens.
  auto anonymous = t.NewClient();
  auto r = anonymous.Get(join);
  EXPECT_EQ(r.status, 303);
  EXPECT_THAT(r.Header("location"), HasSubstr("/login"));
  // Someone else's session: like a link that does not exist.
  auto other = t.LoginAs("someone@else.test");
  auto page = other.Get(join);
  EXPECT_EQ(page.status, 404);
  EXPECT_THAT(page.body, Not(HasSubstr(kOrgA)));
  EXPECT_EQ(other.Submit("/", {{"action", "accept"}}, join).status, 404);
  EXPECT_EQ(
      Count(t, "SELECT COUNT(*) FROM membership WHERE organization_id = " + std::to_string(w.a)),
      1);
}

TEST(SecurityMembership, TheInvitingAdminCanRevokeAPendingInvitation) {
  TestServer t;
  auto w = MakeWorld(t);
  auto admin = t.LoginAs(w.a_admin);
  ASSERT_EQ(InviteFromA(admin, w.b_counselor).status, 303);
  const std::string join = JoinPath(w.b_counselor);
  const std::string id =
      TextBetween(admin.Get("/org/members").body, "/org/members/invitations/", "/revoke");
  ASSERT_FALSE(id.empty());
  // Another organisation's admin cannot touch it.
  t.CreateUser({"admin@hikari.test", "所属先 管理者", "admin", "msw", w.b});
  auto b_admin = t.LoginAs("admin@hikari.test");
  EXPECT_EQ(b_admin.Submit("/org/members", {}, "/org/members/invitations/" + id + "/revoke").status,
            404);

  auto revoked = admin.Submit("/org/members", {}, "/org/members/invitations/" + id + "/revoke");
  EXPECT_EQ(revoked.status, 303);
  EXPECT_THAT(admin.Get("/org/members").body, Not(HasSubstr(w.b_counselor)));
  auto person = t.LoginAs(w.b_counselor);
  EXPECT_EQ(person.Get(join).status, 404);
  EXPECT_EQ(person.Submit("/", {{"action", "accept"}}, join).status, 404);
  EXPECT_EQ(Memberships(t, w.b_counselor_id), 1u);
}

TEST(SecurityMembership, ASystemAdministratorCannotMakeItselfAMember) {
  TestServer t;
  auto w = MakeWorld(t);
  const auto root =
      t.CreateUser({"root@tsunagu.test", "システム 管理者", "counselor", "clerical", 0, true});
  auto sys = t.LoginAs("root@tsunagu.test");
  const std::string org = "/admin/organizations/" + std::to_string(w.a);
  auto r = sys.Submit(org,
                      {{"email", "root@tsunagu.test"},
                       {"display_name", "システム 管理者"},
                       {"profession", "clerical"}},
                      org + "/invite");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, HasSubstr("その組織の管理者からの招待でのみ参加できます"));
  EXPECT_EQ(Memberships(t, root), 0u);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM membership_invitation"), 0);
  // Nor through its own organisation's admin pages: it has none, so they are closed to it.
  EXPECT_EQ(InviteFromA(sys, "root@tsunagu.test").status, 403);
  EXPECT_EQ(Memberships(t, root), 0u);

  // The first admin it invites for an organisation is an existing account: they accept.
  auto first = sys.Submit(
      org, {{"email", w.b_counselor}, {"display_name", "所属先 相談員"}, {"profession", "msw"}},
      org + "/invite");
  EXPECT_EQ(first.status, 303) << first.body;
  EXPECT_EQ(Memberships(t, w.b_counselor_id), 1u);
}

}  // namespace
}  // namespace tsunagu::testing
