#include "app/demo_trainings.hpp"

#include "app/demo_support.hpp"
#include "events/attendance.hpp"
#include "events/event_service.hpp"

namespace tsunagu::app {
namespace {

constexpr const char* kPrefecture = "つなぐ県 保健医療部 疾病対策課";
constexpr const char* kToday = "ピアサポートカフェ（本日・受付の練習）";

struct DemoTraining {
  const char* date;
  const char* kind;
  bool online;
  int peer;
  int medical;
  int government;
  int new_trainees;  // among the peers
};

const char* TitleOf(const std::string& kind) {
  if (kind == "training_basic") return "ピア・サポーター養成研修会";
  if (kind == "training_follow_up") return "ピア・サポーター フォローアップ研修会";
  return "がんサポートグループ企画・運営者のための研修会";
}

struct Context {
  Services& sv;
  events::EventService& events;
  events::AttendanceService& attendance;
  const auth::Principal& who;
  const audit::Actor& actor;
};

core::Result<std::int64_t> Create(Context& c, const std::string& title, const std::string& kind,
                                  const std::string& date, bool online, int start, int end) {
  events::EventInput in;
  in.kind = kind;
  in.title = title;
  in.date = date;
  in.start_minutes = start;
  in.end_minutes = end;
  if (online) {
    in.online_capacity = 80;
    in.meeting_url = "https://meeting.example.jp/demo-peer-training";
  } else {
    in.venue = "つなぐ県庁 大会議室";
    in.venue_capacity = 80;
  }
  in.audiences = {"patient", "medical"};
  in.contact = "つなぐ県 保健医療部 疾病対策課（電話 000-0000-0000）";
  in.status = "published";
  return c.events.Create(c.who, c.actor, in);
}

core::Status Enter(Context& c, std::int64_t event, const std::string& mode, const std::string& type,
                   int n, int new_trainees, const char* prefix) {
  for (int i = 0; i < n; ++i) {
    events::LateRegistration r;
    r.mode = mode;
    r.participant_type = type;
    r.name = std::string(prefix) + " " + std::to_string(i + 1);
    r.new_trainee = i < new_trainees;
    if (auto id = c.attendance.AddLate(c.who, c.actor, event, r); !id) return id.error();
  }
  return core::OkStatus();
}

}  // namespace

core::Status AddDemoTrainings(Services& sv) {
  const std::int64_t org = DemoOrgId(sv, kPrefecture);
  const std::int64_t jimu = DemoUserId(sv, "jimu@demo.tsunagu.jp");
  if (org == 0 || jimu == 0) return core::OkStatus();
  const auth::Principal who = DemoMember(jimu, org, auth::Role::kCoordinator);
  const audit::Actor actor{jimu, org, "cli", "demo"};
  events::EventService events(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog,
                              sv.config.server.public_url);
  events::AttendanceService attendance(sv.db, sv.clock, sv.cipher);
  Context c{sv, events, attendance, who, actor};

  // Seed 004 表6 and 表7.
  const DemoTraining trainings[] = {
      {"2020-11-14", "training_basic", false, 15, 18, 4, 0},
      {"2021-02-11", "training_organiser", false, 0, 3, 0, 0},
      {"2021-11-03", "training_organiser", false, 0, 3, 0, 0},
      {"2022-01-29", "training_follow_up", true, 12, 16, 4, 3},
      {"2022-02-11", "training_organiser", false, 0, 2, 0, 0},
      {"2022-11-03", "training_organiser", false, 0, 5, 0, 0},
      {"2023-01-07", "training_follow_up", false, 8, 16, 5, 1},
      {"2023-12-09", "training_follow_up", false, 12, 9, 4, 1},
      {"2024-02-11", "training_organiser", false, 0, 1, 0, 0},
  };
  const std::string today_iso = core::ToIso(core::DateFromUnixSeconds(sv.clock.NowSeconds()));
  for (const auto& t : trainings) {
    // Attendance is recorded on or after the day: on a clock set before a training (the test
    // runs at 2019-04-30), that training is not in the demo yet.
    if (std::string(t.date) >= today_iso) continue;
    const std::string title = std::string(TitleOf(t.kind)) + "（" + t.date + "）";
    if (DemoEventExists(sv, org, title)) continue;
    auto id = Create(c, title, t.kind, t.date, t.online, 13 * 60, 16 * 60 + 30);
    if (!id) return id.error();
    const std::string mode = t.online ? "online" : "venue";
    if (auto st = Enter(c, *id, mode, "peer", t.peer, t.new_trainees, "ピア参加者"); !st) return st;
    if (auto st = Enter(c, *id, mode, "medical_staff", t.medical, 0, "医療者参加者"); !st) {
      return st;
    }
    if (auto st = Enter(c, *id, mode, "government", t.government, 0, "行政参加者"); !st) return st;
  }

  // Today: a peer café with people registered by phone, two of them checked in, one walk-in.
  if (!DemoEventExists(sv, org, kToday)) {
    const std::string today = core::ToIso(core::DateFromUnixSeconds(sv.clock.NowSeconds()));
    auto id = Create(c, kToday, "peer_cafe", today, false, 18 * 60, 20 * 60);
    if (!id) return id.error();
    const char* names[][2] = {{"受付 一郎", "うけつけ いちろう"},
                              {"受付 花子", "うけつけ はなこ"},
                              {"ピア 次郎", "ぴあ じろう"},
                              {"看護 三恵", "かんご みえ"}};
    const char* affiliations[] = {"patient", "family", "patient", "medical"};
    int n = 0;
    for (const auto& name : names) {
      events::RegistrationRequest r;
      r.event_id = *id;
      r.mode = "venue";
      r.affiliation = affiliations[n];
      r.municipality = "みどり市";
      r.person.name = name[0];
      r.person.furigana = name[1];
      r.person.phone = "090-0000-000" + std::to_string(n);
      r.channel = "phone";
      auto receipt = events.RegisterByStaff(who, actor, r);
      if (!receipt) return receipt.error();
      if (n++ < 2) {
        if (auto in = attendance.CheckIn(who, actor, *id, receipt->registration_id); !in) {
          return in.error();
        }
      }
    }
    events::WalkInRequest walk;
    walk.participant_type = "peer";
    if (auto w = attendance.WalkIn(who, actor, *id, walk); !w) return w.error();
  }

  // The coming trainings, open for registration: a 養成研修会 at the venue and a フォローアップ
  // 研修会 held on the web (Web開催), so every kind of event can be tried.
  const core::Date now = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  const struct {
    const char* kind;
    int in_days;
    bool online;
  } coming[] = {{"training_basic", 40, false}, {"training_follow_up", 54, true}};
  for (const auto& t : coming) {
    const std::string title = std::string(TitleOf(t.kind)) + "（次回）";
    if (DemoEventExists(sv, org, title)) continue;
    auto id = Create(c, title, t.kind, core::ToIso(core::AddDays(now, t.in_days)), t.online,
                     13 * 60, 16 * 60 + 30);
    if (!id) return id.error();
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
