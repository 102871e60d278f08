#include "app/public_cache.hpp"

#include <gtest/gtest.h>

namespace tsunagu::app {
namespace {

http::Response Page(const std::string& body, int status = 200) {
  http::Response r = http::Response::Html(status, body);
  r.headers.Set("ETag", "\"v1\"");
  return r;
}

std::string KeyOf(const std::string& target, const std::string& lang = "ja") {
  http::Request r;
  r.method = "GET";
  r.target = target;
  return PublicPageCache::Key(r, lang);
}

TEST(PublicCache, OnlyTheListedPublicPagesAreKeptAndNothingWhenTurnedOff) {
  PublicPageCache on(5);
  EXPECT_TRUE(on.Covers("/"));
  EXPECT_TRUE(on.Covers("/calendar"));
  EXPECT_TRUE(on.Covers("/events/{id}"));
  EXPECT_TRUE(on.Covers("/book/{program_id}")) << "the booking page, free places a moment old";
  EXPECT_FALSE(on.Covers("/book/{program_id}/form")) << "a booking's own steps";
  EXPECT_FALSE(on.Covers("/events/registration/{token}")) << "a person's own page";
  EXPECT_FALSE(on.Covers("/calendar.ics"));
  PublicPageCache off(0);
  EXPECT_FALSE(off.Covers("/"));
}

TEST(PublicCache, AKeptPageIsServedUntilItsSecondsPass) {
  PublicPageCache cache(5);
  const auto key = KeyOf("/calendar?view=list");
  cache.Store(key, Page("<p>一覧</p>"), "", cache.generation(), 1000);
  auto hit = cache.Find(key, 1004, "");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->body, "<p>一覧</p>");
  EXPECT_EQ(hit->headers.Get("ETag").value_or(""), "\"v1\"");
  EXPECT_FALSE(cache.Find(key, 1005, "")) << "5 seconds later it is rendered again";
  EXPECT_FALSE(cache.Find(key, 999, "")) << "a clock set back never serves a page from the future";
  EXPECT_FALSE(cache.Find(KeyOf("/calendar?view=month"), 1001, "")) << "another target";
  EXPECT_FALSE(cache.Find(KeyOf("/calendar?view=list", "en"), 1001, "")) << "another language";
}

TEST(PublicCache, HtmxFragmentsAndFullPagesAreKeptApart) {
  http::Request r;
  r.target = "/calendar";
  const auto full = PublicPageCache::Key(r, "ja");
  r.headers.Add("HX-Request", "true");
  EXPECT_NE(PublicPageCache::Key(r, "ja"), full);
  r.target = "/calendar?" + std::string(2000, 'a');
  EXPECT_EQ(PublicPageCache::Key(r, "ja"), "") << "an over-long target is never kept";
}

TEST(PublicCache, EachVisitorGetsTheirOwnFormToken) {
  PublicPageCache cache(5);
  const std::string first(32, 'A');
  const std::string second(32, 'B');
  const auto key = KeyOf("/events/3");
  cache.Store(key, Page("<input value=\"" + first + "\"><i>" + first + "</i>"), first,
              cache.generation(), 10);
  auto hit = cache.Find(key, 11, second);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->body, "<input value=\"" + second + "\"><i>" + second + "</i>");
}

TEST(PublicCache, AChangeClearsEverythingAndAPageRenderedDuringItIsNotKept) {
  PublicPageCache cache(5);
  const auto key = KeyOf("/");
  cache.Store(key, Page("old"), "", cache.generation(), 10);
  ASSERT_TRUE(cache.Find(key, 10, ""));
  const auto started = cache.generation();  // a render starts…
  cache.Invalidate();                       // …a booking commits meanwhile…
  EXPECT_FALSE(cache.Find(key, 10, ""));
  cache.Store(key, Page("maybe old"), "", started, 10);  // …and the render ends
  EXPECT_FALSE(cache.Find(key, 10, "")) << "a page that may predate the change is dropped";
  cache.Store(key, Page("new"), "", cache.generation(), 10);
  EXPECT_EQ(cache.Find(key, 10, "")->body, "new");
}

TEST(PublicCache, ErrorsAndFilesAreNeverKeptAndTheSizeIsBounded) {
  PublicPageCache cache(5, 2);
  cache.Store(KeyOf("/events/9"), Page("missing", 404), "", cache.generation(), 10);
  EXPECT_FALSE(cache.Find(KeyOf("/events/9"), 10, ""));
  http::Response file = Page("");
  file.file_path = "/tmp/x";
  cache.Store(KeyOf("/f"), file, "", cache.generation(), 10);
  EXPECT_FALSE(cache.Find(KeyOf("/f"), 10, ""));
  cache.Store(KeyOf("/a"), Page("a"), "", cache.generation(), 10);
  cache.Store(KeyOf("/b"), Page("b"), "", cache.generation(), 10);
  cache.Store(KeyOf("/c"), Page("c"), "", cache.generation(), 10);
  EXPECT_FALSE(cache.Find(KeyOf("/a"), 10, "")) << "full: the kept pages were dropped";
  EXPECT_TRUE(cache.Find(KeyOf("/c"), 10, ""));
}

TEST(PublicCache, AClockJobThatDidSomethingOrFailedClearsThePages) {
  PublicPageCache cache(5);
  int next = 0;
  auto jobs = ClearingPublicPages(cache, {{"job", [&next](core::Date) -> core::Result<int> {
                                             if (next < 0) return core::Error::Invalid("down");
                                             return next;
                                           }}});
  const auto key = KeyOf("/calendar");
  cache.Store(key, Page("cal"), "", cache.generation(), 10);
  ASSERT_TRUE(jobs[0].run(core::Date{2026, 12, 6}).ok());
  EXPECT_TRUE(cache.Find(key, 10, "")) << "a round that did nothing keeps the pages";
  next = 2;
  ASSERT_TRUE(jobs[0].run(core::Date{2026, 12, 6}).ok());
  EXPECT_FALSE(cache.Find(key, 10, ""));
  cache.Store(key, Page("cal"), "", cache.generation(), 10);
  next = -1;
  EXPECT_FALSE(jobs[0].run(core::Date{2026, 12, 6}).ok());
  EXPECT_FALSE(cache.Find(key, 10, "")) << "a failed round may have half done something";
}

}  // namespace
}  // namespace tsunagu::app
