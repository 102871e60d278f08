// A year whose rule changes (issue 14, point 4; seed 000: 4〜9月は第2木・第4火、2階カンファレンス
// 室; 10〜3月は第2火・第4水、1階相談室): several rules over their months, each with its own days,
// times and venue, planned together, compared with the days the programme already has, and
// written so that booked days are never lost.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/consultation_service.hpp"
#include "consultations/holidays.hpp"
#include "consultations/model.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// One rule of a year, the months of the 年度 it covers (fiscal order: 4 … 12, 1 … 3, both
// included) and the settings of its days (venue, mode, booths, slots).
struct SchedulePeriod {
  ScheduleRule rule;
  DaySettings settings;
  int from_month = 4;
  int to_month = 3;
};

// Whether `month` (1–12) lies in the period, counted in fiscal order (April first).
bool PeriodCoversMonth(const SchedulePeriod& period, int month);

struct YearPlanDay {
  PlannedDay day;
  std::size_t period = 0;  // index into the periods
};

// A day the programme has that the rules no longer give.
struct ExistingDay {
  std::int64_t id = 0;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string venue;
  int booked = 0;  // bookings not cancelled
};

struct YearPlan {
  std::vector<YearPlanDay> days;     // sorted by date
  std::vector<SkippedDay> skipped;   // sorted by date
  std::vector<ExistingDay> kept;     // not given by the rules, kept: booked or staffed
  std::vector<ExistingDay> removed;  // not given by the rules, nobody booked: removed
};

struct YearGenerationResult {
  int created = 0;
  int already_there = 0;
  int removed = 0;
  int kept = 0;
};

class YearScheduler {
 public:
  YearScheduler(storage::Database& db, const core::Clock& clock, ConsultationService& consultations,
                const HolidayCalendar& holidays)
      : db_(db), clock_(clock), consultations_(consultations), holidays_(holidays) {}

  // The year's plan: the rules' days merged, and the programme's days from today on that the
  // rules no longer give, split into kept (booked or staffed) and removed. Field errors of the
  // second rule on are named "p<n>_<field>" (n from 2); rules whose months overlap, or months
  // out of fiscal order, are refused. NotFound for another organisation's programme.
  core::Result<YearPlan> Preview(const auth::Principal& who, std::int64_t program_id,
                                 const std::vector<SchedulePeriod>& periods, int fiscal_year);
  // Writes Preview's plan in one transaction: creates the missing days, removes the days
  // nobody is booked or rostered on that the rules no longer give, keeps the others. A past
  // day is never touched. Audited.
  core::Result<YearGenerationResult> Generate(const auth::Principal& who, const audit::Actor& actor,
                                              std::int64_t program_id,
                                              const std::vector<SchedulePeriod>& periods,
                                              int fiscal_year);

 private:
  core::Result<YearPlan> PlanYear(const std::vector<SchedulePeriod>& periods, int fiscal_year);
  void CompareWithExisting(soci::session& s, std::int64_t program_id, int fiscal_year,
                           const std::vector<SchedulePeriod>& periods, YearPlan& plan);

  storage::Database& db_;
  const core::Clock& clock_;
  ConsultationService& consultations_;
  const HolidayCalendar& holidays_;
};

// The holiday data of `data_dir` (data_dir/holidays/holidays.json, as the application loads it at
// start-up), read once and kept; nullptr when it cannot be read.
const HolidayCalendar* LoadedHolidays(const std::string& data_dir);

}  // namespace tsunagu::consultations
