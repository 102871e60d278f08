// Headers, CSRF, bad input and language of answers (SECURITY.md rules 8–10).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HttpSecurity, HealthzAnswersOk) {
  TestServer t;
  auto r = t.NewClient().Get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "ok");
}

TEST(HttpSecurity, EveryPageCarriesTheSecurityHeaders) {
  TestServer t;
  for (const std::string path : {"/login", "/no-such-page", "/healthz"}) {
    auto r = t.NewClient().Get(path);
    EXPECT_THAT(r.Header("content-security-policy"), HasSubstr("frame-ancestors 'none'")) << path;
    EXPECT_THAT(r.Header("content-security-policy"), HasSubstr("script-src 'self'")) << path;
    EXPECT_THAT(r.Header("content-security-policy"), Not(HasSubstr("unsafe-inline"))) << path;
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << path;
    EXPECT_EQ(r.Header("referrer-policy"), "same-origin") << path;
    EXPECT_EQ(r.Header("cache-control"), "no-store") << path;
    EXPECT_FALSE(r.Header("x-request-id").empty()) << path;
  }
}

TEST(HttpSecurity, UnknownPageIsExplainedInTheUsersLanguage) {
  TestServer t;
  auto ja = t.NewClient().Get("/does/not/exist");
  EXPECT_EQ(ja.status, 404);
  EXPECT_THAT(ja.body, HasSubstr("lang=\"ja\""));
  EXPECT_THAT(ja.body, HasSubstr("お探しのページは見つかりませんでした"));
  auto en = t.NewClient().Get("/does/not/exist?lang=en");
  EXPECT_EQ(en.status, 404);
  EXPECT_THAT(en.body, HasSubstr("lang=\"en\""));
  EXPECT_THAT(en.body, HasSubstr("We could not find that page"));
  // Japanese first: a browser's Accept-Language alone does not switch pages to English.
  auto browser_en = t.NewClient().Get("/login", {{"Accept-Language", "en-US,en;q=0.9"}});
  EXPECT_THAT(browser_en.body, HasSubstr("lang=\"ja\""));
  // The choice made with ?lang=en is remembered for the next page.
  auto chooser = t.NewClient();
  chooser.Get("/login?lang=en");
  EXPECT_THAT(chooser.Get("/login").body, HasSubstr("lang=\"en\""));
  auto api = t.NewClient().Get("/api/v1/nothing-here");
  EXPECT_EQ(api.status, 404);
  EXPECT_THAT(api.Header("content-type"), HasSubstr("application/problem+json"));
}

TEST(HttpSecurity, PostWithoutOrWithAWrongCsrfTokenChangesNothing) {
  TestServer t;
  auto org = t.CreateOrg("病院CSRF");
  t.CreateUser({"csrf@example.jp", "CSRF", "counselor", "nurse", org});
  auto c = t.NewClient();
  c.Get("/login");
  auto none = c.Post("/login", {{"email", "csrf@example.jp"}, {"password", TestServer::kPassword}});
  EXPECT_EQ(none.status, 403);
  EXPECT_THAT(none.body, HasSubstr("画面を開き直して"));
  auto wrong = c.Post("/login", {{"email", "csrf@example.jp"},
                                 {"password", TestServer::kPassword},
                                 {"csrf_token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(c.cookies().count("tsunagu_session"), 0u) << "no session was created";

  // A signed-in user's logout needs the session's own token.
  auto s = t.LoginAs("csrf@example.jp");
  EXPECT_EQ(s.Post("/logout", {{"csrf_token", "forged"}}).status, 403);
  EXPECT_EQ(s.Get("/").status, 200) << "still signed in";
}

TEST(HttpSecurity, CrossSiteRequestsAreRefused) {
  TestServer t;
  auto c = t.NewClient();
  auto page = c.Get("/login");
  auto r = c.Request(
      "POST", "/login",
      FormEncode({{"csrf_token", ExtractCsrf(page.body)}, {"email", "a@b.jp"}, {"password", "x"}}),
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(r.status, 403);
  auto o = c.Request(
      "POST", "/login",
      FormEncode({{"csrf_token", ExtractCsrf(page.body)}, {"email", "a@b.jp"}, {"password", "x"}}),
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Origin", "https://evil.example"}});
  EXPECT_EQ(o.status, 403);
}

TEST(HttpSecurity, MalformedRequestsGetAClearAnswerAndTheServerStaysUp) {
  TestServer t;
  auto c = t.NewClient();
  std::string garbage = c.Raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_THAT(garbage, HasSubstr("400"));
  std::string bad_utf8 = c.Raw("GET /login%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_THAT(bad_utf8.substr(0, 12), HasSubstr("400"));
  std::string huge_header =
      c.Raw("GET /login HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n");
  EXPECT_THAT(huge_header.substr(0, 12), HasSubstr("431"));
  std::string huge_body = c.Raw(
      "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/x-www-form-urlencoded\r\nContent-Length: " +
      std::to_string(8 * 1024 * 1024) + "\r\n\r\n" + std::string(4096, 'a'));
  EXPECT_THAT(huge_body.substr(0, 12), HasSubstr("413"));
  EXPECT_THAT(huge_body, HasSubstr("送信された内容が大きすぎます"));
  // Invalid UTF-8 and bad escapes in a form body.
  auto page = c.Get("/login");
  auto bad_form = c.Request("POST", "/login",
                            "csrf_token=" + ExtractCsrf(page.body) + "&email=%FF%FE&password=%ZZ",
                            {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(bad_form.status, 400);
  EXPECT_THAT(bad_form.body, HasSubstr("読み取れませんでした"));
  // Still serving.
  EXPECT_EQ(t.NewClient().Get("/healthz").body, "ok");
}

TEST(HttpSecurity, HostileInputIsEscapedWhenShownBack) {
  TestServer t;
  const std::string hostile = "\"><script>alert(1)</script>@example.jp";
  auto r = t.NewClient().Submit("/login", {{"email", hostile}, {"password", "whatever-123"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_THAT(r.body, Not(HasSubstr("<script>alert(1)")));
  EXPECT_THAT(r.body, HasSubstr("&lt;script&gt;"));
}

TEST(HttpSecurity, PagesNeedALoginAndRedirectBackAfterwards) {
  TestServer t;
  auto r = t.NewClient().Get("/account");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location"), "/login?next=%2Faccount");
}

TEST(HttpSecurity, OpenRedirectsAreNotPossibleThroughNext) {
  TestServer t;
  auto org = t.CreateOrg("病院N");
  t.CreateUser({"next@example.jp", "次", "counselor", "nurse", org});
  auto c = t.NewClient();
  c.Submit("/login", {{"email", "next@example.jp"},
                      {"password", TestServer::kPassword},
                      {"next", "//evil.example/"}});
  t.clock().Advance(30);
  auto r = c.Submit("/login/code", {{"code", t.TotpNow()}, {"next", "https://evil.example/"}});
  EXPECT_EQ(r.Header("location"), "/");
}

}  // namespace
}  // namespace tsunagu::testing
