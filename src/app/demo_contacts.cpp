#include "app/demo_contacts.hpp"

#include <algorithm>

#include "app/demo_support.hpp"
#include "core/wareki.hpp"
#include "employment/contacts/contact_service.hpp"

namespace tsunagu::app {

core::Status AddDemoContacts(Services& sv, std::int64_t npo, std::int64_t admin) {
  struct Found {
    long long contacts = 0;
    long long case_id = 0;
  };
  auto found = sv.db.Read<Found>([&](soci::session& s) {
    Found f;
    long long org = npo;
    s << "SELECT COUNT(*) FROM support_contact WHERE organization_id = :o", soci::use(org),
        soci::into(f.contacts);
    soci::indicator ind = soci::i_null;
    s << "SELECT MIN(id) FROM support_case WHERE organization_id = :o AND status <> 'closed'",
        soci::use(org), soci::into(f.case_id, ind);
    if (ind == soci::i_null) f.case_id = 0;
    return f;
  });
  if (!found) return found.error();
  if (found->contacts > 0) return core::OkStatus();

  const auto who = DemoMember(admin, npo, auth::Role::kAdmin);
  const audit::Actor actor{admin, npo, "cli", "demo"};
  employment::contacts::ContactService contacts(sv.db, sv.clock, sv.cipher);
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  const core::Date start = core::FiscalYearStart(core::FiscalYear(today));
  const int span = std::max(0, core::DaysBetween(start, today));

  struct Demo {
    const char* requester;
    const char* channel;
    int minutes;
    const char* topics[2];
    const char* summary;
    const char* employer_name;
    bool on_case;
  };
  // Invented; no real person or company.
  const Demo demo[] = {
      {"self",
       "phone",
       25,
       {"leave_return", "money"},
       "休職中。傷病手当金の期間と復職の時期について電話で相談。",
       "",
       true},
      {"family",
       "visit",
       40,
       {"job_search", "family"},
       "配偶者が来所。治療を続けながら働ける求人を知りたい。",
       "",
       false},
      {"self",
       "online",
       50,
       {"keep_working", "telling_work"},
       "オンライン面談。職場に病気をどこまで伝えるか整理した。",
       "",
       false},
      {"self",
       "email",
       15,
       {"job_search", "other"},
       "メールで短時間勤務の求人の探し方を問い合わせ。",
       "",
       false},
      {"other",
       "phone",
       10,
       {"other", "peer"},
       "支援者から患者会の紹介先の問い合わせ。",
       "",
       false},
      {"employer",
       "phone",
       35,
       {"keep_working", "telling_work"},
       "人事担当者から、がん治療中の従業員の短時間勤務と通院休暇の相談。従業員の氏名は聞いていない"
       "。",
       "みどり運輸株式会社",
       false},
      {"employer",
       "visit",
       60,
       {"leave_return", "keep_working"},
       "経営者が来所。難病の従業員の復職に向けた配置と勤務時間の相談。",
       "有限会社あおば食品",
       false},
  };
  const int count = static_cast<int>(std::size(demo));
  for (int i = 0; i < count; ++i) {
    const auto& d = demo[i];
    employment::contacts::ContactInput in;
    in.requester_kind = d.requester;
    in.channel = d.channel;
    in.minutes = d.minutes;
    in.topics = {d.topics[0], d.topics[1]};
    in.summary = d.summary;
    in.employer_name = d.employer_name;
    if (d.on_case) in.case_id = found->case_id;
    // Spread over the year so far, the last one today.
    in.contacted_on = core::ToIso(core::AddDays(start, span * (i + 1) / count));
    auto made = contacts.Create(who, actor, in);
    if (!made) return made.error();
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
