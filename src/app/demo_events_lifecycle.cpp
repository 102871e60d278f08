#include "app/demo_events_lifecycle.hpp"

#include "app/demo_support.hpp"
#include "events/event_service.hpp"

namespace tsunagu::app {
namespace {

constexpr const char* kPrefecture = "つなぐ県 保健医療部 疾病対策課";
constexpr const char* kContact = "つなぐ県 保健医療部 疾病対策課（電話 000-0000-0000）";

events::EventInput Event(Services& sv, const char* title, int in_days, int venue, int online) {
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  events::EventInput in;
  in.kind = online > 0 ? "peer_cafe" : "seminar";
  in.title = title;
  in.description = "申込み後の流れ（オンライン参加用ページ、キャンセル待ちの繰り上げ）の見本です。";
  in.date = core::ToIso(core::AddDays(today, in_days));
  in.start_minutes = 14 * 60;
  in.end_minutes = 16 * 60;
  if (venue > 0) {
    in.venue = "つなぐ県 県民会館 第2会議室";
    in.access = "県庁前駅から徒歩5分";
  }
  in.venue_capacity = venue;
  in.online_capacity = online;
  if (online > 0) in.meeting_url = "https://meeting.example.jp/demo-lifecycle";
  in.audiences = {"patient", "family"};
  in.fee = "無料";
  in.contact = kContact;
  in.status = "published";
  return in;
}

events::RegistrationRequest Person(std::int64_t event_id, const std::string& mode, int i,
                                   const std::string& email) {
  events::RegistrationRequest r;
  r.event_id = event_id;
  r.mode = mode;
  r.channel = "mail";
  r.affiliation = i % 2 == 0 ? "patient" : "family";
  r.municipality = "みどり市";
  r.person.name = "見本 申込者" + std::to_string(i + 1);
  r.person.furigana = "みほん もうしこみしゃ";
  r.person.phone = "0000000" + std::to_string(2000 + i);
  r.person.email = email;
  r.accept_waiting = true;
  return r;
}

}  // namespace

core::Status AddDemoEventsLifecycle(Services& sv) {
  const std::int64_t org = DemoOrgId(sv, kPrefecture);
  const std::int64_t user = DemoUserId(sv, "jimu@demo.tsunagu.jp");
  if (org == 0 || user == 0) return core::OkStatus();
  events::EventService service(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog,
                               sv.config.server.public_url);
  const auth::Principal who = DemoMember(user, org, auth::Role::kAdmin);
  const audit::Actor actor{user, org, "cli", "demo"};

  // Tomorrow, online: the link mail (two days before) is due, so each registrant got it.
  const char* online_title = "オンライン交流会（参加用ページ案内済み）";
  if (!DemoEventExists(sv, org, online_title)) {
    auto id = service.Create(who, actor, Event(sv, online_title, 1, 0, 30));
    if (!id) return id.error();
    for (int i = 0; i < 3; ++i) {
      auto r = Person(*id, "online", i, "online-demo" + std::to_string(i + 1) + "@example.jp");
      if (auto done = service.RegisterByStaff(who, actor, r); !done) return done.error();
    }
  }
  // A full venue: one of the two places was given back and is held for the first person
  // waiting until they confirm.
  const char* waitlist_title = "両立支援セミナー（キャンセル待ちの繰り上げ中）";
  if (!DemoEventExists(sv, org, waitlist_title)) {
    auto id = service.Create(who, actor, Event(sv, waitlist_title, 14, 2, 0));
    if (!id) return id.error();
    std::int64_t first = 0;
    for (int i = 0; i < 4; ++i) {
      auto r = Person(*id, "venue", i, "waitlist-demo" + std::to_string(i + 1) + "@example.jp");
      auto done = service.RegisterByStaff(who, actor, r);
      if (!done) return done.error();
      if (i == 0) first = done->registration_id;
    }
    if (auto st = service.CancelByStaff(who, actor, *id, first); !st) return st;
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
