#include "app/demo_schedule.hpp"

#include "app/demo_support.hpp"
#include "consultations/program_info.hpp"
#include "consultations/schedule_year.hpp"

namespace tsunagu::app {
namespace {

constexpr const char* kOneStop = "働くがん患者のためのワンストップ相談";
constexpr const char* kHospitalProgram = "ワーキングサポート 院内就労相談会";

auth::Principal Coordinator(std::int64_t user, std::int64_t org) {
  return DemoMember(user, org, auth::Role::kCoordinator);
}

// The prefecture's programme: how to reach the 事務局 and until when the web takes bookings
// (前日17時; later, people call). Set once: a later run leaves what the 事務局 changed.
core::Status AddOneStopInfo(Services& sv, std::int64_t org, std::int64_t jimu) {
  auto id = DemoProgramId(sv, org, kOneStop);
  if (!id) return id.error();
  if (*id == 0) return core::OkStatus();
  const auto who = Coordinator(jimu, org);
  consultations::ProgramInfoStore store(sv.db, sv.clock);
  auto current = store.ForCoordinator(who, *id);
  if (!current) return current.error();
  if (!current->office_phone.empty()) return core::OkStatus();
  consultations::ProgramInfo info;
  info.office_phone = "000-0000-0000";
  info.office_email = "soudan@demo.tsunagu.jp";
  info.office_hours = "平日 8時30分〜17時15分";
  info.eligibility = "つなぐ県内に住所又は勤務地があり、働いている（休職中を含む）がん患者の方";
  info.what_to_bring = "お薬手帳（お持ちの方）。勤務先の就業規則があれば、お持ちください。";
  info.access = "つなぐ県庁 本館2階。みどり駅東口から徒歩8分。駐車場はありません。";
  info.deadline = {"day_before", 17};
  return store.Save(who, {jimu, org, "cli", "demo"}, *id, info);
}

// The hospital's days (seed 000): 4〜9月は第2木・第4火に2階カンファレンス室、10〜3月は第2火・
// 第4水に1階の相談室, this fiscal year and the next, published with the office's contacts.
core::Status AddHospitalYear(Services& sv, std::int64_t org, std::int64_t kango) {
  auto existing = DemoProgramId(sv, org, kHospitalProgram);
  if (!existing) return existing.error();
  if (*existing != 0) return core::OkStatus();
  const auto who = Coordinator(kango, org);
  const audit::Actor actor{kango, org, "cli", "demo"};
  auto program = sv.consultations.CreateProgram(
      who, actor, kHospitalProgram,
      "病院の中で、治療と仕事の両立について就労支援の相談員に相談できます（年度の途中で曜日と"
      "会場が変わります）。");
  if (!program) return program.error();
  const auto* holidays = consultations::LoadedHolidays(sv.config.data_dir);
  if (!holidays) return core::Error{core::ErrorCode::kInternal, "error.internal", {}};
  std::vector<consultations::SchedulePeriod> periods(2);
  periods[0].rule.occurrences = {{2, 4}, {4, 2}};
  periods[0].settings.venue = "みどり市立病院 2階 カンファレンス室";
  periods[0].from_month = 4;
  periods[0].to_month = 9;
  periods[1].rule.occurrences = {{2, 2}, {4, 3}};
  periods[1].settings.venue = "みどり市立病院 1階 総合サポートセンター窓口横 相談室";
  periods[1].from_month = 10;
  periods[1].to_month = 3;
  for (auto& p : periods) {
    p.rule.start_minutes = 13 * 60;
    p.rule.end_minutes = 16 * 60;
    p.rule.on_holiday = consultations::HolidayPolicy::kSkip;
    p.settings.booths = 1;
  }
  consultations::YearScheduler year(sv.db, sv.clock, sv.consultations, *holidays);
  const int fy = core::FiscalYear(core::DateFromUnixSeconds(sv.clock.NowSeconds()));
  for (int y : {fy, fy + 1}) {
    auto made = year.Generate(who, actor, *program, periods, y);
    if (!made) return made.error();
  }
  consultations::ProgramInfo info;
  info.office_phone = "000-0000-0001";
  info.office_email = "working-support@demo.tsunagu.jp";
  info.office_hours = "平日 9時〜17時";
  info.eligibility = "みどり市立病院に通院中で、働いている（休職中を含む）方とご家族";
  info.access = "4〜9月は2階カンファレンス室、10〜3月は1階 総合サポートセンター窓口横の相談室";
  info.deadline = {"hours_before", 3};
  consultations::ProgramInfoStore store(sv.db, sv.clock);
  if (auto st = store.Save(who, actor, *program, info); !st) return st;
  return sv.consultations.SetPublished(who, actor, *program, true);
}

}  // namespace

core::Status AddDemoSchedule(Services& sv, std::int64_t prefecture, std::int64_t jimu,
                             std::int64_t hospital, std::int64_t kango) {
  if (auto st = AddOneStopInfo(sv, prefecture, jimu); !st) return st;
  if (kango == 0) return core::OkStatus();
  return AddHospitalYear(sv, hospital, kango);
}

}  // namespace tsunagu::app
