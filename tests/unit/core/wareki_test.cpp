#include "core/wareki.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace tsunagu::core {
namespace {

TEST(DateTest, ComparesChronologically) {
  EXPECT_LT((Date{2024, 12, 31}), (Date{2025, 1, 1}));
  EXPECT_LT((Date{2025, 1, 31}), (Date{2025, 2, 1}));
  EXPECT_EQ((Date{2025, 4, 13}), (Date{2025, 4, 13}));
  EXPECT_GT((Date{2025, 4, 14}), (Date{2025, 4, 13}));
}

TEST(DateTest, ParsesStrictIso) {
  EXPECT_EQ(ParseIsoDate("2025-04-13"), (Date{2025, 4, 13}));
  EXPECT_EQ(ParseIsoDate("0001-01-01"), (Date{1, 1, 1}));
  EXPECT_EQ(ParseIsoDate("9999-12-31"), (Date{9999, 12, 31}));
  for (const char* bad :
       {"", "2025-4-13", "2025-04-3", "20250413", "2025/04/13", "2025-04-13 ", " 2025-04-13",
        "2025-04-13T00:00", "+025-04-13", "2025-0a-13", "2025-13-01", "2025-00-10", "2025-04-00",
        "2025-04-31", "0000-01-01", "２０２５-04-13"}) {
    EXPECT_FALSE(ParseIsoDate(bad).has_value()) << bad;
  }
}

TEST(DateTest, LeapDays) {
  EXPECT_TRUE(ParseIsoDate("2024-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2023-02-29").has_value());
  EXPECT_TRUE(ParseIsoDate("2000-02-29").has_value());   // divisible by 400
  EXPECT_FALSE(ParseIsoDate("1900-02-29").has_value());  // divisible by 100 only
  EXPECT_FALSE(ParseIsoDate("2024-02-30").has_value());
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
}

TEST(DateTest, IsoRoundTrip) {
  EXPECT_EQ(ToIso({2025, 4, 3}), "2025-04-03");
  EXPECT_EQ(ToIso({812, 1, 1}), "0812-01-01");
  for (Date d = {2023, 1, 1}; d < Date{2025, 1, 1}; d = AddDays(d, 1)) {
    ASSERT_EQ(ParseIsoDate(ToIso(d)), d);
  }
}

TEST(DateTest, Weekdays) {
  EXPECT_EQ(Weekday({2025, 4, 13}), 0);  // Sunday
  EXPECT_EQ(Weekday({2019, 5, 1}), 3);
  EXPECT_EQ(Weekday({1989, 1, 7}), 6);
  EXPECT_EQ(Weekday({1970, 1, 1}), 4);
  EXPECT_EQ(Weekday({2024, 2, 29}), 4);
  EXPECT_EQ(Weekday({2000, 1, 1}), 6);
}

TEST(DateTest, AddDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays({2023, 2, 28}, 1), (Date{2023, 3, 1}));
  EXPECT_EQ(AddDays({2025, 12, 31}, 1), (Date{2026, 1, 1}));
  EXPECT_EQ(AddDays({2025, 1, 1}, -1), (Date{2024, 12, 31}));
  EXPECT_EQ(AddDays({2025, 4, 13}, 0), (Date{2025, 4, 13}));
  EXPECT_EQ(AddDays({2024, 1, 1}, 366), (Date{2025, 1, 1}));
  EXPECT_EQ(DaysBetween({2024, 1, 1}, {2025, 1, 1}), 366);
  EXPECT_EQ(DaysBetween({2025, 4, 13}, {2025, 4, 6}), -7);
}

TEST(DateTest, FromUnixSecondsUsesJstByDefault) {
  EXPECT_EQ(DateFromUnixSeconds(0), (Date{1970, 1, 1}));
  EXPECT_EQ(DateFromUnixSeconds(0, 0), (Date{1970, 1, 1}));
  EXPECT_EQ(DateFromUnixSeconds(-1, 0), (Date{1969, 12, 31}));
  // 2025-04-12T15:00:00Z is midnight 2025-04-13 in Japan.
  constexpr std::int64_t kJstMidnight = 1744470000;
  EXPECT_EQ(DateFromUnixSeconds(kJstMidnight), (Date{2025, 4, 13}));
  EXPECT_EQ(DateFromUnixSeconds(kJstMidnight - 1), (Date{2025, 4, 12}));
  EXPECT_EQ(DateFromUnixSeconds(kJstMidnight, 0), (Date{2025, 4, 12}));
  EXPECT_EQ(DateFromUnixSeconds(kJstMidnight - 9 * 3600, -9 * 60), (Date{2025, 4, 11}));
}

TEST(DateTest, FromUnixSecondsSurvivesExtremes) {
  EXPECT_EQ(DateFromUnixSeconds(std::numeric_limits<std::int64_t>::max()), (Date{9999, 12, 31}));
  EXPECT_EQ(DateFromUnixSeconds(std::numeric_limits<std::int64_t>::min()), (Date{1, 1, 1}));
}

TEST(WarekiTest, EraBoundaries) {
  struct Case {
    Date date;
    const char* era;
    int year;
  };
  const Case cases[] = {
      {{1868, 9, 8}, "明治", 1},    {{1912, 7, 29}, "明治", 45}, {{1912, 7, 30}, "大正", 1},
      {{1926, 12, 24}, "大正", 15}, {{1926, 12, 25}, "昭和", 1}, {{1989, 1, 7}, "昭和", 64},
      {{1989, 1, 8}, "平成", 1},    {{2019, 4, 30}, "平成", 31}, {{2019, 5, 1}, "令和", 1},
      {{2025, 4, 13}, "令和", 7},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ToWareki(c.date), (WarekiYear{c.era, c.year})) << c.date;
  }
}

TEST(WarekiTest, BeforeMeijiIsUnsupported) {
  EXPECT_FALSE(ToWareki({1868, 9, 7}).has_value());
  EXPECT_FALSE(ToWareki({1, 1, 1}).has_value());
  EXPECT_FALSE(ToWareki({2025, 2, 30}).has_value());
  EXPECT_EQ(FormatWareki({1868, 9, 7}), "1868年9月7日");
  EXPECT_EQ(FormatWarekiWithWeekday({1868, 9, 7}), "1868年9月7日（月）");
}

TEST(WarekiTest, ErasAreOrderedData) {
  const auto eras = Eras();
  ASSERT_EQ(eras.size(), 5u);
  EXPECT_EQ(eras.back().name, "令和");
  EXPECT_EQ(eras.back().romaji, "Reiwa");
  for (std::size_t i = 1; i < eras.size(); ++i) EXPECT_LT(eras[i - 1].start, eras[i].start);
}

TEST(WarekiTest, Formats) {
  EXPECT_EQ(FormatWareki({2025, 4, 13}), "令和7年4月13日");
  EXPECT_EQ(FormatWareki({2019, 5, 1}), "令和元年5月1日");
  EXPECT_EQ(FormatWareki({2019, 4, 30}), "平成31年4月30日");
  EXPECT_EQ(FormatWareki({1989, 1, 8}), "平成元年1月8日");
  EXPECT_EQ(FormatWareki({1989, 1, 7}), "昭和64年1月7日");
  EXPECT_EQ(FormatWareki({1926, 12, 25}), "昭和元年12月25日");
  EXPECT_EQ(FormatWareki({1912, 7, 30}), "大正元年7月30日");
  EXPECT_EQ(FormatWareki({1868, 9, 8}), "明治元年9月8日");
}

TEST(WarekiTest, FormatsWithWeekdayAndTime) {
  EXPECT_EQ(FormatWarekiWithWeekday({2025, 4, 13}), "令和7年4月13日（日）");
  EXPECT_EQ(FormatWarekiWithWeekday({2019, 5, 1}), "令和元年5月1日（水）");
  EXPECT_EQ(FormatWarekiWithWeekday({1989, 1, 7}), "昭和64年1月7日（土）");
  EXPECT_EQ(FormatWarekiDateTime({2025, 4, 13}, 18, 0), "令和7年4月13日（日）18:00");
  EXPECT_EQ(FormatWarekiDateTime({2025, 4, 14}, 9, 5), "令和7年4月14日（月）9:05");
}

TEST(WarekiTest, FormatsEnglish) {
  EXPECT_EQ(FormatDateEn({2025, 4, 13}), "Sun 13 April 2025 (Reiwa 7)");
  EXPECT_EQ(FormatDateEn({2019, 5, 1}), "Wed 1 May 2019 (Reiwa 1)");
  EXPECT_EQ(FormatDateEn({1989, 1, 7}), "Sat 7 January 1989 (Showa 64)");
  EXPECT_EQ(FormatDateEn({1868, 9, 7}), "Mon 7 September 1868");
  EXPECT_EQ(FormatDateTimeEn({2025, 4, 13}, 18, 0), "Sun 13 April 2025 (Reiwa 7) 18:00");
}

TEST(WarekiTest, FormatDispatchesOnLanguage) {
  EXPECT_EQ(FormatDate({2025, 4, 13}, "ja"), "令和7年4月13日（日）");
  EXPECT_EQ(FormatDate({2025, 4, 13}, "en"), "Sun 13 April 2025 (Reiwa 7)");
  EXPECT_EQ(FormatDate({2025, 4, 13}, "fr"), "令和7年4月13日（日）");  // Japanese-first
  EXPECT_EQ(FormatDateTime({2025, 4, 13}, 18, 0, "ja"), "令和7年4月13日（日）18:00");
  EXPECT_EQ(FormatDateTime({2025, 4, 13}, 18, 0, "en"), "Sun 13 April 2025 (Reiwa 7) 18:00");
}

TEST(WarekiTest, InvalidDatesDoNotCrash) {
  EXPECT_EQ(FormatWareki({2025, 13, 1}), "2025年13月1日");
  EXPECT_EQ(FormatWarekiWithWeekday({2025, 2, 30}), "2025年2月30日");
  EXPECT_EQ(FormatDateEn({2025, 2, 30}), "2025-02-30");
}

TEST(FiscalYearTest, Edges) {
  EXPECT_EQ(FiscalYear({2026, 3, 31}), 2025);
  EXPECT_EQ(FiscalYear({2026, 4, 1}), 2026);
  EXPECT_EQ(FiscalYear({2026, 1, 1}), 2025);
  EXPECT_EQ(FiscalYear({2025, 12, 31}), 2025);
  EXPECT_EQ(FiscalYearStart(2025), (Date{2025, 4, 1}));
  EXPECT_EQ(FiscalYearEnd(2025), (Date{2026, 3, 31}));
  EXPECT_EQ(FiscalYear(FiscalYearStart(2025)), 2025);
  EXPECT_EQ(FiscalYear(FiscalYearEnd(2025)), 2025);
  EXPECT_EQ(FiscalYear(AddDays(FiscalYearEnd(2025), 1)), 2026);
  EXPECT_EQ(FiscalYear(AddDays(FiscalYearStart(2025), -1)), 2024);
}

TEST(FiscalYearTest, Formats) {
  EXPECT_EQ(FormatFiscalYear(2025), "令和7年度");
  EXPECT_EQ(FormatFiscalYear(2019), "令和元年度");  // 平成 until April 30, renamed in May
  EXPECT_EQ(FormatFiscalYear(2020), "令和2年度");
  EXPECT_EQ(FormatFiscalYear(2018), "平成30年度");
  EXPECT_EQ(FormatFiscalYear(1989), "平成元年度");
  EXPECT_EQ(FormatFiscalYear(1988), "昭和63年度");  // 平成 began in its January
  EXPECT_EQ(FormatFiscalYear(1867), "1867年度");
  EXPECT_EQ(FormatFiscalYearEn(2025), "FY2025 (Reiwa 7)");
  EXPECT_EQ(FormatFiscalYearEn(2019), "FY2019 (Reiwa 1)");
}

}  // namespace
TEST(JstTimeTest, MinuteOfDayAndFormats) {
  // 2026-04-12T15:30:00Z is 2026-04-13 00:30 in Japan: the date turns at JST midnight.
  constexpr std::int64_t kT = 1776007800;
  EXPECT_EQ(JstMinuteOfDay(kT), 30);
  EXPECT_EQ(IsoDateTimeJst(kT), "2026-04-13T00:30+09:00");
  EXPECT_EQ(FormatDateTime(kT, "ja"), "令和8年4月13日（月）0:30");
  EXPECT_EQ(JstMinuteOfDay(kT - 31 * 60), 1439);
  // Before 1970 too (negative Unix times): 1969-12-31T15:00Z is midnight JST.
  EXPECT_EQ(JstMinuteOfDay(-9 * 3600), 0);
  EXPECT_EQ(IsoDateTimeJst(-9 * 3600), "1970-01-01T00:00+09:00");
}

}  // namespace tsunagu::core
