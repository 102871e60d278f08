// Invitation → password → TOTP enrolment → logout → login, and the login rules of SECURITY.md
// rules 6 and 7, through real HTTP on the engine of this run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "auth/totp.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(AuthFlow, InviteSetPasswordEnrollLogoutLogin) {
  TestServer t;
  auto org = t.CreateOrg("テスト病院 がん相談支援センター");
  t.CreateUser({"admin@example.jp", "管理 者", "admin", "nurse", org});
  auto admin = t.LoginAs("admin@example.jp");

  // The admin invites a colleague through the service the members page uses.
  auto invited = t.sv().accounts.Invite(
      {0, org, "127.0.0.1", "t"},
      {org, "newcomer@example.jp", "新人 さん", "counselor", "msw", "ja"},
      {"【つなぐ】アカウント作成のご案内", "次のリンクから設定してください。\n{link}\n"});
  ASSERT_TRUE(invited.ok());
  std::string mail = MailSink::Get().WaitFor("newcomer@example.jp");
  ASSERT_THAT(mail, HasSubstr("アカウント作成のご案内"));
  std::string link = TextBetween(mail, t.config().server.public_url, "\n");
  ASSERT_THAT(link, HasSubstr("/invitation/"));

  auto c = t.NewClient();
  auto page = c.Get(link);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("テスト病院"));

  // A common password is refused with a message next to the field; nothing changes.
  auto weak = c.Post(link, {{"csrf_token", ExtractCsrf(page.body)},
                            {"password", "password12345678"},
                            {"password_confirm", "password12345678"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_THAT(weak.body, HasSubstr("よく使われている"));
  EXPECT_THAT(weak.body, HasSubstr("aria-invalid=\"true\""));

  auto set = c.Post(link, {{"csrf_token", ExtractCsrf(page.body)},
                           {"password", "ながい合言葉は春の小川2026"},
                           {"password_confirm", "ながい合言葉は春の小川2026"}});
  ASSERT_EQ(set.status, 303);
  EXPECT_EQ(set.Header("location"), "/enroll");
  // The link works once only.
  EXPECT_EQ(t.NewClient().Get(link).status, 404);

  auto enroll = c.Get("/enroll");
  ASSERT_EQ(enroll.status, 200);
  EXPECT_THAT(enroll.body, HasSubstr("<svg"));
  std::string secret = TextBetween(enroll.body, "id=\"totp-secret\">", "<");
  secret.erase(std::remove(secret.begin(), secret.end(), ' '), secret.end());
  ASSERT_EQ(secret.size(), 32u);

  auto wrong = c.Post("/enroll", {{"csrf_token", ExtractCsrf(enroll.body)}, {"code", "000000"}});
  EXPECT_EQ(wrong.status, 422);
  auto done = c.Post("/enroll", {{"csrf_token", ExtractCsrf(enroll.body)},
                                 {"code", auth::TotpCodeAt(secret, t.clock().NowSeconds())}});
  ASSERT_EQ(done.status, 200);
  EXPECT_THAT(done.body, HasSubstr("recovery-codes"));
  std::string recovery = TextBetween(done.body, "<li><code>", "</code>");
  ASSERT_FALSE(recovery.empty());

  auto home = c.Get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("新人 さん"));

  // Log out: the session is gone server-side, the old cookie no longer works.
  auto old_cookies = c.cookies();
  auto out = c.Post("/logout", {{"csrf_token", ExtractCsrf(home.body)}});
  EXPECT_EQ(out.status, 303);
  auto replay = t.NewClient();
  replay.cookies() = old_cookies;
  EXPECT_EQ(replay.Get("/account").status, 303);

  // Log in again: password, then the TOTP code of the next time step.
  auto again = t.NewClient();
  auto step1 = again.Submit("/login", {{"email", "NewComer@Example.jp"},
                                       {"password", "ながい合言葉は春の小川2026"},
                                       {"next", "/"}});
  ASSERT_EQ(step1.status, 303);
  EXPECT_THAT(step1.Header("location"), HasSubstr("/login/code"));
  EXPECT_EQ(again.Get("/account").status, 303) << "a half-finished login is not a session";
  t.clock().Advance(30);
  auto step2 = again.Submit(
      "/login/code", {{"code", auth::TotpCodeAt(secret, t.clock().NowSeconds())}, {"next", "/"}});
  ASSERT_EQ(step2.status, 303);
  EXPECT_EQ(again.Get("/account").status, 200);

  // A recovery code works once in place of the TOTP code.
  auto rc = t.NewClient();
  rc.Submit("/login",
            {{"email", "newcomer@example.jp"}, {"password", "ながい合言葉は春の小川2026"}});
  EXPECT_EQ(rc.Submit("/login/code", {{"code", recovery}}).status, 303);
  auto rc2 = t.NewClient();
  rc2.Submit("/login",
             {{"email", "newcomer@example.jp"}, {"password", "ながい合言葉は春の小川2026"}});
  EXPECT_EQ(rc2.Submit("/login/code", {{"code", recovery}}).status, 422);
  (void)admin;
}

TEST(AuthFlow, FailureMessageDoesNotRevealWhetherAccountExists) {
  TestServer t;
  auto org = t.CreateOrg("病院A");
  t.CreateUser({"known@example.jp", "既知", "counselor", "nurse", org});
  auto a = t.NewClient().Submit(
      "/login", {{"email", "known@example.jp"}, {"password", "wrong-password-123"}});
  auto b = t.NewClient().Submit(
      "/login", {{"email", "nobody@example.jp"}, {"password", "wrong-password-123"}});
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(b.status, 401);
  EXPECT_THAT(a.body, HasSubstr("メールアドレスまたはパスワードが正しくありません"));
  EXPECT_THAT(b.body, HasSubstr("メールアドレスまたはパスワードが正しくありません"));
  // The typed e-mail is kept, the password is not.
  EXPECT_THAT(a.body, HasSubstr("value=\"known@example.jp\""));
  EXPECT_THAT(a.body, Not(HasSubstr("wrong-password-123")));
}

TEST(AuthFlow, LockoutAfterRepeatedFailuresEvenWithTheRightPassword) {
  TestServer t;
  auto org = t.CreateOrg("病院B");
  t.CreateUser({"target@example.jp", "対象", "counselor", "nurse", org});
  for (int i = 0; i < t.config().security.lockout_threshold; ++i) {
    auto r = t.NewClient().Submit(
        "/login", {{"email", "target@example.jp"}, {"password", "not-it-" + std::to_string(i)}});
    EXPECT_EQ(r.status, 401);
  }
  auto locked = t.NewClient().Submit(
      "/login", {{"email", "target@example.jp"}, {"password", TestServer::kPassword}});
  EXPECT_EQ(locked.status, 429);
  EXPECT_THAT(locked.body, HasSubstr("しばらく時間をおいて"));
  // An unknown address is throttled the same way, so a lock reveals nothing.
  for (int i = 0; i < t.config().security.lockout_threshold; ++i) {
    t.NewClient().Submit("/login",
                         {{"email", "ghost@example.jp"}, {"password", "x-" + std::to_string(i)}});
  }
  EXPECT_EQ(
      t.NewClient().Submit("/login", {{"email", "ghost@example.jp"}, {"password", "y"}}).status,
      429);
  // After the lockout period the right password works again.
  t.clock().Advance(t.config().security.lockout_minutes * 60 + 1);
  auto ok = t.NewClient().Submit(
      "/login", {{"email", "target@example.jp"}, {"password", TestServer::kPassword}});
  EXPECT_EQ(ok.status, 303);
}

TEST(AuthFlow, WrongCodesEndThePendingLogin) {
  TestServer t;
  auto org = t.CreateOrg("病院C");
  t.CreateUser({"codes@example.jp", "コード", "counselor", "nurse", org});
  auto c = t.NewClient();
  ASSERT_EQ(c.Submit("/login", {{"email", "codes@example.jp"}, {"password", TestServer::kPassword}})
                .status,
            303);
  for (int i = 0; i < 5; ++i) c.Submit("/login/code", {{"code", "123456"}});
  // The pending session is gone: the code page sends the person back to the login page.
  auto r = c.Get("/login/code");
  EXPECT_EQ(r.status, 303);
  EXPECT_THAT(r.Header("location"), HasSubstr("/login"));
}

TEST(AuthFlow, TotpCodeCannotBeReplayed) {
  TestServer t;
  auto org = t.CreateOrg("病院D");
  t.CreateUser({"replay@example.jp", "再利用", "counselor", "nurse", org});
  const std::string code = t.TotpNow();
  auto a = t.NewClient();
  a.Submit("/login", {{"email", "replay@example.jp"}, {"password", TestServer::kPassword}});
  EXPECT_EQ(a.Submit("/login/code", {{"code", code}}).status, 303);
  auto b = t.NewClient();
  b.Submit("/login", {{"email", "replay@example.jp"}, {"password", TestServer::kPassword}});
  EXPECT_EQ(b.Submit("/login/code", {{"code", code}}).status, 422);
}

TEST(AuthFlow, SessionsExpireWhenIdleAndAtTheAbsoluteLimit) {
  TestServer t;
  auto org = t.CreateOrg("病院E");
  t.CreateUser({"idle@example.jp", "放置", "counselor", "nurse", org});
  auto c = t.LoginAs("idle@example.jp");
  EXPECT_EQ(c.Get("/account").status, 200);
  t.clock().Advance(29 * 60);
  EXPECT_EQ(c.Get("/account").status, 200);
  t.clock().Advance(31 * 60);
  auto expired = c.Get("/account");
  EXPECT_EQ(expired.status, 303) << "30 minutes idle ends the session";
  EXPECT_THAT(expired.Header("location"), HasSubstr("expired=1"));
  EXPECT_THAT(c.Get(expired.Header("location")).body, HasSubstr("安全のためログアウトしました"));

  auto d = t.LoginAs("idle@example.jp");
  for (int i = 0; i < 25; ++i) {  // active every 29 minutes for ~12 hours
    t.clock().Advance(29 * 60);
    if (i < 24) ASSERT_EQ(d.Get("/account").status, 200) << i;
  }
  EXPECT_EQ(d.Get("/account").status, 303) << "12 hours is the absolute limit";
}

TEST(AuthFlow, DisablingAUserEndsTheirSessions) {
  TestServer t;
  auto org = t.CreateOrg("病院F");
  auto id = t.CreateUser({"leaver@example.jp", "退職", "counselor", "nurse", org});
  auto c = t.LoginAs("leaver@example.jp");
  ASSERT_EQ(c.Get("/account").status, 200);
  ASSERT_TRUE(t.sv().accounts.DisableUser({0, 0, "test", "t"}, id).ok());
  EXPECT_EQ(c.Get("/account").status, 303);
  auto again = t.NewClient().Submit(
      "/login", {{"email", "leaver@example.jp"}, {"password", TestServer::kPassword}});
  EXPECT_EQ(again.status, 401);
}

// SECURITY.md rule 7: a session of an account that was disabled gives no signed-in request,
// even while its row is still there (the session, user and memberships are read together).
TEST(AuthFlow, ASessionOfADisabledAccountSignsNothingIn) {
  TestServer t;
  auto org = t.CreateOrg("病院Z");
  auto id = t.CreateUser({"still@example.jp", "残存", "counselor", "nurse", org});
  auto c = t.LoginAs("still@example.jp");
  ASSERT_EQ(c.Get("/account").status, 200);
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    long long user = id;
                    s << "UPDATE app_user SET status = 'disabled' WHERE id = :u", soci::use(user);
                  })
                  .ok());
  EXPECT_EQ(c.Get("/account").status, 303);
}

TEST(AuthFlow, SessionCookieIsHttpOnlyAndRenewedAtEachStep) {
  TestServer t;
  auto org = t.CreateOrg("病院G");
  t.CreateUser({"cookie@example.jp", "クッキー", "counselor", "nurse", org});
  auto c = t.NewClient();
  auto r1 =
      c.Submit("/login", {{"email", "cookie@example.jp"}, {"password", TestServer::kPassword}});
  std::string pending = c.cookies()["tsunagu_session"];
  bool http_only = false;
  for (const auto& h : r1.Headers("set-cookie")) {
    if (h.rfind("tsunagu_session=", 0) == 0) {
      http_only =
          h.find("HttpOnly") != std::string::npos && h.find("SameSite=Lax") != std::string::npos;
    }
  }
  EXPECT_TRUE(http_only);
  t.clock().Advance(30);
  c.Submit("/login/code", {{"code", t.TotpNow()}});
  EXPECT_NE(c.cookies()["tsunagu_session"], pending) << "a new id after the second factor";
  auto stale = t.NewClient();
  stale.cookies()["tsunagu_session"] = pending;
  EXPECT_EQ(stale.Get("/account").status, 303);
}

}  // namespace
}  // namespace tsunagu::testing
