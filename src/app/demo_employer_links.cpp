#include "app/demo_employer_links.hpp"

#include <iostream>

#include "employment/links/link_service.hpp"

namespace tsunagu::app {
namespace {

auth::Principal Member(std::int64_t user, std::int64_t org) {
  auth::Principal p;
  p.user_id = user;
  p.stage = "full";
  p.organization_id = org;
  p.role = auth::Role::kAdmin;
  return p;
}

std::string TokenOf(const std::string& url) {
  const auto at = url.rfind("/l/");
  return at == std::string::npos ? std::string() : url.substr(at + 3);
}

}  // namespace

core::Status AddDemoEmployerLinks(Services& sv, std::int64_t hospital, std::int64_t agency,
                                  std::int64_t career) {
  struct Found {
    long long case_id = 0;
    long long consent_id = 0;
    long long links = 0;
  };
  auto found = sv.db.Read<Found>([&](soci::session& s) {
    Found f;
    long long from = hospital;
    long long to = agency;
    soci::indicator ind = soci::i_null;
    s << "SELECT MIN(r.case_id) FROM referral r WHERE r.from_org_id = :f AND r.to_org_id = :t "
         "AND r.case_id IS NOT NULL",
        soci::into(f.case_id, ind), soci::use(from), soci::use(to);
    if (ind != soci::i_ok) f.case_id = 0;
    if (f.case_id == 0) return f;
    soci::indicator kind = soci::i_null;
    s << "SELECT MAX(k.id) FROM consent k JOIN support_case sc ON sc.client_id = k.client_id "
         "WHERE sc.id = :c AND k.purpose = 'workplace_coordination' AND k.withdrawn_at IS NULL",
        soci::into(f.consent_id, kind), soci::use(f.case_id);
    if (kind != soci::i_ok) f.consent_id = 0;
    s << "SELECT COUNT(*) FROM employer_link WHERE case_id = :c", soci::into(f.links),
        soci::use(f.case_id);
    return f;
  });
  if (!found) return found.error();
  if (found->case_id == 0 || found->consent_id == 0 || found->links > 0) return core::OkStatus();

  employment::links::LinkService links(sv.db, sv.clock, sv.cipher, sv.config, sv.catalog, sv.outbox,
                                       sv.bus, sv.forms.catalog());
  const auto worker = Member(career, agency);
  const audit::Actor actor{career, agency, "cli", "demo"};
  employment::links::LinkInput in;
  in.consent_id = found->consent_id;
  in.recipient_kind = "employer";
  in.asks = {"work_info_form"};
  in.recipient_name = "人事部 みどり 花子（デモ）";
  in.recipient_email = "jinji@midori-seisakusho.example.jp";
  in.delivery = "print";
  auto first = links.Create(worker, actor, found->case_id, in);
  if (!first) return first.error();
  // The employer has returned the 勤務情報提供書 through it.
  const audit::Actor employer{0, 0, "203.0.113.10", "demo"};
  forms::Input answers = {
      {"employee_name", "デモ 相談者D"},
      {"occupation", "事務（経理）"},
      {"duties_text", "伝票の入力と月次の集計。立ち仕事はほとんどない（デモ）。"},
      {"days_per_week", "5"},
      {"company_name", "株式会社みどり製作所"}};
  if (auto saved = links.Save(TokenOf(first->url), employer, "work_info_form", answers, true);
      !saved) {
    return saved.error();
  }
  // A live link for the employer's part of the assessment and the stamped form.
  in.asks = {"assessment_employer", "upload"};
  auto live = links.Create(worker, actor, found->case_id, in);
  if (!live) return live.error();
  std::cout << "employer link (demo case " << found->case_id << "): " << live->url << "\n";
  return core::OkStatus();
}

}  // namespace tsunagu::app
