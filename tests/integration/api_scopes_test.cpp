// API token scopes (issue 17 point 4): chosen when the token is created, stored, shown in the
// token page, enforced on every API route with a 403 problem in the person's language; tokens
// made before scopes keep what they could reach then.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/handlers/routes.hpp"
#include "api/scopes.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using Headers = std::vector<std::pair<std::string, std::string>>;

Headers Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

// A concrete path for a pattern: every {param} becomes 1.
std::string Target(const std::string& pattern) {
  std::string target = pattern;
  for (auto brace = target.find('{'); brace != std::string::npos; brace = target.find('{')) {
    target = target.substr(0, brace) + "1" + target.substr(target.find('}', brace) + 1);
  }
  return target;
}

std::string TokenFrom(const std::string& body) {
  auto pos = body.find("tsu_");
  if (pos == std::string::npos) return {};
  return body.substr(pos, body.find_first_of("<\" \n", pos) - pos);
}

struct World {
  TestServer t;
  std::int64_t org = 0;
  std::int64_t user = 0;

  World() {
    org = t.CreateOrg("範囲病院");
    // An administrator: whatever a scope refuses, the person's role would allow.
    user = t.CreateUser({"scope@example.jp", "範囲 確認", "admin", "nurse", org});
  }

  std::string Token(const std::string& scopes) {
    auto parsed = api::Scopes::Parse(scopes);
    if (!parsed) throw std::runtime_error("bad scopes in test: " + scopes);
    auto created = api::CreateScopedToken(t.sv().db, t.clock(), {user, org, "127.0.0.1", "t"}, user,
                                          org, "連携", 30, *parsed);
    if (!created) throw std::runtime_error("token: " + created.error().message_key);
    return created->token;
  }

  std::string Stored(const std::string& column, const std::string& where) {
    auto v = t.app().db().Read<std::string>([&](soci::session& s) {
      soci::indicator ind = soci::i_ok;
      std::string out;
      s << "SELECT " + column + " FROM api_token WHERE " + where, soci::into(out, ind);
      return ind == soci::i_null ? std::string("NULL") : out;
    });
    return v ? *v : std::string("(error)");
  }
};

TEST(ApiScopes, ParseAndFormatAreStrict) {
  auto s = api::Scopes::Parse("organization:read bookings:write");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->Format(), "organization:read bookings:write");
  EXPECT_TRUE(s->Allows("bookings", api::Access::kRead)) << "write includes read";
  EXPECT_TRUE(s->Allows("bookings", api::Access::kWrite));
  EXPECT_FALSE(s->Allows("organization", api::Access::kWrite));
  EXPECT_FALSE(s->Allows("cases", api::Access::kRead));
  for (const char* bad : {"cases:admin", "clients:read", "cases", "cases:read cases:write",
                          "cases:read  records:read", "Cases:read"}) {
    EXPECT_FALSE(api::Scopes::Parse(bad)) << bad;
  }
  EXPECT_EQ(api::Scopes::Legacy().Format(), "organization:read");
}

TEST(ApiScopes, EveryApiRouteDeclaresAKnownScopeOrNone) {
  for (const auto& route : api::handlers::ApiRoutes()) {
    if (route.scope.domain.empty()) {
      EXPECT_EQ(route.scope.access, api::Access::kNone) << route.pattern;
      continue;
    }
    EXPECT_TRUE(api::IsScopeDomain(route.scope.domain)) << route.pattern;
    EXPECT_NE(route.scope.access, api::Access::kNone) << route.pattern;
    EXPECT_NE(route.permission, auth::Permission::kPublic) << route.pattern;
    // Reading needs read, anything else write.
    EXPECT_EQ(route.scope.access, route.method == "GET" ? api::Access::kRead : api::Access::kWrite)
        << route.method << " " << route.pattern;
  }
}

TEST(ApiScopes, ChosenOnThePageStoredShownAndAudited) {
  World w;
  auto c = w.t.LoginAs("scope@example.jp");
  auto page = c.Get("/account/tokens");
  ASSERT_EQ(page.status, 200);
  for (std::string_view domain : api::kScopeDomains) {
    EXPECT_THAT(page.body, HasSubstr("name=\"scope_" + std::string(domain) + "\" value=\"write\""))
        << domain;
  }
  EXPECT_THAT(page.body, HasSubstr("使える範囲（スコープ）"));

  // No scope chosen: refused with a message, nothing created.
  auto none = c.Submit("/account/tokens", {{"name", "何もしない"}, {"valid_days", "30"}});
  EXPECT_EQ(none.status, 422);
  EXPECT_THAT(none.body, HasSubstr("使える範囲を少なくとも一つ選んでください"));
  auto odd = c.Submit("/account/tokens",
                      {{"name", "変な値"}, {"valid_days", "30"}, {"scope_cases", "admin"}});
  EXPECT_EQ(odd.status, 422);
  EXPECT_THAT(odd.body, HasSubstr("「使わない」「読み取り」「読み書き」から選んでください"));
  EXPECT_EQ(w.Stored("COUNT(*)", "1 = 1"), "0");

  auto created = c.Submit("/account/tokens", {{"name", "予約窓口"},
                                              {"valid_days", "30"},
                                              {"scope_bookings", "write"},
                                              {"scope_reports", "read"},
                                              {"scope_cases", "none"}});
  ASSERT_EQ(created.status, 200);
  const std::string token = TokenFrom(created.body);
  ASSERT_EQ(token.rfind("tsu_", 0), 0u);
  EXPECT_THAT(created.body, HasSubstr("予約：読み書き、集計：読み取り"));
  EXPECT_EQ(w.Stored("scopes", "name = '予約窓口'"), "bookings:write reports:read");
  EXPECT_THAT(c.Get("/account/tokens").body, HasSubstr("予約：読み書き、集計：読み取り"));
  EXPECT_THAT(c.Get("/account/tokens?lang=en").body,
              HasSubstr("Bookings: Read and write, Figures: Read"));

  // The audit says which scopes were granted.
  auto detail = w.t.app().db().Read<std::string>([&](soci::session& s) {
    std::string d;
    s << "SELECT detail FROM audit_event WHERE action = 'api_token.create'", soci::into(d);
    return d;
  });
  ASSERT_TRUE(detail);
  EXPECT_THAT(*detail, HasSubstr("bookings:write reports:read"));

  // The API's list of tokens shows them too.
  auto listed = w.t.NewClient().Get("/api/v1/tokens", Bearer(token));
  EXPECT_EQ(listed.status, 200);
  EXPECT_THAT(listed.body, HasSubstr("\"scopes\":[\"bookings:write\",\"reports:read\"]"));
}

TEST(ApiScopes, EnforcedOnEveryApiRouteWithAProblemInThePersonsLanguage) {
  World w;
  auto api = w.t.NewClient();
  const std::string bookings = w.Token("bookings:write");
  // Routes about the token's own account need no scope.
  EXPECT_EQ(api.Get("/api/v1/me", Bearer(bookings)).status, 200);
  EXPECT_EQ(api.Get("/api/v1/tokens", Bearer(bookings)).status, 200);

  auto refused = api.Get("/api/v1/organization", Bearer(bookings));
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.Header("content-type"), HasSubstr("application/problem+json"));
  EXPECT_THAT(refused.body, HasSubstr("\"type\":\"urn:tsunagu:problem:api.error.scope\""));
  EXPECT_THAT(refused.body, HasSubstr("\"required_scope\":\"organization:read\""));
  EXPECT_THAT(refused.body, HasSubstr("必要な範囲（スコープ）がありません"));
  EXPECT_THAT(refused.body, Not(HasSubstr("範囲病院")));
  auto english = api.Get("/api/v1/organization",
                         {{"Authorization", "Bearer " + bookings}, {"Accept-Language", "en"}});
  EXPECT_EQ(english.status, 403);
  EXPECT_THAT(english.body, HasSubstr("scopes do not cover this request"));
  // Without a language in the call, the person's own setting decides.
  ASSERT_TRUE(w.t.app().db().WriteVoid([&](soci::session& s) {
    long long u = w.user;
    s << "UPDATE app_user SET language = 'en' WHERE id = :u", soci::use(u);
  }));
  EXPECT_THAT(api.Get("/api/v1/organization", Bearer(bookings)).body,
              HasSubstr("scopes do not cover this request"));
  EXPECT_THAT(api.Get("/api/v1/organization?lang=ja", Bearer(bookings)).body,
              HasSubstr("必要な範囲（スコープ）がありません"));

  // Every route that needs a scope: refused to a token with every other domain at write, and
  // not refused for its scope to a token holding exactly what it needs. New routes are covered
  // as soon as they are registered.
  int checked = 0;
  for (const auto& route : api::handlers::ApiRoutes()) {
    if (route.scope.domain.empty()) continue;
    std::string others;
    for (std::string_view domain : api::kScopeDomains) {
      if (domain == route.scope.domain) continue;
      others += (others.empty() ? "" : " ") + std::string(domain) + ":write";
    }
    const std::string target = Target(route.pattern);
    auto no = api.Request(route.method, target, "", Bearer(w.Token(others)));
    EXPECT_EQ(no.status, 403) << route.method << " " << route.pattern;
    EXPECT_THAT(no.body, HasSubstr("\"required_scope\":\"" + api::ScopeName(route.scope) + "\""))
        << route.method << " " << route.pattern;
    auto yes = api.Request(route.method, target, "", Bearer(w.Token(api::ScopeName(route.scope))));
    EXPECT_THAT(yes.body, Not(HasSubstr("api.error.scope"))) << route.method << " " << target;
    if (route.scope.access == api::Access::kRead) {
      // Write includes read.
      auto writer = api.Request(route.method, target, "",
                                Bearer(w.Token(std::string(route.scope.domain) + ":write")));
      EXPECT_THAT(writer.body, Not(HasSubstr("api.error.scope"))) << route.pattern;
    }
    ++checked;
  }
  EXPECT_GE(checked, 2);
  EXPECT_EQ(api.Get("/api/v1/organization/members", Bearer(w.Token("organization:read"))).status,
            200);
}

TEST(ApiScopes, TokensFromBeforeScopesKeepWhatTheyCouldReach) {
  World w;
  auto api = w.t.NewClient();
  const std::string old = w.Token("cases:read");
  // What migration 0035 leaves on every token made before it.
  ASSERT_TRUE(w.t.app().db().WriteVoid(
      [&](soci::session& s) { s << "UPDATE api_token SET scopes = NULL"; }));
  EXPECT_EQ(w.Stored("scopes", "1 = 1"), "NULL");
  for (const char* path :
       {"/api/v1/me", "/api/v1/organization", "/api/v1/organization/members", "/api/v1/tokens"}) {
    EXPECT_EQ(api.Get(path, Bearer(old)).status, 200) << path;
  }
  // Nothing of the domains added since.
  for (const auto& route : api::handlers::ApiRoutes()) {
    if (route.scope.domain.empty() || route.scope.domain == "organization") continue;
    EXPECT_EQ(api.Request(route.method, Target(route.pattern), "", Bearer(old)).status, 403)
        << route.pattern;
  }
  auto c = w.t.LoginAs("scope@example.jp");
  EXPECT_THAT(c.Get("/account/tokens").body, HasSubstr("組織：読み取り"));

  // A stored value this program cannot read grants nothing.
  ASSERT_TRUE(w.t.app().db().WriteVoid(
      [&](soci::session& s) { s << "UPDATE api_token SET scopes = 'organization:admin'"; }));
  EXPECT_EQ(api.Get("/api/v1/organization", Bearer(old)).status, 403);
  EXPECT_EQ(api.Get("/api/v1/me", Bearer(old)).status, 200);
}

}  // namespace
}  // namespace tsunagu::testing
