#include "consultations/schedule_rule.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/i18n.hpp"

namespace tsunagu::consultations {
namespace {

using core::Date;

constexpr int kSunday = 0, kMonday = 1, kTuesday = 2, kWednesday = 3, kThursday = 4, kFriday = 5;

HolidayCalendar Sample() {
  auto calendar = HolidayCalendar::LoadFile(tsunagu::core::SourceDir() +
                                            "/tests/fixtures/holidays-sample.json");
  EXPECT_TRUE(calendar.ok());
  return std::move(calendar).value();
}

ScheduleRule Rule(std::vector<MonthlyOccurrence> occurrences,
                  HolidayPolicy policy = HolidayPolicy::kSkip, bool closed_year_end = false) {
  return ScheduleRule{std::move(occurrences), 18 * 60, 21 * 60, policy, closed_year_end};
}

// Seed 001's rule: 第2木曜日と第4火曜日 18:00–21:00.
ScheduleRule SeedRule(HolidayPolicy policy) {
  return Rule({{2, kThursday}, {4, kTuesday}}, policy);
}

std::vector<Date> Dates(const std::vector<PlannedDay>& days) {
  std::vector<Date> out;
  for (const PlannedDay& d : days) out.push_back(d.date);
  return out;
}

std::vector<Date> Generate(const ScheduleRule& rule, int fiscal_year,
                           const HolidayCalendar& calendar) {
  auto days = GenerateFiscalYear(rule, fiscal_year, calendar);
  EXPECT_TRUE(days.ok()) << (days.ok() ? "" : days.error().message_key);
  return days.ok() ? Dates(*days) : std::vector<Date>{};
}

const PlannedDay* Find(const std::vector<PlannedDay>& days, Date d) {
  for (const PlannedDay& day : days) {
    if (day.date == d) return &day;
  }
  return nullptr;
}

TEST(OccurrenceInMonthTest, FindsNthAndLastWeekdays) {
  EXPECT_EQ(OccurrenceInMonth(2025, 4, {2, kThursday}), (Date{2025, 4, 10}));
  EXPECT_EQ(OccurrenceInMonth(2025, 4, {4, kTuesday}), (Date{2025, 4, 22}));
  EXPECT_EQ(OccurrenceInMonth(2025, 5, {1, kThursday}), (Date{2025, 5, 1}));  // the 1st itself
  EXPECT_EQ(OccurrenceInMonth(2025, 5, {5, kThursday}), (Date{2025, 5, 29}));
  EXPECT_EQ(OccurrenceInMonth(2025, 4, {5, kThursday}), std::nullopt);
  EXPECT_EQ(OccurrenceInMonth(2025, 12, {kLastOccurrence, kMonday}), (Date{2025, 12, 29}));
  EXPECT_EQ(OccurrenceInMonth(2025, 10, {kLastOccurrence, kFriday}), (Date{2025, 10, 31}));
  EXPECT_EQ(OccurrenceInMonth(2024, 2, {5, kThursday}), (Date{2024, 2, 29}));  // leap day
  EXPECT_EQ(OccurrenceInMonth(2026, 2, {kLastOccurrence, kSunday}), (Date{2026, 2, 22}));
  EXPECT_EQ(OccurrenceInMonth(2025, 13, {1, kMonday}), std::nullopt);
  EXPECT_EQ(OccurrenceInMonth(2025, 4, {0, kMonday}), std::nullopt);
  EXPECT_EQ(OccurrenceInMonth(2025, 4, {1, 7}), std::nullopt);
}

TEST(GenerateFiscalYearTest, SeedRuleGivesTwentyFourDaysInReiwa7) {
  const HolidayCalendar calendar = Sample();
  auto days = GenerateFiscalYear(SeedRule(HolidayPolicy::kNextBusinessDay), 2025, calendar);
  ASSERT_TRUE(days.ok());
  const std::vector<Date> expected = {
      {2025, 4, 10}, {2025, 4, 22},  {2025, 5, 8},   {2025, 5, 27},  {2025, 6, 12},  {2025, 6, 24},
      {2025, 7, 10}, {2025, 7, 22},  {2025, 8, 14},  {2025, 8, 26},  {2025, 9, 11},  {2025, 9, 24},
      {2025, 10, 9}, {2025, 10, 28}, {2025, 11, 13}, {2025, 11, 25}, {2025, 12, 11}, {2025, 12, 23},
      {2026, 1, 8},  {2026, 1, 27},  {2026, 2, 12},  {2026, 2, 24},  {2026, 3, 12},  {2026, 3, 24}};
  EXPECT_EQ(Dates(*days), expected);
  ASSERT_EQ(days->size(), 24u);
  for (const PlannedDay& d : *days) {
    EXPECT_EQ(d.start_minutes, 18 * 60);
    EXPECT_EQ(d.end_minutes, 21 * 60);
    if (d.date == Date{2025, 9, 24}) {
      // 第4火曜 2025-09-23 is 秋分の日.
      EXPECT_EQ(d.moved_from, (Date{2025, 9, 23}));
      EXPECT_EQ(d.note_key, "schedule.moved_holiday");
    } else {
      EXPECT_EQ(d.moved_from, std::nullopt) << d.date;
      EXPECT_EQ(d.note_key, "") << d.date;
    }
  }
}

TEST(GenerateFiscalYearTest, SkipDropsTheHolidayAndSaysWhy) {
  auto plan = PlanFiscalYear(SeedRule(HolidayPolicy::kSkip), 2025, Sample());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->days.size(), 23u);
  EXPECT_EQ(Find(plan->days, {2025, 9, 23}), nullptr);
  EXPECT_EQ(Find(plan->days, {2025, 9, 24}), nullptr);
  const std::vector<SkippedDay> skipped = {
      {{2025, 9, 23}, std::nullopt, "schedule.skipped_holiday"}};
  EXPECT_EQ(plan->skipped, skipped);
}

TEST(GenerateFiscalYearTest, PreviousBusinessDayMovesBackwards) {
  auto days = GenerateFiscalYear(SeedRule(HolidayPolicy::kPreviousBusinessDay), 2025, Sample());
  ASSERT_TRUE(days.ok());
  EXPECT_EQ(days->size(), 24u);
  const PlannedDay* moved = Find(*days, {2025, 9, 22});
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->moved_from, (Date{2025, 9, 23}));
  EXPECT_EQ(moved->note_key, "schedule.moved_holiday");
}

TEST(GenerateFiscalYearTest, SecondMondayMeetsHappyMondayHolidays) {
  const HolidayCalendar calendar = Sample();
  // 成人の日 and スポーツの日 are the second Monday by law, and 2025's 山の日 fell on one too.
  const ScheduleRule skip = Rule({{2, kMonday}});
  const std::vector<Date> skipped_days = {{2025, 4, 14}, {2025, 5, 12}, {2025, 6, 9},
                                          {2025, 7, 14}, {2025, 9, 8},  {2025, 11, 10},
                                          {2025, 12, 8}, {2026, 2, 9},  {2026, 3, 9}};
  EXPECT_EQ(Generate(skip, 2025, calendar), skipped_days);

  auto moved =
      GenerateFiscalYear(Rule({{2, kMonday}}, HolidayPolicy::kNextBusinessDay), 2025, calendar);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->size(), 12u);
  for (const auto& [to, from] :
       std::vector<std::pair<Date, Date>>{{{2025, 8, 12}, {2025, 8, 11}},
                                          {{2025, 10, 14}, {2025, 10, 13}},
                                          {{2026, 1, 13}, {2026, 1, 12}}}) {
    const PlannedDay* d = Find(*moved, to);
    ASSERT_NE(d, nullptr) << to;
    EXPECT_EQ(d->moved_from, from);
  }
  EXPECT_EQ(Find(*moved, {2026, 1, 12}), nullptr);
}

TEST(GenerateFiscalYearTest, MovesPastConsecutiveHolidays) {
  const HolidayCalendar calendar = Sample();
  // 2025-05-05 こどもの日 is followed by its 振替休日; 2025-11-03 文化の日 is a Monday.
  auto next =
      GenerateFiscalYear(Rule({{1, kMonday}}, HolidayPolicy::kNextBusinessDay), 2025, calendar);
  ASSERT_TRUE(next.ok());
  ASSERT_NE(Find(*next, {2025, 5, 7}), nullptr);
  EXPECT_EQ(Find(*next, {2025, 5, 7})->moved_from, (Date{2025, 5, 5}));
  ASSERT_NE(Find(*next, {2025, 11, 4}), nullptr);
  EXPECT_EQ(Find(*next, {2025, 11, 4})->moved_from, (Date{2025, 11, 3}));

  auto previous =
      GenerateFiscalYear(Rule({{1, kMonday}}, HolidayPolicy::kPreviousBusinessDay), 2025, calendar);
  ASSERT_TRUE(previous.ok());
  ASSERT_NE(Find(*previous, {2025, 5, 2}), nullptr);  // Friday before the long weekend
  EXPECT_EQ(Find(*previous, {2025, 5, 2})->moved_from, (Date{2025, 5, 5}));
  ASSERT_NE(Find(*previous, {2025, 10, 31}), nullptr);  // into the previous month
  EXPECT_EQ(Find(*previous, {2025, 10, 31})->moved_from, (Date{2025, 11, 3}));

  // 令和8年度: 第1火曜 2026-05-05 こどもの日, then 5/6 振替休日; 2026-11-03 文化の日.
  const std::vector<Date> tuesdays = Generate(Rule({{1, kTuesday}}), 2026, calendar);
  EXPECT_EQ(tuesdays.size(), 10u);
  auto moved_tuesdays =
      GenerateFiscalYear(Rule({{1, kTuesday}}, HolidayPolicy::kNextBusinessDay), 2026, calendar);
  ASSERT_TRUE(moved_tuesdays.ok());
  ASSERT_NE(Find(*moved_tuesdays, {2026, 5, 7}), nullptr);
  EXPECT_EQ(Find(*moved_tuesdays, {2026, 5, 7})->moved_from, (Date{2026, 5, 5}));
  ASSERT_NE(Find(*moved_tuesdays, {2026, 11, 4}), nullptr);
}

TEST(GenerateFiscalYearTest, YearEndClosureIsOptional) {
  const HolidayCalendar calendar = Sample();
  // 最終月曜 of December 2025 is the 29th: a weekday, but inside 12/29–1/3.
  const std::vector<MonthlyOccurrence> last_monday = {{kLastOccurrence, kMonday}};
  const auto open = Generate(Rule(last_monday), 2025, calendar);
  EXPECT_NE(std::find(open.begin(), open.end(), Date{2025, 12, 29}), open.end());

  auto closed = PlanFiscalYear(Rule(last_monday, HolidayPolicy::kSkip, true), 2025, calendar);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(Find(closed->days, {2025, 12, 29}), nullptr);
  // Also skipped: 2025-11-24 振替休日 and 2026-02-23 天皇誕生日, both last Mondays.
  const std::vector<SkippedDay> skipped = {
      {{2025, 11, 24}, std::nullopt, "schedule.skipped_holiday"},
      {{2025, 12, 29}, std::nullopt, "schedule.skipped_closure"},
      {{2026, 2, 23}, std::nullopt, "schedule.skipped_holiday"}};
  EXPECT_EQ(closed->skipped, skipped);
  EXPECT_EQ(closed->days.size(), 9u);

  // Moving forward crosses the whole closure, 元日 and the weekend: to Monday 2026-01-05.
  auto moved =
      GenerateFiscalYear(Rule(last_monday, HolidayPolicy::kNextBusinessDay, true), 2025, calendar);
  ASSERT_TRUE(moved.ok());
  const PlannedDay* d = Find(*moved, {2026, 1, 5});
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->moved_from, (Date{2025, 12, 29}));
  EXPECT_EQ(d->note_key, "schedule.moved_closure");

  // 第1金曜 2026-01-02 is in the closure only when the closure is on.
  EXPECT_EQ(Generate(Rule({{1, kFriday}}), 2025, calendar).size(), 12u);
  const auto fridays = Generate(Rule({{1, kFriday}}, HolidayPolicy::kSkip, true), 2025, calendar);
  EXPECT_EQ(fridays.size(), 11u);
  EXPECT_EQ(std::find(fridays.begin(), fridays.end(), Date{2026, 1, 2}), fridays.end());
}

TEST(GenerateFiscalYearTest, MovedDayLandingOnAPlannedDayIsMergedIntoIt) {
  const HolidayCalendar calendar = Sample();
  // 最終月曜 2025-12-29 (closure) moves to 2026-01-05, which is already January's 第1月曜.
  auto plan = PlanFiscalYear(
      Rule({{1, kMonday}, {kLastOccurrence, kMonday}}, HolidayPolicy::kNextBusinessDay, true), 2025,
      calendar);
  ASSERT_TRUE(plan.ok());
  const PlannedDay* kept = Find(plan->days, {2026, 1, 5});
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->moved_from, std::nullopt);  // it is held on its own date
  EXPECT_EQ(kept->note_key, "schedule.merged_moved_day");
  bool reported = false;
  for (const SkippedDay& s : plan->skipped) {
    if (s.date == Date{2025, 12, 29}) {
      reported = true;
      EXPECT_EQ(s.would_move_to, (Date{2026, 1, 5}));
      EXPECT_EQ(s.note_key, "schedule.skipped_collision");
    }
  }
  EXPECT_TRUE(reported);

  // Two moved days meeting: 2025-05-05 (第1月曜) and 2025-05-06 (第1火曜) both move to 5/7;
  // the earlier rule date keeps it.
  auto gw = PlanFiscalYear(Rule({{1, kMonday}, {1, kTuesday}}, HolidayPolicy::kNextBusinessDay),
                           2025, calendar);
  ASSERT_TRUE(gw.ok());
  const PlannedDay* may7 = Find(gw->days, {2025, 5, 7});
  ASSERT_NE(may7, nullptr);
  EXPECT_EQ(may7->moved_from, (Date{2025, 5, 5}));
  EXPECT_EQ(may7->note_key, "schedule.merged_moved_day");
  ASSERT_FALSE(gw->skipped.empty());
  EXPECT_EQ(gw->skipped.front(),
            (SkippedDay{{2025, 5, 6}, Date{2025, 5, 7}, "schedule.skipped_collision"}));
}

TEST(GenerateFiscalYearTest, FifthWeekdayOnlyInMonthsThatHaveOne) {
  const HolidayCalendar calendar = Sample();
  const std::vector<Date> fifth_thursdays = {
      {2025, 5, 29}, {2025, 7, 31}, {2025, 10, 30}, {2026, 1, 29}};
  EXPECT_EQ(Generate(Rule({{5, kThursday}}), 2025, calendar), fifth_thursdays);
}

TEST(GenerateFiscalYearTest, LastWeekdayEveryMonthAndNoDuplicates) {
  const HolidayCalendar calendar = Sample();
  const std::vector<Date> last_fridays = {
      {2025, 4, 25},  {2025, 5, 30},  {2025, 6, 27},  {2025, 7, 25}, {2025, 8, 29}, {2025, 9, 26},
      {2025, 10, 31}, {2025, 11, 28}, {2025, 12, 26}, {2026, 1, 30}, {2026, 2, 27}, {2026, 3, 27}};
  EXPECT_EQ(Generate(Rule({{kLastOccurrence, kFriday}}), 2025, calendar), last_fridays);
  // 第5木曜 is the 最終木曜 whenever it exists: one day, not two.
  const auto thursdays =
      Generate(Rule({{5, kThursday}, {kLastOccurrence, kThursday}}), 2025, calendar);
  EXPECT_EQ(thursdays.size(), 12u);
  // The same occurrence twice is one day too.
  EXPECT_EQ(Generate(Rule({{2, kThursday}, {2, kThursday}}), 2025, calendar).size(), 12u);
}

TEST(GenerateFiscalYearTest, DaysAreSortedUniqueInsideTheYearAndNeverOnAClosedDay) {
  const HolidayCalendar calendar = Sample();
  const std::vector<std::vector<MonthlyOccurrence>> rules = {
      {{2, kThursday}, {4, kTuesday}},
      {{1, kMonday}, {kLastOccurrence, kMonday}, {3, kMonday}},
      {{1, kFriday}, {1, kMonday}, {1, kTuesday}, {1, kWednesday}, {1, kThursday}},
      {{5, kWednesday}, {kLastOccurrence, kWednesday}, {4, kWednesday}}};
  for (int fy : {2025, 2026}) {
    for (const auto& occurrences : rules) {
      for (HolidayPolicy policy : {HolidayPolicy::kSkip, HolidayPolicy::kNextBusinessDay,
                                   HolidayPolicy::kPreviousBusinessDay}) {
        for (bool closure : {false, true}) {
          auto days = GenerateFiscalYear(Rule(occurrences, policy, closure), fy, calendar);
          ASSERT_TRUE(days.ok());
          for (std::size_t i = 0; i < days->size(); ++i) {
            const Date d = (*days)[i].date;
            if (i > 0) {
              EXPECT_LT((*days)[i - 1].date, d);
            }
            EXPECT_GE(d, core::FiscalYearStart(fy));
            EXPECT_LE(d, core::FiscalYearEnd(fy));
            EXPECT_FALSE(calendar.IsHoliday(d)) << d;
            if (closure) {
              EXPECT_FALSE(IsYearEndClosure(d)) << d;
            }
            const std::string& note = (*days)[i].note_key;
            if (note.empty()) {
              EXPECT_FALSE((*days)[i].moved_from.has_value()) << d;
            }
            if (note == "schedule.moved_holiday" || note == "schedule.moved_closure") {
              EXPECT_TRUE((*days)[i].moved_from.has_value()) << d;
            }
          }
        }
      }
    }
  }
}

TEST(GenerateFiscalYearTest, AMoveThatLeavesTheFiscalYearIsDropped) {
  // A made-up holiday on the last Tuesday of FY2025 (2026-03-31) and one on its first day.
  auto calendar = HolidayCalendar::Parse(R"({"source": "test", "first": "2025-01-01",
      "last": "2026-12-31", "holidays": {
        "2025-04-01": {"name": "x", "name_en": "x"},
        "2026-03-31": {"name": "y", "name_en": "y"}}})");
  ASSERT_TRUE(calendar.ok());
  const std::vector<MonthlyOccurrence> tuesdays = {{1, kTuesday}, {kLastOccurrence, kTuesday}};

  auto next = PlanFiscalYear(Rule(tuesdays, HolidayPolicy::kNextBusinessDay), 2025, *calendar);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->days.front().date, (Date{2025, 4, 2}));
  EXPECT_EQ(next->days.back().date, (Date{2026, 3, 3}));
  ASSERT_EQ(next->skipped.size(), 1u);
  EXPECT_EQ(next->skipped[0],
            (SkippedDay{{2026, 3, 31}, Date{2026, 4, 1}, "schedule.skipped_outside_year"}));

  auto previous =
      PlanFiscalYear(Rule(tuesdays, HolidayPolicy::kPreviousBusinessDay), 2025, *calendar);
  ASSERT_TRUE(previous.ok());
  EXPECT_EQ(previous->days.front().date, (Date{2025, 4, 29}));
  EXPECT_EQ(previous->days.back().date, (Date{2026, 3, 30}));
  ASSERT_EQ(previous->skipped.size(), 1u);
  EXPECT_EQ(previous->skipped[0],
            (SkippedDay{{2025, 4, 1}, Date{2025, 3, 31}, "schedule.skipped_outside_year"}));
}

TEST(GenerateFiscalYearTest, RefusesYearsBeyondTheHolidayData) {
  const HolidayCalendar calendar = Sample();  // FY2025 and FY2026 only
  for (int fy : {2024, 2027, 0, -1, 1, 9999, INT_MIN, INT_MAX}) {
    auto days = GenerateFiscalYear(SeedRule(HolidayPolicy::kSkip), fy, calendar);
    ASSERT_FALSE(days.ok()) << fy;
    EXPECT_EQ(days.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(days.error().message_key, "schedule.error.outside_holiday_data");
    ASSERT_EQ(days.error().fields.size(), 1u);
    EXPECT_EQ(days.error().fields[0].field, "fiscal_year");
  }
  EXPECT_TRUE(GenerateFiscalYear(SeedRule(HolidayPolicy::kSkip), 2026, calendar).ok());
}

TEST(GenerateFiscalYearTest, RejectsInvalidRules) {
  const HolidayCalendar calendar = Sample();
  struct Case {
    ScheduleRule rule;
    std::string key;
    std::string field;
  };
  const Case cases[] = {
      {Rule({}), "schedule.error.no_occurrence", "occurrences"},
      {Rule({{0, kMonday}}), "schedule.error.invalid_occurrence", "occurrences"},
      {Rule({{6, kMonday}}), "schedule.error.invalid_occurrence", "occurrences"},
      {Rule({{-2, kMonday}}), "schedule.error.invalid_occurrence", "occurrences"},
      {Rule({{1, 7}}), "schedule.error.invalid_occurrence", "occurrences"},
      {Rule({{1, kMonday}, {1, -1}}), "schedule.error.invalid_occurrence", "occurrences"},
      {{{{1, kMonday}}, -1, 60, HolidayPolicy::kSkip, false},
       "schedule.error.invalid_time",
       "start_minutes"},
      {{{{1, kMonday}}, 1440, 1500, HolidayPolicy::kSkip, false},
       "schedule.error.invalid_time",
       "start_minutes"},
      {{{{1, kMonday}}, 1080, 1080, HolidayPolicy::kSkip, false},
       "schedule.error.invalid_time",
       "end_minutes"},
      {{{{1, kMonday}}, 1080, 1020, HolidayPolicy::kSkip, false},
       "schedule.error.invalid_time",
       "end_minutes"},
      {{{{1, kMonday}}, 1080, 1441, HolidayPolicy::kSkip, false},
       "schedule.error.invalid_time",
       "end_minutes"},
  };
  for (const Case& c : cases) {
    auto days = GenerateFiscalYear(c.rule, 2025, calendar);
    ASSERT_FALSE(days.ok()) << c.key << " " << c.field;
    EXPECT_EQ(days.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(days.error().message_key, c.key);
    ASSERT_EQ(days.error().fields.size(), 1u);
    EXPECT_EQ(days.error().fields[0].field, c.field);
  }
  // Up to midnight is allowed.
  EXPECT_TRUE(ValidateRule({{{1, kMonday}}, 0, 1440, HolidayPolicy::kSkip, false}).ok());
}

// Only this module's catalogue files, so the test does not depend on the rest of web/messages.
core::Catalog ScheduleCatalog() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("tsunagu_schedule_rule_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const char* name : {"ja.schedule.toml", "en.schedule.toml"}) {
    std::filesystem::copy_file(
        std::filesystem::path(tsunagu::core::SourceDir()) / "web/messages" / name, dir / name,
        std::filesystem::copy_options::overwrite_existing);
  }
  auto catalog = core::Catalog::LoadDirectory(dir);
  std::filesystem::remove_all(dir);
  EXPECT_TRUE(catalog.ok());
  return std::move(catalog).value();
}

TEST(DescribeRuleTest, WordsTheRuleInBothLanguages) {
  const core::Catalog catalog = ScheduleCatalog();
  const ScheduleRule seed = SeedRule(HolidayPolicy::kNextBusinessDay);
  EXPECT_EQ(DescribeRule(seed, "ja", catalog), "毎月第2木曜日と第4火曜日 18:00〜21:00");
  EXPECT_EQ(DescribeRule(seed, "en", catalog),
            "2nd Thursday and 4th Tuesday of every month, 18:00–21:00");

  const ScheduleRule three{{{1, kMonday}, {3, kWednesday}, {kLastOccurrence, kFriday}},
                           9 * 60 + 30,
                           12 * 60,
                           HolidayPolicy::kSkip,
                           true};
  EXPECT_EQ(DescribeRule(three, "ja", catalog),
            "毎月第1月曜日、第3水曜日と最終金曜日 09:30〜12:00");
  EXPECT_EQ(DescribeRule(three, "en", catalog),
            "1st Monday, 3rd Wednesday and last Friday of every month, 09:30–12:00");
  EXPECT_EQ(DescribeRule(Rule({{5, kSunday}}), "en", catalog),
            "5th Sunday of every month, 18:00–21:00");

  EXPECT_EQ(DescribeHolidayHandling(seed, "ja", catalog), "祝日の場合は翌平日に振替");
  EXPECT_EQ(DescribeHolidayHandling(three, "ja", catalog),
            "祝日の場合は休止（年末年始 12月29日〜1月3日も同様）");
  EXPECT_EQ(DescribeHolidayHandling(three, "en", catalog),
            "Not held on public holidays (the same for the year-end closure, 29 December–3 "
            "January)");
  EXPECT_TRUE(catalog.UnresolvedKeys().empty());
}

TEST(DescribeRuleTest, CatalogueIsCompleteInEnglish) {
  const core::Catalog catalog = ScheduleCatalog();
  EXPECT_TRUE(catalog.MissingKeys("en").empty());
  EXPECT_TRUE(catalog.PlaceholderMismatches("en").empty());
  for (const std::string_view key :
       {kNoteMovedHoliday, kNoteMovedClosure, kNoteMergedMovedDay, kNoteSkippedHoliday,
        kNoteSkippedClosure, kNoteSkippedCollision, kNoteSkippedOutsideYear}) {
    EXPECT_TRUE(catalog.Has("ja", key)) << key;
  }
  for (const char* key : {"schedule.error.no_occurrence", "schedule.error.invalid_occurrence",
                          "schedule.error.invalid_time", "schedule.error.outside_holiday_data"}) {
    EXPECT_TRUE(catalog.Has("ja", key)) << key;
  }
}

TEST(FormatMinutesTest, PadsHoursAndMinutes) {
  EXPECT_EQ(FormatMinutes(0), "00:00");
  EXPECT_EQ(FormatMinutes(18 * 60), "18:00");
  EXPECT_EQ(FormatMinutes(9 * 60 + 5), "09:05");
  EXPECT_EQ(FormatMinutes(1440), "24:00");
}

}  // namespace
}  // namespace tsunagu::consultations
