#include "app/demo_events.hpp"

#include "app/demo_support.hpp"
#include "events/event_service.hpp"

namespace tsunagu::app {
namespace {

constexpr const char* kPrefecture = "つなぐ県 保健医療部 疾病対策課";
constexpr const char* kHospital = "みどり市立病院 がん相談支援センター";

struct DemoEvent {
  const char* title;
  const char* kind;
  int in_days;
  int start;
  int end;
  const char* venue;
  const char* access;
  int venue_places;
  int online_places;
  std::vector<std::string> audiences;
  const char* fee;
  const char* speakers;
  const char* co_hosts;
  const char* description;
  int registered;  // demo people entered by phone
  int waiting;
};

std::vector<DemoEvent> PrefectureEvents() {
  return {
      {"難病・慢性疾患 就労支援ネットワークフォーラム",
       "forum",
       30,
       12 * 60 + 45,
       16 * 60 + 30,
       "つなぐ県民会館 905号室（9階）",
       "つなぐ駅西口から徒歩3分",
       50,
       100,
       {"patient", "family", "medical", "employer", "public"},
       "無料",
       "基調講演：産業医\nパネルディスカッション：支援機関・企業・当事者",
       "NPO法人 はたらくサポートみどり",
       "「築こう、支えよう、難病患者への就労の道を」。地域の支援機関・企業・当事者がともに考える"
       "フォーラムです（受付は開始30分前から）。",
       3,
       0},
      {"市民公開講座「がんと働く」",
       "lecture",
       20,
       14 * 60,
       15 * 60 + 30,
       "",
       "",
       0,
       200,
       {"patient", "family", "public"},
       "無料",
       "みどり市立病院 がん看護専門看護師",
       "",
       "治療と仕事の両立について、看護師がお話しします。オンライン視聴のみです。",
       1,
       0},
      {"ピアサポートカフェ（つなぐ県民会館）",
       "peer_cafe",
       12,
       13 * 60 + 30,
       15 * 60 + 30,
       "つなぐ県民会館 小会議室",
       "つなぐ駅西口から徒歩3分",
       3,
       0,
       {"patient", "family"},
       "無料",
       "",
       "がん患者サロン みどりの会",
       "同じ経験をした仲間と、お茶を飲みながら話せる場です。定員に達したため、キャンセル待ちを受け"
       "付けています。",
       3,
       2},
  };
}

std::vector<DemoEvent> HospitalEvents() {
  return {{"看護師のための院内勉強会「両立支援の基本」",
           "staff_study",
           9,
           17 * 60 + 30,
           18 * 60 + 30,
           "みどり市立病院 3階 講堂",
           "",
           40,
           0,
           {"medical"},
           "無料",
           "がん相談支援センター 看護師",
           "",
           "職員向けの勉強会です（公開されません）。",
           0,
           0}};
}

core::Status AddEvents(Services& sv, std::int64_t org, std::int64_t user, const char* contact,
                       const std::vector<DemoEvent>& list) {
  events::EventService service(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog,
                               sv.config.server.public_url);
  auth::Principal who;
  who.user_id = user;
  who.stage = "full";
  who.organization_id = org;
  who.role = auth::Role::kAdmin;
  const audit::Actor actor{user, org, "cli", "demo"};
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  for (const auto& d : list) {
    if (DemoEventExists(sv, org, d.title)) continue;
    events::EventInput in;
    in.kind = d.kind;
    in.title = d.title;
    in.description = d.description;
    in.date = core::ToIso(core::AddDays(today, d.in_days));
    in.start_minutes = d.start;
    in.end_minutes = d.end;
    in.venue = d.venue;
    in.access = d.access;
    in.venue_capacity = d.venue_places;
    in.online_capacity = d.online_places;
    in.audiences = d.audiences;
    in.fee = d.fee;
    in.contact = contact;
    in.speakers = d.speakers;
    in.co_hosts = d.co_hosts;
    in.status = "published";
    if (d.online_places > 0) in.meeting_url = "https://meeting.example.jp/demo-event";
    auto id = service.Create(who, actor, in);
    if (!id) return id.error();
    // Fictional people entered as phone registrations: no e-mail goes out.
    for (int i = 0; i < d.registered + d.waiting; ++i) {
      events::RegistrationRequest r;
      r.event_id = *id;
      r.mode = d.venue_places > 0 ? "venue" : "online";
      r.channel = "phone";
      r.affiliation = i % 2 == 0 ? "patient" : "family";
      r.municipality = "みどり市";
      r.person.name = "見本 参加者" + std::to_string(i + 1);
      r.person.furigana = "みほん さんかしゃ";
      r.person.phone = "0000000" + std::to_string(1000 + i);
      r.accept_waiting = true;
      if (auto done = service.RegisterByStaff(who, actor, r); !done) return done.error();
    }
  }
  return core::OkStatus();
}

}  // namespace

core::Status AddDemoEvents(Services& sv) {
  const std::int64_t prefecture = DemoOrgId(sv, kPrefecture);
  const std::int64_t hospital = DemoOrgId(sv, kHospital);
  const std::int64_t jimu = DemoUserId(sv, "jimu@demo.tsunagu.jp");
  const std::int64_t kango = DemoUserId(sv, "kango@demo.tsunagu.jp");
  if (prefecture != 0 && jimu != 0) {
    if (auto st =
            AddEvents(sv, prefecture, jimu, "つなぐ県 保健医療部 疾病対策課（電話 000-0000-0000）",
                      PrefectureEvents());
        !st)
      return st;
  }
  if (hospital != 0 && kango != 0) {
    if (auto st =
            AddEvents(sv, hospital, kango, "がん相談支援センター（内線 0000）", HospitalEvents());
        !st)
      return st;
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
