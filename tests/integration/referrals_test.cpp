// 紹介・引継ぎ (closed loop) on both engines: a hospital refers a client to an employment-support
// agency only under a consent; the agency is told by e-mail without personal data, the APPI
// provision is recorded, and every answer (accept → case, decline, start, complete, withdraw)
// reaches the sender's page with who, which organisation and when. Strangers see nothing,
// viewers are refused, stale pages get a conflict, and an open page is told live.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Canaries of this file: none may reach an e-mail or a stranger's page.
constexpr const char* kName = "紹介カナリア氏名RZ";
constexpr const char* kDiagnosis = "紹介カナリア診断RZ";
constexpr const char* kNote = "紹介カナリアメモRZ";
constexpr const char* kOtherName = "別ペアカナリア氏名RZ";

struct World {
  std::int64_t hospital = 0, agency = 0, stranger = 0;
  std::string nurse_email = "ref-nurse@hospital.test";
  std::string worker_email = "ref-worker@agency.test";
  std::string coordinator_email = "ref-coord@agency.test";
  std::string stranger_email = "ref-admin@stranger.test";
  std::string viewer_email = "ref-viewer@hospital.test";
  auth::Principal nurse, worker, coordinator, stranger_admin;
  std::int64_t client = 0;
};

World Build(TestServer& t) {
  World w;
  w.hospital = t.CreateOrg("紹介テスト病院 がん相談支援センター", "hospital");
  w.agency = t.CreateOrg("紹介テスト就労支援センター", "employment_support");
  w.stranger = t.CreateOrg("紹介テスト別病院", "hospital");
  const auto nurse =
      t.CreateUser({w.nurse_email, "病院 紹介看護師", "counselor", "nurse", w.hospital});
  const auto worker =
      t.CreateUser({w.worker_email, "支援 受理担当", "counselor", "career_consultant", w.agency});
  const auto coordinator =
      t.CreateUser({w.coordinator_email, "支援 事務局員", "coordinator", "clerical", w.agency});
  const auto stranger = t.CreateUser({w.stranger_email, "別院 管理者", "admin", "msw", w.stranger});
  t.CreateUser({w.viewer_email, "病院 閲覧者", "viewer", "clerical", w.hospital});
  w.nurse = As(nurse, w.hospital, auth::Role::kCounselor);
  w.worker = As(worker, w.agency, auth::Role::kCounselor);
  w.coordinator = As(coordinator, w.agency, auth::Role::kCoordinator);
  w.stranger_admin = As(stranger, w.stranger, auth::Role::kAdmin);

  clients::ClientInput person;
  person.name = kName;
  person.kana = "しょうかい はなこ";
  person.birth_year = 1980;
  person.gender = "female";
  person.municipality = "仙台市";
  person.diagnosis = kDiagnosis;
  person.treatment_status = "during";
  person.work_status = "on_leave";
  auto client = t.sv().clients.Create(w.nurse, {}, person);
  EXPECT_TRUE(client.ok());
  w.client = client ? *client : 0;
  return w;
}

std::int64_t RecordConsent(TestServer& t, const auth::Principal& who, std::int64_t client,
                           std::int64_t to, std::vector<std::string> items) {
  sharing::ConsentInput consent;
  consent.organizations = {to};
  consent.items = std::move(items);
  consent.purpose = "employment_support";
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  consent.valid_from = core::ToIso(today);
  consent.valid_until = core::ToIso(core::AddDays(today, 365));
  consent.method = "written";
  auto id = t.sv().consents.Record(who, {}, client, consent);
  EXPECT_TRUE(id.ok());
  return id ? *id : 0;
}

// A consent for every item and a referral sent through the service.
std::int64_t SendReferral(TestServer& t, const World& w) {
  RecordConsent(t, w.nurse, w.client, w.agency,
                {"basic", "medical", "work", "records", "documents"});
  referrals::ReferralInput in;
  in.to_org_id = w.agency;
  in.reason = "employment_support";
  in.note = kNote;
  auto sent = t.sv().referrals.Send(w.nurse, {}, w.client, in);
  EXPECT_TRUE(sent.ok());
  return sent ? *sent : 0;
}

std::string Path(std::int64_t id) {
  return "/referrals/" + std::to_string(id);
}

std::string NewPath(const World& w) {
  return "/clients/" + std::to_string(w.client) + "/referrals/new";
}

long long Count(TestServer& t, const std::string& sql) {
  return *t.app().db().Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << sql, soci::into(n);
    return n;
  });
}

referrals::Referral Current(TestServer& t, const World& w, std::int64_t id) {
  auto r = t.sv().referrals.Get(w.nurse, {}, id);
  EXPECT_TRUE(r.ok());
  return r ? *r : referrals::Referral{};
}

std::string History(const std::string& page) {
  return TextBetween(page, "class=\"referral-history\"", "</ol>");
}

int Occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(Referrals, WithoutConsentIsRefusedWithTheMessageAndNothingIsStored) {
  TestServer t;
  auto w = Build(t);
  auto hospital = t.LoginAs(w.nurse_email);
  // With no consent, the page says first that one is needed and links to recording it,
  // instead of offering organisations only to refuse each one.
  auto form = hospital.Get(NewPath(w));
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("紹介の前に、相談者の同意を記録してください"));
  EXPECT_THAT(form.body,
              HasSubstr("href=\"/clients/" + std::to_string(w.client) + "/consents/new\""));
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"to_org_id\"")));
  EXPECT_THAT(form.body, Not(HasSubstr("同意なし")));

  auto refused = hospital.Submit(
      NewPath(w),
      {{"to_org_id", std::to_string(w.agency)}, {"reason", "employment_support"}, {"note", kNote}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("この機関への紹介を認める同意がありません"));
  EXPECT_THAT(refused.body, HasSubstr("field--error"));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#to_org_id\""));
  EXPECT_THAT(refused.body,
              HasSubstr("href=\"/clients/" + std::to_string(w.client) + "/consents/new\""));
  EXPECT_THAT(refused.body, HasSubstr(kNote));  // what was typed is kept
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM referral"), 0);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM referral_event"), 0);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM provision_record"), 0);

  // Every mistake is told at once: the missing consent and the missing purpose.
  auto both = hospital.Submit(
      NewPath(w), {{"to_org_id", std::to_string(w.agency)}, {"reason", ""}, {"note", ""}});
  EXPECT_EQ(both.status, 422);
  EXPECT_THAT(both.body, HasSubstr("この機関への紹介を認める同意がありません"));
  EXPECT_THAT(both.body, HasSubstr("href=\"#reason\""));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM referral"), 0);
}

TEST(Referrals, WithConsentItIsStoredMailedWithoutPersonalDataAndRecordedAsAProvision) {
  TestServer t;
  auto w = Build(t);
  RecordConsent(t, w.nurse, w.client, w.agency, {"basic", "medical"});
  auto hospital = t.LoginAs(w.nurse_email);
  auto form = hospital.Get(NewPath(w));
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("同意あり"));

  auto sent = hospital.Submit(
      NewPath(w),
      {{"to_org_id", std::to_string(w.agency)}, {"reason", "employment_support"}, {"note", kNote}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  const std::string location = sent.Header("location");
  ASSERT_THAT(location, HasSubstr("/referrals/"));
  const std::int64_t id =
      std::stoll(location.substr(std::string("/referrals/").size(), location.find('?')));
  auto page = hospital.Get(location);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("紹介を送りました"));
  EXPECT_THAT(page.body, HasSubstr("送付済"));
  EXPECT_THAT(page.body, HasSubstr(kNote));
  EXPECT_THAT(page.body, HasSubstr(kName));

  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM referral WHERE status = 'sent'"), 1);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM provision_record WHERE channel = 'referral' AND "
                  "recipient_org_id = " +
                      std::to_string(w.agency) + " AND provider_org_id = " +
                      std::to_string(w.hospital) + " AND client_id = " + std::to_string(w.client)),
            1);
  // Both of the agency's staff are told; the sender is not.
  for (const auto& to : {w.worker_email, w.coordinator_email}) {
    const auto mail = MailSink::Get().WaitFor(to);
    EXPECT_THAT(mail, HasSubstr(Path(id))) << to;
  }
  const auto all = MailSink::Get().AllRaw();
  EXPECT_THAT(all, Not(HasSubstr(kName)));
  EXPECT_THAT(all, Not(HasSubstr(kDiagnosis)));
  EXPECT_THAT(all, Not(HasSubstr(kNote)));
}

TEST(Referrals, TheAgencyAcceptsAndTheHospitalSeesTheCase) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto agency = t.LoginAs(w.worker_email);
  auto list = agency.Get("/referrals");
  ASSERT_EQ(list.status, 200);
  const auto incoming = TextBetween(list.body, "id=\"incoming\"", "</section>");
  EXPECT_THAT(incoming, HasSubstr(kName));
  EXPECT_THAT(incoming, HasSubstr("紹介テスト病院 がん相談支援センター"));
  EXPECT_THAT(incoming, HasSubstr("referral-row--awaiting"));
  EXPECT_THAT(incoming, HasSubstr("要返答"));
  EXPECT_THAT(list.body, HasSubstr("返答を待っている紹介が 1 件あります"));

  auto page = agency.Get(Path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(kNote));  // the consent covers the receiver
  EXPECT_THAT(page.body, HasSubstr("受理する"));
  EXPECT_THAT(page.body, Not(HasSubstr("取り下げる")));
  auto accepted = agency.Submit(Path(id), {{"version", "1"}}, Path(id) + "/accept");
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  const auto case_path = accepted.Header("location");
  EXPECT_THAT(case_path, HasSubstr("/cases/"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_case WHERE referral_id = " + std::to_string(id) +
                         " AND organization_id = " + std::to_string(w.agency)),
            1);

  auto hospital = t.LoginAs(w.nurse_email);
  auto seen = hospital.Get(Path(id));
  ASSERT_EQ(seen.status, 200);
  const auto status = TextBetween(seen.body, "id=\"referral-status\"", "id=\"referral-history");
  EXPECT_THAT(status, HasSubstr("受理"));
  EXPECT_THAT(status, HasSubstr("href=\"" + case_path + "\""));
  EXPECT_THAT(status, HasSubstr("取り下げる"));  // still possible while accepted
  auto outgoing = hospital.Get("/referrals");
  EXPECT_THAT(TextBetween(outgoing.body, "id=\"outgoing\"", "</section>"), HasSubstr("受理"));
}

TEST(Referrals, DeclineWithOtherNeedsANoteAndABadOneChangesNothing) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto agency = t.LoginAs(w.worker_email);
  auto bad = agency.Submit(Path(id), {{"version", "1"}, {"reason", "other"}, {"note", "  "}},
                           Path(id) + "/decline");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("「その他」の場合は、理由を書いてください"));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#decline-note\""));
  EXPECT_THAT(bad.body, HasSubstr("id=\"decline-note-error\""));
  EXPECT_THAT(bad.body, HasSubstr("value=\"other\" checked"));  // the choice is kept
  auto r = Current(t, w, id);
  EXPECT_EQ(r.status, "sent");
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(r.events.size(), 1u);

  auto none = agency.Submit(Path(id), {{"version", "1"}, {"reason", ""}, {"note", ""}},
                            Path(id) + "/decline");
  EXPECT_EQ(none.status, 422);
  EXPECT_THAT(none.body, HasSubstr("href=\"#decline-reason\""));

  auto declined = agency.Submit(
      Path(id), {{"version", "1"}, {"reason", "other"}, {"note", "対象地域の外のため"}},
      Path(id) + "/decline");
  ASSERT_EQ(declined.status, 303) << declined.body;
  auto hospital = t.LoginAs(w.nurse_email);
  auto page = hospital.Get(Path(id));
  EXPECT_THAT(page.body, HasSubstr("辞退"));
  EXPECT_THAT(page.body, HasSubstr("対象地域の外のため"));
  EXPECT_THAT(page.body, HasSubstr("紹介先が辞退しました"));
  EXPECT_THAT(page.body, Not(HasSubstr("取り下げる")));  // nothing left to withdraw
}

TEST(Referrals, CompletingUnsuccessfullyNeedsAReason) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  ASSERT_TRUE(t.sv().referrals.Accept(w.worker, {}, id, 1).ok());
  auto agency = t.LoginAs(w.worker_email);
  auto started = agency.Submit(Path(id), {{"version", "2"}}, Path(id) + "/start");
  ASSERT_EQ(started.status, 303) << started.body;
  EXPECT_EQ(Current(t, w, id).status, "in_progress");

  auto bad = agency.Submit(Path(id), {{"version", "3"}, {"result", "unsuccessful"}},
                           Path(id) + "/complete");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("href=\"#complete-result_reason\""));
  EXPECT_THAT(bad.body, HasSubstr("id=\"complete-result_reason-error\""));
  EXPECT_EQ(Current(t, w, id).status, "in_progress");

  auto done = agency.Submit(
      Path(id), {{"version", "3"}, {"result", "unsuccessful"}, {"result_reason", "health"}},
      Path(id) + "/complete");
  ASSERT_EQ(done.status, 303) << done.body;
  auto hospital = t.LoginAs(w.nurse_email);
  auto page = hospital.Get(Path(id));
  EXPECT_THAT(page.body, HasSubstr("成果なし"));
  EXPECT_THAT(page.body, HasSubstr("体調・治療の都合"));
  EXPECT_THAT(page.body, HasSubstr("完了"));
}

TEST(Referrals, CompletingSuccessfullyShowsTheCaseOutcomeAndRefusesUnknownCodes) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  ASSERT_TRUE(t.sv().referrals.Accept(w.worker, {}, id, 1).ok());
  auto agency = t.LoginAs(w.worker_email);
  auto bad =
      agency.Submit(Path(id), {{"version", "2"}, {"result", "successful"}, {"outcome", "<script>"}},
                    Path(id) + "/complete");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Current(t, w, id).status, "accepted");
  auto done =
      agency.Submit(Path(id), {{"version", "2"}, {"result", "successful"}, {"outcome", "returned"}},
                    Path(id) + "/complete");
  ASSERT_EQ(done.status, 303) << done.body;
  auto hospital = t.LoginAs(w.nurse_email);
  auto page = hospital.Get(Path(id));
  EXPECT_THAT(page.body, HasSubstr("成果あり"));
  EXPECT_THAT(page.body, HasSubstr("復職"));
}

TEST(Referrals, TheSenderWithdrawsAndTheReceiverCanNoLongerAnswer) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto hospital = t.LoginAs(w.nurse_email);
  auto withdrawn =
      hospital.Submit(Path(id), {{"version", "1"}, {"note", "本人の希望で別の機関に相談します"}},
                      Path(id) + "/withdraw");
  ASSERT_EQ(withdrawn.status, 303) << withdrawn.body;
  EXPECT_EQ(Current(t, w, id).status, "withdrawn");

  auto agency = t.LoginAs(w.worker_email);
  auto page = agency.Get(Path(id));
  EXPECT_THAT(page.body, HasSubstr("取下げ"));
  EXPECT_THAT(page.body, HasSubstr("本人の希望で別の機関に相談します"));
  EXPECT_THAT(page.body, HasSubstr("紹介元がこの紹介を取り下げました"));
  EXPECT_THAT(page.body, Not(HasSubstr("action=\"" + Path(id) + "/accept\"")));
  auto late = agency.Submit(Path(id), {{"version", "2"}}, Path(id) + "/accept");
  EXPECT_EQ(late.status, 409);
  EXPECT_THAT(late.body, HasSubstr("すでに状況が変わっています"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_case"), 0);
}

TEST(Referrals, AcceptingAfterTheConsentWasWithdrawnIsRefusedAndOpensNoCase) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto consents = t.sv().consents.ForClient(w.nurse, {}, w.client);
  ASSERT_TRUE(consents.ok());
  ASSERT_EQ(consents->size(), 1u);
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, consents->front().id, "本人の申し出").ok());

  auto agency = t.LoginAs(w.worker_email);
  auto refused = agency.Submit(Path(id), {{"version", "1"}}, Path(id) + "/accept");
  EXPECT_EQ(refused.status, 409);
  EXPECT_THAT(refused.body, HasSubstr("同意が撤回されたか期間が終わったため"));
  EXPECT_THAT(refused.body, Not(HasSubstr(kName)));
  EXPECT_EQ(Current(t, w, id).status, "sent");
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_case"), 0);
  EXPECT_EQ(
      Count(t, "SELECT COUNT(*) FROM referral_event WHERE referral_id = " + std::to_string(id)), 1);
  // Declining stays possible: the hospital learns the referral went nowhere.
  auto declined = agency.Submit(Path(id), {{"version", "1"}, {"reason", "client_declined"}},
                                Path(id) + "/decline");
  EXPECT_EQ(declined.status, 303) << declined.body;
  EXPECT_EQ(Current(t, w, id).status, "declined");
}

TEST(Referrals, AStaleVersionOrAChangedStateIsAConflict) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto agency = t.LoginAs(w.worker_email);
  auto accepted = agency.Submit(Path(id), {{"version", "1"}}, Path(id) + "/accept");
  ASSERT_EQ(accepted.status, 303);
  // A page read before the acceptance still carries version 1.
  auto stale = agency.Submit(Path(id), {{"version", "1"}}, Path(id) + "/start");
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("ほかの人が先に更新しました"));
  auto again = agency.Submit(Path(id), {{"version", "2"}}, Path(id) + "/accept");
  EXPECT_EQ(again.status, 409);
  EXPECT_THAT(again.body, HasSubstr("すでに状況が変わっています"));
  auto hospital = t.LoginAs(w.nurse_email);
  auto old = hospital.Submit(Path(id), {{"version", "1"}, {"note", ""}}, Path(id) + "/withdraw");
  EXPECT_EQ(old.status, 409);
  const auto r = Current(t, w, id);
  EXPECT_EQ(r.status, "accepted");
  EXPECT_EQ(r.version, 2);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_case"), 1);
}

TEST(Referrals, EveryEventIsInTheHistoryWithOrganisationAndTime) {
  TestServer t;
  auto w = Build(t);
  auto hospital = t.LoginAs(w.nurse_email);
  RecordConsent(t, w.nurse, w.client, w.agency, {"basic"});
  auto sent = hospital.Submit(
      NewPath(w),
      {{"to_org_id", std::to_string(w.agency)}, {"reason", "social_insurance"}, {"note", ""}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  const auto id = t.sv().referrals.List(w.nurse, {}, false)->front().id;
  auto agency = t.LoginAs(w.worker_email);
  t.clock().Advance(300);
  ASSERT_EQ(agency.Submit(Path(id), {{"version", "1"}}, Path(id) + "/accept").status, 303);
  t.clock().Advance(300);
  ASSERT_EQ(agency.Submit(Path(id), {{"version", "2"}}, Path(id) + "/start").status, 303);
  t.clock().Advance(300);
  ASSERT_EQ(
      agency
          .Submit(Path(id), {{"version", "3"}, {"result", "successful"}, {"outcome", "kept_job"}},
                  Path(id) + "/complete")
          .status,
      303);

  auto page = hospital.Get(Path(id));
  ASSERT_EQ(page.status, 200);
  const auto history = History(page.body);
  EXPECT_EQ(Occurrences(history, "referral-history__event"), 4);
  for (const char* label : {"送付済", "受理", "支援中", "完了"}) {
    EXPECT_THAT(history, HasSubstr(label)) << label;
  }
  EXPECT_EQ(Occurrences(history, "紹介テスト病院 がん相談支援センター"), 1);
  EXPECT_EQ(Occurrences(history, "紹介テスト就労支援センター"), 3);
  EXPECT_THAT(history, HasSubstr("病院 紹介看護師"));
  EXPECT_THAT(history, HasSubstr("支援 受理担当"));
  EXPECT_THAT(history, HasSubstr("結果：成果あり（就労継続）"));  // with the case outcome label
  EXPECT_EQ(Occurrences(history, "<time datetime=\""), 4);
  EXPECT_EQ(Occurrences(history, "令和"), 4);
  // The 和暦 time of the last change, in JST.
  const std::int64_t now = t.clock().NowSeconds();
  const std::int64_t of_day = (now + 9 * 3600) % 86400;
  const auto when =
      core::FormatDateTime(core::DateFromUnixSeconds(now), static_cast<int>(of_day / 3600),
                           static_cast<int>(of_day % 3600 / 60), "ja");
  EXPECT_THAT(history, HasSubstr(when));
}

TEST(Referrals, AThirdOrganisationGetsNotFoundEverywhere) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto stranger = t.LoginAs(w.stranger_email);
  for (const auto& path : {Path(id), Path(id) + "/status", Path(id) + "/events", NewPath(w)}) {
    auto got = stranger.Get(path);
    EXPECT_EQ(got.status, 404) << path;
    EXPECT_THAT(got.body, Not(HasSubstr(kName))) << path;
    EXPECT_THAT(got.body, Not(HasSubstr(kNote))) << path;
  }
  for (const char* action : {"accept", "decline", "start", "complete", "withdraw"}) {
    auto posted = stranger.Submit(
        "/referrals",
        {{"version", "1"}, {"reason", "other"}, {"note", "x"}, {"result", "successful"}},
        Path(id) + "/" + action);
    EXPECT_EQ(posted.status, 404) << action;
    EXPECT_THAT(posted.body, Not(HasSubstr(kName))) << action;
  }
  auto list = stranger.Get("/referrals");
  EXPECT_EQ(list.status, 200);
  EXPECT_THAT(list.body, Not(HasSubstr(kName)));
  EXPECT_EQ(Current(t, w, id).status, "sent");
  EXPECT_EQ(Current(t, w, id).version, 1);

  // Each side is refused the other side's answers.
  auto hospital = t.LoginAs(w.nurse_email);
  EXPECT_EQ(hospital.Submit(Path(id), {{"version", "1"}}, Path(id) + "/accept").status, 403);
  auto agency = t.LoginAs(w.worker_email);
  EXPECT_EQ(
      agency.Submit(Path(id), {{"version", "1"}, {"note", ""}}, Path(id) + "/withdraw").status,
      403);
  EXPECT_EQ(Current(t, w, id).status, "sent");
}

TEST(Referrals, AViewerIsForbidden) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto viewer = t.LoginAs(w.viewer_email);
  for (const auto& path : {std::string("/referrals"), Path(id), Path(id) + "/status",
                           Path(id) + "/events", NewPath(w)}) {
    auto got = viewer.Get(path);
    EXPECT_EQ(got.status, 403) << path;
    EXPECT_THAT(got.body, Not(HasSubstr(kName))) << path;
  }
  auto posted = viewer.Submit("/", {{"version", "1"}, {"note", ""}}, Path(id) + "/withdraw");
  EXPECT_EQ(posted.status, 403);
  EXPECT_EQ(Current(t, w, id).status, "sent");
}

TEST(Referrals, AnOrganisationsListNeverShowsAnotherPairsReferrals) {
  TestServer t;
  auto w = Build(t);
  const auto ours = SendReferral(t, w);
  // The other hospital refers its own client to the same agency.
  clients::ClientInput person;
  person.name = kOtherName;
  person.kana = "べつ たろう";
  person.age_band = "50s";
  auto other = t.sv().clients.Create(w.stranger_admin, {}, person);
  ASSERT_TRUE(other.ok());
  RecordConsent(t, w.stranger_admin, *other, w.agency, {"basic"});
  referrals::ReferralInput in;
  in.to_org_id = w.agency;
  in.reason = "legal";
  auto theirs = t.sv().referrals.Send(w.stranger_admin, {}, *other, in);
  ASSERT_TRUE(theirs.ok());

  auto hospital = t.LoginAs(w.nurse_email);
  auto mine = hospital.Get("/referrals");
  EXPECT_THAT(mine.body, HasSubstr(kName));
  EXPECT_THAT(mine.body, HasSubstr("href=\"" + Path(ours) + "\""));
  EXPECT_THAT(mine.body, Not(HasSubstr(kOtherName)));
  EXPECT_THAT(mine.body, Not(HasSubstr("href=\"" + Path(*theirs) + "\"")));
  EXPECT_THAT(mine.body, Not(HasSubstr("紹介テスト別病院")));
  EXPECT_EQ(hospital.Get(Path(*theirs)).status, 404);

  auto stranger = t.LoginAs(w.stranger_email);
  auto their_list = stranger.Get("/referrals");
  EXPECT_THAT(their_list.body, HasSubstr(kOtherName));
  EXPECT_THAT(their_list.body, Not(HasSubstr(kName)));
  EXPECT_THAT(their_list.body, Not(HasSubstr("href=\"" + Path(ours) + "\"")));

  // The agency receives both, each from its own sender; the counts add up.
  auto agency = t.LoginAs(w.worker_email);
  auto both = agency.Get("/referrals");
  const auto incoming = TextBetween(both.body, "id=\"incoming\"", "</section>");
  EXPECT_THAT(incoming, HasSubstr(kName));
  EXPECT_THAT(incoming, HasSubstr(kOtherName));
  EXPECT_THAT(both.body, HasSubstr("受け取った紹介（2）"));
  // A status filter keeps to the organisation's own referrals too.
  auto filtered = hospital.Get("/referrals?status=sent");
  EXPECT_THAT(filtered.body, HasSubstr(kName));
  EXPECT_THAT(filtered.body, Not(HasSubstr(kOtherName)));
}

TEST(Referrals, TheOpenPageIsToldLiveWhenTheOtherSideAnswers) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto hospital = t.LoginAs(w.nurse_email);
  auto page = hospital.Get(Path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("sse-connect=\"" + Path(id) + "/events?seen=1\""));
  EXPECT_THAT(page.body, HasSubstr("hx-get=\"" + Path(id) + "/status\""));
  EXPECT_THAT(page.body, HasSubstr("hx-trigger=\"sse:referral, sse:resync\""));

  // "ready" comes once the hub has the stream as a subscriber: only then does the agency act.
  auto stream = hospital.OpenEvents(Path(id) + "/events");
  ASSERT_TRUE(stream.WaitFor("event: ready")) << stream.received();
  auto agency = t.LoginAs(w.worker_email);
  auto accepted = agency.Submit(Path(id), {{"version", "1"}}, Path(id) + "/accept");
  EXPECT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_TRUE(stream.WaitFor("event: referral")) << stream.received();
  const std::string& streamed = stream.received();
  EXPECT_THAT(streamed, HasSubstr("text/event-stream"));
  EXPECT_THAT(streamed, HasSubstr("event: ready"));
  EXPECT_THAT(streamed, HasSubstr("event: referral"));
  EXPECT_THAT(streamed, Not(HasSubstr(kName)));  // the stream says only that it changed

  auto fragment = hospital.Get(Path(id) + "/status");
  ASSERT_EQ(fragment.status, 200);
  EXPECT_THAT(fragment.body, HasSubstr("受理"));
  EXPECT_THAT(fragment.body, HasSubstr("href=\"" + accepted.Header("location") + "\""));
  EXPECT_THAT(fragment.body, HasSubstr("id=\"referral-status\""));
  EXPECT_THAT(fragment.body, Not(HasSubstr("<html")));  // a fragment, not a page
  EXPECT_EQ(fragment.Header("cache-control"), "no-store");
}

// The page was drawn at version 1; the agency answered before its stream connected (or while
// it was away). The stream says so at once instead of waiting for the next change.
TEST(Referrals, AStreamOpenedBehindItsPageCatchesUpAtOnce) {
  TestServer t;
  auto w = Build(t);
  const auto id = SendReferral(t, w);
  auto hospital = t.LoginAs(w.nurse_email);
  auto agency = t.LoginAs(w.worker_email);
  ASSERT_EQ(agency.Submit(Path(id), {{"version", "1"}}, Path(id) + "/accept").status, 303);
  const auto open = [&](const std::string& query) {
    return hospital.ReadEvents(Path(id) + "/events" + query, 600);
  };
  const std::string behind = open("?seen=1");
  EXPECT_THAT(behind, HasSubstr("event: ready"));
  EXPECT_THAT(behind, HasSubstr("event: referral\ndata: catch-up"));
  const std::string current = open("?seen=" + std::to_string(Current(t, w, id).version));
  EXPECT_THAT(current, HasSubstr("event: ready"));
  EXPECT_THAT(current, Not(HasSubstr("event: referral")));
  for (const char* untracked : {"", "?seen=", "?seen=abc"}) {
    EXPECT_THAT(open(untracked), Not(HasSubstr("event: referral"))) << untracked;
  }
  // The page drawn now carries the new mark.
  EXPECT_THAT(hospital.Get(Path(id)).body, HasSubstr("/events?seen=2\""));
}

}  // namespace
}  // namespace tsunagu::testing
