// Recurring consultation days (「毎月第2木曜と第4火曜 18:00–21:00」) expanded into the dates of one
// 年度, with public holidays and the optional year-end closure skipped or moved.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "consultations/holidays.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"

namespace tsunagu::consultations {

inline constexpr int kLastOccurrence = -1;

// 第n X曜日 of a month.
struct MonthlyOccurrence {
  int nth = 1;      // 1..5, or kLastOccurrence (最終)
  int weekday = 0;  // 0 = Sunday … 6 = Saturday (core::Weekday)

  friend bool operator==(const MonthlyOccurrence&, const MonthlyOccurrence&) = default;
};

// What happens to a rule day that is a public holiday (or, with closed_year_end, in 12/29–1/3).
// "Business day" is HolidayCalendar::IsBusinessDay: a weekday that is neither a holiday nor, when
// closed_year_end, in the closure. For a Saturday or Sunday rule kSkip is the sensible choice.
enum class HolidayPolicy { kSkip, kNextBusinessDay, kPreviousBusinessDay };

struct ScheduleRule {
  std::vector<MonthlyOccurrence> occurrences;
  int start_minutes = 0;  // minutes after midnight: 18:00 is 1080
  int end_minutes = 0;    // after start_minutes, at most 24:00 (1440)
  HolidayPolicy on_holiday = HolidayPolicy::kSkip;
  bool closed_year_end = false;  // treat 12/29–1/3 like a holiday (IsYearEndClosure)
};

// Note keys (message catalogue, web/messages/*.schedule.toml). A PlannedDay's key is empty for
// an ordinary rule day.
inline constexpr std::string_view kNoteMovedHoliday = "schedule.moved_holiday";  // {from}
inline constexpr std::string_view kNoteMovedClosure = "schedule.moved_closure";  // {from}
// A day moved off a holiday landed on this day, which was already planned: the two are one.
inline constexpr std::string_view kNoteMergedMovedDay = "schedule.merged_moved_day";
inline constexpr std::string_view kNoteSkippedHoliday = "schedule.skipped_holiday";
inline constexpr std::string_view kNoteSkippedClosure = "schedule.skipped_closure";
inline constexpr std::string_view kNoteSkippedCollision = "schedule.skipped_collision";  // {to}
inline constexpr std::string_view kNoteSkippedOutsideYear = "schedule.skipped_outside_year";

struct PlannedDay {
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  // Set exactly when the day was moved off a holiday or closure day (the rule's own date).
  std::optional<core::Date> moved_from;
  std::string note_key;  // empty, kNoteMovedHoliday, kNoteMovedClosure or kNoteMergedMovedDay

  friend bool operator==(const PlannedDay&, const PlannedDay&) = default;
};

// A rule date on which no day is held, so the coordinator's preview can say why.
struct SkippedDay {
  core::Date date;                          // the rule's date (a holiday or closure day)
  std::optional<core::Date> would_move_to;  // for kNoteSkippedCollision / kNoteSkippedOutsideYear
  std::string note_key;                     // one of the kNoteSkipped* keys

  friend bool operator==(const SkippedDay&, const SkippedDay&) = default;
};

struct FiscalYearPlan {
  std::vector<PlannedDay> days;     // sorted by date, no two on the same date
  std::vector<SkippedDay> skipped;  // sorted by date
};

// Invalid-input errors (message keys in the catalogue, field names of ScheduleRule):
//   schedule.error.no_occurrence      (field "occurrences")
//   schedule.error.invalid_occurrence (field "occurrences"): nth or weekday out of range
//   schedule.error.invalid_time       (field "start_minutes" or "end_minutes")
core::Status ValidateRule(const ScheduleRule& rule);

// The `occurrence` of year/month, or nullopt when the month has no such day (a fifth Tuesday)
// or the arguments are out of range.
std::optional<core::Date> OccurrenceInMonth(int year, int month, MonthlyOccurrence occurrence);

// Every day of 年度 `fiscal_year` (April 1 to March 31) the rule gives, holidays handled by
// rule.on_holiday. A moved day that would land on a day already planned is dropped (and the
// planned day says so), as is one that would leave the fiscal year. Refuses, with
// schedule.error.outside_holiday_data (field "fiscal_year"), a year the calendar does not cover,
// rather than plan days on holidays it cannot see.
core::Result<FiscalYearPlan> PlanFiscalYear(const ScheduleRule& rule, int fiscal_year,
                                            const HolidayCalendar& calendar);
// PlanFiscalYear's days only.
core::Result<std::vector<PlannedDay>> GenerateFiscalYear(const ScheduleRule& rule, int fiscal_year,
                                                         const HolidayCalendar& calendar);

// "18:00" for 1080; "24:00" for 1440.
std::string FormatMinutes(int minutes);

// 「毎月第2木曜日と第4火曜日 18:00〜21:00」 / "2nd Thursday and 4th Tuesday of every month,
// 18:00–21:00", worded by the catalogue's schedule.* keys. Occurrences are listed as given.
std::string DescribeRule(const ScheduleRule& rule, std::string_view lang,
                         const core::Catalog& catalog);
// 「祝日は翌開庁日に振替・年末年始（12月29日〜1月3日）は休止」: the rule's holiday handling.
std::string DescribeHolidayHandling(const ScheduleRule& rule, std::string_view lang,
                                    const core::Catalog& catalog);

}  // namespace tsunagu::consultations
