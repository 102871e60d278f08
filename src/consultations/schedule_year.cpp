#include "consultations/schedule_year.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "consultations/day_rows.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {
namespace {

using storage::GetInt;
using storage::GetText;

// "occurrences" for the first rule, "p2_occurrences" for the second, …
std::string PeriodField(std::size_t period, const std::string& field) {
  return period == 0 ? field : "p" + std::to_string(period + 1) + "_" + field;
}

// The tables that keep a day's history: a day with a row in one of them is never removed.
constexpr const char* kDayInUse =
    "(EXISTS (SELECT 1 FROM booking b WHERE b.day_id = d.id) OR EXISTS (SELECT 1 FROM "
    "day_staff ds WHERE ds.day_id = d.id) OR EXISTS (SELECT 1 FROM day_notice dn WHERE "
    "dn.day_id = d.id) OR EXISTS (SELECT 1 FROM consultation_record cr WHERE cr.day_id = d.id) OR "
    "EXISTS (SELECT 1 FROM public_booking_address pa WHERE pa.day_id = d.id))";

// April is 0, March 11.
int FiscalMonthIndex(int month) {
  return (month + 8) % 12;
}

bool ValidMonths(const SchedulePeriod& p) {
  return p.from_month >= 1 && p.from_month <= 12 && p.to_month >= 1 && p.to_month <= 12 &&
         FiscalMonthIndex(p.from_month) <= FiscalMonthIndex(p.to_month);
}

}  // namespace

const HolidayCalendar* LoadedHolidays(const std::string& data_dir) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<HolidayCalendar>> loaded;
  const std::string path = data_dir + "/holidays/holidays.json";
  std::lock_guard<std::mutex> lock(mutex);
  auto& calendar = loaded[path];
  if (!calendar) {
    auto read = HolidayCalendar::LoadFile(path);
    if (!read) return nullptr;
    calendar = std::make_unique<HolidayCalendar>(std::move(*read));
  }
  return calendar.get();
}

bool PeriodCoversMonth(const SchedulePeriod& period, int month) {
  const int m = FiscalMonthIndex(month);
  return FiscalMonthIndex(period.from_month) <= m && m <= FiscalMonthIndex(period.to_month);
}

core::Result<YearPlan> YearScheduler::PlanYear(const std::vector<SchedulePeriod>& periods,
                                               int fiscal_year) {
  std::vector<core::FieldError> errors;
  auto add = [&](std::size_t i, const core::FieldError& e) {
    errors.push_back({PeriodField(i, e.field), e.message_key});
  };
  if (periods.empty()) {
    return core::Error::Invalid("error.form", {{"occurrences", "schedule.error.no_occurrence"}});
  }
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const SchedulePeriod& p = periods[i];
    for (const auto& e : ConsultationService::ValidateSettings(p.settings)) add(i, e);
    if (!ValidMonths(p)) add(i, {"from_month", "schedule2.error.months"});
    if (auto ok = ValidateRule(p.rule); !ok) {
      for (const auto& e : ok.error().fields) add(i, e);
      // ValidateRule stops at the occurrences; the times and months are checked too, with a
      // stand-in occurrence, so one round trip shows every problem.
      if (!ok.error().fields.empty() && ok.error().fields.front().field == "occurrences") {
        ScheduleRule rest = p.rule;
        rest.occurrences = {MonthlyOccurrence{1, 1}};
        if (auto rest_ok = ValidateRule(rest); !rest_ok) {
          for (const auto& e : rest_ok.error().fields) add(i, e);
        }
      }
    } else if (SlotTimes(p.rule.start_minutes, p.rule.end_minutes, p.settings).empty()) {
      add(i, {"slot_minutes", "days.error.no_slot_fits"});
    }
    for (std::size_t j = 0; j < i && ValidMonths(p); ++j) {
      for (int month = 1; month <= 12; ++month) {
        if (PeriodCoversMonth(p, month) && PeriodCoversMonth(periods[j], month)) {
          add(i, {"from_month", "schedule2.error.overlap"});
          month = 13;
          j = i;
        }
      }
    }
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);

  YearPlan plan;
  std::map<core::Date, YearPlanDay> by_date;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    auto one = PlanFiscalYear(periods[i].rule, fiscal_year, holidays_);
    if (!one) return one.error();
    // Only the rule dates in the period's months; a day moved off a holiday belongs to the
    // month of its rule date. One moved onto another rule's day: the day already planned stays.
    for (const PlannedDay& d : one->days) {
      if (!PeriodCoversMonth(periods[i], d.moved_from.value_or(d.date).month)) continue;
      by_date.emplace(d.date, YearPlanDay{d, i});
    }
    for (const SkippedDay& s : one->skipped) {
      if (PeriodCoversMonth(periods[i], s.date.month)) plan.skipped.push_back(s);
    }
  }
  for (auto& [date, day] : by_date) plan.days.push_back(std::move(day));
  std::sort(plan.skipped.begin(), plan.skipped.end(),
            [](const SkippedDay& a, const SkippedDay& b) { return a.date < b.date; });
  return plan;
}

void YearScheduler::CompareWithExisting(soci::session& s, std::int64_t program_id, int fiscal_year,
                                        const std::vector<SchedulePeriod>& periods,
                                        YearPlan& plan) {
  std::set<std::string> planned;
  for (const YearPlanDay& d : plan.days) {
    planned.insert(core::ToIso(d.day.date));
    if (d.day.moved_from) planned.insert(core::ToIso(*d.day.moved_from));
  }
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  const core::Date first = std::max(today, core::FiscalYearStart(fiscal_year));
  const std::string from = core::ToIso(first);
  const std::string to = core::ToIso(core::FiscalYearEnd(fiscal_year));
  long long pid = program_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT d.id, d.day_date, d.start_minutes, d.end_minutes, d.venue, "
                    "COALESCE(d.moved_from, ''), "
                 << kDayInUse
                 << ", (SELECT COUNT(*) FROM booking b WHERE b.day_id = d.id AND b.status <> "
                    "'cancelled') FROM consultation_day d WHERE d.program_id = :p AND "
                    "d.status = 'scheduled' AND d.day_date BETWEEN :a AND :b ORDER BY d.day_date",
       soci::use(pid), soci::use(from), soci::use(to));
  for (const auto& r : rows) {
    const std::string date_text = GetText(r, 1);
    const std::string moved_from = GetText(r, 5);
    if (planned.count(date_text) || (!moved_from.empty() && planned.count(moved_from))) continue;
    const auto date = core::ParseIsoDate(date_text);
    if (!date) continue;
    // Only the months the rules cover are theirs to change.
    bool covered = false;
    for (const auto& p : periods) covered = covered || PeriodCoversMonth(p, date->month);
    if (!covered) continue;
    ExistingDay day{GetInt(r, 0),
                    *date,
                    static_cast<int>(GetInt(r, 2)),
                    static_cast<int>(GetInt(r, 3)),
                    GetText(r, 4),
                    static_cast<int>(GetInt(r, 7))};
    (GetInt(r, 6) != 0 ? plan.kept : plan.removed).push_back(std::move(day));
  }
}

core::Result<YearPlan> YearScheduler::Preview(const auth::Principal& who, std::int64_t program_id,
                                              const std::vector<SchedulePeriod>& periods,
                                              int fiscal_year) {
  auto program = consultations_.GetProgram(who, program_id);
  if (!program) return program.error();
  auto plan = PlanYear(periods, fiscal_year);
  if (!plan) return plan.error();
  return db_.Read<YearPlan>([&](soci::session& s) {
    YearPlan out = *plan;
    CompareWithExisting(s, program_id, fiscal_year, periods, out);
    return out;
  });
}

core::Result<YearGenerationResult> YearScheduler::Generate(
    const auth::Principal& who, const audit::Actor& actor, std::int64_t program_id,
    const std::vector<SchedulePeriod>& periods, int fiscal_year) {
  auto program = consultations_.GetProgram(who, program_id);
  if (!program) return program.error();
  auto plan = PlanYear(periods, fiscal_year);
  if (!plan) return plan.error();
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<YearGenerationResult>([&](soci::session& s) {
    YearGenerationResult result;
    YearPlan year = *plan;
    long long pid = program_id;
    // The removals first, decided inside this transaction: a booking that committed a moment
    // ago keeps its day. Each day is locked by its delete, so a booking waits and then fails.
    CompareWithExisting(s, program_id, fiscal_year, periods, year);
    for (const ExistingDay& d : year.removed) {
      long long id = d.id;
      // Its slots locked first (as a day being cancelled does), then checked again: a booking
      // that was waiting for them commits before this reads, and the day is kept.
      s << "UPDATE consultation_slot SET booked = booked WHERE day_id = :d", soci::use(id);
      int in_use = 0;
      s << "SELECT COUNT(*) FROM consultation_day d WHERE d.id = :d AND " << kDayInUse,
          soci::use(id), soci::into(in_use);
      if (in_use > 0) {
        year.kept.push_back(d);
        continue;
      }
      s << "DELETE FROM consultation_slot WHERE day_id = :d", soci::use(id);
      s << "DELETE FROM consultation_day WHERE id = :d", soci::use(id);
      ++result.removed;
    }
    result.kept = static_cast<int>(year.kept.size());
    for (const YearPlanDay& planned : year.days) {
      const PlannedDay& day = planned.day;
      std::string date = core::ToIso(day.date);
      std::string from = day.moved_from ? core::ToIso(*day.moved_from) : date;
      int existing = 0;
      s << "SELECT COUNT(*) FROM consultation_day WHERE program_id = :p AND (day_date = :d OR "
           "moved_from = :d2 OR moved_from = :planned)",
          soci::use(pid), soci::use(date), soci::use(date), soci::use(from), soci::into(existing);
      if (existing > 0) {
        ++result.already_there;
        continue;
      }
      InsertDayWithSlots(s, program_id, day.date, day.start_minutes, day.end_minutes,
                         day.moved_from, periods[planned.period].settings, clock_.NowSeconds());
      ++result.created;
    }
    audit::AuditLog::Append(
        s, actor,
        {"consultation_day.generate_year", "program", std::to_string(program_id),
         "{\"fiscal_year\":" + std::to_string(fiscal_year) + ",\"rules\":" +
             std::to_string(periods.size()) + ",\"created\":" + std::to_string(result.created) +
             ",\"removed\":" + std::to_string(result.removed) +
             ",\"kept\":" + std::to_string(result.kept) + "}",
         program->organization_id},
        now);
    return result;
  });
}

}  // namespace tsunagu::consultations
