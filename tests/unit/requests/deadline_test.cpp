// The reply deadline of a consultation request (seed 002: 当日、翌日にはお返事): the same day when
// it comes on a business day before the office closes, else the next business day, holidays
// and weekends skipped (Golden Week 2026 below).
#include "requests/deadline.hpp"

#include <gtest/gtest.h>

#include "core/wareki.hpp"

namespace tsunagu::requests {
namespace {

std::int64_t Jst(core::Date d, int hour, int minute) {
  return std::int64_t{core::DaysBetween(core::Date{1970, 1, 1}, d)} * 86400 +
         (hour * 60 + minute) * 60LL - 9 * 3600;
}

consultations::HolidayCalendar GoldenWeek() {
  auto calendar = consultations::HolidayCalendar::Parse(R"({
    "source": "test", "first": "2026-01-01", "last": "2026-12-31",
    "holidays": {"2026-04-29": {"name": "昭和の日", "name_en": "Showa Day"},
                 "2026-05-03": {"name": "憲法記念日", "name_en": "Constitution Day"},
                 "2026-05-04": {"name": "みどりの日", "name_en": "Greenery Day"},
                 "2026-05-05": {"name": "こどもの日", "name_en": "Children's Day"},
                 "2026-05-06": {"name": "休日", "name_en": "Holiday"}}})");
  EXPECT_TRUE(calendar.ok());
  return *calendar;
}

TEST(RequestDeadline, OnABusinessDayBeforeClosingItIsAnsweredThatDay) {
  const auto calendar = GoldenWeek();
  constexpr int kFive = 17 * 60;
  EXPECT_EQ(ReplyDueAt(Jst({2026, 4, 30}, 10, 0), kFive, calendar), Jst({2026, 4, 30}, 17, 0));
  EXPECT_EQ(ReplyDueAt(Jst({2026, 4, 30}, 0, 5), kFive, calendar), Jst({2026, 4, 30}, 17, 0))
      << "before opening counts as the same day";
  EXPECT_EQ(ReplyDueAt(Jst({2026, 4, 30}, 16, 59), kFive, calendar), Jst({2026, 4, 30}, 17, 0));
}

TEST(RequestDeadline, AfterHoursWeekendsAndHolidaysGoToTheNextBusinessDay) {
  const auto calendar = GoldenWeek();
  constexpr int kFive = 17 * 60;
  EXPECT_EQ(ReplyDueAt(Jst({2026, 4, 30}, 17, 0), kFive, calendar), Jst({2026, 5, 1}, 17, 0))
      << "at closing time it is after hours";
  EXPECT_EQ(ReplyDueAt(Jst({2026, 5, 1}, 18, 30), kFive, calendar), Jst({2026, 5, 7}, 17, 0))
      << "Friday evening before Golden Week: Thursday";
  EXPECT_EQ(ReplyDueAt(Jst({2026, 5, 2}, 9, 0), kFive, calendar), Jst({2026, 5, 7}, 17, 0));
  EXPECT_EQ(ReplyDueAt(Jst({2026, 4, 29}, 11, 0), kFive, calendar), Jst({2026, 4, 30}, 17, 0))
      << "a holiday on a Wednesday";
  EXPECT_EQ(ReplyDueAt(Jst({2026, 4, 30}, 15, 0), 15 * 60, calendar), Jst({2026, 5, 1}, 15, 0))
      << "the office's own closing time";
}

}  // namespace
}  // namespace tsunagu::requests
