// The JSON API: personal tokens (shown once, hashed, revocable), problem+json errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string CreateTokenThroughThePage(Client& c) {
  auto r = c.Submit("/account/tokens", {{"name", "集計スクリプト"}, {"valid_days", "30"}});
  EXPECT_EQ(r.status, 200);
  auto pos = r.body.find("tsu_");
  if (pos == std::string::npos) return {};
  auto end = r.body.find_first_of("<\" \n", pos);
  return r.body.substr(pos, end - pos);
}

TEST(Api, TokensAuthenticateAndAreRevocable) {
  TestServer t;
  auto org = t.CreateOrg("API病院");
  auto id = t.CreateUser({"api@example.jp", "API 利用者", "counselor", "nurse", org});
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
  // Tokens never administer.
  EXPECT_EQ(api.Get("/api/v1/organization/members", {{"Authorization", "Bearer " + token}}).status,
            200);

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
