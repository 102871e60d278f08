// The JSON API: personal tokens (shown once, hashed, revocable), problem+json errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/handlers/routes.hpp"
#include "auth/policy.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string CreateTokenThroughThePage(Client& c) {
  auto r =
      c.Submit("/account/tokens",
               {{"name", "集計スクリプト"}, {"valid_days", "30"}, {"scope_organization", "read"}});
  EXPECT_EQ(r.status, 200);
  auto pos = r.body.find("tsu_");
  if (pos == std::string::npos) return {};
  auto end = r.body.find_first_of("<\" \n", pos);
  return r.body.substr(pos, end - pos);
}

TEST(Api, TokensAuthenticateAndAreRevocable) {
  TestServer t;
  auto org = t.CreateOrg("API病院");
  // An administrator of the organisation: whatever the token could do, the person could.
  auto id = t.CreateUser({"api@example.jp", "API 利用者", "admin", "nurse", org});
  auto c = t.LoginAs("api@example.jp");
  const std::string token = CreateTokenThroughThePage(c);
  ASSERT_EQ(token.rfind("tsu_", 0), 0u);
  // Shown once: the list shows only a prefix.
  EXPECT_THAT(c.Get("/account/tokens").body, Not(HasSubstr(token)));
  // Stored hashed.
  auto raw = t.app().db().Read<int>([&](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM api_token WHERE token_hash = :t", soci::use(token), soci::into(n);
    return n;
  });
  EXPECT_EQ(*raw, 0);

  auto api = t.NewClient();
  auto me = api.Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(me.status, 200);
  EXPECT_THAT(me.Header("content-type"), HasSubstr("application/json"));
  EXPECT_THAT(me.body, HasSubstr("\"email\":\"api@example.jp\""));
  EXPECT_EQ(me.Header("set-cookie"), "");

  auto none = t.NewClient().Get("/api/v1/me");
  EXPECT_EQ(none.status, 401);
  EXPECT_THAT(none.Header("content-type"), HasSubstr("application/problem+json"));
  // A browser session alone does not authenticate API calls.
  EXPECT_EQ(c.Get("/api/v1/me").status, 401);
  // Tokens read what the person may read...
  EXPECT_EQ(api.Get("/api/v1/organization/members", {{"Authorization", "Bearer " + token}}).status,
            200);
  // ...but never administer, although the person is the organisation's administrator: the
  // policy refuses the token's principal what it grants the same person signed in.
  auto by_token = t.sv().tokens.Authenticate(token);
  ASSERT_TRUE(by_token.ok());
  EXPECT_TRUE(by_token->via_api_token);
  auth::Principal signed_in = *by_token;
  signed_in.via_api_token = false;
  for (auto administering : {auth::Permission::kOrgManageMembers, auth::Permission::kOrgViewAudit,
                             auth::Permission::kSystemAdmin}) {
    EXPECT_FALSE(auth::Policy::Allows(&*by_token, administering))
        << static_cast<int>(administering);
  }
  EXPECT_TRUE(auth::Policy::Allows(&signed_in, auth::Permission::kOrgManageMembers));
  EXPECT_TRUE(auth::Policy::Allows(&signed_in, auth::Permission::kOrgViewAudit));
  EXPECT_FALSE(auth::Policy::CanManageMembersOf(*by_token, org));
  EXPECT_TRUE(auth::Policy::CanManageMembersOf(signed_in, org));
  // Every API route that administers answers the token 403 (today there is none; a new one
  // is covered as soon as it is registered).
  for (const auto& route : api::handlers::ApiRoutes()) {
    if (route.permission != auth::Permission::kOrgManageMembers &&
        route.permission != auth::Permission::kOrgViewAudit &&
        route.permission != auth::Permission::kSystemAdmin) {
      continue;
    }
    std::string target = route.pattern;
    if (auto brace = target.find('{'); brace != std::string::npos) {
      target = target.substr(0, brace) + "1" + target.substr(target.find('}', brace) + 1);
    }
    auto r = api.Request(route.method, target, "", {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(r.status, 403) << route.method << " " << route.pattern;
  }
  // The web's administration pages do not take a token instead of a session.
  for (const std::string page : {"/org/members", "/org/audit"}) {
    auto r = api.Get(page, {{"Authorization", "Bearer " + token}});
    EXPECT_NE(r.status, 200) << page;
    EXPECT_THAT(r.body, Not(HasSubstr("api@example.jp"))) << page;
  }

  // Revoked at the page: the next call is refused.
  auto list = c.Get("/account/tokens");
  auto pos = list.body.find("/account/tokens/");
  ASSERT_NE(pos, std::string::npos);
  std::string revoke_path = list.body.substr(pos, list.body.find('"', pos) - pos);
  EXPECT_EQ(c.Post(revoke_path, {{"csrf_token", ExtractCsrf(list.body)}}).status, 303);
  EXPECT_EQ(api.Get("/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 401);

  // Suspending the user stops a fresh token too.
  const std::string second = CreateTokenThroughThePage(c);
  EXPECT_EQ(api.Get("/api/v1/me", {{"Authorization", "Bearer " + second}}).status, 200);
  ASSERT_TRUE(t.sv().accounts.DisableUser({0, 0, "t", "t"}, id).ok());
  EXPECT_EQ(api.Get("/api/v1/me", {{"Authorization", "Bearer " + second}}).status, 401);
}

TEST(Api, ProblemDetailsInTheCallersLanguageAndTheOpenApiDocument) {
  TestServer t;
  auto ja = t.NewClient().Get("/api/v1/me", {{"Authorization", "Bearer tsu_nonsense"}});
  EXPECT_EQ(ja.status, 401);
  EXPECT_THAT(ja.body, HasSubstr("\"status\":401"));
  EXPECT_THAT(ja.body, HasSubstr("APIトークンが無効です"));
  auto en = t.NewClient().Get("/api/v1/me?lang=en");
  EXPECT_THAT(en.body, HasSubstr("The API token is invalid"));
  auto doc = t.NewClient().Get("/api/v1/openapi.json");
  EXPECT_EQ(doc.status, 200);
  EXPECT_THAT(doc.body, HasSubstr("\"openapi\""));
  EXPECT_THAT(doc.body, HasSubstr("/api/v1/me"));
}

}  // namespace
}  // namespace tsunagu::testing
