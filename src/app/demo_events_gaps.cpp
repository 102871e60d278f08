#include "app/demo_events_gaps.hpp"

#include "app/demo_support.hpp"
#include "events/event_service.hpp"

namespace tsunagu::app {
namespace {

constexpr const char* kPrefecture = "つなぐ県 保健医療部 疾病対策課";
constexpr const char* kContact = "つなぐ県 保健医療部 疾病対策課（電話 000-0000-0000）";

events::EventInput Event(Services& sv, const char* title, const char* kind, int in_days,
                         int start_minutes, int places) {
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  events::EventInput in;
  in.kind = kind;
  in.title = title;
  in.description = "職員の操作（電話での繰り上げ確定、通信が切れたときの受付）の見本です。";
  in.date = core::ToIso(core::AddDays(today, in_days));
  in.start_minutes = start_minutes;
  in.end_minutes = start_minutes + 120;
  in.venue = "つなぐ県 県民会館 第3会議室";
  in.access = "県庁前駅から徒歩5分";
  in.venue_capacity = places;
  in.audiences = {"patient", "family"};
  in.fee = "無料";
  in.contact = kContact;
  in.status = "published";
  return in;
}

events::RegistrationRequest ByPhone(std::int64_t event_id, const char* name, const char* furigana,
                                    int i) {
  events::RegistrationRequest r;
  r.event_id = event_id;
  r.mode = "venue";
  r.channel = "phone";
  r.affiliation = "patient";
  r.municipality = "みどり市";
  r.person.name = name;
  r.person.furigana = furigana;
  r.person.phone = "0000000" + std::to_string(3000 + i);
  r.accept_waiting = true;
  return r;
}

}  // namespace

core::Status AddDemoEventsGaps(Services& sv) {
  const std::int64_t org = DemoOrgId(sv, kPrefecture);
  const std::int64_t user = DemoUserId(sv, "jimu@demo.tsunagu.jp");
  if (org == 0 || user == 0) return core::OkStatus();
  events::EventService service(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog,
                               sv.config.server.public_url);
  const auth::Principal who = DemoMember(user, org, auth::Role::kAdmin);
  const audit::Actor actor{user, org, "cli", "demo"};

  // One place; the person who had it cancelled, and it is held for 電話 待子, who has no e-mail:
  // staff call her and confirm (or record that she declined) on the registration list.
  const char* offer_title = "就労相談セミナー（電話の方に繰り上げ中）";
  if (!DemoEventExists(sv, org, offer_title)) {
    auto id = service.Create(who, actor, Event(sv, offer_title, "seminar", 20, 14 * 60, 1));
    if (!id) return id.error();
    auto first = service.RegisterByStaff(who, actor, ByPhone(*id, "電話 一子", "でんわ いちこ", 0));
    if (!first) return first.error();
    auto waiting =
        service.RegisterByStaff(who, actor, ByPhone(*id, "電話 待子", "でんわ まちこ", 1));
    if (!waiting) return waiting.error();
    if (auto st = service.CancelByStaff(who, actor, *id, first->registration_id); !st) return st;
  }
  // Today, nobody checked in yet: the browser test takes the phone off the network here.
  const char* today_title = "ピアサポートカフェ（本日・通信切れの練習）";
  if (!DemoEventExists(sv, org, today_title)) {
    auto id = service.Create(who, actor, Event(sv, today_title, "peer_cafe", 0, 18 * 60, 20));
    if (!id) return id.error();
    const char* names[][2] = {{"通信 一郎", "つうしん いちろう"},
                              {"通信 二郎", "つうしん じろう"},
                              {"通信 三郎", "つうしん さぶろう"}};
    int i = 10;
    for (const auto& name : names) {
      if (auto r = service.RegisterByStaff(who, actor, ByPhone(*id, name[0], name[1], i++)); !r) {
        return r.error();
      }
    }
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
