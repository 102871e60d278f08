// Employers and job openings (issue 16) on both engines: the keeping organisation's staff
// register employers and their openings; contact people are encrypted and every read of them
// audited; a shared employer is seen by the organisations of the keeper's programmes, without
// its contacts; everyone else gets 404; stale edits are refused with what was typed kept; an
// expired opening is never offered; published openings are on the public /jobs pages without
// contacts or notes; a case's staff see the openings that fit the person.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "crypto/random.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"
#include "upload_support.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kContactName = "担当者カナリア山田QZ";
constexpr const char* kContactPhone = "096-555-0199";
constexpr const char* kAttitude = "姿勢メモカナリアQZ";

std::int64_t Scalar(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long v = 0;
    s << sql, soci::into(v);
    return static_cast<std::int64_t>(v);
  });
  return n.ok() ? *n : -1;
}

void Exec(TestServer& t, const std::string& sql) {
  auto done = t.app().db().WriteVoid([&](soci::session& s) { s << sql; });
  ASSERT_TRUE(done.ok());
}

// The agency hosts an active programme with the hospital as partner; the stranger is outside.
void PartnerHospital(TestServer& t, const SharingWorld& w) {
  Exec(t, "INSERT INTO program (organization_id, name, created_at) VALUES (" +
              std::to_string(w.agency) + ", '就労支援事業', 1)");
  const auto program = Scalar(t, "SELECT MAX(id) FROM program");
  Exec(t, "INSERT INTO program_partner (program_id, organization_id, added_at) VALUES (" +
              std::to_string(program) + ", " + std::to_string(w.hospital) + ", 1)");
}

std::vector<std::pair<std::string, std::string>> EmployerForm(const std::string& name, bool share) {
  std::vector<std::pair<std::string, std::string>> f = {{"name", name},
                                                        {"furigana", "かなりあしょうじ"},
                                                        {"industry", "E"},
                                                        {"size_band", "50-299"},
                                                        {"municipality", "仙台市"},
                                                        {"address", "仙台市青葉区1-1"},
                                                        {"practices", "telework"},
                                                        {"practices", "hospital_leave"},
                                                        {"attitude_note", kAttitude},
                                                        {"version", "0"}};
  if (share) f.emplace_back("share_partners", "1");
  return f;
}

std::int64_t IdFrom(const HttpResult& r, const std::string& prefix) {
  const auto loc = r.Header("location");
  const auto at = loc.find(prefix);
  if (at == std::string::npos) return 0;
  return std::stoll(loc.substr(at + prefix.size()));
}

std::vector<std::pair<std::string, std::string>> OpeningForm(
    const std::string& title, const std::string& valid_until,
    const std::string& municipality = "仙台市") {
  return {{"title", title},
          {"employment_type", "part_time"},
          {"duties", "事務補助"},
          {"municipality", municipality},
          {"work_place", "本社"},
          {"start_time", "9:30"},
          {"end_time", "15:30"},
          {"weekly_days", "4"},
          {"weekly_hours", "20"},
          {"short_hours", "1"},
          {"telework", "1"},
          {"wage_kind", "hourly"},
          {"wage_min", "1,050"},
          {"wage_max", "1200"},
          {"valid_until", valid_until},
          {"published", "1"},
          {"version", "0"}};
}

TEST(EmployersTest, KeeperRegistersSearchesAndEditsWithVersions) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  auto agency = t.LoginAs(w.agency_email);
  auto made = agency.Submit("/org/employers/new", EmployerForm("カナリア商事", false));
  ASSERT_EQ(made.status, 303) << made.body;
  const auto id = IdFrom(made, "/org/employers/");
  ASSERT_GT(id, 0);
  // The note is encrypted at rest.
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM employer WHERE attitude_note_enc LIKE '%カナリアQZ%'"),
            0);
  // Found by ふりがな typed in katakana, by industry and by practice; not by another practice.
  auto found = agency.Get("/org/employers?q=%E3%82%AB%E3%83%8A%E3%83%AA%E3%82%A2&industry=E");
  ASSERT_EQ(found.status, 200);
  EXPECT_THAT(found.body, HasSubstr("カナリア商事"));
  EXPECT_THAT(agency.Get("/org/employers?practice=telework").body, HasSubstr("カナリア商事"));
  EXPECT_THAT(agency.Get("/org/employers?practice=short_hours").body,
              Not(HasSubstr("カナリア商事")));
  // Empty name: the form again with the message and what was typed.
  auto bad = EmployerForm("", false);
  auto refused = agency.Submit("/org/employers/new", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("事業所名を入力してください"));
  EXPECT_THAT(refused.body, HasSubstr("仙台市青葉区1-1"));

  const std::string edit = "/org/employers/" + std::to_string(id) + "/edit";
  auto first = EmployerForm("カナリア商事 本社", false);
  first.back() = {"version", "1"};
  ASSERT_EQ(agency.Submit(edit, first).status, 303);
  // A second edit read at version 1 is stale now: 409, typed text kept, nothing changed.
  auto second = EmployerForm("古い版からの編集QZ", false);
  second.back() = {"version", "1"};
  auto stale = agency.Submit(edit, second);
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("他の職員が内容を変更しました"));
  EXPECT_THAT(stale.body, HasSubstr("古い版からの編集QZ"));
  EXPECT_EQ(Scalar(t,
                   "SELECT COUNT(*) FROM employer WHERE name = 'カナリア商事 本社' AND "
                   "version = 2"),
            1);
  // Archived employers leave the list and come back with the archived filter.
  auto archived =
      agency.Submit("/org/employers/" + std::to_string(id), {{"archived", "1"}, {"version", "2"}},
                    "/org/employers/" + std::to_string(id) + "/archive");
  ASSERT_EQ(archived.status, 303);
  EXPECT_THAT(agency.Get("/org/employers").body, Not(HasSubstr("カナリア商事 本社")));
  EXPECT_THAT(agency.Get("/org/employers?archived=1").body, HasSubstr("カナリア商事 本社"));
}

TEST(EmployersTest, ContactsAreEncryptedAuditedAndNeverLeaveTheKeeper) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  PartnerHospital(t, w);
  auto agency = t.LoginAs(w.agency_email);
  const auto shared = IdFrom(agency.Submit("/org/employers/new", EmployerForm("共有商事", true)),
                             "/org/employers/");
  const auto own = IdFrom(agency.Submit("/org/employers/new", EmployerForm("非共有商事", false)),
                          "/org/employers/");
  ASSERT_GT(shared, 0);
  ASSERT_GT(own, 0);
  const std::string page = "/org/employers/" + std::to_string(shared);
  auto added = agency.Submit(page,
                             {{"contact_name", kContactName},
                              {"contact_role", "人事部"},
                              {"contact_phone", kContactPhone},
                              {"contact_email", "jinji@canary.example.jp"}},
                             page + "/contacts");
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(Scalar(t,
                   "SELECT COUNT(*) FROM employer_contact WHERE name_enc LIKE '%山田%' OR "
                   "phone_enc LIKE '%0199%' OR email_enc LIKE '%canary%'"),
            0);
  const auto reads_before =
      Scalar(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'employer_contact.read'");
  auto shown = agency.Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_THAT(shown.body, HasSubstr(kContactName));
  EXPECT_THAT(shown.body, HasSubstr(kAttitude));
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'employer_contact.read'"),
            reads_before + 1);
  const auto opening =
      IdFrom(agency.Submit(page + "/openings/new", OpeningForm("共有の求人", InDays(t, 30)),
                           page + "/openings/new"),
             "/org/openings/");
  ASSERT_GT(opening, 0);

  // The partner hospital sees the shared employer and its opening, not the contacts or note.
  auto nurse = t.LoginAs(w.nurse_email);
  auto list = nurse.Get("/org/employers");
  EXPECT_THAT(list.body, HasSubstr("共有商事"));
  EXPECT_THAT(list.body, Not(HasSubstr("非共有商事")));
  auto partner_view = nurse.Get(page);
  ASSERT_EQ(partner_view.status, 200);
  EXPECT_THAT(partner_view.body, HasSubstr("共有の求人"));
  EXPECT_THAT(partner_view.body, Not(HasSubstr(kContactName)));
  EXPECT_THAT(partner_view.body, Not(HasSubstr(kContactPhone)));
  EXPECT_THAT(partner_view.body, Not(HasSubstr(kAttitude)));
  EXPECT_EQ(nurse.Get("/org/openings/" + std::to_string(opening)).status, 200);
  EXPECT_EQ(nurse.Get(page + "/edit").status, 404);
  EXPECT_EQ(nurse.Get("/org/employers/" + std::to_string(own)).status, 404);
  EXPECT_EQ(nurse.Post(page + "/contacts", {{"contact_name", "x"}}).status, 403);  // no CSRF

  // The stranger sees nothing of either, exactly like missing records.
  auto stranger = t.LoginAs(w.stranger_email);
  const auto missing = stranger.Get("/org/employers/999999");
  for (const auto& path : {page, page + "/edit", "/org/employers/" + std::to_string(own),
                           "/org/openings/" + std::to_string(opening),
                           "/org/openings/" + std::to_string(opening) + "/edit"}) {
    auto r = stranger.Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_THAT(r.body, Not(HasSubstr("共有商事"))) << path;
  }
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(stranger.Get("/org/employers").body, Not(HasSubstr("共有商事")));
  EXPECT_THAT(stranger.Get("/org/openings").body, Not(HasSubstr("共有の求人")));
  auto post = stranger.Submit("/org/employers", {{"contact_name", "侵入"}}, page + "/contacts");
  EXPECT_EQ(post.status, 404);
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM employer_contact"), 1);
}

TEST(EmployersTest, OpeningsExpireCloseAndArePublishedWithoutContacts) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  auto agency = t.LoginAs(w.agency_email);
  const auto employer = IdFrom(agency.Submit("/org/employers/new", EmployerForm("公開商事", false)),
                               "/org/employers/");
  const std::string emp = "/org/employers/" + std::to_string(employer);
  ASSERT_EQ(agency
                .Submit(emp, {{"contact_name", kContactName}, {"contact_phone", kContactPhone}},
                        emp + "/contacts")
                .status,
            303);
  // An unreadable time: the form again with the message, what was typed kept.
  auto bad = OpeningForm("時刻誤り", InDays(t, 30));
  bad[5] = {"start_time", "9時半"};
  auto refused = agency.Submit(emp + "/openings/new", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("時と分をコロンで区切って"));
  EXPECT_THAT(refused.body, HasSubstr("9時半"));
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM job_opening"), 0);

  const auto live =
      IdFrom(agency.Submit(emp + "/openings/new", OpeningForm("有効な求人", InDays(t, 10))),
             "/org/openings/");
  const auto expired =
      IdFrom(agency.Submit(emp + "/openings/new", OpeningForm("期限切れの求人", InDays(t, -1))),
             "/org/openings/");
  ASSERT_GT(live, 0);
  ASSERT_GT(expired, 0);
  EXPECT_EQ(Scalar(t, "SELECT start_minutes FROM job_opening WHERE id = " + std::to_string(live)),
            570);
  EXPECT_EQ(Scalar(t, "SELECT wage_min FROM job_opening WHERE id = " + std::to_string(live)), 1050);
  auto open_list = agency.Get("/org/openings");
  EXPECT_THAT(open_list.body, HasSubstr("有効な求人"));
  EXPECT_THAT(open_list.body, Not(HasSubstr("期限切れの求人")));
  auto expired_list = agency.Get("/org/openings?state=expired");
  EXPECT_THAT(expired_list.body, HasSubstr("期限切れの求人"));
  EXPECT_THAT(agency.Get("/org/openings/" + std::to_string(expired)).body, HasSubstr("期限切れ"));

  // Public: only the live one, no contacts, works without a session.
  auto anon = t.NewClient();
  auto jobs = anon.Get("/jobs");
  ASSERT_EQ(jobs.status, 200);
  EXPECT_THAT(jobs.body, HasSubstr("有効な求人"));
  EXPECT_THAT(jobs.body, Not(HasSubstr("期限切れの求人")));
  auto job = anon.Get("/jobs/" + std::to_string(live));
  ASSERT_EQ(job.status, 200);
  EXPECT_THAT(job.body, HasSubstr("公開商事"));
  for (const char* secret : {kContactName, kContactPhone, kAttitude}) {
    EXPECT_THAT(job.body, Not(HasSubstr(secret)));
  }
  EXPECT_EQ(anon.Get("/jobs/" + std::to_string(expired)).status, 404);
  EXPECT_THAT(anon.Get("/").body, HasSubstr("href=\"/jobs\""));

  // Close: off the public list; a stale close is refused.
  const std::string op = "/org/openings/" + std::to_string(live);
  ASSERT_EQ(agency.Submit(op, {{"status", "closed"}, {"version", "1"}}, op + "/status").status,
            303);
  EXPECT_EQ(anon.Get("/jobs/" + std::to_string(live)).status, 404);
  EXPECT_EQ(agency.Submit(op, {{"status", "open"}, {"version", "1"}}, op + "/status").status, 409);
  ASSERT_EQ(agency.Submit(op, {{"status", "open"}, {"version", "2"}}, op + "/status").status, 303);
  EXPECT_EQ(anon.Get("/jobs/" + std::to_string(live)).status, 200);
  // A stale edit of the opening keeps what was typed.
  auto stale = OpeningForm("古い版の求人QZ", InDays(t, 10));
  stale.back() = {"version", "1"};
  auto conflict = agency.Submit(op + "/edit", stale);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_THAT(conflict.body, HasSubstr("古い版の求人QZ"));
}

TEST(EmployersTest, TheCaseShowsOpeningsThatFitThePerson) {
  TestServer t;
  auto w = BuildSharingWorld(t);  // the agency runs the case of a person living in 仙台市
  auto agency = t.LoginAs(w.agency_email);
  const auto employer = IdFrom(agency.Submit("/org/employers/new", EmployerForm("適合商事", false)),
                               "/org/employers/");
  const std::string emp = "/org/employers/" + std::to_string(employer);
  const auto near =
      IdFrom(agency.Submit(emp + "/openings/new", OpeningForm("近くの求人", InDays(t, 5))),
             "/org/openings/");
  auto far_form = OpeningForm("遠くの求人", InDays(t, 5), "石巻市");
  ASSERT_EQ(agency.Submit(emp + "/openings/new", far_form).status, 303);
  ASSERT_EQ(agency.Submit(emp + "/openings/new", OpeningForm("期限切れ近く", InDays(t, -1))).status,
            303);
  auto long_hours = OpeningForm("長時間の求人", InDays(t, 5));
  long_hours[8] = {"weekly_hours", "40"};
  ASSERT_EQ(agency.Submit(emp + "/openings/new", long_hours).status, 303);

  const std::string fit = "/cases/" + std::to_string(w.case_id) + "/openings";
  auto page = agency.Get(fit);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("近くの求人"));
  EXPECT_THAT(page.body, Not(HasSubstr("遠くの求人")));
  EXPECT_THAT(page.body, Not(HasSubstr("期限切れ近く")));
  EXPECT_THAT(page.body, HasSubstr("テレワーク可"));
  EXPECT_THAT(page.body, HasSubstr("/cases/" + std::to_string(w.case_id) +
                                   "/applications/new?opening=" + std::to_string(near)));
  // Hours: at most 30 a week leaves the 40-hour one out.
  auto capped = agency.Get(fit + "?search=1&municipality=&max_hours=30");
  EXPECT_THAT(capped.body, HasSubstr("遠くの求人"));
  EXPECT_THAT(capped.body, Not(HasSubstr("長時間の求人")));
  EXPECT_THAT(agency.Get(fit + "?search=1&municipality=").body, HasSubstr("長時間の求人"));
  // Only those who work on the case: the referring hospital and the stranger get 404.
  EXPECT_EQ(t.LoginAs(w.nurse_email).Get(fit).status, 404);
  EXPECT_EQ(t.LoginAs(w.stranger_email).Get(fit).status, 404);
}

constexpr const char* kImportHeader =
    "事業所名,ふりがな,業種,規模,市町村,所在地,取組,求人名,雇用形態,仕事の内容,就業場所,始業,終業,"
    "週日数,週時間,短時間,時差,テレワーク,通院休暇,賃金形態,下限,上限,有効期限\r\n";

HttpResult UploadImport(Client& c, const std::string& data) {
  return PostMultipart(c, "/org/employers/import", "/org/employers/import", {},
                       {{"file", "employers.csv", "text/csv", data}});
}

TEST(EmployersTest, LastYearsListIsPreviewedThenImportedInOneGo) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  auto agency = t.LoginAs(w.agency_email);
  // An employer already kept under the same name gets only the openings.
  ASSERT_EQ(agency.Submit("/org/employers/new", EmployerForm("既存商事", false)).status, 303);
  const std::string good =
      std::string("\xEF\xBB\xBF") + kImportHeader +
      "みどり製作所,みどりせいさくしょ,製造業,50-299,みどり市,みどり市1-1,テレワーク可、通院休暇,"
      "検査補助,パート・アルバイト,検査の補助,本社,9:00,15:00,4,24,○,,可,あり,時給,1050,1200,"
      "2027/3/31\r\n"
      "みどり製作所,,,,,,,生産管理,正社員,,,8:30,17:30,5,40,,○,,,月給,\"220,000\",\"280,000\","
      "2027-03-31\r\n"
      "既存商事,,,,,,,倉庫事務,契約社員,,,,,,,,,,,,,,\r\n"
      "あおば会計事務所,あおばかいけい,L,1-9,つなぐ市,,,,,,,,,,,,,,,,,,\r\n";
  auto preview = UploadImport(agency, good);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_THAT(preview.body, HasSubstr("新しい事業所 2 件、登録済みの事業所 1 件、求人 3 件"));
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM employer"), 1) << "a preview writes nothing";
  const auto at = preview.body.find("name=\"data\" value=\"");
  ASSERT_NE(at, std::string::npos);
  const auto start = at + std::string("name=\"data\" value=\"").size();
  const std::string data = preview.body.substr(start, preview.body.find('"', start) - start);
  auto done = agency.Submit("/org/employers", {{"data", data}}, "/org/employers/import/confirm");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM employer"), 3);
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM job_opening"), 3);
  EXPECT_EQ(Scalar(t,
                   "SELECT COUNT(*) FROM employer WHERE name = 'みどり製作所' AND industry = "
                   "'E' AND size_band = '50-299' AND practices = 'telework,hospital_leave'"),
            1);
  EXPECT_EQ(Scalar(t,
                   "SELECT COUNT(*) FROM job_opening WHERE title = '検査補助' AND "
                   "start_minutes = 540 AND short_hours = 1 AND telework = 1 AND "
                   "hospital_leave = 1 AND valid_until = '2027-03-31' AND wage_min = 1050"),
            1);
  EXPECT_EQ(Scalar(t, "SELECT wage_max FROM job_opening WHERE title = '生産管理'"), 280000);

  // Rows with problems: every one listed with its line and column; nothing is written, even
  // when the confirm step is sent anyway.
  const std::string bad = std::string(kImportHeader) +
                          "ひかり商店,,Z,,,,,レジ,パート・アルバイト,,,9時,13:00,,,,,,,,,,\r\n"
                          ",,,,,,,名前のない求人,正社員,,,,,,,,,,,,,,\r\n";
  auto refused = UploadImport(agency, bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("2 行目"));
  EXPECT_THAT(refused.body, HasSubstr("3 行目"));
  EXPECT_THAT(refused.body, HasSubstr("業種を一覧から選んでください"));
  EXPECT_THAT(refused.body, HasSubstr("時と分をコロンで区切って"));
  EXPECT_THAT(refused.body, HasSubstr("事業所名を入力してください"));
  EXPECT_THAT(refused.body, Not(HasSubstr("name=\"data\"")));
  auto forced = agency.Submit("/org/employers", {{"data", crypto::Base64Encode(bad)}},
                              "/org/employers/import/confirm");
  EXPECT_EQ(forced.status, 422);
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM employer"), 3);
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM job_opening"), 3);

  // Shift_JIS as Excel in Japan saves CSV.
  const std::string sjis =
      "\x8e\x96\x8b\xc6\x8f\x8a\x96\xbc\x2c\x82\xd3\x82\xe8\x82\xaa\x82\xc8\x0d\x0a\x82\xb3\x82\xad"
      "\x82\xe7\x8d\x48\x96\x5b\x2c\x82\xb3\x82\xad\x82\xe7\x82\xb1\x82\xa4\x82\xda\x82\xa4\x2c\x45"
      "\x2c\x31\x30\x2d\x34\x39\x2c\x82\xdd\x82\xc7\x82\xe8\x8e\x73\x2c\x2c\x2c\x8d\xab\x95\xef\x2c"
      "\x83\x70\x81\x5b\x83\x67\x81\x45\x83\x41\x83\x8b\x83\x6f\x83\x43\x83\x67\x2c\x2c\x2c\x39\x3a"
      "\x30\x30\x2c\x31\x33\x3a\x30\x30\x2c\x33\x2c\x31\x32\x2c\x81\x9b\x2c\x2c\x2c\x2c\x8e\x9e\x8b"
      "\x8b\x2c\x31\x30\x30\x30\x2c\x31\x31\x30\x30\x2c\x0d\x0a";
  auto sj = UploadImport(agency, sjis);
  ASSERT_EQ(sj.status, 200) << sj.body;
  EXPECT_THAT(sj.body, HasSubstr("新しい事業所 1 件、登録済みの事業所 0 件、求人 1 件"));
}

TEST(EmployersTest, TheDemoShowsEmployersAndOpeningsInEveryState) {
  TestServer t;
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok()) << "a second run changes nothing";
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM employer"), 10);
  EXPECT_GE(Scalar(t, "SELECT COUNT(*) FROM employer WHERE share_partners = 1"), 3);
  EXPECT_GE(Scalar(t, "SELECT COUNT(*) FROM job_opening"), 12);
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM job_opening WHERE status = 'closed'"), 2);
  const std::string today = Today(t);
  EXPECT_EQ(Scalar(t, "SELECT COUNT(*) FROM job_opening WHERE valid_until < '" + today + "'"), 2);
  auto visitor = t.NewClient();
  auto jobs = visitor.Get("/jobs");
  ASSERT_EQ(jobs.status, 200);
  EXPECT_THAT(jobs.body, HasSubstr("Webサポート（在宅中心）"));
  EXPECT_THAT(jobs.body, Not(HasSubstr("店舗事務")));            // expired
  EXPECT_THAT(jobs.body, Not(HasSubstr("データ入力（派遣）")));  // closed
  EXPECT_THAT(jobs.body, Not(HasSubstr("000-0000-0000")));
}

}  // namespace
}  // namespace tsunagu::testing
