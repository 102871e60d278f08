#include "live/hub.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "live/bus.hpp"
#include "live/catch_up.hpp"
#include "live/postgres_bus.hpp"

namespace tsunagu::live {
namespace {

TEST(HubTest, DeliversToSubscribersOfTheTopicOnly) {
  Hub hub;
  auto a1 = hub.Subscribe("case:1");
  auto a2 = hub.Subscribe("case:1");
  auto b = hub.Subscribe("case:2");
  EXPECT_EQ(hub.Subscribers("case:1"), 2u);
  EXPECT_EQ(hub.Subscribers("case:2"), 1u);
  EXPECT_EQ(hub.Subscribers("case:3"), 0u);

  hub.Deliver("case:1", "timeline", "7");
  EXPECT_EQ(a1->Take().bytes, "event: timeline\ndata: 7\n\n");
  EXPECT_EQ(a2->Take().bytes, "event: timeline\ndata: 7\n\n");
  EXPECT_EQ(b->Take().bytes, "");
  hub.Deliver("case:3", "timeline", "1");   // nobody listens: nothing happens
  hub.Deliver("case:10", "timeline", "1");  // topics match exactly, not by prefix
  EXPECT_EQ(a1->Take().bytes, "");
}

TEST(HubTest, DeliverToAllReachesEveryOpenStreamOnce) {
  Hub hub;
  auto a1 = hub.Subscribe("case:1");
  auto a2 = hub.Subscribe("case:1");
  auto b = hub.Subscribe("referral:9");
  auto gone = hub.Subscribe("case:3");
  gone->Close();
  hub.DeliverToAll("resync", "listener");
  for (const auto& s : {a1, a2, b}) EXPECT_EQ(s->Take().bytes, "event: resync\ndata: listener\n\n");
  EXPECT_EQ(gone->Take().bytes, "");
  EXPECT_EQ(hub.Subscribers("case:3"), 0u);
}

TEST(HubTest, StreamsOfOneSessionShareOneAccessCheckPerEvent) {
  Hub hub;
  std::atomic<int> checks_a{0}, checks_b{0};
  auto viewer = [](const std::string& key, std::atomic<int>& checks, bool answer) {
    return Viewer{7, key, [&checks, answer] {
                    ++checks;
                    return answer;
                  }};
  };
  // Three tabs of session 1 opened in organisation 5, and one of the same session opened after
  // it switched to organisation 6, where it may not see the case: checked apart.
  auto tab1 = hub.Subscribe("case:1", viewer("1:5:counselor", checks_a, true));
  auto tab2 = hub.Subscribe("case:1", viewer("1:5:counselor", checks_a, true));
  auto tab3 = hub.Subscribe("case:1", viewer("1:5:counselor", checks_a, true));
  auto other = hub.Subscribe("case:1", viewer("1:6:counselor", checks_b, false));
  hub.Deliver("case:1", "timeline", "3");
  EXPECT_EQ(checks_a.load(), 1);
  EXPECT_EQ(checks_b.load(), 1);
  for (const auto& s : {tab1, tab2, tab3})
    EXPECT_EQ(s->Take().bytes, "event: timeline\ndata: 3\n\n");
  EXPECT_TRUE(other->closed());
  hub.Deliver("case:1", "timeline", "4");  // the next event is checked again
  EXPECT_EQ(checks_a.load(), 2);

  // Across topics (a resync to every stream) each stream is checked for its own record.
  auto elsewhere = hub.Subscribe("case:2", viewer("1:5:counselor", checks_a, true));
  hub.DeliverToAll("resync", "listener");
  EXPECT_EQ(checks_a.load(), 6);
}

TEST(CatchUpTest, ParseMarkTakesOnlyWholeNonNegativeNumbers) {
  EXPECT_EQ(ParseMark(std::string("0")), 0);
  EXPECT_EQ(ParseMark(std::string("42")), 42);
  EXPECT_EQ(ParseMark(std::nullopt), std::nullopt);
  for (const char* bad : {"", "-1", "4x", " 4", "４２", "99999999999999999999", "1e3"}) {
    EXPECT_EQ(ParseMark(std::string(bad)), std::nullopt) << bad;
  }
}

TEST(CatchUpTest, AStreamBehindItsRecordIsToldToRefetchAtOnce) {
  Hub hub;
  const StreamFor what{"case:5", "5", "timeline"};
  int reads = 0;
  auto mark_is = [&](std::optional<std::int64_t> value) {
    return [&reads, value]() {
      ++reads;
      return value;
    };
  };
  // Up to date: only "ready".
  auto current = OpenStream(hub, what, 3, mark_is(3));
  EXPECT_EQ(current->Take().bytes, "event: ready\ndata: 5\n\n");
  // The record moved on after the page was drawn: "ready", then the page's own event.
  auto behind = OpenStream(hub, what, 3, mark_is(4));
  EXPECT_EQ(behind->Take().bytes, "event: ready\ndata: 5\n\nevent: timeline\ndata: catch-up\n\n");
  // The mark could not be read: re-fetching is the safe side (the fetch checks access).
  auto unknown = OpenStream(hub, what, 3, mark_is(std::nullopt));
  EXPECT_EQ(unknown->Take().bytes, "event: ready\ndata: 5\n\nevent: timeline\ndata: catch-up\n\n");
  EXPECT_EQ(reads, 3);
  // A client that sends no mark: no catch-up, and the mark is not even read.
  auto untracked = OpenStream(hub, what, std::nullopt, mark_is(9));
  EXPECT_EQ(untracked->Take().bytes, "event: ready\ndata: 5\n\n");
  EXPECT_EQ(reads, 3);
  // Every one of them is subscribed.
  EXPECT_EQ(hub.Subscribers("case:5"), 4u);
}

TEST(HubTest, ClosedAndDroppedStreamsArePruned) {
  Hub hub;
  auto closed = hub.Subscribe("case:1");
  auto dropped = hub.Subscribe("case:1");
  auto open = hub.Subscribe("case:1");
  closed->Close();
  dropped.reset();  // the connection that held it went away
  EXPECT_EQ(hub.Subscribers("case:1"), 1u);
  hub.Deliver("case:1", "timeline", "8");
  EXPECT_EQ(closed->Take().bytes, "");
  EXPECT_EQ(open->Take().bytes, "event: timeline\ndata: 8\n\n");
  open.reset();
  hub.Deliver("case:1", "timeline", "9");
  EXPECT_EQ(hub.Subscribers("case:1"), 0u);
  EXPECT_EQ(hub.Topics(), 0u);
}

TEST(HubTest, MapDoesNotGrowWithTopicsNobodyWatchesAnyMore) {
  Hub hub;
  for (int i = 0; i < 5000; ++i) hub.Subscribe("case:" + std::to_string(i));  // dropped at once
  auto kept = hub.Subscribe("case:kept");
  EXPECT_LE(hub.Topics(), 300u);
  EXPECT_EQ(hub.Subscribers("case:kept"), 1u);
}

TEST(HubTest, ConcurrentSubscribeAndDeliver) {
  Hub hub;
  std::vector<std::thread> threads;
  std::atomic<int> received{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&hub, &received] {
      for (int i = 0; i < 500; ++i) {
        auto s = hub.Subscribe("case:1");
        hub.Deliver("case:1", "timeline", std::to_string(i));
        if (!s->Take().bytes.empty()) ++received;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(received.load(), 2000);  // each subscriber saw at least its own delivery
}

TEST(HubBusTest, PublishableIsShortAsciiOnly) {
  EXPECT_TRUE(IsPublishable("case:42", "timeline", "7"));
  EXPECT_TRUE(IsPublishable("org:3.day-board_x", "board.changed", ""));
  EXPECT_TRUE(IsPublishable(std::string(64, 't'), std::string(64, 'e'), std::string(64, 'd')));
  EXPECT_FALSE(IsPublishable(std::string(65, 't'), "e", "d"));
  EXPECT_FALSE(IsPublishable("t", std::string(65, 'e'), "d"));
  EXPECT_FALSE(IsPublishable("t", "e", std::string(65, 'd')));
  EXPECT_FALSE(IsPublishable("", "timeline", "7"));
  EXPECT_FALSE(IsPublishable("case:42", "", "7"));
  EXPECT_FALSE(IsPublishable("case:42", "timeline", "山田"));
  EXPECT_FALSE(IsPublishable("case:42", "timeline", "Yamada Taro"));  // no spaces
  EXPECT_FALSE(IsPublishable("case:42", "timeline", "7\n"));
  EXPECT_FALSE(IsPublishable("case:42", "time\nline", "7"));
  EXPECT_FALSE(IsPublishable("case:42", "timeline", "a@example.jp"));
  EXPECT_FALSE(IsPublishable("case:42", "timeline", std::string("7\0", 2)));
}

TEST(HubBusTest, LocalBusDeliversValidMessagesAndRefusesOthers) {
  Hub hub;
  LocalBus bus(hub);
  auto s = hub.Subscribe("case:42");
  bus.Publish("case:42", "timeline", "7");
  EXPECT_EQ(s->Take().bytes, "event: timeline\ndata: 7\n\n");
  bus.Publish("case:42", "timeline", "山田太郎");
  bus.Publish("case:42", "timeline", std::string(65, '1'));
  bus.Publish("case:42", "timeline", "diagnosis: cancer");
  bus.Publish("case:42", "time\nline", "7");
  EXPECT_EQ(s->Take().bytes, "");
  bus.Publish("case:42", "timeline", std::string(64, '1'));
  EXPECT_EQ(s->Take().bytes, "event: timeline\ndata: " + std::string(64, '1') + "\n\n");
}

TEST(HubBusTest, NotificationPayloadRoundTripsAndIsCheckedOnArrival) {
  const std::string payload = PostgresBus::Encode("case:42", "timeline", "7");
  EXPECT_EQ(payload, "case:42 timeline 7");
  auto m = PostgresBus::Decode(payload);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->topic, "case:42");
  EXPECT_EQ(m->event, "timeline");
  EXPECT_EQ(m->data, "7");
  auto empty_data = PostgresBus::Decode(PostgresBus::Encode("case:42", "refresh", ""));
  ASSERT_TRUE(empty_data);
  EXPECT_EQ(empty_data->data, "");
  EXPECT_FALSE(PostgresBus::Decode(""));
  EXPECT_FALSE(PostgresBus::Decode("case:42"));
  EXPECT_FALSE(PostgresBus::Decode("case:42 timeline"));
  EXPECT_FALSE(PostgresBus::Decode("case:42 timeline 7 8"));  // a space in the data
  EXPECT_FALSE(PostgresBus::Decode("case:42 timeline 山田"));
  EXPECT_FALSE(PostgresBus::Decode(" timeline 7"));
}

}  // namespace
}  // namespace tsunagu::live
