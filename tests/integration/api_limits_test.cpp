// Calls per API token per minute (issue 17 point 4): the 121st call in a minute gets 429 with
// Retry-After and a problem in the person's language; other tokens go on; the next minute
// resets the count.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/rate_limit.hpp"
#include "api/scopes.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;

TEST(ApiLimits, EachTokenHasItsOwnCallsPerMinute) {
  TestServer t;
  auto org = t.CreateOrg("制限病院");
  auto user = t.CreateUser({"limit@example.jp", "制限 確認", "counselor", "nurse", org});
  auto token = [&] {
    auto created =
        api::CreateScopedToken(t.sv().db, t.clock(), {user, org, "127.0.0.1", "t"}, user, org,
                               "制限", 30, *api::Scopes::Parse("organization:read"));
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->token : std::string();
  };
  const std::string busy = token();
  const std::string calm = token();
  // Start at the beginning of a minute so the whole test falls in one window.
  t.clock().Advance(60 - t.clock().NowSeconds() % 60);
  auto api = t.NewClient();
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Authorization", "Bearer " + busy}};
  for (int i = 0; i < api::TokenRateLimit::kPerMinute; ++i) {
    ASSERT_EQ(api.Get("/api/v1/organization", headers).status, 200) << i;
  }
  t.clock().Advance(20);
  auto refused = api.Get("/api/v1/organization", headers);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.Header("retry-after"), "40");
  EXPECT_THAT(refused.Header("content-type"), HasSubstr("application/problem+json"));
  EXPECT_THAT(refused.body, HasSubstr("urn:tsunagu:problem:api.error.rate_limited"));
  EXPECT_THAT(refused.body, HasSubstr("呼び出しが多すぎます"));
  // Another token of the same person is not slowed down.
  EXPECT_EQ(api.Get("/api/v1/organization", {{"Authorization", "Bearer " + calm}}).status, 200);
  // The next minute starts afresh.
  t.clock().Advance(40);
  EXPECT_EQ(api.Get("/api/v1/organization", headers).status, 200);
}

}  // namespace
}  // namespace tsunagu::testing
