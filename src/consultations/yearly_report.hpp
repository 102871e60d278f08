// The programme's yearly report (seed 000): the per-day table, totals against targets with
// progress rates, topics and follow-up distributions, and the questionnaire's results, all
// computed from raw records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// One row of seed 000's table: 第n回 <date> 相談員n名 相談者数n件.
struct ReportDay {
  int number = 0;  // 回, over the year's days that are not cancelled, in date order
  std::int64_t day_id = 0;
  core::Date date;
  std::int64_t staff = 0;          // rows of day_staff, else the 相談員数 of an imported day
  std::int64_t consultations = 0;  // bookings with status 'attended'
  bool held = false;               // on or before today (later days are still planned)
};

struct CodeTotal {
  std::string code;
  std::int64_t count = 0;
};

struct YearlyReport {
  Program program;
  int fiscal_year = 0;
  std::vector<ReportDay> days;
  std::int64_t days_held = 0;
  std::int64_t consultations = 0;  // attended bookings of the year
  std::int64_t placements = 0;     // records with outcome 'job_decided'
  std::optional<Target> target;
  std::int64_t records = 0;
  std::int64_t missing_records = 0;  // attended without a record yet
  // In code-table order, zero counts included.
  std::vector<CodeTotal> topics;      // kRecordTopics; a record may count under several
  std::vector<CodeTotal> follow_ups;  // kFollowUps
  std::vector<CodeTotal> outcomes;    // kOutcomes, then "" for records without one
  std::vector<CodeTotal> channels;    // kChannels, of attended bookings
  // Hand-offs to the 両立支援促進員 made from the year's records and accepted by the centre
  // (CountHandoffs), walk-ins guided to another window (CountGuidedElsewhere).
  std::int64_t handoffs_made = 0;
  std::int64_t handoffs_accepted = 0;
  std::int64_t guided_elsewhere = 0;
  std::vector<CodeTotal> modes;      // kDayModes: how each attended consultation was held
  std::vector<CodeTotal> day_modes;  // kDayModes: attended consultations by the kind of day
  // Further yearly counts go below, one field each, with their line in handlers/report.cpp
  // (Totals for counts against a target, Rates for shares, Distributions for tables).
};

class ReportService {
 public:
  ReportService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // The 事務局's report of one programme year (Policy::CanCoordinate on the host
  // organisation; kNotFound for another organisation's programme). Aggregated in SQL: counts
  // per day through indexes, and one GROUP BY over the records' code lists that returns one
  // row per distinct combination, so it stays fast on a million records.
  core::Result<YearlyReport> Build(const auth::Principal& who, std::int64_t program_id,
                                   int fiscal_year);
  // Writes the "report.export" audit event for a download (format "csv" or "xlsx"), after the
  // same organisation check as Build.
  core::Status RecordExport(const auth::Principal& who, const audit::Actor& actor,
                            std::int64_t program_id, int fiscal_year, const std::string& format);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace tsunagu::consultations
