// Login redirects (SECURITY.md rule 7, issue 12 item 4): whatever `next` a link or a form
// carries, both login steps answer with a same-site relative path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;

const char* const kHostileNext[] = {
    "/\t/evil.example",
    "/%09/evil.example",
    "/\\evil.example",
    "//evil.example",
    "/%2F/evil.example",
    "\xEF\xBC\x8F\xEF\xBC\x8F"
    "evil.example",
    "/\xEF\xBC\x8F"
    "evil.example",
    "javascript:alert(1)",
    "/\r\n/evil.example",
};

// The hidden `next` field of a login page, HTML entities undone.
std::string HiddenNext(const std::string& html) {
  std::string v = TextBetween(html, "name=\"next\" value=\"", "\"");
  for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
           {"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (auto pos = v.find(entity); pos != std::string::npos; pos = v.find(entity, pos)) {
      v.replace(pos, entity.size(), ch);
      pos += ch.size();
    }
  }
  return v;
}

TEST(SecurityLogin, HostileNextNeverLeavesTheSiteInEitherStep) {
  TestServer t;
  auto org = t.CreateOrg("病院R");
  t.CreateUser({"redirect@example.jp", "転送", "counselor", "nurse", org});
  for (const std::string next : kHostileNext) {
    SCOPED_TRACE("next=" + next);
    auto c = t.NewClient();
    // A link to the login page with the value in its query: the form does not carry it on.
    auto page = c.Get("/login?next=" + http::PercentEncode(next));
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(HiddenNext(page.body), "/");

    // The value posted as such at the password step and again at the code step.
    auto step1 = c.Post("/login", {{"csrf_token", ExtractCsrf(page.body)},
                                   {"email", "redirect@example.jp"},
                                   {"password", TestServer::kPassword},
                                   {"next", next}});
    ASSERT_EQ(step1.status, 303);
    EXPECT_EQ(step1.Header("location"), "/login/code?next=%2F");
    auto code_page = c.Get("/login/code?next=" + http::PercentEncode(next));
    ASSERT_EQ(code_page.status, 200);
    EXPECT_EQ(HiddenNext(code_page.body), "/");
    t.clock().Advance(30);
    auto step2 = c.Post(
        "/login/code",
        {{"csrf_token", ExtractCsrf(code_page.body)}, {"code", t.TotpNow()}, {"next", next}});
    ASSERT_EQ(step2.status, 303);
    EXPECT_EQ(step2.Header("location"), "/");
  }
}

TEST(SecurityLogin, ASameSitePathIsFollowedThroughBothSteps) {
  TestServer t;
  auto org = t.CreateOrg("病院S");
  t.CreateUser({"back@example.jp", "戻り", "counselor", "nurse", org});
  auto c = t.NewClient();
  auto page = c.Get("/login?next=%2Faccount%2Ftokens");
  EXPECT_EQ(HiddenNext(page.body), "/account/tokens");
  auto step1 = c.Post("/login", {{"csrf_token", ExtractCsrf(page.body)},
                                 {"email", "back@example.jp"},
                                 {"password", TestServer::kPassword},
                                 {"next", HiddenNext(page.body)}});
  ASSERT_EQ(step1.status, 303);
  EXPECT_EQ(step1.Header("location"), "/login/code?next=%2Faccount%2Ftokens");
  auto code_page = c.Get(step1.Header("location"));
  EXPECT_EQ(HiddenNext(code_page.body), "/account/tokens");
  t.clock().Advance(30);
  auto step2 = c.Post("/login/code", {{"csrf_token", ExtractCsrf(code_page.body)},
                                      {"code", t.TotpNow()},
                                      {"next", HiddenNext(code_page.body)}});
  ASSERT_EQ(step2.status, 303);
  EXPECT_EQ(step2.Header("location"), "/account/tokens");
  EXPECT_THAT(c.Get("/account/tokens").body, HasSubstr("csrf_token"));
}

// A large upload is accepted only from someone the route admits (SECURITY.md rule 10): the
// route's permission is decided from the headers, before the body is read or parsed. The
// client announces 10 MB and sends almost none of it: the answer must come at once instead of
// after the server waited for the rest.
TEST(SecurityLogin, ALargeUploadIsRefusedBeforeItsBodyIsRead) {
  TestServer t;
  auto c = t.NewClient();
  const std::string head =
      "POST /cases/1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
      "boundary=X\r\nContent-Length: " +
      std::to_string(10 * 1024 * 1024) + "\r\n\r\n--X\r\n";
  const auto started = std::chrono::steady_clock::now();
  const std::string answer = c.Raw(head, 2500);
  const auto waited = std::chrono::steady_clock::now() - started;
  ASSERT_GE(answer.size(), 12u) << "no answer before the body arrived";
  EXPECT_EQ(answer.substr(9, 3), "401");
  EXPECT_LT(waited, std::chrono::milliseconds(2000));

  // Signed in but without the route's permission (no organisation): 403, body unread.
  t.CreateUser({"noorg@example.jp", "所属 なし"});
  auto signed_in = t.LoginAs("noorg@example.jp");
  std::string cookie;
  for (const auto& [k, v] : signed_in.cookies()) cookie += k + "=" + v + "; ";
  const std::string with_cookie =
      "POST /cases/1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie +
      "\r\nContent-Type: multipart/form-data; boundary=X\r\nContent-Length: " +
      std::to_string(10 * 1024 * 1024) + "\r\n\r\n--X\r\n";
  const std::string refused = c.Raw(with_cookie, 2500);
  ASSERT_GE(refused.size(), 12u) << "no answer before the body arrived";
  EXPECT_EQ(refused.substr(9, 3), "403");

  // A route that does not exist does not get to make the server read 10 MB either.
  const std::string nowhere =
      c.Raw("POST /nowhere/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                std::to_string(10 * 1024 * 1024) + "\r\n\r\nabc",
            2500);
  ASSERT_GE(nowhere.size(), 12u);
  EXPECT_EQ(nowhere.substr(9, 3), "404");
}

}  // namespace
}  // namespace tsunagu::testing
