// The rendered-timeline cache of the case pages: found only under the exact stamp it was kept
// with, for at most its age limit, and within its byte bound.
#include "cases/handlers/timeline_cache.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

namespace tsunagu::cases::handlers {
namespace {

std::shared_ptr<const RenderedEntries> Entries(const std::string& html, std::size_t count = 1) {
  return std::make_shared<const RenderedEntries>(RenderedEntries{html, count, 7});
}

TEST(TimelineCache, EachPartOfTheStampTheShownCountAndTheLanguageMakeADifferentKey) {
  const TimelineStamp base{1, 10, 5, 3, true};
  std::set<std::string> keys;
  keys.insert(TimelineCache::Key(base, 50, "ja"));
  auto with = [&](auto change) {
    TimelineStamp s = base;
    change(s);
    return keys.insert(TimelineCache::Key(s, 50, "ja")).second;
  };
  EXPECT_TRUE(with([](TimelineStamp& s) { s.case_id = 2; }));
  EXPECT_TRUE(with([](TimelineStamp& s) { s.mark = 11; }));
  EXPECT_TRUE(with([](TimelineStamp& s) { s.total = 6; }));
  EXPECT_TRUE(with([](TimelineStamp& s) { s.viewer_org = 4; }));
  EXPECT_TRUE(with([](TimelineStamp& s) { s.sees_documents = false; }));
  EXPECT_TRUE(keys.insert(TimelineCache::Key(base, 100, "ja")).second);
  EXPECT_TRUE(keys.insert(TimelineCache::Key(base, 50, "en")).second);
  // Numbers that would run together without a separator stay apart.
  EXPECT_NE(TimelineCache::Key({1, 23, 5, 3, true}, 50, "ja"),
            TimelineCache::Key({12, 3, 5, 3, true}, 50, "ja"));
}

TEST(TimelineCache, EntriesAreFoundUnderTheirKeyUntilTheyAreTooOld) {
  core::FakeClock clock(1'800'000'000);
  TimelineCache cache(clock);
  EXPECT_EQ(cache.Find("a"), nullptr);
  cache.Keep("a", Entries("<li>one</li>"));
  ASSERT_NE(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.Find("a")->html, "<li>one</li>");
  EXPECT_EQ(cache.Find("b"), nullptr);
  clock.Advance(TimelineCache::kMaxAgeSeconds - 1);
  EXPECT_NE(cache.Find("a"), nullptr) << "used entries still age from when they were kept";
  clock.Advance(1);
  EXPECT_EQ(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.size(), 0U) << "an entry found too old is dropped";
  EXPECT_EQ(cache.bytes(), 0U);
}

TEST(TimelineCache, AClockSetBackMakesWhatWasKeptOld) {
  core::FakeClock clock(1'800'000'000);
  TimelineCache cache(clock);
  cache.Keep("a", Entries("<li>one</li>"));
  clock.Advance(-5);
  EXPECT_EQ(cache.Find("a"), nullptr);
}

TEST(TimelineCache, KeepingAgainReplacesAndTheLeastRecentlyUsedGoFirstPastTheBound) {
  core::FakeClock clock(1'800'000'000);
  const std::string block(1000, 'x');
  // Room for two entries of about 1 KB, not three.
  TimelineCache cache(clock, 2 * (block.size() + sizeof(RenderedEntries) + 16));
  cache.Keep("a", Entries(block));
  cache.Keep("b", Entries(block));
  cache.Keep("b", Entries(block));  // replaced, not counted twice
  EXPECT_EQ(cache.size(), 2U);
  ASSERT_NE(cache.Find("a"), nullptr);  // "a" is now the most recently used
  cache.Keep("c", Entries(block));
  EXPECT_EQ(cache.size(), 2U);
  EXPECT_NE(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_NE(cache.Find("c"), nullptr);
  // Entries larger than the whole bound are not kept (and push nothing out).
  cache.Keep("huge", Entries(std::string(10'000, 'y')));
  EXPECT_EQ(cache.Find("huge"), nullptr);
  EXPECT_EQ(cache.size(), 2U);
}

TEST(TimelineCache, WhatWasFoundStaysWholeWhenTheCacheDropsIt) {
  core::FakeClock clock(1'800'000'000);
  TimelineCache cache(clock, 1200 + sizeof(RenderedEntries) + 16);
  cache.Keep("a", Entries(std::string(1000, 'x'), 3));
  auto held = cache.Find("a");
  cache.Keep("b", Entries(std::string(1000, 'z')));  // pushes "a" out
  EXPECT_EQ(cache.Find("a"), nullptr);
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->html, std::string(1000, 'x'));
  EXPECT_EQ(held->count, 3U);
}

}  // namespace
}  // namespace tsunagu::cases::handlers
