#include "app/demo_placements.hpp"

#include "app/demo_support.hpp"
#include "employment/placements/placement_service.hpp"
#include "storage/row.hpp"

namespace tsunagu::app {
namespace {

using employment::placements::AddMonths;
using employment::placements::PlacementService;

// A person of the NPO with an open support case; returns the case.
core::Result<std::int64_t> DemoCase(Services& sv, const auth::Principal& who,
                                    const audit::Actor& actor, const char* name, const char* kana,
                                    const char* diagnosis) {
  clients::ClientInput person;
  person.name = name;
  person.kana = kana;
  person.birth_year = 1980;
  person.age_band = "40s";
  person.gender = "no_answer";
  person.municipality = "みどり市";
  person.diagnosis = diagnosis;
  person.treatment_status = "follow_up";
  person.work_status = "job_seeking";
  auto client = sv.clients.Create(who, actor, person);
  if (!client) return client.error();
  return sv.cases.Open(who, actor, *client);
}

}  // namespace

core::Status AddDemoPlacements(Services& sv, std::int64_t npo, std::int64_t admin) {
  auto existing = sv.db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long org = npo;
    s << "SELECT COUNT(*) FROM job_application WHERE organization_id = :o", soci::into(n),
        soci::use(org);
    return n;
  });
  if (!existing) return existing.error();
  if (*existing != 0) return core::OkStatus();
  const auto who = DemoMember(admin, npo, auth::Role::kAdmin);
  const audit::Actor actor{admin, npo, "cli", "demo"};
  PlacementService placements(sv.db, sv.clock, sv.cipher, sv.bus);
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  const auto iso = [](core::Date d) { return core::ToIso(d); };

  // 1. An application at 面接.
  auto first =
      DemoCase(sv, who, actor, "デモ 求職者E", "でも きゅうしょくしゃいー", "大腸がん（デモ）");
  if (!first) return first.error();
  auto openings = placements.OpenOpenings(who);
  if (!openings) return openings.error();
  employment::placements::ApplicationInput apply;
  if (!openings->empty()) {
    apply.opening_id = openings->front().id;
  } else {
    apply.employer_name = "みどり市内の物流会社（デモ）";
  }
  apply.applied_on = iso(core::AddDays(today, -14));
  apply.disclosure = "undecided";
  apply.notes = "短時間から始めたい希望。開示するかはご本人が面接までに考える（デモ）。";
  auto application = placements.Apply(who, actor, *first, apply);
  if (!application) return application.error();
  if (auto st = placements.AddStep(who, actor, *first, *application,
                                   {"screening", iso(core::AddDays(today, -10)), "", 1});
      !st) {
    return st.error();
  }
  if (auto st = placements.AddStep(who, actor, *first, *application,
                                   {"interview", iso(core::AddDays(today, -3)),
                                    "面接に同行。通院日の相談は内定後に（デモ）。", 2});
      !st) {
    return st.error();
  }

  // 2. A placement started a month ago: its 1-month follow-up is due today.
  auto second =
      DemoCase(sv, who, actor, "デモ 就職者F", "でも しゅうしょくしゃえふ", "乳がん（デモ）");
  if (!second) return second.error();
  employment::placements::PlacementInput placed;
  placed.kind = "placement";
  apply = {};
  apply.employer_name = "株式会社みどり製作所";
  const core::Date start = AddMonths(today, -1);
  apply.applied_on = iso(core::AddDays(start, -30));
  apply.disclosure = "disclosed";
  auto hired = placements.Apply(who, actor, *second, apply);
  if (!hired) return hired.error();
  if (auto st = placements.AddStep(who, actor, *second, *hired,
                                   {"offered", iso(core::AddDays(start, -10)), "", 1});
      !st) {
    return st.error();
  }
  placed.application_id = *hired;
  placed.application_version = 2;
  placed.job_title = "部品の検品（デモ）";
  placed.decided_on = iso(core::AddDays(start, -7));
  placed.start_on = iso(start);
  placed.employment_type = "part_time";
  placed.weekly_hours = "20";
  placed.disclosure = "disclosed";
  placed.accommodations = "週1回の通院日は休み。重い物は持たない（デモ）。";
  if (auto p = placements.Place(who, actor, *second, placed); !p) return p.error();

  // 3. A return to work four months ago, its 1- and 3-month follow-ups answered.
  auto third =
      DemoCase(sv, who, actor, "デモ 復職者G", "でも ふくしょくしゃじー", "胃がん（デモ）");
  if (!third) return third.error();
  const core::Date back = AddMonths(today, -4);
  employment::placements::PlacementInput returned;
  returned.kind = "return_to_work";
  returned.employer_name = "みどり運輸株式会社（デモ）";
  returned.job_title = "配車事務（デモ）";
  returned.decided_on = iso(core::AddDays(back, -14));
  returned.start_on = iso(back);
  returned.employment_type = "regular";
  returned.weekly_hours = "30";
  returned.disclosure = "disclosed";
  returned.accommodations = "半年間は時短勤務（6時間）。通院は時間単位の休暇で（デモ）。";
  auto rtw = placements.Place(who, actor, *third, returned);
  if (!rtw) return rtw.error();
  auto checks = sv.db.Read<std::vector<std::pair<long long, std::string>>>([&](soci::session& s) {
    std::vector<std::pair<long long, std::string>> out;
    long long pid = *rtw;
    soci::rowset<soci::row> found =
        (s.prepare << "SELECT id, due_on FROM retention_check WHERE placement_id = :p AND months "
                      "<= 3 ORDER BY months",
         soci::use(pid));
    for (const auto& r : found) out.emplace_back(storage::GetInt(r, 0), storage::GetText(r, 1));
    return out;
  });
  if (!checks) return checks.error();
  const char* notes[] = {"時短勤務で順調。疲れやすさはあるが通院と両立できている（デモ）。",
                         "上司と面談し、時短をあと3か月続けることに（デモ）。"};
  for (std::size_t i = 0; i < checks->size() && i < 2; ++i) {
    const auto& [id, due] = (*checks)[i];
    if (auto st = placements.Answer(who, actor, id, {"continuing", due, notes[i], 1}); !st) {
      return st.error();
    }
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
