#include "sharing_data.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "consultation_data.hpp"

namespace tsunagu::testing {

SharingWorld BuildSharingWorld(TestServer& t, bool share, bool accept) {
  SharingWorld w;
  w.hospital = t.CreateOrg("共有テスト病院 がん相談支援センター", "hospital");
  w.agency = t.CreateOrg("共有テスト就労支援センター", "employment_support");
  w.stranger = t.CreateOrg("共有テスト別病院", "hospital");
  // Addresses unique to this world: the SMTP sink is shared by every test of the process.
  static std::atomic<int> worlds{0};
  const std::string n = std::to_string(++worlds);
  w.nurse_email = "nurse" + n + "@hospital.test";
  w.agency_email = "worker" + n + "@agency.test";
  w.agency_coordinator_email = "coord" + n + "@agency.test";
  w.stranger_email = "admin" + n + "@stranger.test";
  w.hospital_viewer_email = "viewer" + n + "@hospital.test";
  const auto nurse = t.CreateUser({w.nurse_email, "病院 看護師", "counselor", "nurse", w.hospital});
  const auto worker =
      t.CreateUser({w.agency_email, "支援 太郎", "counselor", "career_consultant", w.agency});
  const auto coordinator = t.CreateUser(
      {w.agency_coordinator_email, "支援 事務局", "coordinator", "clerical", w.agency});
  const auto stranger = t.CreateUser({w.stranger_email, "別 管理者", "admin", "msw", w.stranger});
  const auto viewer =
      t.CreateUser({w.hospital_viewer_email, "病院 閲覧者", "viewer", "clerical", w.hospital});
  w.nurse = As(nurse, w.hospital, auth::Role::kCounselor);
  w.agency_worker = As(worker, w.agency, auth::Role::kCounselor);
  w.agency_coordinator = As(coordinator, w.agency, auth::Role::kCoordinator);
  w.stranger_admin = As(stranger, w.stranger, auth::Role::kAdmin);
  w.hospital_viewer = As(viewer, w.hospital, auth::Role::kViewer);
  if (!share) return w;

  clients::ClientInput person;
  person.name = kSharedName;
  person.kana = kSharedKana;
  person.phone = "090-2222-3333";
  person.email = "hanako@example.jp";
  person.birth_year = 1978;
  person.gender = "female";
  person.municipality = "仙台市";
  person.diagnosis = kSharedDiagnosis;
  person.treatment_status = "during";
  person.work_status = "on_leave";
  person.employer = "カナリア商事";
  auto client = t.sv().clients.Create(w.nurse, {}, person);
  EXPECT_TRUE(client.ok());
  w.client = client ? *client : 0;

  sharing::ConsentInput consent;
  consent.organizations = {w.agency};
  consent.items = {"basic", "medical", "work", "records", "documents"};
  consent.purpose = "employment_support";
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  consent.valid_from = core::ToIso(today);
  consent.valid_until = core::ToIso(core::AddDays(today, 365));
  consent.method = "written";
  auto recorded = t.sv().consents.Record(w.nurse, {}, w.client, consent);
  EXPECT_TRUE(recorded.ok());
  w.consent = recorded ? *recorded : 0;

  referrals::ReferralInput referral;
  referral.to_org_id = w.agency;
  referral.reason = "employment_support";
  referral.note = kSharedNote;
  auto sent = t.sv().referrals.Send(w.nurse, {}, w.client, referral);
  EXPECT_TRUE(sent.ok());
  w.referral = sent ? *sent : 0;
  if (!accept) return w;
  auto opened = t.sv().referrals.Accept(w.agency_worker, {}, w.referral, 1);
  EXPECT_TRUE(opened.ok());
  w.case_id = opened ? *opened : 0;
  return w;
}

std::int64_t RecordWorkplaceConsent(TestServer& t, const SharingWorld& w,
                                    const std::string& employer_email) {
  sharing::ConsentInput consent;
  consent.organizations = {w.agency};
  consent.items = {"records", "documents"};
  consent.purpose = "workplace_coordination";
  consent.employer = "カナリア商事";
  consent.employer_email = employer_email;
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  consent.valid_from = core::ToIso(today);
  consent.valid_until = core::ToIso(core::AddDays(today, 180));
  consent.method = "written";
  auto recorded = t.sv().consents.Record(w.nurse, {}, w.client, consent);
  EXPECT_TRUE(recorded.ok());
  return recorded ? *recorded : 0;
}

std::string WaitForMail(const std::string& to, const std::string& needle) {
  for (;;) {
    std::string mail = MailSink::Get().WaitFor(to);
    if (mail.empty() || mail.find(needle) != std::string::npos) return mail;
  }
}

}  // namespace tsunagu::testing
