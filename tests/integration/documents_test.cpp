// 書類 on both engines: files uploaded to the agency's case through multipart/form-data and
// stored encrypted (no canary in the database), typed by their bytes, size limits (11 MiB at
// the server, 10 MiB in the service), the partner hospital's download with its provision
// record, a stranger's 404 on every route, share links for an employer contact (the mail
// carries only the link and the expiry; the public page works without cookies; expiry,
// revocation and consent withdrawal end it, each attempt logged), and the signed consent form.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/random.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"
#include "upload_support.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPdfCanary = "PDFCANARY-QZ-55731";
constexpr const char* kTitleCanary = "書類名カナリアQZ";
constexpr const char* kFilenameCanary = "ファイル名カナリアQZ";

std::string DocsPath(const SharingWorld& w) {
  return "/cases/" + std::to_string(w.case_id) + "/documents";
}

// Every value of the column holds no `canary`; there must be at least one, or nothing was
// checked.
void ExpectNoRowHolds(TestServer& t, const std::string& sql, const std::string& canary) {
  const auto values = Column(t, sql);
  EXPECT_FALSE(values.empty()) << sql << ": no row, so nothing was checked";
  for (const auto& v : values) EXPECT_THAT(v, Not(HasSubstr(canary))) << sql;
}

std::string ReadBytes(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string EmployerEmail() {
  static std::atomic<int> n{0};
  return "jinji" + std::to_string(++n) + "@employer.test";
}

// The agency uploads the canary PDF; returns its document id.
std::int64_t UploadPdf(TestServer& t, Client& agency, const SharingWorld& w) {
  auto r = PostMultipart(
      agency, DocsPath(w), DocsPath(w), {{"title", kTitleCanary}},
      {{"file", std::string(kFilenameCanary) + ".pdf", "application/pdf", SmallPdf(kPdfCanary)}});
  EXPECT_EQ(r.status, 303) << r.body;
  return Count(t, "SELECT MAX(id) FROM case_document");
}

// Creates a share link through the page (under the consent of RecordWorkplaceConsent, which
// names no address: staff confirm the recipient); returns the token.
std::string Share(Client& agency, const SharingWorld& w, std::int64_t doc, const std::string& email,
                  const std::string& days = "") {
  auto r = agency.Submit(DocsPath(w),
                         {{"recipient_name", "人事 担当"},
                          {"recipient_email", email},
                          {"days", days},
                          {"recipient_confirmed", "1"}},
                         DocsPath(w) + "/" + std::to_string(doc) + "/share");
  EXPECT_EQ(r.status, 200) << r.body;
  return TextBetween(r.body, "/shared/", "\"");
}

long long Accesses(TestServer& t, const std::string& outcome) {
  return Count(t, "SELECT COUNT(*) FROM share_access WHERE outcome = '" + outcome + "'");
}

TEST(Documents, UploadedPdfIsStoredEncryptedAndDownloadsWhole) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_GT(w.case_id, 0);
  auto agency = t.LoginAs(w.agency_email);

  auto page = agency.Get(DocsPath(w));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("enctype=\"multipart/form-data\""));
  auto case_page = agency.Get("/cases/" + std::to_string(w.case_id));
  EXPECT_THAT(case_page.body, HasSubstr("href=\"" + DocsPath(w) + "\""));

  const std::string pdf = SmallPdf(kPdfCanary);
  const auto doc = UploadPdf(t, agency, w);
  ASSERT_GT(doc, 0);

  // Nothing readable in the database: not the content, the file name or the title.
  ExpectNoRowHolds(t, "SELECT content_enc FROM stored_file", kPdfCanary);
  ExpectNoRowHolds(t, "SELECT name_enc FROM stored_file", kFilenameCanary);
  ExpectNoRowHolds(t, "SELECT title_enc FROM case_document", kTitleCanary);
  ExpectNoRowHolds(t, "SELECT body_enc FROM timeline_entry", kTitleCanary);
  EXPECT_EQ(Column(t, "SELECT content_type FROM stored_file"),
            std::vector<std::string>{"application/pdf"});
  EXPECT_EQ(Count(t, "SELECT byte_size FROM stored_file"), static_cast<long long>(pdf.size()));
  if (!t.is_postgresql()) {
    // The file itself, with its write-ahead log, holds none of it either.
    const std::string raw = ReadBytes(t.dir() / "test.db") + ReadBytes(t.dir() / "test.db-wal");
    EXPECT_THAT(raw, Not(HasSubstr(kPdfCanary)));
    EXPECT_THAT(raw, Not(HasSubstr(kTitleCanary)));
    EXPECT_THAT(raw, Not(HasSubstr(kFilenameCanary)));
  }

  // The page lists it; the timeline says a document was added.
  page = agency.Get(DocsPath(w));
  EXPECT_THAT(page.body, HasSubstr(kTitleCanary));
  EXPECT_THAT(page.body, HasSubstr(std::string(kFilenameCanary) + ".pdf"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM timeline_entry WHERE kind = 'document'"), 1);
  auto timeline = agency.Get("/cases/" + std::to_string(w.case_id) + "/timeline");
  EXPECT_THAT(timeline.body, HasSubstr(kTitleCanary));

  auto file = agency.Get(DocsPath(w) + "/" + std::to_string(doc));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.Header("content-type"), "application/pdf");
  EXPECT_EQ(file.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(file.Header("cache-control"), "no-store");
  EXPECT_THAT(file.Header("content-disposition"),
              HasSubstr("attachment; filename=\"document.pdf\""));
  EXPECT_THAT(file.Header("content-disposition"),
              HasSubstr("filename*=UTF-8''" + http::PercentEncode(kFilenameCanary)));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'document.upload'"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'document.read'"), 1);
  // The agency runs the case: its own reads are no provision.
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM provision_record WHERE channel = 'shared_view'"), 0);

  // Removing hides it.
  auto removed =
      agency.Submit(DocsPath(w), {}, DocsPath(w) + "/" + std::to_string(doc) + "/remove");
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(agency.Get(DocsPath(w) + "/" + std::to_string(doc)).status, 404);
  EXPECT_THAT(agency.Get(DocsPath(w)).body, Not(HasSubstr(kTitleCanary)));
}

TEST(Documents, TypeComesFromTheBytesNotTheName) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  auto png = PostMultipart(agency, DocsPath(w), DocsPath(w), {{"title", "職場の見取り図"}},
                           {{"file", "map.pdf", "application/pdf", TinyPng()}});
  EXPECT_EQ(png.status, 303) << png.body;
  EXPECT_EQ(Column(t, "SELECT content_type FROM stored_file"),
            std::vector<std::string>{"image/png"});
  const auto doc = Count(t, "SELECT MAX(id) FROM case_document");
  auto got = agency.Get(DocsPath(w) + "/" + std::to_string(doc));
  EXPECT_EQ(got.Header("content-type"), "image/png");
  EXPECT_EQ(got.body, TinyPng());
  // The name gets the extension of what it really is.
  EXPECT_THAT(got.Header("content-disposition"), HasSubstr("filename=\"map.pdf.png\""));

  // A "PDF" that is text: refused with a message, the title kept, nothing stored.
  auto fake = PostMultipart(agency, DocsPath(w), DocsPath(w), {{"title", "偽のPDF書類"}},
                            {{"file", "report.pdf", "application/pdf", "just some text\r\n"}});
  EXPECT_EQ(fake.status, 422);
  EXPECT_THAT(fake.body, HasSubstr("ファイルの中身が PDF・PNG・JPEG のいずれでもありません"));
  EXPECT_THAT(fake.body, HasSubstr("value=\"偽のPDF書類\""));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM stored_file"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_document"), 1);

  // No file, no title.
  auto empty = PostMultipart(agency, DocsPath(w), DocsPath(w), {{"title", ""}},
                             {{"file", "", "application/octet-stream", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("ファイルを選んでください"));
  EXPECT_THAT(empty.body, HasSubstr("href=\"#title\""));

  // A body the parser does not understand is a 400, and a wrong token a 403.
  auto broken = agency.Request("POST", DocsPath(w), "--x\r\nnonsense",
                               {{"Content-Type", "multipart/form-data; boundary=x"}});
  EXPECT_EQ(broken.status, 400);
  auto no_boundary =
      agency.Request("POST", DocsPath(w), "a=b", {{"Content-Type", "multipart/form-data"}});
  EXPECT_EQ(no_boundary.status, 400);
  auto forged = agency.Request(
      "POST", DocsPath(w),
      MultipartBody({{"title", "x"}, {"csrf_token", "forged"}},
                    {{"file", "a.png", "image/png", TinyPng()}}),
      {{"Content-Type", std::string("multipart/form-data; boundary=") + kMultipartBoundary}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM stored_file"), 1);
}

TEST(Documents, SizeLimits) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  // Over 11 MiB: the server refuses it before the handler.
  std::string huge = "%PDF-1.4\n" + std::string(std::size_t{11} * 1024 * 1024, 'a');
  auto r = PostMultipart(agency, DocsPath(w), DocsPath(w), {{"title", "大きすぎる書類"}},
                         {{"file", "big.pdf", "application/pdf", huge}});
  EXPECT_EQ(r.status, 413);
  // Just over 10 MiB fits the body limit but not the service's.
  std::string over = "%PDF-1.4\n" + std::string(std::size_t{10} * 1024 * 1024 - 8, 'a');
  r = PostMultipart(agency, DocsPath(w), DocsPath(w), {{"title", "少し大きい書類"}},
                    {{"file", "big.pdf", "application/pdf", over}});
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("10MBまで"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM stored_file"), 0);
  // Other routes keep the ordinary limit.
  auto form = agency.Get("/cases/" + std::to_string(w.case_id));
  auto big_form = agency.Request(
      "POST", "/cases/" + std::to_string(w.case_id) + "/entries",
      "csrf_token=" + ExtractCsrf(form.body) + "&body=" + std::string(2 * 1024 * 1024, 'a'),
      {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(big_form.status, 413);
}

TEST(Documents, PartnerHospitalDownloadsUnderItsConsentWithAProvisionRecord) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = UploadPdf(t, agency, w);
  auto hospital = t.LoginAs(w.nurse_email);
  // The case page first: the day's provision of its records then gains the documents.
  ASSERT_EQ(hospital.Get("/cases/" + std::to_string(w.case_id)).status, 200);
  auto page = hospital.Get(DocsPath(w));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr(kTitleCanary));
  EXPECT_THAT(page.body, Not(HasSubstr("/share\"")));  // partners do not share or remove
  EXPECT_THAT(page.body, Not(HasSubstr("/remove\"")));
  auto file = hospital.Get(DocsPath(w) + "/" + std::to_string(doc));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, SmallPdf(kPdfCanary));
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM provision_record WHERE channel = 'shared_view' AND "
                  "provider_org_id = " +
                      std::to_string(w.agency) + " AND recipient_org_id = " +
                      std::to_string(w.hospital) + " AND items = 'records,documents'"),
            1);
  // Partners read; they do not add.
  auto upload = PostMultipart(hospital, DocsPath(w), DocsPath(w), {{"title", "病院から"}},
                              {{"file", "a.png", "image/png", TinyPng()}});
  EXPECT_EQ(upload.status, 403);
  auto remove =
      hospital.Submit(DocsPath(w), {}, DocsPath(w) + "/" + std::to_string(doc) + "/remove");
  EXPECT_EQ(remove.status, 403);

  // The consent withdrawn: the hospital no longer sees the case or its documents.
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, w.consent, "").ok());
  EXPECT_EQ(hospital.Get(DocsPath(w) + "/" + std::to_string(doc)).status, 404);
  // Viewers never see documents.
  auto viewer = t.LoginAs(w.hospital_viewer_email);
  EXPECT_EQ(viewer.Get(DocsPath(w)).status, 403);
}

TEST(Documents, APartnerWhoseConsentLeavesOutDocumentsSeesNoTitleOnTheTimeline) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  UploadPdf(t, agency, w);
  auto hospital = t.LoginAs(w.nurse_email);
  const std::string case_path = "/cases/" + std::to_string(w.case_id);
  ASSERT_THAT(hospital.Get(case_path).body, HasSubstr(kTitleCanary));

  // The person narrows the consent: records yes, documents no.
  sharing::ConsentInput narrower;
  narrower.organizations = {w.agency};
  narrower.items = {"basic", "records"};
  narrower.purpose = "employment_support";
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  narrower.valid_from = core::ToIso(today);
  narrower.valid_until = core::ToIso(core::AddDays(today, 90));
  narrower.method = "oral";
  ASSERT_TRUE(t.sv().consents.Record(w.nurse, {}, w.client, narrower).ok());
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, w.consent, "書類は共有しない").ok());

  for (const std::string path : {case_path, case_path + "/timeline"}) {
    auto page = hospital.Get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_THAT(page.body, Not(HasSubstr(kTitleCanary))) << path;
    EXPECT_THAT(page.body, HasSubstr("書類名は表示されません")) << path;
  }
  EXPECT_EQ(hospital.Get(DocsPath(w)).status, 403);
  // The agency, which holds the document, still sees its title.
  EXPECT_THAT(agency.Get(case_path).body, HasSubstr(kTitleCanary));
}

TEST(Documents, AStrangerGets404OnEveryRoute) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = UploadPdf(t, agency, w);
  const std::string token = Share(agency, w, doc, EmployerEmail());
  const auto link = Count(t, "SELECT MAX(id) FROM share_link");
  ASSERT_TRUE(
      t.sv()
          .documents.AttachConsentForm(w.nurse, {}, w.consent, "consent.pdf", SmallPdf("signed"))
          .ok());
  auto stranger = t.LoginAs(w.stranger_email);
  const std::string d = DocsPath(w) + "/" + std::to_string(doc);
  const std::string consent = "/consents/" + std::to_string(w.consent);
  EXPECT_EQ(stranger.Get(DocsPath(w)).status, 404);
  EXPECT_EQ(stranger.Get(d).status, 404);
  auto upload = PostMultipart(stranger, "/", DocsPath(w), {{"title", "x"}},
                              {{"file", "a.png", "image/png", TinyPng()}});
  EXPECT_EQ(upload.status, 404);
  EXPECT_EQ(stranger.Submit("/", {}, d + "/remove").status, 404);
  EXPECT_EQ(
      stranger
          .Submit("/", {{"recipient_name", "x"}, {"recipient_email", "x@example.jp"}}, d + "/share")
          .status,
      404);
  EXPECT_EQ(stranger.Submit("/", {}, d + "/links/" + std::to_string(link) + "/revoke").status, 404);
  EXPECT_EQ(stranger.Get(consent + "/form").status, 404);
  auto form = PostMultipart(stranger, "/", consent + "/form", {},
                            {{"file", "a.png", "image/png", TinyPng()}});
  EXPECT_EQ(form.status, 404);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM case_document WHERE removed_at IS NULL"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_link WHERE revoked_at IS NULL"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM stored_file"), 2);
}

TEST(Documents, ShareLinkMailsOnlyTheLinkAndOpensWithoutCookies) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = UploadPdf(t, agency, w);
  const std::string employer = EmployerEmail();
  const std::string token = Share(agency, w, doc, employer);
  ASSERT_EQ(token.size(), 43u);

  // The e-mail: the link and the expiry, nothing about the person or the document.
  const std::string mail = WaitForMail(employer, "/shared/");
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr(t.config().server.public_url + "/shared/" + token));
  EXPECT_THAT(mail, HasSubstr("まで"));
  for (const char* canary :
       {kSharedName, kSharedKana, kSharedDiagnosis, kTitleCanary, kFilenameCanary, kPdfCanary}) {
    EXPECT_THAT(mail, Not(HasSubstr(canary)));
    EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr(canary)));
  }
  // The token is kept only as a hash; the provision record names the link.
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_link WHERE token_hash = '" + token + "'"), 0);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM provision_record WHERE channel = 'share_link' AND "
                  "share_link_id IS NOT NULL AND recipient_org_id IS NULL"),
            1);
  ExpectNoRowHolds(t, "SELECT recipient_enc FROM share_link", employer);

  // The employer contact opens it without any cookie or account.
  auto visitor = t.NewClient();
  auto page = visitor.Get("/shared/" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("書類が共有されています"));
  EXPECT_THAT(page.body, HasSubstr("共有テスト就労支援センター"));
  EXPECT_THAT(page.body, HasSubstr("/shared/" + token + "/file"));
  EXPECT_THAT(page.body, Not(HasSubstr(kSharedName)));
  EXPECT_THAT(page.body, Not(HasSubstr(kTitleCanary)));
  EXPECT_THAT(page.body, Not(HasSubstr(kFilenameCanary)));
  EXPECT_EQ(page.Header("cache-control"), "no-store");
  EXPECT_THAT(page.Header("x-robots-tag"), HasSubstr("noindex"));
  auto file = t.NewClient().Get("/shared/" + token + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, SmallPdf(kPdfCanary));
  EXPECT_THAT(file.Header("content-disposition"), HasSubstr("attachment"));
  EXPECT_EQ(Accesses(t, "served"), 2);

  // Staff see the link with its access log.
  auto docs = agency.Get(DocsPath(w));
  EXPECT_THAT(docs.body, HasSubstr(employer));
  EXPECT_THAT(docs.body, HasSubstr("表示・ダウンロード"));
  EXPECT_THAT(docs.body, Not(HasSubstr(token)));        // shown once only
  EXPECT_THAT(docs.body, Not(HasSubstr("127.0.0.1")));  // addresses for admins only
}

TEST(Documents, ExpiredLinkIsGoneAndLogged) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = UploadPdf(t, agency, w);
  const std::string token = Share(agency, w, doc, EmployerEmail(), "1");
  EXPECT_EQ(t.NewClient().Get("/shared/" + token).status, 200);
  t.clock().Advance(86400 + 1);
  auto gone = t.NewClient().Get("/shared/" + token);
  EXPECT_EQ(gone.status, 410);
  EXPECT_THAT(gone.body, HasSubstr("この共有リンクは終了しました"));
  EXPECT_THAT(gone.body, HasSubstr("送ってきた機関にお問い合わせください"));
  EXPECT_EQ(t.NewClient().Get("/shared/" + token + "/file").status, 410);
  EXPECT_EQ(Accesses(t, "expired"), 2);
  // The day also ended the staff session: a new login sees the link as expired.
  EXPECT_THAT(t.LoginAs(w.agency_email).Get(DocsPath(w)).body, HasSubstr("期限切れ"));
}

TEST(Documents, RevokedLinkIsGone) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = UploadPdf(t, agency, w);
  const std::string token = Share(agency, w, doc, EmployerEmail());
  const auto link = Count(t, "SELECT MAX(id) FROM share_link");
  auto revoked = agency.Submit(
      DocsPath(w), {},
      DocsPath(w) + "/" + std::to_string(doc) + "/links/" + std::to_string(link) + "/revoke");
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(t.NewClient().Get("/shared/" + token).status, 410);
  EXPECT_EQ(Accesses(t, "revoked"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'document.share_revoke'"), 1);
}

TEST(Documents, WithdrawnConsentEndsTheLink) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const auto workplace = RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = UploadPdf(t, agency, w);
  const std::string token = Share(agency, w, doc, EmployerEmail());
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, workplace, "").ok());
  EXPECT_EQ(t.NewClient().Get("/shared/" + token).status, 410);
  EXPECT_EQ(Accesses(t, "consent_withdrawn"), 1);
  // And no new link can be made.
  auto again =
      agency.Submit(DocsPath(w), {{"recipient_name", "人事"}, {"recipient_email", EmployerEmail()}},
                    DocsPath(w) + "/" + std::to_string(doc) + "/share");
  EXPECT_EQ(again.status, 422);
  EXPECT_THAT(again.body, HasSubstr("勤務先への書類の提供を認める本人の同意"));
}

TEST(Documents, UnknownTokenLooksTheSameAndWritesNothing) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = UploadPdf(t, agency, w);
  const std::string token = Share(agency, w, doc, EmployerEmail(), "1");
  t.clock().Advance(2 * 86400);
  auto expired = t.NewClient().Get("/shared/" + token);
  const auto before = Count(t, "SELECT COUNT(*) FROM share_access");
  auto unknown = t.NewClient().Get("/shared/" + crypto::RandomToken(32));
  auto junk = t.NewClient().Get("/shared/not-a-token");
  EXPECT_EQ(unknown.status, 410);
  EXPECT_EQ(junk.status, 410);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_access"), before);
  auto h1 = [](const std::string& body) { return TextBetween(body, "<h1>", "</h1>"); };
  EXPECT_EQ(h1(unknown.body), h1(expired.body));
  EXPECT_FALSE(h1(unknown.body).empty());
}

TEST(Documents, ShareFormErrorsAndCasesWithoutConsent) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  RecordWorkplaceConsent(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto doc = UploadPdf(t, agency, w);
  auto bad = agency.Submit(
      DocsPath(w), {{"recipient_name", ""}, {"recipient_email", "not-an-address"}, {"days", "31"}},
      DocsPath(w) + "/" + std::to_string(doc) + "/share");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("メールアドレスを正しく入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("有効期間は、1から30までの日数で入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("value=\"not-an-address\""));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#recipient_name\""));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_link"), 0);

  // The agency's own client, with no consent at all: nothing to share under.
  clients::ClientInput person;
  person.name = "自機関 利用者";
  person.kana = "じきかん りようしゃ";
  auto client = t.sv().clients.Create(w.agency_worker, {}, person);
  ASSERT_TRUE(client.ok());
  auto opened = t.sv().cases.Open(w.agency_worker, {}, *client);
  ASSERT_TRUE(opened.ok());
  const std::string own = "/cases/" + std::to_string(*opened) + "/documents";
  auto page = agency.Get(own);
  EXPECT_THAT(page.body, HasSubstr("勤務先への書類の提供を認める本人の同意"));
  auto up = PostMultipart(agency, own, own, {{"title", "自機関の書類"}},
                          {{"file", "a.png", "image/png", TinyPng()}});
  ASSERT_EQ(up.status, 303);
  const auto own_doc = Count(t, "SELECT MAX(id) FROM case_document");
  auto no_consent =
      agency.Submit(own, {{"recipient_name", "人事"}, {"recipient_email", "a@example.jp"}},
                    own + "/" + std::to_string(own_doc) + "/share");
  EXPECT_EQ(no_consent.status, 422);
  EXPECT_THAT(no_consent.body, HasSubstr("勤務先への書類の提供を認める本人の同意"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM share_link"), 0);
}

TEST(Documents, ConsentFormIsAttachedAndReadByTheParties) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  const std::string consent = "/consents/" + std::to_string(w.consent);
  const std::string signed_form = SmallPdf("SIGNED-FORM-QZ");
  auto attached =
      PostMultipart(hospital, DocsPath(w), consent + "/form", {{"case", std::to_string(w.case_id)}},
                    {{"file", "同意書.pdf", "application/pdf", signed_form}});
  EXPECT_EQ(attached.status, 303) << attached.body;
  EXPECT_THAT(attached.Header("location"), HasSubstr(DocsPath(w) + "?done=consent_form"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consent WHERE form_file_id IS NOT NULL"), 1);
  ExpectNoRowHolds(t, "SELECT content_enc FROM stored_file", "SIGNED-FORM-QZ");
  auto got = hospital.Get(consent + "/form");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, signed_form);
  EXPECT_THAT(got.Header("content-disposition"),
              HasSubstr("filename*=UTF-8''" + http::PercentEncode("同意書.pdf")));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'consent.form_read'"), 1);

  // The agency is a party: it reads it (a provision from the hospital), but only the hospital,
  // which recorded the consent, replaces it.
  auto agency = t.LoginAs(w.agency_email);
  auto docs = agency.Get(DocsPath(w));
  EXPECT_THAT(docs.body, HasSubstr(consent + "/form\""));
  EXPECT_EQ(agency.Get(consent + "/form").body, signed_form);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM provision_record WHERE channel = 'shared_view' AND "
                  "recipient_org_id = " +
                      std::to_string(w.agency) + " AND items = 'basic'"),
            1);
  auto by_agency =
      PostMultipart(agency, DocsPath(w), consent + "/form", {{"case", std::to_string(w.case_id)}},
                    {{"file", "scan.pdf", "application/pdf", SmallPdf("agency")}});
  EXPECT_EQ(by_agency.status, 403);
  auto bad =
      PostMultipart(hospital, DocsPath(w), consent + "/form", {{"case", std::to_string(w.case_id)}},
                    {{"file", "scan.pdf", "application/pdf", "not a pdf"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("href=\"#consent_file\""));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM stored_file"), 1);

  // After withdrawal the agency no longer reads the hospital's form; the hospital still does.
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, w.consent, "").ok());
  EXPECT_EQ(agency.Get(consent + "/form").status, 404);
  EXPECT_EQ(hospital.Get(consent + "/form").status, 200);
}

}  // namespace
}  // namespace tsunagu::testing
