// The race for the last venue place of an event (SECURITY.md rule 12, issue 15): many people
// send the form at the same moment through HTTP; the database gives the place to exactly one,
// the others are offered the venue's waiting list, and the online places stay untouched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "events_data.hpp"

namespace tsunagu::testing {
namespace {

TEST(EventParallel, ParallelRegistrationsForTheLastVenuePlaceGiveOnePlace) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 2, 5));
  // One place taken already: one venue place is left.
  ASSERT_EQ(RegisterOnline(t, id, "venue", "先着", "ev-race-first@example.jp").status, 200);
  constexpr int kClients = 10;
  const std::string base = "/events/" + std::to_string(id) + "/register";
  std::vector<Client> clients;
  std::vector<Fields> forms;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(t.NewClient());
    auto page = clients.back().Get(base);
    ASSERT_EQ(page.status, 200);
    auto f = Answers("venue", "参加者" + std::to_string(i),
                     "ev-race" + std::to_string(i) + "@example.jp");
    f.emplace_back("action", "send");
    f.emplace_back("csrf_token", ExtractCsrf(page.body));
    forms.push_back(f);
  }
  std::atomic<int> placed{0}, offered_waiting{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto r = clients[i].Post(base + "/submit", forms[i]);
      if (r.status == 200 && r.body.find("お申込みを受け付けました") != std::string::npos) {
        ++placed;
      } else if (r.status == 409 && r.body.find("キャンセル待ちに登録する") != std::string::npos) {
        ++offered_waiting;
      } else {
        ++other;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(placed.load(), 1);
  EXPECT_EQ(offered_waiting.load(), kClients - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Taken(t, id, "venue"), 2);
  EXPECT_EQ(Taken(t, id, "online"), 0);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 2);
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 0);
}

TEST(EventParallel, ParallelRegistrationsWithTheWaitingListQueueTheRest) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0));
  constexpr int kClients = 6;
  const std::string base = "/events/" + std::to_string(id) + "/register";
  std::vector<Client> clients;
  std::vector<Fields> forms;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(t.NewClient());
    auto page = clients.back().Get(base);
    ASSERT_EQ(page.status, 200);
    auto f = Answers("venue", "待機者" + std::to_string(i),
                     "ev-queue" + std::to_string(i) + "@example.jp");
    f.emplace_back("accept_waiting", "1");
    f.emplace_back("action", "send");
    f.emplace_back("csrf_token", ExtractCsrf(page.body));
    forms.push_back(f);
  }
  std::atomic<int> placed{0}, waiting{0};
  std::mutex mutex;
  std::set<std::string> positions;
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto r = clients[i].Post(base + "/submit", forms[i]);
      if (r.status != 200) return;
      if (r.body.find("お申込みを受け付けました") != std::string::npos) ++placed;
      if (r.body.find("キャンセル待ちに登録しました") != std::string::npos) {
        ++waiting;
        std::lock_guard<std::mutex> lock(mutex);
        positions.insert(TextBetween(r.body, "キャンセル待ちの", "番目"));
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(placed.load(), 1);
  EXPECT_EQ(waiting.load(), kClients - 1);
  // Each person waiting was told a different place in the queue: 1 to 5.
  EXPECT_EQ(positions, (std::set<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(Taken(t, id, "venue"), 1);
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), kClients - 1);
}

}  // namespace
}  // namespace tsunagu::testing
