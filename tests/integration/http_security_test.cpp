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

// The production configuration (cookie_secure = true: behind TLS, here a proxy that says so):
// the session and CSRF cookies are host-only with the __Host- prefix, Secure, Path=/ and no
// Domain; every cookie is Secure (the language choice keeps its plain name: it holds nothing
// to protect); every answer carries HSTS. The development setting sends neither, so this is
// what decides it.
TEST(HttpSecurity, BehindTlsCookiesAreHostOnlyAndSecureAndHstsIsSent) {
  ServerOptions production;
  production.cookie_secure = true;
  TestServer t(production);
  const auto org = t.CreateOrg("本番設定病院");
  t.CreateUser({"tls@example.jp", "本番 確認", "counselor", "nurse", org});
  const std::vector<std::pair<std::string, std::string>> over_tls = {
      {"X-Forwarded-Proto", "https"}};
  auto expect_host_cookies = [](const HttpResult& r, const std::string& step) {
    const auto cookies = r.Headers("set-cookie");
    EXPECT_FALSE(cookies.empty()) << step;
    for (const auto& c : cookies) {
      EXPECT_THAT(c, HasSubstr("; Secure")) << step << ": " << c;
      if (c.rfind("tsunagu_lang=", 0) == 0) continue;
      EXPECT_EQ(c.rfind("__Host-", 0), 0u) << step << ": " << c;
      EXPECT_THAT(c, HasSubstr("; Path=/")) << step << ": " << c;
      EXPECT_THAT(c, Not(HasSubstr("Domain="))) << step << ": " << c;
    }
  };
  const std::string hsts = "max-age=31536000; includeSubDomains";

  auto c = t.NewClient();
  auto form = c.Get("/login", over_tls);
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.Header("strict-transport-security"), hsts);
  expect_host_cookies(form, "login page");
  EXPECT_EQ(c.cookies().count("__Host-tsunagu_csrf"), 1u);
  auto step1 = c.Post("/login",
                      {{"email", "tls@example.jp"},
                       {"password", TestServer::kPassword},
                       {"next", "/"},
                       {"csrf_token", ExtractCsrf(form.body)}},
                      over_tls);
  ASSERT_EQ(step1.status, 303) << step1.body;
  expect_host_cookies(step1, "password step");
  t.clock().Advance(30);
  auto code_form = c.Get("/login/code", over_tls);
  auto step2 =
      c.Post("/login/code",
             {{"code", t.TotpNow()}, {"next", "/"}, {"csrf_token", ExtractCsrf(code_form.body)}},
             over_tls);
  ASSERT_EQ(step2.status, 303) << step2.body;
  expect_host_cookies(step2, "code step");
  EXPECT_EQ(step2.Header("strict-transport-security"), hsts);
  ASSERT_EQ(c.cookies().count("__Host-tsunagu_session"), 1u);
  EXPECT_EQ(c.cookies().count("tsunagu_session"), 0u);
  // The session works under its __Host- name; a language choice is remembered the same way.
  auto home = c.Get("/?lang=en", over_tls);
  EXPECT_EQ(home.status, 200);
  EXPECT_EQ(home.Header("strict-transport-security"), hsts);
  expect_host_cookies(home, "language choice");
  // An answer without a page (health check, a refused request) carries HSTS too.
  EXPECT_EQ(t.NewClient().Get("/healthz", over_tls).Header("strict-transport-security"), hsts);
  EXPECT_EQ(t.NewClient().Get("/no-such-page", over_tls).Header("strict-transport-security"), hsts);

  // Plain-http development and tests: plain names, no Secure, no HSTS.
  TestServer dev;
  auto plain = dev.NewClient().Get("/login");
  EXPECT_EQ(plain.Header("strict-transport-security"), "");
  for (const auto& cookie : plain.Headers("set-cookie")) {
    EXPECT_EQ(cookie.rfind("__Host-", 0), std::string::npos) << cookie;
    EXPECT_THAT(cookie, Not(HasSubstr("Secure"))) << cookie;
  }
}

}  // namespace
}  // namespace tsunagu::testing
