#include "app/demo_employers.hpp"

#include "app/demo_support.hpp"
#include "core/wareki.hpp"
#include "employment/employers/employer_service.hpp"
#include "employment/employers/opening_service.hpp"

namespace tsunagu::app {
namespace {

using employment::employers::ContactInput;
using employment::employers::EmployerInput;
using employment::employers::OpeningInput;

constexpr const char* kAgency = "NPO法人 はたらくサポートみどり";

struct DemoEmployer {
  const char* name;
  const char* furigana;
  const char* industry;
  const char* size;
  const char* municipality;
  std::vector<std::string> practices;
  bool share;
  bool archived;
  const char* contact_role;
};

const std::vector<DemoEmployer>& Employers() {
  static const std::vector<DemoEmployer> list = {
      {"みどり精密工業（デモ）",
       "みどりせいみつこうぎょう",
       "E",
       "300-999",
       "みどり市",
       {"ryoritsu_system", "short_hours", "hospital_leave", "industrial_physician"},
       true,
       false,
       "総務部 人事課"},
      {"あおば情報システム（デモ）",
       "あおばじょうほうしすてむ",
       "G",
       "50-299",
       "みどり市",
       {"telework", "staggered_hours", "leave_by_hour"},
       true,
       false,
       "人事部"},
      {"つなぐ総合病院（デモ）",
       "つなぐそうごうびょういん",
       "P",
       "1000+",
       "つなぐ市",
       {"ryoritsu_system", "short_hours", "industrial_physician", "consultation_desk"},
       false,
       false,
       "看護部"},
      {"ひかりスーパー（デモ）",
       "ひかりすーぱー",
       "I",
       "300-999",
       "みどり市",
       {"short_hours", "hospital_leave"},
       true,
       false,
       "店舗運営部"},
      {"さくら運輸（デモ）",
       "さくらうんゆ",
       "H",
       "50-299",
       "やまて町",
       {"staggered_hours"},
       false,
       false,
       "管理課"},
      {"みなと信用金庫（デモ）",
       "みなとしんようきんこ",
       "J",
       "300-999",
       "つなぐ市",
       {"ryoritsu_system", "leave_by_hour", "industrial_physician"},
       true,
       false,
       "人事部"},
      {"かわべ建設（デモ）", "かわべけんせつ", "D", "10-49", "やまて町", {}, false, false, "総務"},
      {"もりの介護サービス（デモ）",
       "もりのかいごさーびす",
       "P",
       "50-299",
       "みどり市",
       {"short_hours", "hospital_leave", "consultation_desk"},
       false,
       false,
       "施設長"},
      {"こもれび食堂（デモ）",
       "こもれびしょくどう",
       "M",
       "1-9",
       "みどり市",
       {"short_hours"},
       false,
       false,
       "店主"},
      {"旧 みどり印刷（デモ）",
       "きゅう みどりいんさつ",
       "E",
       "10-49",
       "つなぐ市",
       {},
       false,
       true,
       "総務"},
  };
  return list;
}

struct DemoOpening {
  int employer;  // index into Employers()
  const char* title;
  const char* type;
  int start;
  int end;
  int days;
  int hours;
  bool short_hours, staggered, telework, leave;
  const char* wage_kind;
  int wage_min, wage_max;
  int valid_days;  // from today; negative: already expired
  bool published;
  bool closed;
};

const std::vector<DemoOpening>& Openings() {
  static const std::vector<DemoOpening> list = {
      {0, "検査補助（短時間）", "part_time", 9 * 60, 15 * 60, 4, 24, true, false, false, true,
       "hourly", 1050, 1200, 60, true, false},
      {0, "生産管理事務", "regular", 8 * 60 + 30, 17 * 60 + 30, 5, 40, false, true, false, true,
       "monthly", 220000, 280000, 90, false, false},
      {1, "Webサポート（在宅中心）", "contract", 10 * 60, 16 * 60, 4, 24, true, true, true, false,
       "hourly", 1300, 1600, 45, true, false},
      {1, "社内ヘルプデスク", "regular", 9 * 60, 18 * 60, 5, 40, false, true, true, false,
       "monthly", 250000, 320000, 30, true, false},
      {2, "医療事務（外来受付）", "part_time", 8 * 60 + 30, 12 * 60 + 30, 5, 20, true, false, false,
       true, "hourly", 1000, 1100, 60, true, false},
      {3, "品出し・レジ（午前）", "part_time", 9 * 60, 13 * 60, 3, 12, true, false, false, true,
       "hourly", 980, 1050, 30, true, false},
      {3, "店舗事務", "contract", 10 * 60, 16 * 60, 5, 30, true, false, false, true, "hourly", 1050,
       1150, -10, true, false},  // expired
      {4, "配車受付", "part_time", 13 * 60, 18 * 60, 4, 20, true, true, false, false, "hourly",
       1000, 1100, 60, false, false},
      {5, "窓口事務（障害者雇用枠）", "disability_quota", 9 * 60, 16 * 60, 5, 30, true, false,
       false, true, "monthly", 170000, 200000, 90, true, false},
      {6, "現場事務", "regular", 8 * 60, 17 * 60, 5, 40, false, false, false, false, "monthly",
       210000, 250000, 30, false, true},  // closed
      {7, "介護補助（日中）", "part_time", 9 * 60, 14 * 60, 3, 15, true, false, false, true,
       "hourly", 1050, 1150, 60, true, false},
      {7, "生活相談員", "regular", 8 * 60 + 30, 17 * 60 + 30, 5, 40, false, true, false, true,
       "monthly", 230000, 270000, -5, false, false},  // expired
      {8, "ランチ仕込み", "part_time", 9 * 60, 12 * 60, 3, 9, true, false, false, true, "hourly",
       1000, 1000, 45, true, false},
      {1, "データ入力（派遣）", "dispatch", 10 * 60, 15 * 60, 4, 20, true, false, true, false,
       "hourly", 1200, 1300, 20, false, true},  // closed
  };
  return list;
}

}  // namespace

core::Status AddDemoEmployers(Services& sv) {
  const std::int64_t agency = DemoOrgId(sv, kAgency);
  const std::int64_t career = DemoUserId(sv, "career@demo.tsunagu.jp");
  if (agency == 0 || career == 0) return core::OkStatus();
  auto existing = sv.db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long org = agency;
    s << "SELECT COUNT(*) FROM employer WHERE organization_id = :o", soci::use(org), soci::into(n);
    return n;
  });
  if (!existing) return existing.error();
  if (*existing != 0) return core::OkStatus();
  const auto who = DemoMember(career, agency, auth::Role::kAdmin);
  const audit::Actor actor{career, agency, "cli", "demo"};
  employment::employers::EmployerService employers(sv.db, sv.clock, sv.cipher);
  employment::employers::OpeningService openings(sv.db, sv.clock);
  std::vector<std::int64_t> ids;
  for (const auto& e : Employers()) {
    EmployerInput in;
    in.name = e.name;
    in.furigana = e.furigana;
    in.industry = e.industry;
    in.size_band = e.size;
    in.municipality = e.municipality;
    in.address = std::string(e.municipality) + "中央1-1（デモ）";
    in.practices = e.practices;
    in.share_partners = e.share;
    in.attitude_note = "両立支援に前向き。受け入れ実績あり（デモ）";
    auto id = employers.Create(who, actor, in);
    if (!id) return id.error();
    ids.push_back(*id);
    ContactInput contact{"担当 太郎（デモ）", e.contact_role, "000-0000-0000",
                         "tanto@example.invalid"};
    if (auto c = employers.AddContact(who, actor, *id, contact); !c) return c.error();
  }
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  for (const auto& o : Openings()) {
    OpeningInput in;
    in.employer_id = ids[static_cast<std::size_t>(o.employer)];
    in.title = o.title;
    in.employment_type = o.type;
    in.duties = std::string(o.title) + "の業務（デモ）";
    in.municipality = Employers()[static_cast<std::size_t>(o.employer)].municipality;
    in.work_place = "本社・本店（デモ）";
    in.start_minutes = o.start;
    in.end_minutes = o.end;
    in.weekly_days = o.days;
    in.weekly_hours = o.hours;
    in.short_hours = o.short_hours;
    in.staggered_hours = o.staggered;
    in.telework = o.telework;
    in.hospital_leave = o.leave;
    in.wage_kind = o.wage_kind;
    in.wage_min = o.wage_min;
    in.wage_max = o.wage_max;
    in.valid_until = core::ToIso(core::AddDays(today, o.valid_days));
    in.published = o.published;
    auto id = openings.Create(who, actor, in);
    if (!id) return id.error();
    if (o.closed) {
      if (auto st = openings.SetOpen(who, actor, *id, 1, false); !st) return st;
    }
  }
  // The last employer no longer takes people: archived.
  const auto last = ids.back();
  if (auto st = employers.SetArchived(who, actor, last, 1, true); !st) return st;
  return core::OkStatus();
}

}  // namespace tsunagu::app
