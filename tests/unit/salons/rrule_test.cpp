// A salon's regular schedule as an RFC 5545 RRULE (issue 15), for the calendar feed.
#include "salons/rrule.hpp"

#include <gtest/gtest.h>

namespace tsunagu::salons {
namespace {

using consultations::MonthlyOccurrence;
using consultations::ScheduleRule;

ScheduleRule Rule(std::vector<MonthlyOccurrence> occurrences) {
  ScheduleRule rule;
  rule.occurrences = std::move(occurrences);
  rule.start_minutes = 13 * 60 + 30;
  rule.end_minutes = 15 * 60 + 30;
  return rule;
}

TEST(SalonRruleTest, ThirdSaturdayOfEveryMonth) {
  EXPECT_EQ(ToRrule(Rule({{3, 6}})), "FREQ=MONTHLY;BYDAY=3SA");
}

TEST(SalonRruleTest, SeveralOccurrencesInTheRulesOrder) {
  EXPECT_EQ(ToRrule(Rule({{2, 4}, {4, 2}})), "FREQ=MONTHLY;BYDAY=2TH,4TU");
  EXPECT_EQ(ToRrule(Rule({{1, 0}, {5, 1}})), "FREQ=MONTHLY;BYDAY=1SU,5MO");
}

TEST(SalonRruleTest, LastIsMinusOne) {
  EXPECT_EQ(ToRrule(Rule({{consultations::kLastOccurrence, 6}})), "FREQ=MONTHLY;BYDAY=-1SA");
  EXPECT_EQ(ToRrule(Rule({{1, 3}, {consultations::kLastOccurrence, 5}})),
            "FREQ=MONTHLY;BYDAY=1WE,-1FR");
}

TEST(SalonRruleTest, TheStoredByDayListReadsBack) {
  const std::vector<MonthlyOccurrence> occurrences = {{3, 6}, {consultations::kLastOccurrence, 2}};
  EXPECT_EQ(ByDayList(occurrences), "3SA,-1TU");
  EXPECT_EQ(ParseByDayList("3SA,-1TU"), occurrences);
}

TEST(SalonRruleTest, MalformedByDayListsAreRefused) {
  EXPECT_FALSE(ParseByDayList(""));
  EXPECT_FALSE(ParseByDayList("3XX"));
  EXPECT_FALSE(ParseByDayList("6SA"));
  EXPECT_FALSE(ParseByDayList("0SA"));
  EXPECT_FALSE(ParseByDayList("-2SA"));
  EXPECT_FALSE(ParseByDayList("3SA,"));
  EXPECT_FALSE(ParseByDayList("SA"));
}

}  // namespace
}  // namespace tsunagu::salons
