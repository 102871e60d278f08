#include "app/demo_rights.hpp"

#include "app/demo_support.hpp"
#include "core/wareki.hpp"
#include "rights/rights_service.hpp"

namespace tsunagu::app {

core::Status AddDemoRights(Services& sv, std::int64_t npo, std::int64_t admin) {
  auto requests = sv.db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long org = npo;
    s << "SELECT COUNT(*) FROM rights_request WHERE organization_id = :o", soci::use(org),
        soci::into(n);
    return n;
  });
  if (!requests) return requests.error();
  if (*requests > 0) return core::OkStatus();

  const auto who = DemoMember(admin, npo, auth::Role::kAdmin);
  const audit::Actor actor{admin, npo, "cli", "demo"};
  rights::RightsService rights(sv.db, sv.clock, sv.cipher);
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  // Invented people; no real person.
  auto person = [&](const char* name, const char* kana, const char* phone) {
    clients::ClientInput in;
    in.name = name;
    in.kana = kana;
    in.phone = phone;
    in.age_band = "40s";
    in.gender = "other";
    in.municipality = "仙台市泉区";
    return sv.clients.Create(who, actor, in);
  };
  auto disclosed = person("開示 見本子", "かいじ みほんこ", "090-0000-3301");
  if (!disclosed) return disclosed.error();
  auto stopped = person("停止 見本太", "ていし みほんた", "090-0000-3302");
  if (!stopped) return stopped.error();

  auto request = [&](std::int64_t client, const char* kind, int days_ago) {
    rights::RightsRequestInput in;
    in.client_id = client;
    in.kind = kind;
    in.requester = "self";
    in.received_on = core::ToIso(core::AddDays(today, -days_ago));
    return rights.AddRequest(who, actor, in);
  };
  auto asked = request(*disclosed, "disclosure", 10);
  if (!asked) return asked.error();
  if (auto d = rights.Disclose(who, actor, *disclosed, "html"); !d) return d.error();
  if (auto st =
          rights.Answer(who, actor, *asked, "answered", core::ToIso(core::AddDays(today, -3)));
      !st) {
    return st;
  }
  auto stop = request(*stopped, "stop", 6);
  if (!stop) return stop.error();
  if (auto st = rights.StopUse(who, actor, *stopped); !st) return st;
  if (auto st = rights.Answer(who, actor, *stop, "answered", core::ToIso(core::AddDays(today, -5)));
      !st) {
    return st;
  }
  auto pending = request(*disclosed, "correction", 3);
  if (!pending) return pending.error();
  return core::OkStatus();
}

}  // namespace tsunagu::app
