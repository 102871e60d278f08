#include "app/demo_long_case.hpp"

#include <array>
#include <string>

#include "app/demo_support.hpp"
#include "cases/case_service.hpp"
#include "clients/client_service.hpp"
#include "core/wareki.hpp"

namespace tsunagu::app {
namespace {

// The case page shows the newest 50 entries at first (cases/handlers): more than that here.
constexpr int kEntries = 64;
constexpr int kDaysBetween = 7;

struct Step {
  const char* kind;
  const char* body;
};

// A year of support as it is written down: interviews, calls with the employer and Hello Work,
// a visit together, notes. Used in turn, oldest first.
constexpr std::array<Step, 8> kSteps = {{
    {"interview", "定期面談。体調と通院の予定、仕事への気持ちを伺った（デモ）。"},
    {"note", "主治医意見書の内容を確認。就業上の配慮事項を整理した（デモ）。"},
    {"employer_contact", "勤務先の人事担当者と電話。短時間勤務の制度について確認した（デモ）。"},
    {"interview", "面談。治療の副作用で疲れやすく、午前中の勤務を希望（デモ）。"},
    {"agency_contact", "ハローワークの専門相談員と連絡。求人の状況を共有した（デモ）。"},
    {"accompanied_visit", "勤務先での面談に同行。復職後の業務内容を話し合った（デモ）。"},
    {"note", "両立支援プランの見直し。次回までの課題を確認した（デモ）。"},
    {"interview", "面談。職場での困りごとと体調の変化を伺った（デモ）。"},
}};

}  // namespace

core::Status AddDemoLongCase(Services& sv, std::int64_t npo, std::int64_t admin) {
  auto existing = sv.db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long org = npo;
    long long enough = kEntries;
    s << "SELECT COUNT(*) FROM support_case sc WHERE sc.organization_id = :o AND (SELECT "
         "COUNT(*) FROM timeline_entry e WHERE e.case_id = sc.id) >= :n",
        soci::use(org), soci::use(enough), soci::into(n);
    return n;
  });
  if (!existing) return existing.error();
  if (*existing != 0) return core::OkStatus();

  const auto worker = DemoMember(admin, npo, auth::Role::kAdmin);
  const audit::Actor actor{admin, npo, "cli", "demo"};
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());

  clients::ClientInput person;
  person.name = "デモ 相談者L";
  person.kana = "でも そうだんしゃえる";
  person.phone = "090-0000-0012";
  person.age_band = "50s";
  person.gender = "male";
  person.municipality = "あおば市";
  person.diagnosis = "大腸がん（デモ）";
  person.treatment_status = "follow_up";
  person.work_status = "employed";
  person.employer = "あおば運輸株式会社";
  auto client = sv.clients.Create(worker, actor, person);
  if (!client) return client.error();
  auto case_id = sv.cases.Open(worker, actor, *client);
  if (!case_id) return case_id.error();
  // Oldest first, a week apart, the last one yesterday: each written "late", as offices do.
  for (int i = 0; i < kEntries; ++i) {
    const Step& step = kSteps[static_cast<std::size_t>(i) % kSteps.size()];
    const int days_ago = (kEntries - i) * kDaysBetween - (kDaysBetween - 1);
    cases::EntryInput entry{step.kind, core::ToIso(core::AddDays(today, -days_ago)), step.body, {}};
    if (auto e = sv.cases.AddEntry(worker, actor, *case_id, entry); !e) return e.error();
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app
