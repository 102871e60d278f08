#include "consultations/schedule_rule.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

namespace tsunagu::consultations {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

bool IsValidOccurrence(MonthlyOccurrence o) {
  const bool nth_ok = (o.nth >= 1 && o.nth <= 5) || o.nth == kLastOccurrence;
  return nth_ok && o.weekday >= 0 && o.weekday <= 6;
}

// Why a rule date cannot be held as it is, if it cannot.
enum class Closed { kOpen, kHoliday, kYearEnd };

Closed ClosedReason(core::Date d, const ScheduleRule& rule, const HolidayCalendar& calendar) {
  if (calendar.IsHoliday(d)) return Closed::kHoliday;
  if (rule.closed_year_end && IsYearEndClosure(d)) return Closed::kYearEnd;
  return Closed::kOpen;
}

// The nearest business day after (step +1) or before (step −1) `d`, or nullopt once the search
// leaves [from, to]. Terminates: at most a few days of any week are closed, and the bounds stop
// the walk either way.
std::optional<core::Date> NearestBusinessDay(core::Date d, int step, core::Date from, core::Date to,
                                             const ScheduleRule& rule,
                                             const HolidayCalendar& calendar) {
  for (core::Date c = core::AddDays(d, step); from <= c && c <= to; c = core::AddDays(c, step)) {
    if (calendar.IsBusinessDay(c, rule.closed_year_end)) return c;
  }
  return std::nullopt;
}

std::string Ordinal(int nth, std::string_view lang, const core::Catalog& catalog) {
  const std::string suffix = nth == kLastOccurrence ? "last" : std::to_string(nth);
  return catalog.Get(lang, "schedule.ordinal." + suffix);
}

}  // namespace

core::Status ValidateRule(const ScheduleRule& rule) {
  if (rule.occurrences.empty()) {
    return core::Error::Invalid("schedule.error.no_occurrence",
                                {{"occurrences", "schedule.error.no_occurrence"}});
  }
  for (const MonthlyOccurrence& o : rule.occurrences) {
    if (!IsValidOccurrence(o)) {
      return core::Error::Invalid("schedule.error.invalid_occurrence",
                                  {{"occurrences", "schedule.error.invalid_occurrence"}});
    }
  }
  if (rule.start_minutes < 0 || rule.start_minutes >= kMinutesPerDay) {
    return core::Error::Invalid("schedule.error.invalid_time",
                                {{"start_minutes", "schedule.error.invalid_time"}});
  }
  if (rule.end_minutes <= rule.start_minutes || rule.end_minutes > kMinutesPerDay) {
    return core::Error::Invalid("schedule.error.invalid_time",
                                {{"end_minutes", "schedule.error.invalid_time"}});
  }
  return core::OkStatus();
}

std::optional<core::Date> OccurrenceInMonth(int year, int month, MonthlyOccurrence occurrence) {
  if (!IsValidOccurrence(occurrence) || !core::IsValidDate({year, month, 1})) return std::nullopt;
  const int days_in_month = core::DaysInMonth(year, month);
  if (occurrence.nth == kLastOccurrence) {
    const core::Date last{year, month, days_in_month};
    const int back = (core::Weekday(last) - occurrence.weekday + 7) % 7;
    return core::Date{year, month, days_in_month - back};
  }
  const int first_weekday = core::Weekday({year, month, 1});
  const int day = 1 + (occurrence.weekday - first_weekday + 7) % 7 + 7 * (occurrence.nth - 1);
  if (day > days_in_month) return std::nullopt;
  return core::Date{year, month, day};
}

core::Result<FiscalYearPlan> PlanFiscalYear(const ScheduleRule& rule, int fiscal_year,
                                            const HolidayCalendar& calendar) {
  if (core::Status s = ValidateRule(rule); !s) return s.error();
  // Checked before FiscalYearStart so an absurd year cannot reach date arithmetic.
  if (fiscal_year < calendar.First().year - 1 || fiscal_year > calendar.Last().year) {
    return core::Error::Invalid("schedule.error.outside_holiday_data",
                                {{"fiscal_year", "schedule.error.outside_holiday_data"}});
  }
  const core::Date from = core::FiscalYearStart(fiscal_year);
  const core::Date to = core::FiscalYearEnd(fiscal_year);
  if (!calendar.Covers(from, to)) {
    return core::Error::Invalid("schedule.error.outside_holiday_data",
                                {{"fiscal_year", "schedule.error.outside_holiday_data"}});
  }

  // Every rule date once: two occurrences can name the same day (第5火曜 and 最終火曜).
  std::vector<core::Date> rule_dates;
  for (core::Date month = from; month <= to;
       month = month.month == 12 ? core::Date{month.year + 1, 1, 1}
                                 : core::Date{month.year, month.month + 1, 1}) {
    for (const MonthlyOccurrence& o : rule.occurrences) {
      if (auto d = OccurrenceInMonth(month.year, month.month, o)) rule_dates.push_back(*d);
    }
  }
  std::sort(rule_dates.begin(), rule_dates.end());
  rule_dates.erase(std::unique(rule_dates.begin(), rule_dates.end()), rule_dates.end());

  std::map<core::Date, PlannedDay> planned;
  FiscalYearPlan plan;
  struct Move {
    core::Date from;
    core::Date to;
    Closed reason;
  };
  std::vector<Move> moves;

  // Days held on their own date come first, so that a moved day never displaces one of them.
  for (const core::Date d : rule_dates) {
    const Closed reason = ClosedReason(d, rule, calendar);
    if (reason == Closed::kOpen) {
      planned.emplace(d, PlannedDay{d, rule.start_minutes, rule.end_minutes, std::nullopt, ""});
      continue;
    }
    if (rule.on_holiday == HolidayPolicy::kSkip) {
      plan.skipped.push_back(SkippedDay{
          d, std::nullopt,
          std::string(reason == Closed::kHoliday ? kNoteSkippedHoliday : kNoteSkippedClosure)});
      continue;
    }
    const int step = rule.on_holiday == HolidayPolicy::kNextBusinessDay ? 1 : -1;
    // Searched within the data's range, so the answer is one the calendar can vouch for; a day
    // beyond the fiscal year is then dropped below.
    const auto target =
        NearestBusinessDay(d, step, calendar.First(), calendar.Last(), rule, calendar);
    if (!target || *target < from || to < *target) {
      plan.skipped.push_back(SkippedDay{d, target, std::string(kNoteSkippedOutsideYear)});
      continue;
    }
    moves.push_back(Move{d, *target, reason});
  }

  // In date order, so when two moved days meet, the earlier rule date keeps the day.
  for (const Move& m : moves) {
    if (const auto it = planned.find(m.to); it != planned.end()) {
      it->second.note_key = kNoteMergedMovedDay;
      plan.skipped.push_back(SkippedDay{m.from, m.to, std::string(kNoteSkippedCollision)});
      continue;
    }
    planned.emplace(m.to,
                    PlannedDay{m.to, rule.start_minutes, rule.end_minutes, m.from,
                               std::string(m.reason == Closed::kHoliday ? kNoteMovedHoliday
                                                                        : kNoteMovedClosure)});
  }

  plan.days.reserve(planned.size());
  for (auto& [date, day] : planned) plan.days.push_back(std::move(day));
  std::sort(plan.skipped.begin(), plan.skipped.end(),
            [](const SkippedDay& a, const SkippedDay& b) { return a.date < b.date; });
  return plan;
}

core::Result<std::vector<PlannedDay>> GenerateFiscalYear(const ScheduleRule& rule, int fiscal_year,
                                                         const HolidayCalendar& calendar) {
  auto plan = PlanFiscalYear(rule, fiscal_year, calendar);
  if (!plan.ok()) return plan.error();
  return std::move(plan.value().days);
}

std::string FormatMinutes(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::string DescribeRule(const ScheduleRule& rule, std::string_view lang,
                         const core::Catalog& catalog) {
  std::vector<std::string> items;
  for (const MonthlyOccurrence& o : rule.occurrences) {
    if (!IsValidOccurrence(o)) continue;
    items.push_back(catalog.Format(
        lang, "schedule.occurrence",
        {{"ordinal", Ordinal(o.nth, lang, catalog)},
         {"weekday", catalog.Get(lang, "schedule.weekday." + std::to_string(o.weekday))}}));
  }
  std::string days;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      days += catalog.Get(
          lang, i + 1 == items.size() ? "schedule.list.last_separator" : "schedule.list.separator");
    }
    days += items[i];
  }
  return catalog.Format(lang, "schedule.describe",
                        {{"days", days},
                         {"start", FormatMinutes(rule.start_minutes)},
                         {"end", FormatMinutes(rule.end_minutes)}});
}

std::string DescribeHolidayHandling(const ScheduleRule& rule, std::string_view lang,
                                    const core::Catalog& catalog) {
  std::string_view key = "schedule.holiday_policy.skip";
  if (rule.on_holiday == HolidayPolicy::kNextBusinessDay) {
    key = "schedule.holiday_policy.next_business_day";
  } else if (rule.on_holiday == HolidayPolicy::kPreviousBusinessDay) {
    key = "schedule.holiday_policy.previous_business_day";
  }
  std::string policy = catalog.Get(lang, key);
  if (!rule.closed_year_end) return policy;
  return catalog.Format(lang, "schedule.holiday_policy.with_year_end_closure",
                        {{"policy", std::move(policy)}});
}

}  // namespace tsunagu::consultations
