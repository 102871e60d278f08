#include "app/demo_late.hpp"

#include "app/demo_support.hpp"
#include "consultations/import/late_entry.hpp"
#include "consultations/import/past_year.hpp"

namespace tsunagu::app {
namespace {

// Seed 000's consultations per day, on the 2nd and 4th weeks of each month of last year.
constexpr int kPerDay[24] = {0, 1, 0, 0, 2, 0, 1, 0, 2, 3, 1, 0,
                             1, 2, 2, 1, 2, 0, 0, 2, 1, 1, 0, 3};
constexpr const char* kOutcomes[] = {
    "情報提供で終了", "気持ちの整理で終結", "就労支援継続", "就労決定", "継続中", "未定"};

std::string LastYearSheet(int fy) {
  std::string csv =
      "日付,開始時刻,相談員数,相談方法,受付方法,性別,年代,住所地（市区町村）,相談内容,相談の結果\n";
  int n = 0;
  for (int i = 0; i < 24; ++i) {
    const int month_index = i / 2;
    const int month = (3 + month_index) % 12 + 1;
    const int year = month >= 4 ? fy : fy + 1;
    const core::Date date{year, month, i % 2 == 0 ? 10 : 24};
    const std::string staff = i < 14 ? "2" : "1";
    if (kPerDay[i] == 0) {
      csv += core::ToIso(date) + ",," + staff + ",,,,,,,\n";
      continue;
    }
    for (int k = 0; k < kPerDay[i]; ++k, ++n) {
      csv += core::ToIso(date) + "," + std::to_string(18 + k) + ":15," + staff + "," +
             (n % 6 == 5 ? "電話" : "対面") + "," + (n % 4 == 3 ? "当日" : "電話") + "," +
             (n % 2 == 0 ? "女性" : "男性") + "," + (n % 3 == 0 ? "40代" : "50代") + ",つなぐ市," +
             (n < 8 ? "休職・復職の不安" : "就労継続・働き方") + "," +
             (n < 3 ? "就労決定" : kOutcomes[n % 6]) + "\n";
    }
  }
  return csv;
}

}  // namespace

core::Status AddDemoLateEntries(Services& sv, std::int64_t org_id, std::int64_t coordinator_id,
                                const char* program_name) {
  auto program = DemoProgramId(sv, org_id, program_name);
  if (!program) return program.error();
  if (*program == 0) return core::OkStatus();
  const auth::Principal who = DemoMember(coordinator_id, org_id, auth::Role::kCoordinator);
  const audit::Actor actor{coordinator_id, org_id, "cli", "demo"};
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  const int last_year = core::FiscalYear(today) - 1;
  if (auto st = sv.consultations.SetTarget(who, actor, *program, {last_year, 300, 25, 24}); !st) {
    return st;
  }
  consultations::import::PastYearImport importer(sv.db, sv.clock, sv.cipher, sv.catalog);
  auto imported = importer.Import(who, actor, *program, LastYearSheet(last_year));
  if (!imported && imported.error().code != core::ErrorCode::kConflict) return imported.error();

  // A walk-in missed on this year's last past day, entered afterwards (事後入力).
  auto days = sv.consultations.ListDays(who, *program, core::FiscalYear(today));
  if (!days) return days.error();
  const consultations::ConsultationDay* past = nullptr;
  for (const auto& d : *days) {
    if (d.status == "scheduled" && d.date < today) past = &d;
  }
  if (past == nullptr) return core::OkStatus();
  auto attended = sv.db.Read<int>([&](soci::session& s) {
    long long id = past->id;
    int n = 0;
    s << "SELECT COUNT(*) FROM booking WHERE day_id = :d", soci::use(id), soci::into(n);
    return n;
  });
  if (!attended) return attended.error();
  if (*attended > 0) return core::OkStatus();
  consultations::import::LateEntry entry;
  entry.channel = "walk_in";
  entry.arrived_minutes = past->start_minutes + 30;
  entry.intake.gender = "female";
  entry.intake.age_band = "40s";
  entry.intake.municipality = "つなぐ市";
  consultations::import::LateEntryService late(sv.db, sv.clock, sv.cipher);
  auto id = late.Record(who, actor, *program, past->id, entry);
  if (!id) return id.error();
  return core::OkStatus();
}

}  // namespace tsunagu::app
