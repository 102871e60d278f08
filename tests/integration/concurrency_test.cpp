// Races are settled by the database: parallel HTTP requests on both engines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "harness.hpp"

namespace tsunagu::testing {
namespace {

TEST(Concurrency, AnInvitationLinkIsUsedExactlyOnceUnderParallelSubmits) {
  TestServer t;
  auto org = t.CreateOrg("並行病院");
  ASSERT_TRUE(t.sv()
                  .accounts
                  .Invite({0, org, "t", "t"},
                          {org, "race@example.jp", "競争", "counselor", "msw", "ja"},
                          {"招待", "{link}"})
                  .ok());
  std::string mail = MailSink::Get().WaitFor("race@example.jp");
  std::string link = TextBetween(mail, t.config().server.public_url, "\n");
  ASSERT_FALSE(link.empty());

  constexpr int kClients = 12;
  std::vector<Client> clients;
  std::vector<std::string> tokens;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(t.NewClient());
    tokens.push_back(ExtractCsrf(clients.back().Get(link).body));
  }
  std::atomic<int> accepted{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto r = clients[i].Post(
          link, {{"csrf_token", tokens[i]},
                 {"password", "並行して送られた長い合言葉-" + std::to_string(i)},
                 {"password_confirm", "並行して送られた長い合言葉-" + std::to_string(i)}});
      if (r.status == 303) {
        ++accepted;
      } else if (r.status == 404) {
        ++refused;
      } else {
        ++other;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(accepted.load(), 1);
  EXPECT_EQ(refused.load(), kClients - 1);
  EXPECT_EQ(other.load(), 0);
}

TEST(Concurrency, ParallelFailedLoginsAreAllCounted) {
  TestServer t;
  auto org = t.CreateOrg("並行ログイン");
  t.CreateUser({"many@example.jp", "多数", "counselor", "nurse", org});
  const int threshold = t.config().security.lockout_threshold;
  std::vector<Client> clients;
  std::vector<std::string> tokens;
  for (int i = 0; i < threshold; ++i) {
    clients.push_back(t.NewClient());
    tokens.push_back(ExtractCsrf(clients.back().Get("/login").body));
  }
  std::vector<std::thread> threads;
  for (int i = 0; i < threshold; ++i) {
    threads.emplace_back([&, i] {
      clients[i].Post("/login", {{"csrf_token", tokens[i]},
                                 {"email", "many@example.jp"},
                                 {"password", "wrong-" + std::to_string(i)}});
    });
  }
  for (auto& th : threads) th.join();
  auto r = t.NewClient().Submit(
      "/login", {{"email", "many@example.jp"}, {"password", TestServer::kPassword}});
  EXPECT_EQ(r.status, 429) << "no failure was lost to a race";
}

}  // namespace
}  // namespace tsunagu::testing
