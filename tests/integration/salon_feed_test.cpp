// A salon's iCalendar feed (issue 15: "RRULE for salons' regular meetings"; RFC 5545) on both
// engines: the regular meetings are one recurring event up to the last planned meeting, the
// rule's dates without a meeting are EXDATEs, and the feed passes the RFC 5545 checker.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "salons_data.hpp"
#include "support/ics_validator.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::size_t Occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The text of one property, unfolded ("EXDATE;TZID=Asia/Tokyo:2026…").
std::string Property(const std::string& ics, const std::string& name) {
  std::string unfolded;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  const auto at = unfolded.find("\r\n" + name);
  if (at == std::string::npos) return "";
  const auto end = unfolded.find("\r\n", at + 2);
  return unfolded.substr(at + 2, end - at - 2);
}

TEST(SalonFeed, RegularMeetingsAreOneRecurringEventWithTheDaysOffExcluded) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  t.clock().Set(UnixAtJst(core::Date{today.year, today.month, 1}, 10 * 60));
  auto salons = Salons(t);
  auto id = salons.Create(w.centre_coordinator, w.actor, HidamariInput());
  ASSERT_TRUE(id.ok());
  const std::string path = "/salons/" + std::to_string(*id) + "/calendar.ics";

  auto visitor = t.NewClient();
  auto feed = visitor.Get(path);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_THAT(feed.Header("content-type"), HasSubstr("text/calendar"));
  EXPECT_THAT(ValidateIcs(feed.body), IsEmpty());
  EXPECT_EQ(Occurrences(feed.body, "BEGIN:VEVENT"), 1u) << feed.body;
  EXPECT_THAT(Property(feed.body, "RRULE:"), HasSubstr("RRULE:FREQ=MONTHLY;BYDAY=3SA;UNTIL="));
  EXPECT_THAT(Property(feed.body, "UID:"), HasSubstr("UID:salon-" + std::to_string(*id) + "@"));
  EXPECT_THAT(feed.body, HasSubstr("X-WR-CALNAME:ひだまりサロン"));
  EXPECT_THAT(Property(feed.body, "DTSTART;TZID=Asia/Tokyo:"), HasSubstr("T133000"));
  // The salon's page links the feed.
  EXPECT_THAT(visitor.Get("/salons/" + std::to_string(*id)).body, HasSubstr(path));

  // One meeting is cancelled (as the office does on its event page): its date leaves the
  // recurrence as an EXDATE at the meeting's time, and the feed stays valid.
  const auto cancelled = t.app().db().Read<std::string>([&](soci::session& s) {
    long long sid = *id;
    std::string date;
    s << "SELECT event_date FROM community_event WHERE salon_id = :s AND status = 'published' "
         "ORDER BY event_date LIMIT 1 OFFSET 1",
        soci::use(sid), soci::into(date);
    s << "UPDATE community_event SET status = 'cancelled' WHERE salon_id = :s AND event_date = :d",
        soci::use(sid), soci::use(date);
    return date;
  });
  ASSERT_TRUE(cancelled.ok());
  std::string compact = *cancelled;
  compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
  auto after = visitor.Get(path);
  ASSERT_EQ(after.status, 200);
  EXPECT_THAT(ValidateIcs(after.body), IsEmpty());
  EXPECT_THAT(Property(after.body, "EXDATE;TZID=Asia/Tokyo:"), HasSubstr(compact + "T133000"));
  EXPECT_THAT(Property(feed.body, "EXDATE;TZID=Asia/Tokyo:"), Not(HasSubstr(compact)));

  EXPECT_EQ(visitor.Get("/salons/999999/calendar.ics").status, 404);
}

}  // namespace
}  // namespace tsunagu::testing
