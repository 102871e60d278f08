// A long timeline (issue 17, point 7): the case page opens with the newest entries, says how
// many there are in all, and shows older ones on demand, with JavaScript (the fragment) and
// without it (the page with ?shown=N); the live refresh asks for as many as the page shows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kEntries = 120;

std::string Body(int n) {
  char text[32];
  std::snprintf(text, sizeof text, "記録番号%03d番", n);
  return text;
}

TEST(CaseTimelinePages, ALongTimelineOpensWithItsNewestEntriesAndShowsOlderOnesOnDemand) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  std::int64_t first_entry = 0;
  for (int n = 1; n <= kEntries; ++n) {
    auto id =
        t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id, {"interview", Today(t), Body(n), {}});
    ASSERT_TRUE(id.ok()) << n;
    if (n == 1) first_entry = *id;
  }
  const std::string path = "/cases/" + std::to_string(w.case_id);
  auto agency = t.LoginAs(w.agency_email);

  // The newest 50 (entries 120 down to 71), the count of all, and the way to older ones.
  auto page = agency.Get(path);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(Body(120)));
  EXPECT_THAT(page.body, HasSubstr(Body(71)));
  EXPECT_THAT(page.body, Not(HasSubstr(Body(70))));
  EXPECT_THAT(page.body, HasSubstr("（120）"));
  EXPECT_THAT(page.body,
              HasSubstr("以前の記録をさらに 50 件表示する（まだ表示していない記録は 70 件）"));
  EXPECT_THAT(page.body, HasSubstr("href=\"" + path + "?shown=100#entry-"));
  EXPECT_THAT(page.body, HasSubstr("hx-get=\"" + path + "/timeline?shown=100\""));
  EXPECT_THAT(page.body, HasSubstr("hx-get=\"" + path + "/timeline?shown=50\""))
      << "the live refresh asks for what the page shows";

  // Without JavaScript: the page again, with 50 more.
  auto more = agency.Get(path + "?shown=100");
  ASSERT_EQ(more.status, 200);
  EXPECT_THAT(more.body, HasSubstr(Body(21)));
  EXPECT_THAT(more.body, Not(HasSubstr(Body(20))));
  EXPECT_THAT(more.body, HasSubstr("さらに 20 件"));

  // With JavaScript: the timeline fragment, which the live refresh then asks for again.
  auto fragment = agency.Get(path + "/timeline?shown=100", {{"HX-Request", "true"}});
  ASSERT_EQ(fragment.status, 200);
  EXPECT_THAT(fragment.body, HasSubstr(Body(21)));
  EXPECT_THAT(fragment.body, Not(HasSubstr(Body(20))));
  EXPECT_THAT(fragment.body, HasSubstr("hx-get=\"" + path + "/timeline?shown=100\""));
  EXPECT_THAT(fragment.body, Not(HasSubstr("<html")));

  // All of them: no link to older ones.
  auto all = agency.Get(path + "?shown=150");
  EXPECT_THAT(all.body, HasSubstr(Body(1)));
  EXPECT_THAT(all.body, Not(HasSubstr("timeline__more")));

  // A number that is not one, or too small, shows the first 50.
  for (const char* shown : {"abc", "-5", "3"}) {
    auto odd = agency.Get(path + "?shown=" + shown);
    ASSERT_EQ(odd.status, 200) << shown;
    EXPECT_THAT(odd.body, HasSubstr(Body(71))) << shown;
    EXPECT_THAT(odd.body, Not(HasSubstr(Body(70)))) << shown;
  }

  // The oldest entry can still be edited from its own page.
  EXPECT_EQ(agency.Get(path + "/entries/" + std::to_string(first_entry) + "/edit").status, 200);
}

}  // namespace
}  // namespace tsunagu::testing
