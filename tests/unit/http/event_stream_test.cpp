#include "http/event_stream.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace tsunagu::http {
namespace {

// The receiving side as the HTML standard's event-stream interpretation defines it
// (§9.2.6), so the tests check what a browser would dispatch, not just our own bytes.
struct Dispatched {
  std::string type;
  std::string data;
  std::string id;
};

std::vector<Dispatched> ParseEventStream(const std::string& stream) {
  std::vector<Dispatched> out;
  std::string type, data, id;
  std::size_t pos = 0;
  while (pos < stream.size()) {
    std::size_t end = stream.find_first_of("\r\n", pos);
    if (end == std::string::npos) break;  // an unfinished line is not processed
    const std::string line = stream.substr(pos, end - pos);
    pos =
        end + ((stream[end] == '\r' && end + 1 < stream.size() && stream[end + 1] == '\n') ? 2 : 1);
    if (line.empty()) {
      if (!data.empty()) {
        if (data.back() == '\n') data.pop_back();
        out.push_back({type.empty() ? "message" : type, data, id});
      }
      type.clear();
      data.clear();
      continue;
    }
    if (line[0] == ':') continue;
    const std::size_t colon = line.find(':');
    std::string field = line.substr(0, colon);
    std::string value;
    if (colon != std::string::npos) {
      value = line.substr(colon + 1);
      if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    }
    if (field == "event") type = value;
    if (field == "data") data += value + "\n";
    if (field == "id") id = value;
  }
  return out;
}

TEST(EventStreamTest, FormatsOneEvent) {
  EventStream s;
  EXPECT_TRUE(s.Send("timeline", "7"));
  const auto pending = s.Take();
  EXPECT_EQ(pending.bytes, "event: timeline\ndata: 7\n\n");
  EXPECT_FALSE(pending.closed);
  const auto events = ParseEventStream(pending.bytes);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "timeline");
  EXPECT_EQ(events[0].data, "7");
}

TEST(EventStreamTest, EventsQueueInOrderAndTakeEmptiesTheQueue) {
  EventStream s;
  EXPECT_TRUE(s.Send("a", "1"));
  EXPECT_TRUE(s.Send("b", "2"));
  const auto events = ParseEventStream(s.Take().bytes);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "a");
  EXPECT_EQ(events[1].data, "2");
  EXPECT_EQ(s.Take().bytes, "");
}

TEST(EventStreamTest, MultiLineDataBecomesSeveralDataLines) {
  EXPECT_EQ(EventStream::Format("x", "a\nb\r\nc\rd"),
            "event: x\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
  EXPECT_EQ(EventStream::Format("x", "a\n"), "event: x\ndata: a\ndata: \n\n");
  const auto events = ParseEventStream(EventStream::Format("x", "one\r\ntwo\nthree"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "one\ntwo\nthree");
}

TEST(EventStreamTest, EmptyDataStillDispatches) {
  EXPECT_EQ(EventStream::Format("ping", ""), "event: ping\ndata: \n\n");
  const auto events = ParseEventStream(EventStream::Format("ping", ""));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "");
}

TEST(EventStreamTest, EventNameCannotInjectFields) {
  const std::string bytes = EventStream::Format("time\r\nline\nid: 99\r", "7");
  EXPECT_EQ(bytes, "event: timelineid: 99\ndata: 7\n\n");
  const auto events = ParseEventStream(bytes);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].id, "");
  EXPECT_EQ(events[0].data, "7");
  // A name made only of line breaks leaves the default type rather than an empty field.
  EXPECT_EQ(EventStream::Format("\r\n", "7"), "data: 7\n\n");
}

TEST(EventStreamTest, DataCannotInjectFieldsOrEvents) {
  const std::string bytes = EventStream::Format("timeline", "7\n\nevent: evil\nid: 5");
  const auto events = ParseEventStream(bytes);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "timeline");
  EXPECT_EQ(events[0].id, "");
  EXPECT_EQ(events[0].data, "7\n\nevent: evil\nid: 5");
}

TEST(EventStreamTest, CommentsAreIgnoredByClients) {
  EventStream s;
  EXPECT_TRUE(s.SendComment("ping"));
  EXPECT_TRUE(s.SendComment(""));
  EXPECT_TRUE(s.SendComment("two\nlines"));
  const std::string bytes = s.Take().bytes;
  EXPECT_EQ(bytes, ": ping\n\n:\n\n: two\n: lines\n\n");
  EXPECT_TRUE(ParseEventStream(bytes).empty());
}

TEST(EventStreamTest, ClosedStreamRefusesAndKeepsWhatWasQueued) {
  EventStream s;
  EXPECT_FALSE(s.closed());
  EXPECT_TRUE(s.Send("a", "1"));
  s.Close();
  EXPECT_TRUE(s.closed());
  EXPECT_FALSE(s.dropped());
  EXPECT_FALSE(s.Send("b", "2"));
  EXPECT_FALSE(s.SendComment("ping"));
  const auto pending = s.Take();
  EXPECT_TRUE(pending.closed);
  EXPECT_EQ(pending.bytes, "event: a\ndata: 1\n\n");  // written before the connection closes
  s.Close();                                          // idempotent
  EXPECT_TRUE(s.closed());
}

TEST(EventStreamTest, ClientThatDoesNotReadIsDroppedAtTheBound) {
  EventStream s(1024);
  const std::string data(200, 'x');
  int accepted = 0;
  while (s.Send("e", data)) ++accepted;
  // 217 bytes per event: four fit in 1 KiB, the fifth overflows.
  EXPECT_EQ(accepted, 4);
  EXPECT_TRUE(s.closed());
  EXPECT_TRUE(s.dropped());
  const auto pending = s.Take();
  EXPECT_TRUE(pending.closed);
  EXPECT_EQ(pending.bytes, "");  // nothing more is written to a client that was dropped
}

TEST(EventStreamTest, DefaultBoundIs256KiB) {
  EventStream s;
  const std::string data(1000, 'x');
  std::size_t queued = 0;
  while (s.Send("e", data)) queued += EventStream::Format("e", data).size();
  EXPECT_LE(queued, EventStream::kDefaultMaxPendingBytes);
  EXPECT_GT(queued, EventStream::kDefaultMaxPendingBytes - 2000);
}

TEST(EventStreamTest, ReadingKeepsTheStreamUnderTheBound) {
  EventStream s(1024);
  const std::string data(200, 'x');
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(s.Send("e", data)) << i;
    ASSERT_TRUE(s.Send("e", data)) << i;
    s.Take();
  }
  EXPECT_FALSE(s.closed());
}

TEST(EventStreamTest, WakesTheServerOncePerBatchAndOnClose) {
  EventStream s;
  int wakes = 0;
  s.Send("before", "attach");  // queued before the server attaches: it takes it on attach
  s.Attach([&wakes] { ++wakes; });
  EXPECT_EQ(wakes, 0);
  s.Take();
  s.Send("a", "1");
  s.Send("b", "2");  // already pending: the wake for "a" covers it
  EXPECT_EQ(wakes, 1);
  s.Take();
  s.Send("c", "3");
  EXPECT_EQ(wakes, 2);
  s.Close();
  EXPECT_EQ(wakes, 3);
  s.Close();
  EXPECT_EQ(wakes, 3);
}

TEST(EventStreamTest, DetachedStreamNoLongerWakes) {
  EventStream s;
  int wakes = 0;
  s.Attach([&wakes] { ++wakes; });
  s.Detach();
  s.Send("a", "1");
  s.Close();
  EXPECT_EQ(wakes, 0);
}

TEST(EventStreamTest, ConcurrentSendersLoseNothing) {
  EventStream s(std::size_t{64} * 1024 * 1024);
  constexpr int kThreads = 4;
  constexpr int kEach = 2000;
  std::atomic<int> wakes{0};
  s.Attach([&wakes] { ++wakes; });
  std::string taken;
  std::atomic<bool> done{false};
  std::thread reader([&] {
    while (!done) taken += s.Take().bytes;
  });
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&s, t] {
      for (int i = 0; i < kEach; ++i) s.Send("t" + std::to_string(t), std::to_string(i));
    });
  }
  for (auto& w : writers) w.join();
  done = true;
  reader.join();
  taken += s.Take().bytes;
  const auto events = ParseEventStream(taken);
  ASSERT_EQ(events.size(), static_cast<std::size_t>(kThreads * kEach));
  // Each sender's events stay in its own order.
  std::vector<int> next(kThreads, 0);
  for (const auto& e : events) {
    const int t = std::stoi(e.type.substr(1));
    EXPECT_EQ(std::stoi(e.data), next[t]++);
  }
  EXPECT_GE(wakes.load(), 1);
}

}  // namespace
}  // namespace tsunagu::http
