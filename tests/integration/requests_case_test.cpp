// Consultation requests followed up (issue 15), through HTTP on both engines: staff set an
// online or in-person 面談 and the requester gets it by e-mail with a calendar file (moved:
// SEQUENCE raised; cancelled: CANCEL); a request becomes a client and a support case only with
// the person's consent (an employer's request only with the employee's); requests to start a
// new salon are a kind of their own on the public form, in the queue and in the figures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "app/demo.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kName = "面談花子QZ";
using Fields = std::vector<std::pair<std::string, std::string>>;

Fields Request(const std::string& kind, const std::string& email, const std::string& phone,
               const std::string& topic = "") {
  Fields f = {{"requester_kind", kind}, {"condition_kind", "cancer"},      {"wish", "online"},
              {"name", kName},          {"furigana", "めんだん はなこ"},   {"email", email},
              {"phone", phone},         {"message", "復職の相談をしたい"}, {"consent", "1"}};
  if (!topic.empty()) f.emplace_back("topic", topic);
  return f;
}

long long Count(TestServer& t, const std::string& sql) {
  return *t.app().db().Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << sql, soci::into(n);
    return n;
  });
}

struct World {
  std::int64_t org = 0;
  std::string form;
};

// An NPO with its 事務局 and a counselor, and a stranger organisation; Wednesday 2026-06-10 10:00.
World MakeWorld(TestServer& t) {
  t.clock().Set(UnixAtJst({2026, 6, 10}, 10 * 60));
  World w;
  w.org = t.CreateOrg("はたらくサポート 面談", "employment_support");
  const auto stranger = t.CreateOrg("よその病院 面談");
  t.CreateUser({"jimu@meet.test", "事務局", "coordinator", "clerical", w.org});
  t.CreateUser({"career@meet.test", "相談員", "counselor", "career_consultant", w.org});
  t.CreateUser({"other@meet.test", "他の管理者", "admin", "nurse", stranger});
  w.form = "/request/" + std::to_string(w.org);
  auto office = t.LoginAs("jimu@meet.test");
  auto saved =
      office.Submit("/requests", {{"enabled", "1"}, {"closes_at", "17:00"}}, "/requests/intake");
  EXPECT_EQ(saved.status, 303) << saved.body;
  return w;
}

std::string Reference(const std::string& body) {
  const auto at = body.find("RQ-");
  return at == std::string::npos ? std::string() : body.substr(at, 12);
}

// Sends a request from the public form; its staff page.
std::string Send(TestServer& t, const World& w, const Fields& fields, std::string* reference) {
  auto done = t.NewClient().Submit(w.form, fields, w.form);
  EXPECT_EQ(done.status, 200) << done.body;
  *reference = Reference(done.body);
  const auto id = *t.app().db().Read<long long>([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM consultation_request WHERE reference = :r", soci::use(*reference),
        soci::into(id);
    return id;
  });
  return "/requests/" + std::to_string(id);
}

TEST(RequestsCase, AnOnlineMeetingIsMailedWithItsLinkAndACalendarFileThatFollowsChanges) {
  TestServer t;
  World w = MakeWorld(t);
  std::string reference;
  const std::string page = Send(t, w, Request("self", "meet@meet.test", ""), &reference);
  auto counselor = t.LoginAs("career@meet.test");
  EXPECT_THAT(counselor.Get(page).body, HasSubstr("action=\"" + page + "/meeting\""));

  // Bad input: messages, what was typed kept, nothing set.
  auto bad = counselor.Submit(page,
                              {{"mode", "online"},
                               {"date", "2026-13-40"},
                               {"start", "14:00"},
                               {"end", "13:00"},
                               {"url", "meet-example"}},
                              page + "/meeting");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.body, HasSubstr("面談の日付を"));
  EXPECT_THAT(bad.body, HasSubstr("value=\"2026-13-40\""));
  EXPECT_THAT(bad.body, HasSubstr("value=\"meet-example\""));
  EXPECT_THAT(bad.body, HasSubstr("オンライン面談のアドレスは"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request WHERE meeting_status <> ''"), 0);

  const std::string url = "https://meet.example.jp/r/abc123";
  auto set = counselor.Submit(page,
                              {{"mode", "online"},
                               {"date", "2026-06-12"},
                               {"start", "14:00"},
                               {"end", "15:00"},
                               {"url", url}},
                              page + "/meeting");
  ASSERT_EQ(set.status, 303) << set.body;
  const std::string uid = "UID:request-meeting-" + reference + "@tsunagu";
  std::string mail = MailSink::Get().WaitFor("meet@meet.test");
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr("面談のご案内"));
  EXPECT_THAT(mail, HasSubstr(reference));
  EXPECT_THAT(mail, HasSubstr(url));
  EXPECT_THAT(mail, HasSubstr(core::FormatDate({2026, 6, 12}, "ja") + " 14:00〜15:00"));
  EXPECT_THAT(mail, HasSubstr("BEGIN:VEVENT"));
  EXPECT_THAT(mail, HasSubstr(uid));
  EXPECT_THAT(mail, HasSubstr("SEQUENCE:0"));
  EXPECT_THAT(mail, Not(HasSubstr(kName))) << "the mail names nobody";

  // The queue and the request page show it; the link is on the staff page only.
  auto queue = counselor.Get("/requests");
  EXPECT_THAT(queue.body, HasSubstr("面談 " + core::FormatDate({2026, 6, 12}, "ja") + " 14:00"));
  EXPECT_THAT(counselor.Get(page).body, HasSubstr(url));
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM consultation_request WHERE meeting_url_enc LIKE "
                  "'%meet.example%'"),
            0)
      << "the link is stored encrypted";

  // Moved: the same UID with a higher SEQUENCE.
  ASSERT_EQ(counselor
                .Submit(page,
                        {{"mode", "online"},
                         {"date", "2026-06-15"},
                         {"start", "10:00"},
                         {"end", "11:00"},
                         {"url", url}},
                        page + "/meeting")
                .status,
            303);
  mail = MailSink::Get().WaitFor("meet@meet.test");
  EXPECT_THAT(mail, HasSubstr("面談の日時・場所の変更"));
  EXPECT_THAT(mail, HasSubstr(uid));
  EXPECT_THAT(mail, HasSubstr("SEQUENCE:1"));
  EXPECT_THAT(mail, HasSubstr(core::FormatDate({2026, 6, 15}, "ja") + " 10:00〜11:00"));

  // Cancelled: METHOD:CANCEL for the same UID.
  ASSERT_EQ(counselor.Submit(page, {}, page + "/meeting/cancel").status, 303);
  mail = MailSink::Get().WaitFor("meet@meet.test");
  EXPECT_THAT(mail, HasSubstr("面談の取りやめ"));
  EXPECT_THAT(mail, HasSubstr("METHOD:CANCEL"));
  EXPECT_THAT(mail, HasSubstr("STATUS:CANCELLED"));
  EXPECT_THAT(mail, HasSubstr(uid));
  EXPECT_THAT(mail, HasSubstr("SEQUENCE:2"));
  EXPECT_THAT(counselor.Get("/requests").body,
              Not(HasSubstr("面談 " + core::FormatDate({2026, 6, 15}, "ja"))));
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action IN ('request.meeting_set', "
                  "'request.meeting_move', 'request.meeting_cancel')"),
            3);

  // Another organisation: 404, nothing changes.
  auto other = t.LoginAs("other@meet.test");
  EXPECT_EQ(other.Submit("/requests", {{"mode", "in_person"}}, page + "/meeting").status, 404);
}

TEST(RequestsCase, AnInPersonMeetingNeedsAPlace) {
  TestServer t;
  World w = MakeWorld(t);
  std::string reference;
  const std::string page = Send(t, w, Request("family", "fam@meet.test", ""), &reference);
  auto counselor = t.LoginAs("career@meet.test");
  auto no_place = counselor.Submit(
      page, {{"mode", "in_person"}, {"date", "2026-06-11"}, {"start", "09:30"}, {"end", "10:30"}},
      page + "/meeting");
  EXPECT_EQ(no_place.status, 422);
  EXPECT_THAT(no_place.body, HasSubstr("面談の場所を入力してください"));
  ASSERT_EQ(counselor
                .Submit(page,
                        {{"mode", "in_person"},
                         {"date", "2026-06-11"},
                         {"start", "09:30"},
                         {"end", "10:30"},
                         {"place", "県庁本館 相談室2"}},
                        page + "/meeting")
                .status,
            303);
  std::string mail = MailSink::Get().WaitFor("fam@meet.test");
  EXPECT_THAT(mail, HasSubstr("県庁本館 相談室2"));
  EXPECT_THAT(mail, HasSubstr("LOCATION:県庁本館 相談室2"));
}

TEST(RequestsCase, ARequestBecomesAClientAndACaseOnlyWithConsent) {
  TestServer t;
  World w = MakeWorld(t);
  std::string reference;
  const std::string page =
      Send(t, w, Request("self", "self@meet.test", "090-3333-4444"), &reference);
  auto counselor = t.LoginAs("career@meet.test");
  auto shown = counselor.Get(page);
  EXPECT_THAT(shown.body, HasSubstr("action=\"" + page + "/to-case\""));
  EXPECT_THAT(shown.body, HasSubstr("value=\"めんだん はなこ\"")) << "pre-filled from the request";

  auto refused = counselor.Submit(page,
                                  {{"name", kName},
                                   {"kana", "めんだん はなこ"},
                                   {"phone", "090-3333-4444"},
                                   {"email", "self@meet.test"},
                                   {"consent_method", "oral"}},
                                  page + "/to-case");
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body,
              HasSubstr("ご本人の同意がなければ、相談者の登録と支援の開始はできません"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM client"), 0);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_case"), 0);

  auto made = counselor.Submit(page,
                               {{"name", kName},
                                {"kana", "めんだん はなこ"},
                                {"phone", "090-3333-4444"},
                                {"email", "self@meet.test"},
                                {"consent", "1"},
                                {"consent_method", "oral"}},
                               page + "/to-case");
  ASSERT_EQ(made.status, 303) << made.body;
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM client"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_case"), 1);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM consultation_request WHERE status = 'closed' AND "
                  "client_id IS NOT NULL AND case_id = (SELECT id FROM support_case) AND "
                  "consent_method = 'oral' AND consented_at IS NOT NULL"),
            1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'request.to_case'"), 1);
  const std::string client = std::to_string(Count(t, "SELECT id FROM client"));
  const std::string support_case = std::to_string(Count(t, "SELECT id FROM support_case"));
  EXPECT_THAT(counselor.Get("/clients/" + client).body, HasSubstr(kName));
  auto after = counselor.Get(page);
  EXPECT_THAT(after.body, HasSubstr("支援へ移行"));
  EXPECT_THAT(after.body, HasSubstr("href=\"/cases/" + support_case + "\""));
  EXPECT_THAT(after.body, Not(HasSubstr("action=\"" + page + "/to-case\"")));

  auto again = counselor.Submit(
      "/requests",
      {{"name", kName}, {"kana", "めんだん はなこ"}, {"consent", "1"}, {"consent_method", "oral"}},
      page + "/to-case");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM client"), 1);

  auto other = t.LoginAs("other@meet.test");
  EXPECT_EQ(
      other
          .Submit(
              "/requests",
              {{"name", "x"}, {"kana", "えっくす"}, {"consent", "1"}, {"consent_method", "oral"}},
              page + "/to-case")
          .status,
      404);
}

TEST(RequestsCase, AnEmployersRequestMakesAClientOnlyOfTheConsentingEmployee) {
  TestServer t;
  World w = MakeWorld(t);
  std::string reference;
  const std::string page = Send(t, w, Request("employer", "boss@meet.test", ""), &reference);
  auto counselor = t.LoginAs("career@meet.test");
  auto shown = counselor.Get(page);
  EXPECT_THAT(shown.body, HasSubstr("従業員ご本人"));
  EXPECT_THAT(shown.body, Not(HasSubstr("value=\"めんだん はなこ\"")))
      << "the employer's own details are not offered as the client's";

  auto no_employee =
      counselor.Submit(page, {{"consent", "1"}, {"consent_method", "written"}}, page + "/to-case");
  EXPECT_EQ(no_employee.status, 422);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM client"), 0);

  auto made = counselor.Submit(page,
                               {{"name", "従業員太郎"},
                                {"kana", "じゅうぎょういん たろう"},
                                {"phone", "080-5555-6666"},
                                {"consent", "1"},
                                {"consent_method", "written"}},
                               page + "/to-case");
  ASSERT_EQ(made.status, 303) << made.body;
  const std::string client = std::to_string(Count(t, "SELECT id FROM client"));
  auto record = counselor.Get("/clients/" + client);
  EXPECT_THAT(record.body, HasSubstr("従業員太郎"));
  EXPECT_THAT(record.body, Not(HasSubstr(kName)));
  EXPECT_THAT(record.body, Not(HasSubstr("boss@meet.test")));
}

// Two staff press 「支援へ移行」 at once: one client, one case; the other is told it is done.
TEST(RequestsCase, ADoubleSubmitMakesOneClient) {
  TestServer t;
  World w = MakeWorld(t);
  std::string reference;
  const std::string page = Send(t, w, Request("self", "twice@meet.test", ""), &reference);
  auto a = t.LoginAs("career@meet.test");
  auto b = t.LoginAs("jimu@meet.test");
  const Fields fields = {
      {"name", kName}, {"kana", "めんだん はなこ"}, {"consent", "1"}, {"consent_method", "oral"}};
  // Both forms are read first, then both posted together.
  const std::string token_a = a.Get(page).body;
  const std::string token_b = b.Get(page).body;
  auto csrf = [](const std::string& body) { return ExtractCsrf(body); };
  Fields fa = fields;
  fa.emplace_back("csrf_token", csrf(token_a));
  Fields fb = fields;
  fb.emplace_back("csrf_token", csrf(token_b));
  int status_a = 0;
  int status_b = 0;
  std::thread ta([&] { status_a = a.Post(page + "/to-case", fa).status; });
  std::thread tb([&] { status_b = b.Post(page + "/to-case", fb).status; });
  ta.join();
  tb.join();
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM client"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_case"), 1);
  EXPECT_TRUE((status_a == 303 && status_b == 409) || (status_a == 409 && status_b == 303))
      << status_a << " " << status_b;
}

// Seed 004: requests to start a new salon, which the support centre follows up (世話人の人選).
TEST(RequestsCase, NewSalonRequestsAreAKindOfTheirOwnInTheQueueAndTheFigures) {
  TestServer t;
  World w = MakeWorld(t);
  auto visitor = t.NewClient();
  auto form = visitor.Get(w.form);
  EXPECT_THAT(form.body, HasSubstr("サロン立ち上げの相談"));
  EXPECT_THAT(form.body, HasSubstr("value=\"individual\" checked"));
  auto bad = visitor.Submit(w.form, Request("self", "x@meet.test", "", "party"), w.form);
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("ご依頼の内容を選んでください"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request"), 0);

  std::string salon;
  Send(t, w, Request("supporter", "salon@meet.test", "", "new_salon"), &salon);
  std::string individual;
  Send(t, w, Request("self", "one@meet.test", ""), &individual);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM consultation_request WHERE topic = 'new_salon' AND "
                  "reply_due_at = " +
                      std::to_string(UnixAtJst({2026, 6, 10}, 17 * 60))),
            1)
      << "the same deadline as any request";

  auto counselor = t.LoginAs("career@meet.test");
  auto only_salons = counselor.Get("/requests?topic=new_salon");
  EXPECT_THAT(only_salons.body, HasSubstr(salon));
  EXPECT_THAT(only_salons.body, Not(HasSubstr(individual)));
  auto only_individual = counselor.Get("/requests?topic=individual");
  EXPECT_THAT(only_individual.body, HasSubstr(individual));
  EXPECT_THAT(only_individual.body, Not(HasSubstr(salon)));
  auto all = counselor.Get("/requests");
  EXPECT_THAT(all.body, HasSubstr(salon));
  EXPECT_THAT(all.body, HasSubstr(individual));
  EXPECT_THAT(all.body,
              HasSubstr("ご依頼の内容：サロン立ち上げの相談</th><td class=\"numeric\">1<"));
  EXPECT_THAT(all.body, HasSubstr("ご依頼の内容：個別相談</th><td class=\"numeric\">1<"));
}

TEST(RequestsCase, TheDemoHoldsAMeetingACaseASalonRequestAndRecordsNamingDirectoryEntries) {
  TestServer t;
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok()) << "a second run changes nothing";
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request WHERE meeting_status = 'set'"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request WHERE case_id IS NOT NULL"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request WHERE topic = 'new_salon'"), 1);
  EXPECT_GE(Count(t, "SELECT COUNT(DISTINCT record_id) FROM record_resource"), 1);
}

}  // namespace
}  // namespace tsunagu::testing
