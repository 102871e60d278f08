// The employer's (and doctor's) link on both engines (issue 16): the agency running the case
// sends a link under a consent naming the employer; the mail carries only the link; the
// public page works without an account and shows only the consent's items; the employer saves
// a draft and submits the 勤務情報提供書, which lands on the case as a revision edited through
// the link, with a timeline entry the referring hospital's open case page receives live; signed
// files come back as case documents. Walls: another form, a field of another section, a
// diagnosis the consent leaves out, expiry, revocation and withdrawal all give nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

#include "crypto/random.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"
#include "upload_support.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kAnswerCanary = "業務内容カナリアQZ";

std::string LinksPath(const SharingWorld& w) {
  return "/cases/" + std::to_string(w.case_id) + "/employer-links";
}

std::string EmployerEmail() {
  static std::atomic<int> n{0};
  return "hr" + std::to_string(++n) + "@employer-link.test";
}

// A server whose public pages are not rate-limited by the many requests a test sends.
ServerOptions Roomy() {
  ServerOptions o;
  o.configure = [](core::Config& c) { c.security.public_form_limit = 1000; };
  return o;
}

// A consent for workplace coordination with カナリア商事 covering `items`.
std::int64_t WorkplaceConsent(TestServer& t, const SharingWorld& w, std::vector<std::string> items,
                              const std::string& purpose = "workplace_coordination") {
  sharing::ConsentInput consent;
  consent.organizations = {w.agency};
  consent.items = std::move(items);
  consent.purpose = purpose;
  if (purpose == "workplace_coordination") consent.employer = "カナリア商事";
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  consent.valid_from = core::ToIso(today);
  consent.valid_until = core::ToIso(core::AddDays(today, 180));
  consent.method = "written";
  auto recorded = t.sv().consents.Record(w.nurse, {}, w.client, consent);
  EXPECT_TRUE(recorded.ok());
  return recorded ? *recorded : 0;
}

// Creates a link through the page; returns the token (empty when none was shown).
std::string CreateLink(Client& agency, const SharingWorld& w, std::int64_t consent,
                       const std::string& email, std::vector<std::string> asks = {"work_info_form"},
                       const std::string& kind = "employer", const std::string& days = "") {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"consent_id", std::to_string(consent)},
      {"recipient_kind", kind},
      {"recipient_name", "人事 担当"},
      {"recipient_email", email},
      {"delivery", "mail"},
      {"days", days}};
  for (auto& a : asks) fields.emplace_back("asks", a);
  auto r = agency.Submit(LinksPath(w), fields);
  EXPECT_EQ(r.status, 200) << r.body;
  return TextBetween(r.body, "/l/", "\"");
}

long long Accesses(TestServer& t, const std::string& outcome) {
  return Count(t, "SELECT COUNT(*) FROM employer_link_access WHERE outcome = '" + outcome + "'");
}

// The answers the 勤務情報提供書 needs to be sent, with the canary in the duties.
std::vector<std::pair<std::string, std::string>> WorkInfoAnswers(Client& visitor,
                                                                 const std::string& token) {
  auto page = visitor.Get("/l/" + token + "/forms/work_info_form");
  EXPECT_EQ(page.status, 200) << page.body;
  return {{"csrf_token", ExtractCsrf(page.body)},
          {"employee_name", "社員 太郎"},
          {"occupation", "事務"},
          {"duties_text", kAnswerCanary},
          {"company_name", "カナリア商事"}};
}

TEST(EmployerLinks, StaffSendALinkWhoseMailCarriesOnlyTheAddress) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const auto consent = RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto before = t.clock().NowSeconds();
  const std::string email = EmployerEmail();
  const std::string token = CreateLink(agency, w, consent, email);
  ASSERT_EQ(token.size(), 43u);

  const std::string mail = WaitForMail(email, "/l/");
  EXPECT_THAT(mail, HasSubstr(t.config().server.public_url + "/l/" + token));
  EXPECT_THAT(mail, Not(HasSubstr(kSharedName)));
  EXPECT_THAT(mail, Not(HasSubstr(kSharedDiagnosis)));
  // Only the hash is kept; the recipient is encrypted; 14 days by default.
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM employer_link WHERE token_hash = '" + token + "'"), 0);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM employer_link WHERE token_hash = '" +
                         crypto::HashToken(token) + "'"),
            1);
  for (const auto& v : Column(t, "SELECT recipient_enc FROM employer_link")) {
    EXPECT_THAT(v, Not(HasSubstr(email)));
  }
  const auto expires = Count(t, "SELECT expires_at FROM employer_link");
  EXPECT_GE(expires, before + 14 * 86400);
  EXPECT_LE(expires, t.clock().NowSeconds() + 14 * 86400);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'employer_link.create'"), 1);

  // The page lists it with its state; the address is not shown again.
  auto page = agency.Get(LinksPath(w));
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(email));
  EXPECT_THAT(page.body, Not(HasSubstr(token)));
}

TEST(EmployerLinks, BadInputIsRefusedAndCreatesNothing) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const auto consent = RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  auto post = [&](std::vector<std::pair<std::string, std::string>> fields) {
    return agency.Submit(LinksPath(w), std::move(fields));
  };
  const std::string c = std::to_string(consent);
  // More than 90 days.
  auto r = post({{"consent_id", c},
                 {"recipient_kind", "employer"},
                 {"asks", "work_info_form"},
                 {"recipient_name", "人事"},
                 {"recipient_email", "a@b.test"},
                 {"days", "91"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("1〜90日"));
  EXPECT_THAT(r.body, HasSubstr("value=\"人事\""));  // what was typed is kept
  // The doctor's form asked of an employer.
  r = post({{"consent_id", c},
            {"recipient_kind", "employer"},
            {"asks", "doctor_opinion_form"},
            {"recipient_name", "人事"},
            {"recipient_email", "a@b.test"}});
  EXPECT_EQ(r.status, 422);
  // A doctor's link under a consent for the workplace.
  r = post({{"consent_id", c},
            {"recipient_kind", "doctor"},
            {"asks", "doctor_opinion_form"},
            {"recipient_name", "主治医"},
            {"recipient_email", "dr@clinic.test"}});
  EXPECT_EQ(r.status, 422);
  // The consent for employment support names no employer: not a basis.
  r = post({{"consent_id", std::to_string(w.consent)},
            {"recipient_kind", "employer"},
            {"asks", "work_info_form"},
            {"recipient_name", "人事"},
            {"recipient_email", "a@b.test"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM employer_link"), 0);
}

TEST(EmployerLinks, OnlyTheRunningOrganisationSeesOrSendsLinks) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const auto consent = RecordWorkplaceConsent(t, w);
  for (const auto& email : {w.nurse_email, w.stranger_email}) {
    auto c = t.LoginAs(email);
    EXPECT_EQ(c.Get(LinksPath(w)).status, 404) << email;
    auto r = c.Submit("/",
                      {{"consent_id", std::to_string(consent)},
                       {"recipient_kind", "employer"},
                       {"asks", "work_info_form"},
                       {"recipient_name", "x"},
                       {"recipient_email", "x@example.jp"}},
                      LinksPath(w));
    EXPECT_EQ(r.status, 404) << email;
  }
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM employer_link"), 0);
}

TEST(EmployerLinks, TheEmployerSavesADraftAndSubmitsAndTheHospitalSeesItLive) {
  TestServer t(Roomy());
  auto w = BuildSharingWorld(t);
  const auto consent = RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const std::string token = CreateLink(agency, w, consent, EmployerEmail());
  ASSERT_FALSE(token.empty());

  // The hospital that referred the person has the case page open.
  auto hospital = t.LoginAs(w.nurse_email);
  auto stream = hospital.OpenEvents("/cases/" + std::to_string(w.case_id) + "/events");
  ASSERT_TRUE(stream.WaitFor("event: ready")) << stream.received();

  auto visitor = t.NewClient();
  auto landing = visitor.Get("/l/" + token);
  ASSERT_EQ(landing.status, 200) << landing.body;
  EXPECT_THAT(landing.body, HasSubstr("/l/" + token + "/forms/work_info_form"));
  EXPECT_EQ(landing.Header("x-robots-tag"), "noindex, nofollow");

  // A draft stays with the link (encrypted), not on the case.
  auto fields = WorkInfoAnswers(visitor, token);
  fields.emplace_back("action", "draft");
  auto saved = visitor.Post("/l/" + token + "/forms/work_info_form", fields);
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM employer_link_draft"), 1);
  for (const auto& v : Column(t, "SELECT data_enc FROM employer_link_draft")) {
    EXPECT_THAT(v, Not(HasSubstr(kAnswerCanary)));
  }
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_form"), 0);
  auto again = visitor.Get("/l/" + token + "/forms/work_info_form");
  EXPECT_THAT(again.body, HasSubstr(kAnswerCanary));

  fields = WorkInfoAnswers(visitor, token);
  fields.emplace_back("action", "submit");
  auto sent = visitor.Post("/l/" + token + "/forms/work_info_form", fields);
  EXPECT_EQ(sent.status, 303) << sent.body;
  EXPECT_THAT(sent.Header("location"), HasSubstr("done=submitted"));

  // A revision of the case's form edited through the link, no staff editor; draft gone.
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM case_form_revision WHERE edited_by IS NULL AND "
                  "edited_link_id IS NOT NULL"),
            1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM employer_link_draft"), 0);
  for (const auto& v : Column(t, "SELECT data_enc FROM case_form_revision")) {
    EXPECT_THAT(v, Not(HasSubstr(kAnswerCanary)));
  }
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM timeline_entry WHERE kind = 'employer_link'"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'employer_link.submit'"), 1);
  EXPECT_GE(Accesses(t, "served"), 1);
  EXPECT_EQ(Accesses(t, "saved"), 1);
  EXPECT_EQ(Accesses(t, "submitted"), 1);

  // Live on the hospital's page, and there after a reload.
  const auto entry = Count(t, "SELECT MAX(id) FROM timeline_entry WHERE kind = 'employer_link'");
  EXPECT_TRUE(stream.WaitFor("event: timeline\ndata: " + std::to_string(entry) + "\n\n"))
      << stream.received();
  auto case_page = hospital.Get("/cases/" + std::to_string(w.case_id));
  EXPECT_THAT(case_page.body, HasSubstr("勤務先がリンクから「勤務情報提供書」を提出しました"));

  // The agency reads it as the employer's, through the link.
  auto form = agency.Get("/cases/" + std::to_string(w.case_id) + "/forms/work_info_form");
  EXPECT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr(kAnswerCanary));
  EXPECT_THAT(form.body, HasSubstr("勤務先（リンクから記入）"));

  // The landing page now says it was sent.
  EXPECT_THAT(visitor.Get("/l/" + token).body, HasSubstr("提出済み"));
}

TEST(EmployerLinks, BadAnswersKeepWhatWasTypedAndChangeNothing) {
  TestServer t(Roomy());
  auto w = BuildSharingWorld(t);
  const auto consent = RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const std::string token = CreateLink(agency, w, consent, EmployerEmail());
  auto visitor = t.NewClient();
  auto fields = WorkInfoAnswers(visitor, token);
  fields.emplace_back("days_per_week", "九十九");
  fields.emplace_back("action", "submit");
  auto r = visitor.Post("/l/" + token + "/forms/work_info_form", fields);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, HasSubstr(kAnswerCanary));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_form"), 0);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM timeline_entry WHERE kind = 'employer_link'"), 0);
}

TEST(EmployerLinks, TheLinkShowsOnlyTheConsentsItems) {
  TestServer t(Roomy());
  auto w = BuildSharingWorld(t);
  // Records and documents only: neither the name nor the diagnosis.
  const auto narrow = RecordWorkplaceConsent(t, w);
  // The name and the work, but not the diagnosis.
  const auto basic = WorkplaceConsent(t, w, {"basic", "work"});
  // Everything, the diagnosis included.
  const auto medical = WorkplaceConsent(t, w, {"basic", "medical", "work"});
  auto agency = t.LoginAs(w.agency_email);
  const auto t_narrow = CreateLink(agency, w, narrow, EmployerEmail());
  const auto t_basic = CreateLink(agency, w, basic, EmployerEmail());
  const auto t_medical =
      CreateLink(agency, w, medical, EmployerEmail(), {"work_info_form", "assessment_employer"});
  auto visitor = t.NewClient();

  auto page = visitor.Get("/l/" + t_narrow);
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, Not(HasSubstr(kSharedName)));
  EXPECT_THAT(page.body, Not(HasSubstr(kSharedDiagnosis)));
  auto form = visitor.Get("/l/" + t_narrow + "/forms/work_info_form");
  EXPECT_THAT(form.body, Not(HasSubstr(kSharedName)));

  page = visitor.Get("/l/" + t_basic);
  EXPECT_THAT(page.body, HasSubstr(kSharedName));
  EXPECT_THAT(page.body, Not(HasSubstr(kSharedDiagnosis)));
  form = visitor.Get("/l/" + t_basic + "/forms/work_info_form");
  EXPECT_THAT(form.body, HasSubstr(kSharedName));  // prefilled from the consented item
  EXPECT_THAT(form.body, Not(HasSubstr(kSharedDiagnosis)));

  page = visitor.Get("/l/" + t_medical);
  EXPECT_THAT(page.body, HasSubstr(kSharedDiagnosis));  // the consent covers it

  // Every showing is a provision naming the link.
  EXPECT_GE(Count(t,
                  "SELECT COUNT(*) FROM provision_record WHERE employer_link_id IS NOT NULL "
                  "AND channel = 'share_link' AND recipient_org_id IS NULL"),
            3);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM provision_record WHERE employer_link_id IS NOT NULL "
                  "AND items LIKE '%medical%' AND consent_id <> " +
                      std::to_string(medical)),
            0);
}

TEST(EmployerLinks, NothingMoreCanBeReadOrWrittenThroughTheLink) {
  TestServer t(Roomy());
  auto w = BuildSharingWorld(t);
  const auto consent = WorkplaceConsent(t, w, {"basic", "work"});
  auto agency = t.LoginAs(w.agency_email);
  const std::string token =
      CreateLink(agency, w, consent, EmployerEmail(), {"assessment_employer"});
  auto visitor = t.NewClient();
  // Forms the link does not ask for: the same page as an ended link.
  for (const std::string part : {"work_info_form", "doctor_opinion_form", "assessment_doctor",
                                 "support_plan", "assessment", "upload", "../forms"}) {
    auto r = visitor.Get("/l/" + token + "/forms/" + part);
    EXPECT_TRUE(r.status == 410 || r.status == 404) << part << " " << r.status;
    EXPECT_THAT(r.body, Not(HasSubstr(kSharedName))) << part;
  }
  const std::string form_page = "/l/" + token + "/forms/assessment_employer";
  auto posted = visitor.Post("/l/" + token + "/forms/work_info_form",
                             {{"csrf_token", ExtractCsrf(visitor.Get(form_page).body)},
                              {"duties_text", kAnswerCanary},
                              {"action", "submit"}});
  EXPECT_EQ(posted.status, 410);
  // No upload either.
  auto up = PostMultipart(visitor, form_page, "/l/" + token + "/documents", {},
                          {{"file", "a.pdf", "application/pdf", SmallPdf("x")}});
  EXPECT_EQ(up.status, 410);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_document"), 0);
  EXPECT_GE(Accesses(t, "not_asked"), 3);

  // The employer's section only: an answer posted for the diagnosis field is not taken.
  auto form = visitor.Get(form_page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"diagnosis\"")));
  auto sent = visitor.Post("/l/" + token + "/forms/assessment_employer",
                           {{"csrf_token", ExtractCsrf(form.body)},
                            {"diagnosis", "書き換えカナリアQZ"},
                            {"action", "submit"}});
  EXPECT_EQ(sent.status, 303) << sent.body;
  auto staff = agency.Get("/cases/" + std::to_string(w.case_id) + "/forms/assessment");
  EXPECT_THAT(staff.body, Not(HasSubstr("書き換えカナリアQZ")));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_form WHERE form_type = 'assessment'"), 1);

  // A made-up token looks the same and leaves no trace.
  const auto before = Count(t, "SELECT COUNT(*) FROM employer_link_access");
  EXPECT_EQ(visitor.Get("/l/" + crypto::RandomToken(32)).status, 410);
  EXPECT_EQ(visitor.Get("/l/short").status, 410);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM employer_link_access"), before);
}

TEST(EmployerLinks, ExpiryRevocationAndWithdrawalEndTheLink) {
  TestServer t(Roomy());
  auto w = BuildSharingWorld(t);
  const auto consent = RecordWorkplaceConsent(t, w);
  const auto other_consent = WorkplaceConsent(t, w, {"basic", "work"});
  auto agency = t.LoginAs(w.agency_email);
  const auto expiring =
      CreateLink(agency, w, consent, EmployerEmail(), {"work_info_form"}, "employer", "1");
  const auto revoked = CreateLink(agency, w, consent, EmployerEmail());
  const auto withdrawn = CreateLink(agency, w, other_consent, EmployerEmail());
  auto visitor = t.NewClient();
  EXPECT_EQ(visitor.Get("/l/" + expiring).status, 200);
  const std::string csrf =
      ExtractCsrf(visitor.Get("/l/" + expiring + "/forms/work_info_form").body);
  ASSERT_FALSE(csrf.empty());

  // Revoked by staff.
  const auto link =
      Count(t, "SELECT id FROM employer_link WHERE consent_id = " + std::to_string(consent) +
                   " ORDER BY id DESC LIMIT 1");
  auto r = agency.Submit(LinksPath(w), {}, LinksPath(w) + "/" + std::to_string(link) + "/revoke");
  EXPECT_EQ(r.status, 303);
  auto gone = visitor.Get("/l/" + revoked);
  EXPECT_EQ(gone.status, 410);
  EXPECT_THAT(gone.body, HasSubstr("このリンクは終了しました"));
  EXPECT_EQ(Accesses(t, "revoked"), 1);

  // The consent withdrawn.
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, other_consent, "").ok());
  EXPECT_EQ(visitor.Get("/l/" + withdrawn).status, 410);
  EXPECT_EQ(visitor.Get("/l/" + withdrawn + "/forms/work_info_form").status, 410);
  EXPECT_EQ(Accesses(t, "consent_withdrawn"), 2);

  // A day later the one-day link has expired, form and post alike.
  t.clock().Advance(86400 + 60);
  EXPECT_EQ(visitor.Get("/l/" + expiring).status, 410);
  auto post =
      visitor.Post("/l/" + expiring + "/forms/work_info_form",
                   {{"csrf_token", csrf}, {"duties_text", kAnswerCanary}, {"action", "submit"}});
  EXPECT_EQ(post.status, 410);
  EXPECT_GE(Accesses(t, "expired"), 2);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_form"), 0);

  // The staff page says so (a new login: the day has passed).
  auto again = t.LoginAs(w.agency_email);
  auto page = again.Get(LinksPath(w));
  EXPECT_THAT(page.body, HasSubstr("期限切れ"));
  EXPECT_THAT(page.body, HasSubstr("同意撤回により終了"));
}

TEST(EmployerLinks, SignedFilesComeBackAsEncryptedCaseDocuments) {
  TestServer t(Roomy());
  auto w = BuildSharingWorld(t);
  const auto consent = RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const std::string token =
      CreateLink(agency, w, consent, EmployerEmail(), {"work_info_form", "upload"});
  auto visitor = t.NewClient();
  const std::string base = "/l/" + token;
  // Not a PDF or an image: refused, nothing stored.
  auto bad = PostMultipart(visitor, base, base + "/documents", {{"title", "押印済み"}},
                           {{"file", "a.pdf", "application/pdf", "just text"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_document"), 0);

  auto ok = PostMultipart(visitor, base, base + "/documents", {{"title", "押印済み勤務情報提供書"}},
                          {{"file", "signed.pdf", "application/pdf", SmallPdf("SIGNEDQZ")}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM employer_link_document"), 1);
  EXPECT_EQ(Accesses(t, "uploaded"), 1);
  auto docs = agency.Get("/cases/" + std::to_string(w.case_id) + "/documents");
  EXPECT_THAT(docs.body, HasSubstr("押印済み勤務情報提供書"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM timeline_entry WHERE kind = 'document'"), 1);
}

TEST(EmployerLinks, ADoctorFillsTheOpinionUnderAMedicalConsent) {
  TestServer t(Roomy());
  auto w = BuildSharingWorld(t);
  const auto consent =
      WorkplaceConsent(t, w, {"basic", "medical", "records"}, "medical_coordination");
  auto agency = t.LoginAs(w.agency_email);
  const std::string token =
      CreateLink(agency, w, consent, "dr@clinic.test", {"doctor_opinion_form"}, "doctor");
  ASSERT_FALSE(token.empty());
  auto visitor = t.NewClient();
  auto form = visitor.Get("/l/" + token + "/forms/doctor_opinion_form");
  EXPECT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr(kSharedDiagnosis));  // prefilled under "medical"
  EXPECT_EQ(visitor.Get("/l/" + token + "/forms/work_info_form").status, 410);
}

}  // namespace
}  // namespace tsunagu::testing
