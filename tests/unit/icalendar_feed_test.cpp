// The iCalendar feed writer (notify/icalendar_feed.hpp) and the RFC 5545 checker the tests use
// on every feed and attachment (support/ics_validator.hpp): the writer's output passes the
// checker, and the checker catches each kind of broken calendar.
#include "notify/icalendar_feed.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/ics_validator.hpp"

namespace tsunagu::notify {
namespace {

using ::testing::HasSubstr;
using testing::IcsEvents;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::ValidateIcs;

FeedEvent Sample(int id, bool cancelled = false) {
  FeedEvent fe;
  fe.event.uid = "event-" + std::to_string(id) + "@tsunagu.example.jp";
  fe.event.sequence = 2;
  fe.event.dtstamp_unix = 1767225600;  // 2026-01-01T00:00:00Z
  fe.event.date = {2026, 2, 21};
  fe.event.start_minutes = 12 * 60 + 45;
  fe.event.end_minutes = 16 * 60 + 30;
  fe.event.summary = "就労支援ネットワークフォーラム「築こう、支えよう；難病患者への就労の道を」";
  fe.event.location = "大宮ソニックシティ 905号室（9階）, 大宮駅西口から徒歩3分";
  fe.event.description =
      "主催：埼玉県難病相談支援センター\n参加費無料。会場50名、オンライン視聴あり。"
      "長い説明が続きます。長い説明が続きます。長い説明が続きます。長い説明が続きます。";
  fe.event.url = "https://tsunagu.example.jp/events/" + std::to_string(id);
  fe.event.cancelled = cancelled;
  return fe;
}

TEST(IcalendarFeed, ManyEventsInOneValidCalendarWithTokyoTimezone) {
  Feed feed;
  feed.name = "地域のカレンダー";
  feed.description = "講演会・交流会";
  feed.events = {Sample(1), Sample(2, true), Sample(3)};
  auto ics = BuildFeed(feed);
  ASSERT_TRUE(ics.ok());
  EXPECT_THAT(ValidateIcs(*ics), IsEmpty());
  EXPECT_THAT(*ics, HasSubstr("X-WR-CALNAME:地域のカレンダー\r\n"));
  EXPECT_THAT(*ics, HasSubstr("METHOD:PUBLISH\r\n"));
  EXPECT_THAT(*ics, HasSubstr("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"));
  const auto events = IcsEvents(*ics);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].at("UID"), "event-1@tsunagu.example.jp");
  EXPECT_EQ(events[0].at("DTSTART"), "20260221T124500");
  EXPECT_EQ(events[0].at("DTSTART#params"), ";TZID=Asia/Tokyo");
  EXPECT_EQ(events[0].at("SEQUENCE"), "2");
  EXPECT_EQ(events[0].at("STATUS"), "CONFIRMED");
  EXPECT_EQ(events[1].at("STATUS"), "CANCELLED");
  EXPECT_EQ(events[0].count("RRULE"), 0u);
}

TEST(IcalendarFeed, ASalonsRegularMeetingIsOneEventWithAnRRule) {
  Recurrence third_saturday;
  third_saturday.by_day = {"3SA"};
  EXPECT_EQ(*RRuleValue(third_saturday), "FREQ=MONTHLY;BYDAY=3SA");
  third_saturday.until = core::Date{2027, 3, 31};
  // The end of 31 March in Tokyo is 14:59:59 UTC that day (UNTIL in UTC with a TZID start).
  EXPECT_EQ(*RRuleValue(third_saturday), "FREQ=MONTHLY;BYDAY=3SA;UNTIL=20270331T145959Z");
  Recurrence fortnightly{"WEEKLY", 2, {"WE"}, std::nullopt};
  EXPECT_EQ(*RRuleValue(fortnightly), "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE");
  EXPECT_EQ(*RRuleValue({"MONTHLY", 1, {"-1FR"}, std::nullopt}), "FREQ=MONTHLY;BYDAY=-1FR");

  Feed feed;
  feed.name = "サロン";
  FeedEvent salon = Sample(9);
  salon.recurrence = third_saturday;
  feed.events = {salon};
  auto ics = BuildFeed(feed);
  ASSERT_TRUE(ics.ok());
  EXPECT_THAT(ValidateIcs(*ics), IsEmpty());
  EXPECT_EQ(IcsEvents(*ics)[0].at("RRULE"), "FREQ=MONTHLY;BYDAY=3SA;UNTIL=20270331T145959Z");
}

TEST(IcalendarFeed, RefusesRulesOutsideTheGrammarAndBadEvents) {
  EXPECT_FALSE(RRuleValue({"FORTNIGHTLY", 1, {}, std::nullopt}).ok());
  EXPECT_FALSE(RRuleValue({"MONTHLY", 0, {}, std::nullopt}).ok());
  EXPECT_FALSE(RRuleValue({"MONTHLY", 1, {"6SA"}, std::nullopt}).ok());
  EXPECT_FALSE(RRuleValue({"WEEKLY", 1, {"3SA"}, std::nullopt}).ok());  // ordinal needs a month
  EXPECT_FALSE(RRuleValue({"MONTHLY", 1, {"SAT"}, std::nullopt}).ok());
  EXPECT_FALSE(RRuleValue({"MONTHLY", 1, {"3SA;COUNT=1"}, std::nullopt}).ok());
  EXPECT_FALSE(RRuleValue({"MONTHLY", 1, {}, core::Date{2027, 2, 30}}).ok());
  Feed feed;
  feed.name = "x";
  FeedEvent bad = Sample(1);
  bad.event.uid.clear();
  feed.events = {bad};
  EXPECT_FALSE(BuildFeed(feed).ok());
  Feed unnamed;
  EXPECT_FALSE(BuildFeed(unnamed).ok());
}

// The booking and registration attachments pass the same checker.
TEST(IcalendarFeed, TheSingleEventAttachmentPassesTheChecker) {
  CalendarEvent e = Sample(4).event;
  e.organizer_name = "事務局 \"つなぐ\"";
  e.organizer_email = "jimu@example.jp";
  for (const char* method : {"REQUEST", "CANCEL", "PUBLISH"}) {
    auto ics = BuildIcs(e, method);
    ASSERT_TRUE(ics.ok());
    EXPECT_THAT(ValidateIcs(*ics), IsEmpty()) << method;
  }
}

// --- the checker itself, fed broken calendars

std::string Good() {
  Feed feed;
  feed.name = "検査用";
  FeedEvent salon = Sample(1);
  salon.recurrence = Recurrence{"MONTHLY", 1, {"3SA"}, std::nullopt};
  feed.events = {salon, Sample(2)};
  return *BuildFeed(feed);
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

std::string Joined(const std::vector<std::string>& problems) {
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  return all;
}

TEST(IcsValidator, AcceptsAGoodFeed) {
  EXPECT_THAT(ValidateIcs(Good()), IsEmpty());
}

TEST(IcsValidator, CatchesBareLineFeeds) {
  std::string lf = Good();
  std::string out;
  for (std::size_t i = 0; i < lf.size(); ++i) {
    if (lf[i] == '\r') continue;
    out += lf[i];
  }
  EXPECT_THAT(Joined(ValidateIcs(out)), Not(IsEmpty()));
}

TEST(IcsValidator, CatchesLongLinesAndFoldsThatSplitACharacter) {
  const std::string long_line =
      Replace(Good(), "SUMMARY:", "X-NOTE:" + std::string(80, 'a') + "\r\nSUMMARY:");
  EXPECT_THAT(Joined(ValidateIcs(long_line)), HasSubstr("longer than 75 octets"));
  // 「あ」 is E3 81 82: a fold after its first octet splits it.
  const std::string split = Replace(Good(), "SUMMARY:", "X-NOTE:\xE3\r\n \x81\x82\r\nSUMMARY:");
  EXPECT_THAT(Joined(ValidateIcs(split)), HasSubstr("splits a UTF-8 character"));
}

TEST(IcsValidator, CatchesBrokenNesting) {
  EXPECT_THAT(Joined(ValidateIcs(Replace(Good(), "END:VEVENT\r\n", ""))),
              HasSubstr("does not close"));
  EXPECT_THAT(Joined(ValidateIcs(Replace(Good(), "END:VCALENDAR\r\n", ""))), HasSubstr("unclosed"));
  EXPECT_THAT(Joined(ValidateIcs(Replace(Good(), "BEGIN:VCALENDAR\r\n", ""))), Not(IsEmpty()));
}

TEST(IcsValidator, CatchesMissingRequiredProperties) {
  EXPECT_THAT(Joined(ValidateIcs(Replace(Good(), "PRODID:-//Tsunagu//Tsunagu//JA\r\n", ""))),
              HasSubstr("PRODID"));
  EXPECT_THAT(Joined(ValidateIcs(Replace(Good(), "VERSION:2.0\r\n", ""))), HasSubstr("VERSION"));
  EXPECT_THAT(Joined(ValidateIcs(Replace(Good(), "UID:event-2@tsunagu.example.jp\r\n", ""))),
              HasSubstr("UID"));
  const std::string no_stamp = Replace(Good(), "DTSTAMP:20260101T000000Z\r\n", "");
  EXPECT_THAT(Joined(ValidateIcs(no_stamp)), HasSubstr("DTSTAMP"));
  const std::string no_start = Replace(Good(), "DTSTART;TZID=Asia/Tokyo:20260221T124500\r\n", "");
  EXPECT_THAT(Joined(ValidateIcs(no_start)), HasSubstr("DTSTART"));
  const std::string local_stamp =
      Replace(Good(), "DTSTAMP:20260101T000000Z", "DTSTAMP:20260101T000000");
  EXPECT_THAT(Joined(ValidateIcs(local_stamp)), HasSubstr("DTSTAMP is not UTC"));
}

TEST(IcsValidator, CatchesATzidWithoutItsTimezone) {
  const std::string other = Replace(Good(), "DTSTART;TZID=Asia/Tokyo:", "DTSTART;TZID=Asia/Seoul:");
  EXPECT_THAT(Joined(ValidateIcs(other)), HasSubstr("no VTIMEZONE"));
  const std::string no_zone = Replace(Good(), "TZID:Asia/Tokyo\r\n", "TZID:Japan\r\n");
  EXPECT_THAT(Joined(ValidateIcs(no_zone)), HasSubstr("no VTIMEZONE"));
}

TEST(IcsValidator, CatchesRRuleGrammar) {
  for (const char* bad : {"RRULE:BYDAY=3SA", "RRULE:FREQ=MONTHLY;BYDAY=3SAT",
                          "RRULE:FREQ=MONTHLY;COUNT=2;UNTIL=20270101", "RRULE:FREQ=SOMETIMES",
                          "RRULE:FREQ=MONTHLY;BYDAY", "RRULE:FREQ=MONTHLY;INTERVAL=0",
                          "RRULE:FREQ=MONTHLY;FREQ=WEEKLY", "RRULE:FREQ=MONTHLY;ON=SA"}) {
    const std::string s = Replace(Good(), "RRULE:FREQ=MONTHLY;BYDAY=3SA", bad);
    EXPECT_THAT(Joined(ValidateIcs(s)), HasSubstr("RRULE")) << bad;
  }
}

TEST(IcsValidator, CatchesUnescapedText) {
  const std::string comma = Replace(Good(), "\\, 大宮駅", ", 大宮駅");
  EXPECT_THAT(Joined(ValidateIcs(comma)), HasSubstr("LOCATION TEXT is not escaped"));
  const std::string backslash = Replace(Good(), "SUMMARY:", "SUMMARY:C:\\temp ");
  EXPECT_THAT(Joined(ValidateIcs(backslash)), HasSubstr("SUMMARY TEXT is not escaped"));
}

TEST(IcsValidator, CatchesRepeatedUids) {
  const std::string twice =
      Replace(Good(), "UID:event-2@tsunagu.example.jp", "UID:event-1@tsunagu.example.jp");
  EXPECT_THAT(Joined(ValidateIcs(twice)), HasSubstr("UID repeated"));
}

}  // namespace
}  // namespace tsunagu::notify
