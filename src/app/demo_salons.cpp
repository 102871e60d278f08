#include "app/demo_salons.hpp"

#include "app/demo_support.hpp"
#include "consultations/schedule_year.hpp"
#include "events/event_service.hpp"
#include "peers/peer_service.hpp"
#include "salons/salon_service.hpp"

namespace tsunagu::app {
namespace {

constexpr const char* kPrefecture = "つなぐ県 保健医療部 疾病対策課";
constexpr const char* kNetwork = "がんサロンネットワークつなぐ";

struct DemoSalon {
  const char* name;
  const char* furigana;
  const char* host_kind;
  const char* host;
  const char* municipality;
  int nth;
  int weekday;
  int start;
  int end;
};

// 30 salons as seed 004 counts them (熊本県: 30ヶ所, all in the network); names invented.
constexpr DemoSalon kSalons[] = {
    {"ひだまりサロン（デモ）", "ひだまりさろん", "hospital", "みどり市立病院", "みどり市", 3, 6,
     810, 930},
    {"なごみの会（デモ）", "なごみのかい", "patient_group", "がん患者サロン みどりの会", "みどり市",
     1, 3, 600, 720},
    {"さくらサロン（デモ）", "さくらさろん", "hospital", "あおば総合病院", "あおば市", 2, 4, 840,
     960},
    {"あおぞらの会（デモ）", "あおぞらのかい", "patient_group", "あおば患者会", "あおば市", -1, 6,
     780, 900},
    {"ほっとサロン（デモ）", "ほっとさろん", "hospital", "やまなみ町立病院", "やまなみ町", 2, 2,
     600, 720},
    {"つどいの広場（デモ）", "つどいのひろば", "patient_group", "やまなみ患者家族会", "やまなみ町",
     4, 6, 810, 930},
    {"うみかぜサロン（デモ）", "うみかぜさろん", "hospital", "みなと市民病院", "みなと市", 1, 2,
     840, 960},
    {"しおさいの会（デモ）", "しおさいのかい", "patient_group", "みなと患者会", "みなと市", 3, 0,
     600, 720},
    {"いずみサロン（デモ）", "いずみさろん", "hospital", "いずみ医療センター", "いずみ市", 2, 3,
     810, 930},
    {"ひまわりの会（デモ）", "ひまわりのかい", "patient_group", "いずみ患者会", "いずみ市", 4, 4,
     600, 720},
    {"こもれびサロン（デモ）", "こもれびさろん", "hospital", "もりの病院", "もりの町", 1, 5, 810,
     930},
    {"きずなの会（デモ）", "きずなのかい", "patient_group", "もりの患者会", "もりの町", 3, 2, 600,
     720},
    {"たんぽぽサロン（デモ）", "たんぽぽさろん", "hospital", "かわべ中央病院", "かわべ市", 2, 6,
     810, 930},
    {"せせらぎの会（デモ）", "せせらぎのかい", "patient_group", "かわべ患者会", "かわべ市", -1, 3,
     840, 960},
    {"ゆうやけサロン（デモ）", "ゆうやけさろん", "hospital", "にしの病院", "にしの市", 1, 4, 810,
     930},
    {"あかりの会（デモ）", "あかりのかい", "patient_group", "にしの患者会", "にしの市", 3, 1, 600,
     720},
    {"はなみずきサロン（デモ）", "はなみずきさろん", "hospital", "ひがし医療センター", "ひがし市",
     2, 5, 840, 960},
    {"ともしびの会（デモ）", "ともしびのかい", "patient_group", "ひがし患者会", "ひがし市", 4, 2,
     600, 720},
    {"やすらぎサロン（デモ）", "やすらぎさろん", "hospital", "たかはら病院", "たかはら町", 1, 6,
     810, 930},
    {"わかばの会（デモ）", "わかばのかい", "patient_group", "たかはら患者会", "たかはら町", 3, 4,
     840, 960},
    {"いこいサロン（デモ）", "いこいさろん", "hospital", "しまの診療所", "しまの町", 2, 1, 600,
     720},
    {"なぎさの会（デモ）", "なぎさのかい", "patient_group", "しまの患者会", "しまの町", -1, 5, 810,
     930},
    {"ふれあいサロン（デモ）", "ふれあいさろん", "hospital", "みどり市立病院", "みどり市", 4, 3,
     840, 960},
    {"おしゃべりカフェ（デモ）", "おしゃべりかふぇ", "other", "みどり市社会福祉協議会", "みどり市",
     2, 2, 810, 930},
    {"ささえ愛サロン（デモ）", "ささえあいさろん", "hospital", "あおば総合病院", "あおば市", 4, 1,
     600, 720},
    {"はればれの会（デモ）", "はればれのかい", "patient_group", "みなと患者会", "みなと市", 2, 6,
     600, 720},
    {"ぬくもりサロン（デモ）", "ぬくもりさろん", "hospital", "いずみ医療センター", "いずみ市", -1,
     2, 840, 960},
    {"つむぎの会（デモ）", "つむぎのかい", "patient_group", "かわべ患者会", "かわべ市", 1, 1, 810,
     930},
    {"みちしるべサロン（デモ）", "みちしるべさろん", "hospital", "にしの病院", "にしの市", 3, 5,
     600, 720},
    {"ひだまり男性の会（デモ）", "ひだまりだんせいのかい", "patient_group", "ひがし患者会",
     "ひがし市", 4, 0, 600, 720},
};

struct DemoPeer {
  const char* display_name;
  const char* real_name;
  const char* area;
  std::vector<std::string> activities;
  const char* status;
  int salon;  // index into kSalons, -1: none
};

std::vector<DemoPeer> Peers() {
  return {
      {"ひまわりさん", "デモ 花子", "みどり市", {"salon", "talk", "storyteller"}, "active", 0},
      {"そよかぜさん", "デモ 太郎", "あおば市", {"salon", "hotline"}, "active", 2},
      {"こすもすさん", "デモ 美和", "みなと市", {"talk", "hotline", "storyteller"}, "active", -1},
      {"さざなみさん", "デモ 健一", "いずみ市", {"salon", "talk"}, "active", 8},
      {"つくしさん", "デモ 恵子", "みどり市", {"salon"}, "paused", 0}};
}

int Count(Services& sv, const std::string& sql, std::int64_t org) {
  auto n = sv.db.Read<int>([&](soci::session& s) {
    long long o = org;
    int count = 0;
    s << sql, soci::use(o), soci::into(count);
    return count;
  });
  return n ? *n : -1;
}

}  // namespace

core::Status AddDemoSalons(Services& sv) {
  const auto org = DemoOrgId(sv, kPrefecture);
  const auto jimu = DemoUserId(sv, "jimu@demo.tsunagu.jp");
  if (org == 0 || jimu == 0) return core::OkStatus();
  if (Count(sv, "SELECT COUNT(*) FROM salon WHERE organization_id = :o", org) != 0) {
    return core::OkStatus();
  }
  const auto* holidays = consultations::LoadedHolidays(sv.config.data_dir);
  if (holidays == nullptr) return core::Error::Invalid("holiday data");
  const auth::Principal who = DemoMember(jimu, org, auth::Role::kAdmin);
  const audit::Actor actor{jimu, org, "cli", "demo"};
  salons::SalonService salon_service(
      sv.db, sv.clock, *holidays, {sv.cipher, sv.outbox, sv.catalog, sv.config.server.public_url});
  std::vector<std::int64_t> salon_ids;
  for (const auto& d : kSalons) {
    salons::SalonInput in;
    in.name = d.name;
    in.furigana = d.furigana;
    in.host_kind = d.host_kind;
    in.host_name = d.host;
    in.caretaker_roles = "代表世話人・ピアサポーター";
    in.rule.occurrences = {{d.nth, d.weekday}};
    in.rule.start_minutes = d.start;
    in.rule.end_minutes = d.end;
    in.venue = std::string(d.host) + " 相談室（デモ）";
    in.access = "最寄りのバス停から徒歩5分（デモ）";
    in.municipality = d.municipality;
    in.audience = "がんの患者さんとご家族（治療中・治療後を問いません）";
    in.network = kNetwork;
    in.contact = std::string(d.host) + " 096-000-0000（デモ）";
    auto id = salon_service.Create(who, actor, in);
    if (!id) return id.error();
    salon_ids.push_back(*id);
  }

  // おしゃべり相談室 (seed 004: 毎月17日間開催): one in the demo, with peers on shift.
  events::EventService events(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog,
                              sv.config.server.public_url);
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  events::EventInput talk;
  talk.kind = "peer_talk";
  talk.title = "がんピアおしゃべり相談室（デモ）";
  talk.description = "がんを経験したピア・サポーターが、お話をうかがいます。予約不要・無料です。";
  talk.date = core::ToIso(core::AddDays(today, 8));
  talk.start_minutes = 13 * 60;
  talk.end_minutes = 16 * 60;
  talk.venue = "つなぐ県がん相談支援センター 相談室";
  talk.audiences = {"patient", "family"};
  talk.contact = "つなぐ県がん連携サポートセンター 096-000-1111（デモ）";
  talk.status = "published";
  auto talk_id = events.Create(who, actor, talk);
  if (!talk_id) return talk_id.error();

  peers::PeerService peer_service(sv.db, sv.clock, sv.cipher);
  const std::string consent = core::ToIso(core::FiscalYearStart(core::FiscalYear(today)));
  const std::string earlier = core::ToIso(core::AddDays(today, -60));
  int n = 0;
  for (const auto& p : Peers()) {
    peers::PeerInput in;
    in.display_name = p.display_name;
    in.real_name = p.real_name;
    in.phone = "090-0000-000" + std::to_string(n);
    in.email = "peer" + std::to_string(n) + "@demo.tsunagu.jp";
    in.address = std::string(p.area) + "（デモ）";
    in.area = p.area;
    in.consent_date = consent;
    in.activities = p.activities;
    in.salon_id = p.salon >= 0 ? salon_ids[static_cast<std::size_t>(p.salon)] : 0;
    in.status = p.status;
    auto id = peer_service.Create(who, actor, in);
    if (!id) return id.error();
    if (auto t = peer_service.AddTraining(who, actor, *id, {"basic", consent, 0}); !t) {
      return t.error();
    }
    if (n < 3) {
      if (auto t = peer_service.AddTraining(who, actor, *id, {"follow_up", earlier, 0}); !t) {
        return t.error();
      }
    }
    if (n == 0 || n == 2) {
      peers::ShiftInput shift{"peer_talk", *talk_id, "", -1, -1};
      if (auto s = peer_service.AddShift(who, actor, *id, shift); !s) return s.error();
    }
    if (n == 1 || n == 2) {
      const std::string date = core::ToIso(core::AddDays(today, 3 + n));
      peers::ShiftInput shift{"hotline", 0, date, 10 * 60, 15 * 60};
      if (auto s = peer_service.AddShift(who, actor, *id, shift); !s) return s.error();
    }
    if (n == 0) {
      if (auto x = peer_service.AddDispatch(
              who, actor, *id,
              {earlier, "palliative_training", "みどり市立病院 緩和ケア研修会（デモ）",
               "storyteller", "体験談20分と質疑応答"});
          !x) {
        return x.error();
      }
    }
    if (n == 2) {
      if (auto x = peer_service.AddDispatch(
              who, actor, *id,
              {earlier, "peer_training", "ピア・サポーター養成研修会（デモ）", "facilitator", ""});
          !x) {
        return x.error();
      }
    }
    ++n;
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
