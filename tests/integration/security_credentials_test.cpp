// Credentials end with their reason (SECURITY.md rule 7, issue 12 item 8): logging out ends
// every session of the user; a password change, an MFA reset and disabling an account end all
// sessions and revoke all API tokens; creating an API token or new recovery codes needs the
// password and a code entered within the last 5 minutes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct World {
  TestServer t;
  std::int64_t org = 0;
  std::int64_t user = 0;
  std::string email = "cred@example.jp";

  World() {
    org = t.CreateOrg("資格病院");
    user = t.CreateUser({email, "資格 確認", "admin", "nurse", org});
  }

  std::string NewToken() {
    auto created = t.sv().tokens.Create({user, org, "127.0.0.1", "t"}, user, org, "連携", 30);
    if (!created) throw std::runtime_error("token: " + created.error().message_key);
    return created->token;
  }

  int Api(const std::string& token) {
    return t.NewClient().Get("/api/v1/me", {{"Authorization", "Bearer " + token}}).status;
  }

  // Tokens of the user not revoked in the database (what a live stream's re-check sees).
  int LiveTokens() {
    auto n = t.app().db().Read<int>([&](soci::session& s) {
      int count = 0;
      long long u = user;
      s << "SELECT COUNT(*) FROM api_token WHERE user_id = :u AND revoked_at IS NULL", soci::use(u),
          soci::into(count);
      return count;
    });
    return n ? *n : -1;
  }

  int Sessions() {
    auto n = t.app().db().Read<int>([&](soci::session& s) {
      int count = 0;
      long long u = user;
      s << "SELECT COUNT(*) FROM user_session WHERE user_id = :u", soci::use(u), soci::into(count);
      return count;
    });
    return n ? *n : -1;
  }
};

TEST(SecurityCredentials, LogoutEndsEverySessionOfTheUser) {
  World w;
  auto laptop = w.t.LoginAs(w.email);
  auto phone = w.t.LoginAs(w.email);
  ASSERT_EQ(phone.Get("/account").status, 200);
  auto home = laptop.Get("/");
  auto out = laptop.Post("/logout", {{"csrf_token", ExtractCsrf(home.body)}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(phone.Get("/account").status, 303) << "the other device's session ended too";
  EXPECT_EQ(w.Sessions(), 0);
}

TEST(SecurityCredentials, PasswordChangeEndsSessionsAndRevokesApiTokens) {
  World w;
  const std::string token = w.NewToken();
  ASSERT_EQ(w.Api(token), 200);
  auto other = w.t.LoginAs(w.email);
  auto c = w.t.LoginAs(w.email);
  auto page = c.Get("/account/password");
  auto r = c.Post("/account/password", {{"csrf_token", ExtractCsrf(page.body)},
                                        {"current_password", TestServer::kPassword},
                                        {"password", "a-new-and-unusual-passphrase-77"},
                                        {"password_confirm", "a-new-and-unusual-passphrase-77"}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(w.Api(token), 401) << "the API token ended with the old password";
  EXPECT_EQ(w.LiveTokens(), 0);
  EXPECT_EQ(other.Get("/account").status, 303);
  EXPECT_EQ(w.Sessions(), 0);
}

TEST(SecurityCredentials, MfaResetEndsSessionsAndRevokesApiTokens) {
  World w;
  const std::string token = w.NewToken();
  auto c = w.t.LoginAs(w.email);
  ASSERT_EQ(w.Api(token), 200);
  ASSERT_TRUE(w.t.sv().accounts.ResetMfa({0, 0, "cli", "t"}, w.user).ok());
  EXPECT_EQ(w.Api(token), 401);
  EXPECT_EQ(w.LiveTokens(), 0);
  EXPECT_EQ(c.Get("/account").status, 303);
}

TEST(SecurityCredentials, DisablingEndsSessionsAndRevokesApiTokens) {
  World w;
  const std::string token = w.NewToken();
  auto c = w.t.LoginAs(w.email);
  ASSERT_TRUE(w.t.sv().accounts.DisableUser({0, 0, "cli", "t"}, w.user).ok());
  EXPECT_EQ(w.Api(token), 401);
  EXPECT_EQ(w.LiveTokens(), 0);
  EXPECT_EQ(c.Get("/account").status, 303);
  EXPECT_EQ(w.Sessions(), 0);
}

// Past the 5 minutes that a login or a confirmation counts as fresh.
constexpr int kStale = 6 * 60;

TEST(SecurityCredentials, CreatingAnApiTokenNeedsAFreshPasswordAndCode) {
  World w;
  auto c = w.t.LoginAs(w.email);
  w.t.clock().Advance(kStale);
  auto page = c.Get("/account/tokens");
  ASSERT_EQ(page.status, 200);
  auto refused =
      c.Post("/account/tokens",
             {{"csrf_token", ExtractCsrf(page.body)}, {"name", "集計"}, {"valid_days", "30"}});
  ASSERT_EQ(refused.status, 303);
  EXPECT_EQ(refused.Header("location"), "/account/confirm?next=%2Faccount%2Ftokens");
  EXPECT_EQ(w.LiveTokens(), 0) << "no token without the confirmation";

  // The confirmation page wants both factors; a wrong password changes nothing.
  auto confirm = c.Get(refused.Header("location"));
  ASSERT_EQ(confirm.status, 200);
  EXPECT_THAT(confirm.body, HasSubstr("name=\"password\""));
  EXPECT_THAT(confirm.body, HasSubstr("name=\"code\""));
  w.t.clock().Advance(30);
  auto wrong = c.Post("/account/confirm", {{"csrf_token", ExtractCsrf(confirm.body)},
                                           {"password", "not-my-password-at-all"},
                                           {"code", w.t.TotpNow()},
                                           {"next", "/account/tokens"}});
  EXPECT_EQ(wrong.status, 422);
  auto no_code = c.Post("/account/confirm", {{"csrf_token", ExtractCsrf(confirm.body)},
                                             {"password", TestServer::kPassword},
                                             {"code", "000000"},
                                             {"next", "/account/tokens"}});
  EXPECT_EQ(no_code.status, 422);
  w.t.clock().Advance(30);
  auto ok = c.Post("/account/confirm", {{"csrf_token", ExtractCsrf(confirm.body)},
                                        {"password", TestServer::kPassword},
                                        {"code", w.t.TotpNow()},
                                        {"next", "/account/tokens"}});
  ASSERT_EQ(ok.status, 303);
  EXPECT_EQ(ok.Header("location"), "/account/tokens");
  auto created = c.Post("/account/tokens", {{"csrf_token", ExtractCsrf(page.body)},
                                            {"name", "集計"},
                                            {"valid_days", "30"},
                                            {"scope_organization", "read"}});
  EXPECT_EQ(created.status, 200);
  EXPECT_THAT(created.body, HasSubstr("tsu_"));
  EXPECT_EQ(w.LiveTokens(), 1);

  // Five minutes later the confirmation has run out again.
  w.t.clock().Advance(kStale);
  auto later =
      c.Post("/account/tokens",
             {{"csrf_token", ExtractCsrf(page.body)}, {"name", "もう一つ"}, {"valid_days", "30"}});
  EXPECT_EQ(later.status, 303);
  EXPECT_EQ(w.LiveTokens(), 1);
}

TEST(SecurityCredentials, NewRecoveryCodesNeedAFreshPasswordAndCode) {
  World w;
  auto c = w.t.LoginAs(w.email);
  const int before = w.t.sv().accounts.RemainingRecoveryCodes(w.user);
  w.t.clock().Advance(kStale);
  auto page = c.Get("/account");
  auto refused = c.Post("/account/recovery-codes", {{"csrf_token", ExtractCsrf(page.body)}});
  ASSERT_EQ(refused.status, 303);
  EXPECT_EQ(refused.Header("location"), "/account/confirm?next=%2Faccount");
  EXPECT_THAT(refused.body, Not(HasSubstr("recovery-codes")));
  EXPECT_EQ(w.t.sv().accounts.RemainingRecoveryCodes(w.user), before);

  auto confirm = c.Get(refused.Header("location"));
  w.t.clock().Advance(30);
  auto ok = c.Post("/account/confirm", {{"csrf_token", ExtractCsrf(confirm.body)},
                                        {"password", TestServer::kPassword},
                                        {"code", w.t.TotpNow()},
                                        {"next", "/account"}});
  ASSERT_EQ(ok.status, 303);
  auto codes = c.Post("/account/recovery-codes", {{"csrf_token", ExtractCsrf(page.body)}});
  EXPECT_EQ(codes.status, 200);
  EXPECT_THAT(codes.body, HasSubstr("recovery-codes"));
  EXPECT_EQ(w.t.sv().accounts.RemainingRecoveryCodes(w.user), 10);
}

TEST(SecurityCredentials, WrongConfirmationsCountTowardsTheLockout) {
  World w;
  auto c = w.t.LoginAs(w.email);
  auto confirm = c.Get("/account/confirm?next=%2Faccount%2Ftokens");
  ASSERT_EQ(confirm.status, 200);
  int last = 0;
  for (int i = 0; i < 11; ++i) {
    last = c.Post("/account/confirm", {{"csrf_token", ExtractCsrf(confirm.body)},
                                       {"password", "guess-" + std::to_string(i) + "-password"},
                                       {"code", "123456"},
                                       {"next", "/account/tokens"}})
               .status;
  }
  EXPECT_EQ(last, 429);
}

// Recovery codes (SECURITY.md rule 6): long enough to resist guessing and stored only as
// salted Argon2id hashes, so a copy of the database does not give them away.
TEST(SecurityCredentials, RecoveryCodesAreLongAndStoredAsArgon2id) {
  World w;
  auto c = w.t.LoginAs(w.email);
  auto page = c.Get("/account");
  auto codes = c.Post("/account/recovery-codes", {{"csrf_token", ExtractCsrf(page.body)}});
  ASSERT_EQ(codes.status, 200);
  const std::string code = TextBetween(codes.body, "<li><code>", "</code>");
  std::string symbols;
  for (char ch : code) {
    if (ch != '-') symbols += ch;
  }
  EXPECT_GE(symbols.size(), 16u) << code << ": at least 16 symbols of 31 (79 bits)";
  auto hashes = w.t.app().db().Read<std::vector<std::string>>([&](soci::session& s) {
    std::vector<std::string> out;
    long long u = w.user;
    soci::rowset<std::string> rows =
        (s.prepare << "SELECT code_hash FROM recovery_code WHERE user_id = :u", soci::use(u));
    for (const auto& h : rows) out.push_back(h);
    return out;
  });
  ASSERT_TRUE(hashes.ok());
  ASSERT_EQ(hashes->size(), 10u);
  for (const auto& h : *hashes) {
    EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
    EXPECT_EQ(h.find(symbols), std::string::npos);
  }

  // The code works once in place of the TOTP code, typed in capitals with spaces too.
  std::string typed;
  for (char ch : code) typed += ch == '-' ? ' ' : static_cast<char>(std::toupper(ch));
  auto login = w.t.NewClient();
  login.Submit("/login", {{"email", w.email}, {"password", TestServer::kPassword}});
  EXPECT_EQ(login.Submit("/login/code", {{"code", typed}}).status, 303);
  auto again = w.t.NewClient();
  again.Submit("/login", {{"email", w.email}, {"password", TestServer::kPassword}});
  EXPECT_EQ(again.Submit("/login/code", {{"code", code}}).status, 422);
  EXPECT_EQ(w.t.sv().accounts.RemainingRecoveryCodes(w.user), 9);
}

}  // namespace
}  // namespace tsunagu::testing
