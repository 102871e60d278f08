#include "consultations/yearly_report.hpp"

#include <array>
#include <map>
#include <string_view>

#include "consultations/calls.hpp"
#include "consultations/handoff.hpp"
#include "consultations/records.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {
namespace {

using storage::GetInt;
using storage::GetText;

// The year's days that count: the programme's, in the fiscal year, not cancelled.
constexpr const char* kYearDays =
    "SELECT id FROM consultation_day WHERE program_id = :p AND day_date BETWEEN :a AND :b AND "
    "status <> 'cancelled'";

// Adds n to every code of `codes` that appears in the comma list. Lists are written by
// RecordService::Save from the code table (no duplicates), so each record counts once per code.
template <std::size_t N>
void AddListCounts(const std::array<std::string_view, N>& codes, std::string_view list,
                   std::int64_t n, std::vector<CodeTotal>& totals) {
  std::size_t pos = 0;
  while (pos <= list.size()) {
    auto comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    const std::string_view code = list.substr(pos, comma - pos);
    for (std::size_t i = 0; i < N; ++i) {
      if (codes[i] == code) totals[i].count += n;
    }
    pos = comma + 1;
  }
}

template <std::size_t N>
std::vector<CodeTotal> ZeroTotals(const std::array<std::string_view, N>& codes) {
  std::vector<CodeTotal> out;
  for (auto code : codes) out.push_back({std::string(code), 0});
  return out;
}

}  // namespace

core::Result<YearlyReport> ReportService::Build(const auth::Principal& who, std::int64_t program_id,
                                                int fiscal_year) {
  if (fiscal_year < 2000 || fiscal_year > 2100) return core::Error::NotFound();
  const std::string from = core::ToIso(core::FiscalYearStart(fiscal_year));
  const std::string to = core::ToIso(core::FiscalYearEnd(fiscal_year));
  const std::string today = core::ToIso(core::DateFromUnixSeconds(clock_.NowSeconds()));

  auto report =
      db_.Read<std::optional<YearlyReport>>([&](soci::session& s) -> std::optional<YearlyReport> {
        YearlyReport out;
        out.fiscal_year = fiscal_year;
        long long pid = program_id;
        bool found = false;
        {
          soci::rowset<soci::row> rows =
              (s.prepare << "SELECT id, organization_id, name, description, status FROM "
                            "program WHERE id = :id",
               soci::use(pid));
          for (const auto& r : rows) {
            out.program = {GetInt(r, 0), GetInt(r, 1), GetText(r, 2), GetText(r, 3), GetText(r, 4)};
            found = true;
          }
        }
        // Another organisation's programme looks exactly like a missing one.
        if (!found || !auth::Policy::CanCoordinate(who, out.program.organization_id)) {
          return std::nullopt;
        }
        {
          soci::rowset<soci::row> rows =
              (s.prepare << "SELECT fiscal_year, consultations, placements, days FROM "
                            "program_target WHERE program_id = :p AND fiscal_year = :y",
               soci::use(pid), soci::use(fiscal_year));
          for (const auto& r : rows) {
            out.target = Target{static_cast<int>(GetInt(r, 0)), static_cast<int>(GetInt(r, 1)),
                                static_cast<int>(GetInt(r, 2)), static_cast<int>(GetInt(r, 3))};
          }
        }
        {
          // Attended consultations per day and channel in one pass. Grouped by day first, it
          // streams through the (day_id, status, channel) index (0005_report_indexes.sql)
          // without sorting a million rows.
          std::map<std::int64_t, std::int64_t> by_day;
          std::map<std::string, std::int64_t> by_channel;
          const std::string sql =
              std::string(
                  "SELECT day_id, channel, COUNT(*) FROM booking WHERE status = 'attended' AND "
                  "day_id IN (") +
              kYearDays + ") GROUP BY day_id, channel";
          soci::rowset<soci::row> rows =
              (s.prepare << sql, soci::use(pid), soci::use(from), soci::use(to));
          for (const auto& r : rows) {
            by_day[GetInt(r, 0)] += GetInt(r, 2);
            by_channel[GetText(r, 1)] += GetInt(r, 2);
          }
          for (auto code : kChannels) {
            auto it = by_channel.find(std::string(code));
            out.channels.push_back({std::string(code), it == by_channel.end() ? 0 : it->second});
          }

          soci::rowset<soci::row> days =
              (s.prepare << "SELECT d.id, d.day_date, (SELECT COUNT(*) FROM day_staff ds WHERE "
                            "ds.day_id = d.id), COALESCE(d.staff_count, 0) FROM consultation_day "
                            "d WHERE d.program_id = :p "
                            "AND d.day_date BETWEEN :a AND :b AND d.status <> 'cancelled' ORDER "
                            "BY d.day_date, d.start_minutes, d.id",
               soci::use(pid), soci::use(from), soci::use(to));
          int number = 0;
          for (const auto& r : days) {
            ReportDay d;
            d.number = ++number;
            d.day_id = GetInt(r, 0);
            const std::string iso = GetText(r, 1);
            d.date = core::ParseIsoDate(iso).value_or(core::Date{});
            d.staff = GetInt(r, 2);
            if (d.staff == 0) d.staff = GetInt(r, 3);  // a past day typed in from paper
            auto it = by_day.find(d.day_id);
            d.consultations = it == by_day.end() ? 0 : it->second;
            d.held = iso <= today;
            if (d.held) ++out.days_held;
            out.consultations += d.consultations;
            out.days.push_back(d);
          }
        }
        {
          // How each consultation was held (a booking made before this was recorded was held
          // the way its day was) and the kind of day it was on.
          out.modes = ZeroTotals(kDayModes);
          out.day_modes = ZeroTotals(kDayModes);
          soci::rowset<soci::row> rows =
              (s.prepare << "SELECT b.consult_mode, d.mode, COUNT(*) FROM booking b JOIN "
                            "consultation_day d ON d.id = b.day_id WHERE b.status = 'attended' "
                            "AND d.program_id = :p AND d.day_date BETWEEN :a AND :b AND d.status "
                            "<> 'cancelled' GROUP BY b.consult_mode, d.mode",
               soci::use(pid), soci::use(from), soci::use(to));
          for (const auto& r : rows) {
            const std::string day_mode = GetText(r, 1);
            const std::string held = GetText(r, 0).empty() ? day_mode : GetText(r, 0);
            AddListCounts(kDayModes, held, GetInt(r, 2), out.modes);
            AddListCounts(kDayModes, day_mode, GetInt(r, 2), out.day_modes);
          }
        }
        {
          // One pass over the year's records grouped by their code lists: the database
          // returns one row per day and distinct combination (a few hundred a day at most,
          // whatever the number of records) and the comma lists are split here. Grouping by
          // day first follows the covering index (day_id, topics, outcome, follow_up).
          out.topics = ZeroTotals(kRecordTopics);
          out.follow_ups = ZeroTotals(kFollowUps);
          out.outcomes = ZeroTotals(kOutcomes);
          std::int64_t without_outcome = 0;
          const std::string sql =
              std::string(
                  "SELECT topics, outcome, follow_up, COUNT(*), day_id FROM consultation_record "
                  "WHERE day_id IN (") +
              kYearDays + ") GROUP BY day_id, topics, outcome, follow_up";
          soci::rowset<soci::row> rows =
              (s.prepare << sql, soci::use(pid), soci::use(from), soci::use(to));
          for (const auto& r : rows) {
            const std::int64_t n = GetInt(r, 3);
            out.records += n;
            AddListCounts(kRecordTopics, GetText(r, 0), n, out.topics);
            const std::string outcome = GetText(r, 1);
            if (InList(kOutcomes, outcome)) {
              AddListCounts(kOutcomes, outcome, n, out.outcomes);
            } else {
              without_outcome += n;
            }
            AddListCounts(kFollowUps, GetText(r, 2), n, out.follow_ups);
          }
          for (const auto& o : out.outcomes) {
            if (o.code == "job_decided") out.placements = o.count;
          }
          out.outcomes.push_back({"", without_outcome});
        }
        // A record exists only for an attended booking (one per booking), so the difference
        // is the attended consultations still waiting for theirs.
        out.missing_records = out.consultations > out.records ? out.consultations - out.records : 0;
        const HandoffCounts handoffs = CountHandoffs(s, program_id, from, to);
        out.handoffs_made = handoffs.made;
        out.handoffs_accepted = handoffs.accepted;
        out.guided_elsewhere = CountGuidedElsewhere(s, program_id, from, to);
        return out;
      });
  if (!report) return report.error();
  if (!*report) return core::Error::NotFound();
  return std::move(**report);
}

core::Status ReportService::RecordExport(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t program_id, int fiscal_year,
                                         const std::string& format) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long pid = program_id;
    long long org = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT organization_id FROM program WHERE id = :id", soci::use(pid), soci::into(org, ind);
    if (!s.got_data() || ind == soci::i_null || !auth::Policy::CanCoordinate(who, org)) {
      throw storage::Abort{core::Error::NotFound()};
    }
    audit::AuditLog::Append(s, actor,
                            {"report.export", "program", std::to_string(program_id),
                             "{\"fiscal_year\":" + std::to_string(fiscal_year) + ",\"format\":\"" +
                                 (format == "xlsx" ? "xlsx" : "csv") + "\"}",
                             org},
                            now);
  });
}

}  // namespace tsunagu::consultations
