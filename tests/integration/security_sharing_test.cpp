// Trust rules over shared records (issue 12, items 1, 2, 3, 9 and 10; SECURITY.md rules 2–4),
// on both engines, each as a person or an outside reviewer would meet it over HTTP:
// - only the organisation that registered a person records consents over that person's
//   record; a partner's own consent covers only its own case and never opens the record;
// - a booking's name and contacts are the 事務局's, except the call a counselor makes on a
//   phone day for the booking they are assigned to, on that day;
// - only the recording organisation attaches or replaces a consent's signed form, never after
//   withdrawal, and a replaced file is kept;
// - a document goes to an employer only under a consent for workplace coordination naming
//   that employer (and address), and its downloads are counted and limited;
// - the organisation holding a record sees every access to it by others, and provision
//   records name the items each consent actually provided.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <vector>

#include "consultation_data.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"
#include "upload_support.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Fields = std::vector<std::pair<std::string, std::string>>;

const std::vector<std::string> kAllItems = {"basic", "medical", "work", "records", "documents"};

std::string ClientPath(std::int64_t id) {
  return "/clients/" + std::to_string(id);
}

std::string DocsPath(const SharingWorld& w) {
  return "/cases/" + std::to_string(w.case_id) + "/documents";
}

// The consent form's fields as a browser sends them.
Fields ConsentFields(const std::vector<std::int64_t>& orgs, const std::vector<std::string>& items,
                     const std::string& from, const std::string& until) {
  Fields f = {{"purpose", "employment_support"},
              {"purpose_note", ""},
              {"valid_from", from},
              {"valid_until", until},
              {"method", "written"}};
  for (auto org : orgs) f.emplace_back("organizations", std::to_string(org));
  for (const auto& item : items) f.emplace_back("items", item);
  return f;
}

// The hospital's nurse registers the person of the sharing tests.
std::int64_t RegisterPerson(TestServer& t, const SharingWorld& w) {
  clients::ClientInput person;
  person.name = kSharedName;
  person.kana = kSharedKana;
  person.phone = "090-2222-3333";
  person.birth_year = 1978;
  person.gender = "female";
  person.municipality = "仙台市";
  person.diagnosis = kSharedDiagnosis;
  person.treatment_status = "during";
  person.work_status = "on_leave";
  auto id = t.sv().clients.Create(w.nurse, {}, person);
  EXPECT_TRUE(id.ok());
  return id ? *id : 0;
}

std::int64_t HospitalConsent(TestServer& t, const SharingWorld& w, std::int64_t client,
                             const std::vector<std::string>& items) {
  sharing::ConsentInput in;
  in.organizations = {w.agency};
  in.items = items;
  in.purpose = "employment_support";
  in.valid_from = Today(t);
  in.valid_until = InDays(t, 180);
  in.method = "written";
  auto id = t.sv().consents.Record(w.nurse, {}, client, in);
  EXPECT_TRUE(id.ok());
  return id ? *id : 0;
}

// A prefecture office with one counselor, as a third organisation.
struct Third {
  std::int64_t org = 0;
  std::string email;
};

Third Prefecture(TestServer& t) {
  static std::atomic<int> n{0};
  Third p;
  p.org = t.CreateOrg("共有テスト県 がん対策課 " + std::to_string(++n), "municipality");
  p.email = "pref" + std::to_string(n) + "@pref.test";
  t.CreateUser({p.email, "県 職員", "counselor", "clerical", p.org});
  return p;
}

long long Consents(TestServer& t) {
  return Count(t, "SELECT COUNT(*) FROM consent");
}

// ------------------------------------------------------------------ item 1: consent authority

TEST(TrustConsentAuthority, APartnerCannotRecordConsentsOverTheOwnersRecord) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  const auto pref = Prefecture(t);
  const auto client = RegisterPerson(t, w);
  HospitalConsent(t, w, client, {"basic"});
  auto agency = t.LoginAs(w.agency_email);
  auto page = agency.Get(ClientPath(client));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(kSharedName));
  EXPECT_THAT(page.body, Not(HasSubstr(kSharedDiagnosis)));
  const auto before = Consents(t);

  // Naming itself and the prefecture for every item, the partner's variants: all refused,
  // explained, and nothing recorded.
  const std::string target = ClientPath(client) + "/consents/new";
  for (const auto& fields :
       {ConsentFields({w.agency, pref.org}, kAllItems, Today(t), InDays(t, 365)),
        ConsentFields({pref.org}, {"basic"}, Today(t), InDays(t, 365)),
        ConsentFields({w.agency}, {"basic", "medical"}, Today(t), InDays(t, 365)),
        ConsentFields({w.agency}, {"medical"}, InDays(t, -400), InDays(t, 30))}) {
    auto r = agency.Submit("/clients", fields, target);
    EXPECT_EQ(r.status, 403) << r.body.substr(0, 300);
    EXPECT_THAT(r.body, HasSubstr("相談者を登録した機関が記録します"));
  }
  EXPECT_EQ(Consents(t), before);
  EXPECT_EQ(agency.Get(target).status, 403);

  // Nothing opened: the agency still has no diagnosis, the prefecture nothing at all.
  EXPECT_THAT(agency.Get(ClientPath(client)).body, Not(HasSubstr(kSharedDiagnosis)));
  auto prefecture = t.LoginAs(pref.email);
  EXPECT_EQ(prefecture.Get(ClientPath(client)).status, 404);
  EXPECT_THAT(prefecture.Get("/clients").body, Not(HasSubstr(kSharedName)));
}

TEST(TrustConsentAuthority, APartnersOwnConsentCoversOnlyItsCaseAndTheOwnersWithdrawalStillEnds) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  const auto pref = Prefecture(t);
  const auto client = RegisterPerson(t, w);
  const auto owners = HospitalConsent(t, w, client, {"basic"});
  referrals::ReferralInput referral;
  referral.to_org_id = w.agency;
  referral.reason = "employment_support";
  auto sent = t.sv().referrals.Send(w.nurse, {}, client, referral);
  ASSERT_TRUE(sent.ok());
  auto case_id = t.sv().referrals.Accept(w.agency_worker, {}, *sent, 1);
  ASSERT_TRUE(case_id.ok());
  auto agency = t.LoginAs(w.agency_email);
  const std::string target = ClientPath(client) + "/consents/new";
  const auto before = Consents(t);

  // The agency runs a case now: it may record consents over that case only.
  auto form = agency.Get(target);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("value=\"records\""));
  EXPECT_THAT(form.body, Not(HasSubstr("value=\"medical\"")));
  EXPECT_THAT(form.body, HasSubstr("貴機関の支援ケースの経過記録と書類にだけ適用されます"));
  auto widened = agency.Submit(
      "/clients", ConsentFields({pref.org}, kAllItems, Today(t), InDays(t, 90)), target);
  EXPECT_EQ(widened.status, 422);
  EXPECT_THAT(widened.body, HasSubstr("支援の経過と書類についての同意だけです"));
  EXPECT_EQ(Consents(t), before);

  // Over its own case, naming the prefecture, even backdated: recorded…
  auto own = agency.Submit(
      "/clients",
      ConsentFields({pref.org}, {"records", "documents"}, InDays(t, -365), InDays(t, 30)), target);
  ASSERT_EQ(own.status, 303) << own.body.substr(0, 300);
  // …and it opens the agency's case to the prefecture, never the hospital's record.
  auto prefecture = t.LoginAs(pref.email);
  EXPECT_EQ(prefecture.Get(ClientPath(client)).status, 404);
  auto shared_case = prefecture.Get("/cases/" + std::to_string(*case_id));
  EXPECT_EQ(shared_case.status, 200);
  EXPECT_THAT(shared_case.body, Not(HasSubstr(kSharedName)));
  EXPECT_THAT(shared_case.body, Not(HasSubstr(kSharedDiagnosis)));
  EXPECT_THAT(prefecture.Get("/cases").body,
              HasSubstr("href=\"/cases/" + std::to_string(*case_id) + "\""));
  EXPECT_THAT(agency.Get(ClientPath(client)).body, Not(HasSubstr(kSharedDiagnosis)));

  // The owner's withdrawal ends the agency's view of the person, whatever it recorded itself.
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, owners, "").ok());
  EXPECT_EQ(agency.Get(ClientPath(client)).status, 404);
  EXPECT_THAT(agency.Get("/clients").body, Not(HasSubstr(kSharedName)));
  EXPECT_EQ(prefecture.Get(ClientPath(client)).status, 404);
}

// ------------------------------------------------------------------ item 2: booking contacts

constexpr const char* kCallerName = "電話カナリア 次郎QZ";
constexpr const char* kCallerPhone = "022-333-4444";
constexpr const char* kCallerDigits = "0223334444";   // as the booking keeps it
constexpr const char* kCallerShown = "0223-33-4444";  // as pages show it (area code 0223)
constexpr const char* kCallerDiagnosis = "電話カナリア診断QZ";

struct PhoneDay {
  std::int64_t program = 0;
  std::int64_t day = 0;
  std::int64_t booking = 0;
  core::Date date;
  std::string coordinator_email;
  std::string other_nurse_email;
  std::string board;
};

// The hospital's phone consultation day two days from now, with one booking assigned to the
// nurse and a second counselor on the roster.
PhoneDay MakePhoneDay(TestServer& t, const SharingWorld& w) {
  PhoneDay p;
  p.coordinator_email = "coord-phone@hospital.test";
  p.other_nurse_email = "nurse-phone@hospital.test";
  const auto coordinator =
      As(t.CreateUser({p.coordinator_email, "病院 事務局", "coordinator", "clerical", w.hospital}),
         w.hospital, auth::Role::kCoordinator);
  const auto other =
      t.CreateUser({p.other_nurse_email, "病院 看護師二", "counselor", "nurse", w.hospital});
  const audit::Actor actor{coordinator.user_id, w.hospital, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(coordinator, actor, "電話相談", "");
  EXPECT_TRUE(program.ok());
  p.program = *program;
  consultations::DaySettings phone;
  phone.mode = "phone";
  phone.booths = 2;
  phone.slot_minutes = 30;
  p.date = core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), 2);
  auto day = t.sv().board.AddDay(coordinator, actor, p.program, p.date, 18 * 60, 20 * 60, phone);
  EXPECT_TRUE(day.ok());
  p.day = *day;
  auto open = t.sv().consultations.OpenDays(p.program, core::DateFromUnixSeconds(0), 3650);
  EXPECT_TRUE(open.ok() && !open->empty());
  consultations::BookingRequest r;
  r.slot_id = open->front().slots.front().id;
  r.intake.gender = "male";
  r.intake.age_band = "50s";
  r.intake.municipality = "名取市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "follow_up";
  r.intake.work_status = "employed";
  r.intake.topics = {"work"};
  r.contact.name = kCallerName;
  r.contact.furigana = "でんわ じろう";
  r.contact.phone = kCallerPhone;
  r.contact.diagnosis = kCallerDiagnosis;
  r.consent = true;
  auto receipt = t.sv().consultations.Book(r, {0, w.hospital, "127.0.0.1", "t"}, nullptr);
  EXPECT_TRUE(receipt.ok());
  p.booking = receipt->booking_id;
  EXPECT_TRUE(
      t.sv().board.SetRoster(coordinator, actor, p.program, p.day, {w.nurse.user_id, other}).ok());
  EXPECT_TRUE(
      t.sv().board.Assign(coordinator, actor, p.program, p.booking, 1, {w.nurse.user_id}).ok());
  AcknowledgePledge(t, w.nurse, p.program, p.day);  // 守秘義務, before the day's board
  p.board = "/programs/" + std::to_string(p.program) + "/days/" + std::to_string(p.day);
  return p;
}

TEST(TrustBookingContacts, OnlyTheOfficeSeesOrCopiesABookingsContacts) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  const auto p = MakePhoneDay(t, w);
  const std::string prefill = "/clients/new?booking=" + std::to_string(p.booking);
  auto nurse = t.LoginAs(w.nurse_email);
  auto refused = nurse.Get(prefill);
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("事務局（コーディネーター・管理者）だけです"));
  for (const char* canary :
       {kCallerName, kCallerDigits, kCallerShown, kCallerDiagnosis, "でんわ じろう"}) {
    EXPECT_THAT(refused.body, Not(HasSubstr(canary)));
  }
  // Nor can a counselor link the booking to a record typed by hand.
  const auto clients_before = Count(t, "SELECT COUNT(*) FROM client");
  auto copied = nurse.Submit("/clients",
                             {{"name", "手入力 太郎"},
                              {"kana", "てにゅうりょく たろう"},
                              {"booking_id", std::to_string(p.booking)},
                              {"confirm_new", "1"}},
                             "/clients/new");
  EXPECT_EQ(copied.status, 403);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM client"), clients_before);
  // Before the day, the assigned counselor's board has no name either.
  auto board = nurse.Get(p.board);
  ASSERT_EQ(board.status, 200);
  EXPECT_THAT(board.body, Not(HasSubstr(kCallerName)));

  // The 事務局 sees and copies them.
  auto office = t.LoginAs(p.coordinator_email);
  auto filled = office.Get(prefill);
  EXPECT_EQ(filled.status, 200);
  EXPECT_THAT(filled.body, HasSubstr(kCallerName));
}

TEST(TrustBookingContacts, OnAPhoneDayTheAssignedCounselorGetsTheCallSheetThatDayOnly) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  const auto p = MakePhoneDay(t, w);
  // The day itself, in the morning (sessions from before have expired).
  t.clock().Set(UnixAtJst(p.date, 9 * 60));
  auto nurse = t.LoginAs(w.nurse_email);
  auto board = nurse.Get(p.board);
  ASSERT_EQ(board.status, 200);
  EXPECT_THAT(board.body, HasSubstr(kCallerName));
  EXPECT_THAT(board.body, HasSubstr(kCallerShown));
  EXPECT_THAT(board.body, HasSubstr(kCallerDiagnosis));
  EXPECT_THAT(board.body, HasSubstr("電話する相手（本日のみ）"));
  EXPECT_THAT(board.body, Not(HasSubstr("でんわ じろう")));  // what a call needs, no more
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.call_sheet' AND "
                  "target_id = '" +
                      std::to_string(p.booking) + "'"),
            1);
  nurse.Get(p.board);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.call_sheet'"), 2);
  // Copying into a record stays the office's.
  EXPECT_EQ(nurse.Get("/clients/new?booking=" + std::to_string(p.booking)).status, 403);
  // A counselor on the roster but not assigned to this booking sees no name.
  auto other = t.LoginAs(p.other_nurse_email);
  EXPECT_THAT(other.Get(p.board).body, Not(HasSubstr(kCallerName)));

  t.clock().Set(UnixAtJst(core::AddDays(p.date, 1), 9 * 60));  // the day after
  auto next_day = t.LoginAs(w.nurse_email);
  auto after = next_day.Get(p.board);
  ASSERT_EQ(after.status, 200);
  EXPECT_THAT(after.body, Not(HasSubstr(kCallerName)));
  EXPECT_THAT(after.body, Not(HasSubstr(kCallerDigits)));
  EXPECT_THAT(after.body, Not(HasSubstr(kCallerShown)));
}

// ------------------------------------------------------------------ item 3: signed forms

TEST(TrustConsentForms, OnlyTheRecordingOrganisationAttachesOrReplacesAndNeverAfterWithdrawal) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const std::string consent = "/consents/" + std::to_string(w.consent);
  auto agency = t.LoginAs(w.agency_email);
  auto by_partner =
      PostMultipart(agency, DocsPath(w), consent + "/form", {{"case", std::to_string(w.case_id)}},
                    {{"file", "signed.pdf", "application/pdf", SmallPdf("agency copy")}});
  EXPECT_EQ(by_partner.status, 403);
  EXPECT_THAT(by_partner.body, HasSubstr("同意を記録した機関だけです"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consent WHERE form_file_id IS NOT NULL"), 0);
  EXPECT_THAT(agency.Get(DocsPath(w)).body, Not(HasSubstr("action=\"" + consent + "/form\"")));

  auto nurse = t.LoginAs(w.nurse_email);
  auto first = PostMultipart(nurse, consent, consent + "/form", {},
                             {{"file", "signed.pdf", "application/pdf", SmallPdf("first")}});
  ASSERT_EQ(first.status, 303) << first.body.substr(0, 300);
  const auto first_file = Count(t, "SELECT form_file_id FROM consent");
  auto second = PostMultipart(nurse, consent, consent + "/form", {},
                              {{"file", "signed2.pdf", "application/pdf", SmallPdf("second")}});
  ASSERT_EQ(second.status, 303);
  // The earlier file is kept as a revision.
  EXPECT_EQ(Count(t, "SELECT file_id FROM consent_form_revision"), first_file);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM stored_file WHERE id = " + std::to_string(first_file)),
            1);
  const auto current = Count(t, "SELECT form_file_id FROM consent");
  EXPECT_NE(current, first_file);
  // Filed in the recording organisation's audit.
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'consent.form_attach' AND "
                  "organization_id = " +
                      std::to_string(w.hospital)),
            2);

  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, w.consent, "").ok());
  auto after = PostMultipart(nurse, consent, consent + "/form", {},
                             {{"file", "late.pdf", "application/pdf", SmallPdf("late")}});
  EXPECT_EQ(after.status, 409);
  EXPECT_THAT(after.body, HasSubstr("撤回された同意には"));
  EXPECT_EQ(Count(t, "SELECT form_file_id FROM consent"), current);
}

// ------------------------------------------------------------------ item 9: share links

std::int64_t Upload(TestServer& t, Client& agency, const SharingWorld& w) {
  auto r = PostMultipart(agency, DocsPath(w), DocsPath(w), {{"title", "主治医意見書"}},
                         {{"file", "opinion.pdf", "application/pdf", SmallPdf("opinion")}});
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 300);
  return Count(t, "SELECT MAX(id) FROM case_document");
}

HttpResult ShareTo(Client& agency, const SharingWorld& w, std::int64_t doc, const std::string& to,
                   Fields extra = {}) {
  Fields f = {{"recipient_name", "人事 担当"}, {"recipient_email", to}, {"days", "7"}};
  for (auto& e : extra) f.push_back(std::move(e));
  return agency.Submit(DocsPath(w), f, DocsPath(w) + "/" + std::to_string(doc) + "/share");
}

TEST(TrustShareLinks, ADocumentGoesToAnEmployerOnlyUnderAConsentNamingIt) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = Upload(t, agency, w);

  // The consent for employment support covers documents, but names no employer.
  auto general = ShareTo(agency, w, doc, "jinji@elsewhere.test");
  EXPECT_EQ(general.status, 422);
  EXPECT_THAT(general.body, HasSubstr("勤務先への書類の提供を認める本人の同意"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_link"), 0);

  // A consent for workplace coordination with カナリア商事 and its contact's address.
  const auto consent = RecordWorkplaceConsent(t, w, "jinji@canary-shoji.test");
  auto elsewhere = ShareTo(agency, w, doc, "jinji@elsewhere.test");
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_THAT(elsewhere.body,
              HasSubstr("同意で提供先とされた担当者のメールアドレスではありません"));
  EXPECT_THAT(elsewhere.body, HasSubstr("value=\"jinji@elsewhere.test\""));  // kept
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_link"), 0);
  auto named = ShareTo(agency, w, doc, "Jinji@Canary-Shoji.test");
  ASSERT_EQ(named.status, 200) << named.body.substr(0, 300);
  EXPECT_THAT(named.body, HasSubstr("/shared/"));
  EXPECT_EQ(Count(t, "SELECT consent_id FROM share_link"), consent);
  EXPECT_THAT(agency.Get(DocsPath(w)).body, HasSubstr("カナリア商事"));
}

TEST(TrustShareLinks, WithoutANamedAddressStaffConfirmTheRecipient) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = Upload(t, agency, w);
  RecordWorkplaceConsent(t, w);
  auto unconfirmed = ShareTo(agency, w, doc, "jinji@canary-shoji.test");
  EXPECT_EQ(unconfirmed.status, 422);
  EXPECT_THAT(unconfirmed.body, HasSubstr("勤務先の担当者であることを確認してください"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_link"), 0);
  auto confirmed =
      ShareTo(agency, w, doc, "jinji@canary-shoji.test", {{"recipient_confirmed", "1"}});
  EXPECT_EQ(confirmed.status, 200);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_link"), 1);
}

TEST(TrustShareLinks, DownloadsAreCountedAndLimitedEvenInParallel) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = Upload(t, agency, w);
  RecordWorkplaceConsent(t, w, "jinji@canary-shoji.test");
  auto two = ShareTo(agency, w, doc, "jinji@canary-shoji.test", {{"max_downloads", "2"}});
  ASSERT_EQ(two.status, 200);
  const std::string token = TextBetween(two.body, "/shared/", "\"");
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(t.NewClient().Get("/shared/" + token + "/file").status, 200);
  EXPECT_EQ(t.NewClient().Get("/shared/" + token + "/file").status, 200);
  EXPECT_EQ(t.NewClient().Get("/shared/" + token + "/file").status, 410);
  EXPECT_EQ(t.NewClient().Get("/shared/" + token).status, 410);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_access WHERE outcome = 'limit_reached'"), 2);
  EXPECT_THAT(agency.Get(DocsPath(w)).body, HasSubstr("ダウンロード 2／2回"));
  auto over = ShareTo(agency, w, doc, "jinji@canary-shoji.test", {{"max_downloads", "21"}});
  EXPECT_EQ(over.status, 422);
  EXPECT_THAT(over.body, HasSubstr("1から20までの数"));

  // Six recipients' browsers racing for a link allowing one download: one is served.
  auto one = ShareTo(agency, w, doc, "jinji@canary-shoji.test", {{"max_downloads", "1"}});
  const std::string single = TextBetween(one.body, "/shared/", "\"");
  std::vector<std::future<int>> racers;
  for (int i = 0; i < 6; ++i) {
    racers.push_back(std::async(std::launch::async, [&] {
      return t.NewClient().Get("/shared/" + single + "/file").status;
    }));
  }
  int served = 0;
  for (auto& r : racers) served += r.get() == 200 ? 1 : 0;
  EXPECT_EQ(served, 1);
  EXPECT_EQ(Count(t, "SELECT downloads FROM share_link WHERE max_downloads = 1"), 1);
}

// ------------------------------------------------------------------ item 10: the holder's view

TEST(TrustHolderAudit, TheHoldingOrganisationSeesEveryAccessByOthers) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const std::string admin_email = "admin-holder@hospital.test";
  t.CreateUser({admin_email, "病院 管理者", "admin", "msw", w.hospital});
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_EQ(agency.Get(ClientPath(w.client)).status, 200);
  ASSERT_EQ(agency.Get("/consents/" + std::to_string(w.consent)).status, 200);

  auto admin = t.LoginAs(admin_email);
  for (const std::string page : {"/org/audit", "/org/audit?others=1"}) {
    auto audit = admin.Get(page);
    ASSERT_EQ(audit.status, 200);
    EXPECT_THAT(audit.body, HasSubstr("支援 太郎（共有テスト就労支援センター）"));
    EXPECT_THAT(audit.body, HasSubstr("相談者の情報の閲覧"));
    EXPECT_THAT(audit.body, HasSubstr("同意の閲覧"));
  }
  // Only others' accesses under the filter: the hospital's own staff are not there.
  EXPECT_THAT(admin.Get("/org/audit").body, HasSubstr("title=\"auth.login\""));
  EXPECT_THAT(admin.Get("/org/audit?others=1").body, Not(HasSubstr("title=\"auth.login\"")));
  // An organisation holding nothing of the person sees none of it.
  auto stranger = t.LoginAs(w.stranger_email);
  EXPECT_THAT(stranger.Get("/org/audit").body, Not(HasSubstr("支援 太郎")));
}

TEST(TrustHolderAudit, ProvisionRecordsNameTheItemsEachConsentProvided) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  const auto client = RegisterPerson(t, w);
  const auto basic = HospitalConsent(t, w, client, {"basic"});
  const auto medical = HospitalConsent(t, w, client, {"medical", "records"});
  auto agency = t.LoginAs(w.agency_email);
  auto page = agency.Get(ClientPath(client));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(kSharedDiagnosis));
  agency.Get(ClientPath(client));  // the same day: still one record a consent
  const auto rows = Column(t,
                           "SELECT CAST(consent_id AS TEXT) || ':' || items FROM provision_record "
                           "WHERE channel = 'shared_view' ORDER BY consent_id");
  EXPECT_EQ(rows, (std::vector<std::string>{std::to_string(basic) + ":basic",
                                            std::to_string(medical) + ":medical"}));
}

}  // namespace
}  // namespace tsunagu::testing
