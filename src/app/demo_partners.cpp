#include "app/demo_partners.hpp"

#include <algorithm>

#include "app/demo_support.hpp"
#include "orgs/org_store.hpp"
#include "storage/row.hpp"

namespace tsunagu::app {
namespace {

constexpr const char* kPrefecture = "つなぐ県 保健医療部 疾病対策課";
constexpr const char* kSanpo = "つなぐ産業保健総合支援センター";
constexpr const char* kProgram = "働くがん患者のためのワンストップ相談";

}  // namespace

core::Status AddDemoPartners(Services& sv) {
  const std::int64_t prefecture = DemoOrgId(sv, kPrefecture);
  const std::int64_t sanpo = DemoOrgId(sv, kSanpo);
  const std::int64_t jimu = DemoUserId(sv, "jimu@demo.tsunagu.jp");
  const std::int64_t promoter = DemoUserId(sv, "sokushin@demo.tsunagu.jp");
  const std::int64_t nurse = DemoUserId(sv, "soudan-kango@demo.tsunagu.jp");
  if (prefecture == 0 || sanpo == 0 || jimu == 0 || promoter == 0) return core::OkStatus();
  auto program = DemoProgramId(sv, prefecture, kProgram);
  if (!program) return program.error();
  if (*program == 0) return core::OkStatus();
  const auth::Principal office = DemoMember(jimu, prefecture, auth::Role::kAdmin);
  const audit::Actor actor{jimu, prefecture, "cli", "demo"};
  auto partners = sv.partners.Partners(office, *program);
  if (!partners) return partners.error();
  if (!partners->partners.empty()) return core::OkStatus();  // done on an earlier run
  if (auto st = sv.partners.Add(office, actor, *program, sanpo); !st) return st;

  auto days =
      sv.consultations.OpenDays(*program, core::DateFromUnixSeconds(sv.clock.NowSeconds()), 1);
  if (!days) return days.error();
  if (days->empty()) return core::OkStatus();
  const std::int64_t day = days->front().id;
  auto roster = sv.board.Roster(office, *program, day);
  if (!roster) return roster.error();
  std::vector<std::int64_t> ids;
  for (const auto& r : *roster) ids.push_back(r.user_id);
  if (std::find(ids.begin(), ids.end(), promoter) == ids.end()) ids.push_back(promoter);
  if (auto st = sv.board.SetRoster(office, actor, *program, day, ids); !st) return st;

  // The promoter, the 事務局 and the nurse have acknowledged the pledge; the 社会保険労務士
  // on the same roster has not (the roster page shows it).
  const auth::Principal promoter_who = DemoMember(promoter, sanpo, auth::Role::kCounselor);
  const audit::Actor promoter_actor{promoter, sanpo, "cli", "demo"};
  if (auto st = sv.partners.Acknowledge(promoter_who, promoter_actor, *program, day); !st) {
    return st;
  }
  if (auto st = sv.partners.Acknowledge(office, actor, *program, day); !st) return st;
  if (nurse != 0) {
    const audit::Actor nurse_actor{nurse, prefecture, "cli", "demo"};
    auto st = sv.partners.Acknowledge(DemoMember(nurse, prefecture, auth::Role::kCounselor),
                                      nurse_actor, *program, day);
    if (!st) return st;
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
