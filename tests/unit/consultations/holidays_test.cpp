#include "consultations/holidays.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/config.hpp"

namespace tsunagu::consultations {
namespace {

using core::Date;

const std::string kSamplePath = tsunagu::core::SourceDir() + "/tests/fixtures/holidays-sample.json";
const std::string kGeneratedPath = tsunagu::core::SourceDir() + "/data/holidays/holidays.json";

HolidayCalendar Sample() {
  auto calendar = HolidayCalendar::LoadFile(kSamplePath);
  EXPECT_TRUE(calendar.ok()) << (calendar.ok() ? "" : calendar.error().fields.at(0).field);
  return std::move(calendar).value();
}

// The fields[0] of a data error: where, then what.
std::string Where(const core::Result<HolidayCalendar>& r) {
  return r.ok() || r.error().fields.empty() ? "" : r.error().fields[0].field;
}

TEST(HolidayCalendarTest, LoadsTheSampleWithItsRangeAndSource) {
  const HolidayCalendar calendar = Sample();
  EXPECT_EQ(calendar.First(), (Date{2025, 4, 1}));
  EXPECT_EQ(calendar.Last(), (Date{2027, 3, 31}));
  EXPECT_TRUE(calendar.Covers({2025, 4, 1}, {2026, 3, 31}));
  EXPECT_FALSE(calendar.Covers({2025, 3, 31}, {2026, 3, 31}));
  EXPECT_FALSE(calendar.Covers({2026, 4, 1}, {2027, 4, 1}));
  EXPECT_EQ(calendar.Source().rfind("@holiday-jp/holiday_jp 2.5.1", 0), 0u);
}

TEST(HolidayCalendarTest, KnowsRealHolidaysAndTheirNames) {
  const HolidayCalendar calendar = Sample();
  // A fixed-date holiday, a ハッピーマンデー, an equinox, a 振替休日 and a 国民の休日.
  EXPECT_TRUE(calendar.IsHoliday({2025, 11, 3}));
  EXPECT_EQ(calendar.Name({2025, 11, 3}, "ja"), "文化の日");
  EXPECT_EQ(calendar.Name({2025, 11, 3}, "en"), "National Culture Day");
  EXPECT_EQ(calendar.Name({2026, 1, 12}, "ja"), "成人の日");
  EXPECT_EQ(calendar.Name({2025, 9, 23}, "ja"), "秋分の日");
  EXPECT_EQ(calendar.Name({2025, 5, 6}, "ja"), "こどもの日 振替休日");
  EXPECT_EQ(calendar.Name({2025, 5, 6}, "en"), "Holiday in lieu");
  EXPECT_EQ(calendar.Name({2026, 9, 22}, "ja"), "休日");
  EXPECT_EQ(calendar.Name({2026, 5, 5}, "ja"), "こどもの日");
  // Anything but "en" is Japanese: the system is Japanese-first.
  EXPECT_EQ(calendar.Name({2026, 5, 5}, "fr"), "こどもの日");

  EXPECT_FALSE(calendar.IsHoliday({2025, 5, 7}));
  EXPECT_EQ(calendar.Name({2025, 5, 7}, "ja"), std::nullopt);
  EXPECT_FALSE(calendar.IsHoliday({2025, 12, 29}));  // closure, not a holiday
  // Outside the data nothing is known, so nothing is claimed (2025-01-01 is 元日).
  EXPECT_FALSE(calendar.IsHoliday({2025, 1, 1}));
}

TEST(HolidayCalendarTest, BusinessDaysExcludeWeekendsHolidaysAndOptionallyTheYearEnd) {
  const HolidayCalendar calendar = Sample();
  EXPECT_TRUE(calendar.IsBusinessDay({2025, 9, 24}));    // Wednesday
  EXPECT_FALSE(calendar.IsBusinessDay({2025, 9, 23}));   // 秋分の日 (Tuesday)
  EXPECT_FALSE(calendar.IsBusinessDay({2025, 9, 27}));   // Saturday
  EXPECT_FALSE(calendar.IsBusinessDay({2025, 9, 28}));   // Sunday
  EXPECT_FALSE(calendar.IsBusinessDay({2025, 11, 24}));  // 振替休日 (Monday)

  EXPECT_TRUE(calendar.IsBusinessDay({2025, 12, 29}));  // Monday, offices open unless closed
  EXPECT_FALSE(calendar.IsBusinessDay({2025, 12, 29}, true));
  EXPECT_FALSE(calendar.IsBusinessDay({2026, 1, 2}, true));
  EXPECT_TRUE(calendar.IsBusinessDay({2026, 1, 2}));
  EXPECT_TRUE(calendar.IsBusinessDay({2025, 12, 26}, true));
  EXPECT_TRUE(calendar.IsBusinessDay({2026, 1, 5}, true));
  EXPECT_FALSE(calendar.IsBusinessDay({2026, 1, 1}));  // 元日 either way
}

TEST(HolidayCalendarTest, YearEndClosureIsDecember29ToJanuary3) {
  EXPECT_FALSE(IsYearEndClosure({2025, 12, 28}));
  EXPECT_TRUE(IsYearEndClosure({2025, 12, 29}));
  EXPECT_TRUE(IsYearEndClosure({2025, 12, 31}));
  EXPECT_TRUE(IsYearEndClosure({2026, 1, 1}));
  EXPECT_TRUE(IsYearEndClosure({2026, 1, 3}));
  EXPECT_FALSE(IsYearEndClosure({2026, 1, 4}));
  EXPECT_FALSE(IsYearEndClosure({2026, 11, 29}));
}

TEST(HolidayCalendarTest, ParsesTheDocumentedFormat) {
  auto calendar = HolidayCalendar::Parse(R"({
    "source": "test", "first": "2030-01-01", "last": "2030-12-31",
    "holidays": {"2030-01-01": {"name": "元日", "name_en": "New Year's Day"}}})");
  ASSERT_TRUE(calendar.ok());
  EXPECT_TRUE(calendar->IsHoliday({2030, 1, 1}));
  EXPECT_FALSE(calendar->IsHoliday({2030, 1, 2}));
  EXPECT_EQ(calendar->Source(), "test");

  auto empty = HolidayCalendar::Parse(
      R"({"source": "s", "first": "2030-01-01", "last": "2030-01-01", "holidays": {}})");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->First(), empty->Last());
}

TEST(HolidayCalendarTest, RejectsMalformedDataSayingWhere) {
  const std::string ok_head = R"("source": "s", "first": "2030-01-01", "last": "2030-12-31")";
  struct Case {
    std::string json;
    std::string where;
  };
  const Case cases[] = {
      {"", "(document)"},
      {"not json", "(document)"},
      {"[]", "(document)"},
      {R"({"first": "2030-01-01", "last": "2030-12-31", "holidays": {}})", "source"},
      {R"({"source": "", "first": "2030-01-01", "last": "2030-12-31", "holidays": {}})", "source"},
      {R"({"source": "s", "first": "2030-1-1", "last": "2030-12-31", "holidays": {}})", "first"},
      {R"({"source": "s", "first": "2030-01-01", "holidays": {}})", "last"},
      {R"({"source": "s", "first": "2030-12-31", "last": "2030-01-01", "holidays": {}})", "last"},
      {"{" + ok_head + "}", "holidays"},
      {"{" + ok_head + R"(, "holidays": []})", "holidays"},
      {"{" + ok_head + R"(, "holidays": {"2030-02-30": {"name": "x", "name_en": "x"}}})",
       "holidays.2030-02-30"},
      {"{" + ok_head + R"(, "holidays": {"2031-01-01": {"name": "x", "name_en": "x"}}})",
       "holidays.2031-01-01"},
      {"{" + ok_head + R"(, "holidays": {"2030-01-01": "元日"}})", "holidays.2030-01-01"},
      {"{" + ok_head + R"(, "holidays": {"2030-01-01": {"name_en": "x"}}})",
       "holidays.2030-01-01.name"},
      {"{" + ok_head + R"(, "holidays": {"2030-01-01": {"name": "x", "name_en": 1}}})",
       "holidays.2030-01-01.name_en"},
  };
  for (const Case& c : cases) {
    const auto r = HolidayCalendar::Parse(c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInternal) << c.json;
    EXPECT_EQ(r.error().message_key, "error.holiday_data_invalid") << c.json;
    EXPECT_EQ(Where(r), c.where) << c.json;
  }
}

TEST(HolidayCalendarTest, LoadFileReportsAMissingFile) {
  const auto r =
      HolidayCalendar::LoadFile(tsunagu::core::SourceDir() + "/tests/fixtures/no-such-file.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message_key, "error.holiday_data_unreadable");
  EXPECT_NE(Where(r).find("no-such-file.json"), std::string::npos);
}

// The generated file exists after `make` (scripts/vendor-static); a bare checkout lacks it.
TEST(HolidayCalendarTest, GeneratedDataAgreesWithTheSample) {
  if (!std::filesystem::exists(kGeneratedPath)) {
    GTEST_SKIP() << kGeneratedPath << " not generated (run scripts/vendor-static)";
  }
  auto full = HolidayCalendar::LoadFile(kGeneratedPath);
  ASSERT_TRUE(full.ok()) << Where(full);
  EXPECT_EQ(full->Source().rfind("@holiday-jp/holiday_jp ", 0), 0u);
  EXPECT_EQ(full->First().month, 1);
  EXPECT_EQ(full->First().day, 1);
  EXPECT_EQ(full->Last().month, 12);
  EXPECT_EQ(full->Last().day, 31);

  const HolidayCalendar sample = Sample();
  ASSERT_TRUE(full->Covers(sample.First(), sample.Last()));
  for (Date d = sample.First(); d <= sample.Last(); d = core::AddDays(d, 1)) {
    EXPECT_EQ(full->IsHoliday(d), sample.IsHoliday(d)) << d;
    EXPECT_EQ(full->Name(d, "ja"), sample.Name(d, "ja")) << d;
    EXPECT_EQ(full->Name(d, "en"), sample.Name(d, "en")) << d;
  }

  // Holidays set by special laws, which no rule of thumb would give.
  EXPECT_EQ(full->Name({2019, 5, 1}, "ja"), "休日（祝日扱い）");  // 天皇の即位の日
  EXPECT_EQ(full->Name({2020, 7, 24}, "ja"), "スポーツの日");     // moved for the Olympics
  EXPECT_EQ(full->Name({2021, 8, 9}, "ja"), "山の日 振替休日");
  EXPECT_FALSE(full->IsHoliday({2020, 10, 12}));  // the usual スポーツの日 that year
}

}  // namespace
}  // namespace tsunagu::consultations
