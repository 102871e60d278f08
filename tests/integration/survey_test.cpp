// The anonymous questionnaire (seed 001 キ): the invitation e-mail after an attended
// consultation, one answer per link, expired and used links, paper sheets, the summary, and
// that nothing of the person reaches the survey pages, the report's survey section or the
// downloads.
#include "consultations/survey.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string>& Canaries() {
  static const std::vector<std::string> canaries = {
      "カナリア太郎XQ",  "かなりあたろう", "09011119876",       "canary-survey-a",
      "canary-survey-b", "カナリア肉腫XQ", "カナリア自由記述XQ"};
  return canaries;
}

void ExpectNoCanary(const std::string& text, const std::string& where) {
  for (const auto& canary : Canaries()) {
    EXPECT_THAT(text, Not(HasSubstr(canary))) << canary << " in " << where;
  }
}

std::string SurveyPath(const std::string& mail) {
  std::smatch m;
  if (!std::regex_search(mail, m,
                         std::regex("http://127\\.0\\.0\\.1:[0-9]+(/survey/[A-Za-z0-9_-]+)"))) {
    return "";
  }
  return m[1];
}

std::string UnzipAll(const std::string& bytes, const std::filesystem::path& dir) {
  const auto path = dir / "survey.xlsx";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string cmd = "unzip -p '" + path.string() + "' 2>/dev/null";
  std::string text;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    pclose(p);
  }
  return text;
}

struct World {
  std::int64_t org = 0;
  std::int64_t coord = 0;
  std::int64_t program = 0;
  consultations::ConsultationDay day;
  auth::Principal who;
};

World MakeWorld(TestServer& t) {
  World w;
  w.org = t.CreateOrg("アンケート県", "municipality");
  w.coord = t.CreateUser({"coord-s@example.jp", "事務局", "coordinator", "clerical", w.org});
  w.who.user_id = w.coord;
  w.who.stage = "full";
  w.who.organization_id = w.org;
  w.who.role = auth::Role::kCoordinator;
  const audit::Actor actor{w.coord, w.org, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(w.who, actor, "就労相談会", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  auto rule = Seed001ScheduleRule();
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  GenerateDaysAhead(t, w.who, actor, w.program, rule);
  auto days = t.sv().consultations.OpenDays(w.program, core::AddDays(today, 1));
  EXPECT_TRUE(days.ok() && !days->empty());
  if (days.ok() && !days->empty()) w.day = days->front();
  return w;
}

std::int64_t Book(TestServer& t, const World& w, const std::string& email,
                  const std::string& status) {
  static int n = 0;
  if (w.day.slots.empty()) {
    ADD_FAILURE() << "the world has no day to book";
    return 0;
  }
  consultations::BookingRequest r;
  r.slot_id = w.day.slots[n++ % w.day.slots.size()].id;
  r.intake = {false,      "",       "female",   "50s",   "カナリア市XQ",
              "hospital", "during", "on_leave", {"work"}};
  r.contact = {"カナリア太郎XQ", "かなりあたろう",    "09011119876", email,
               "カナリア肉腫XQ", "カナリア自由記述XQ"};
  r.consent = true;
  auto receipt = t.sv().consultations.Book(r, {0, 0, "127.0.0.1", "t"}, nullptr);
  EXPECT_TRUE(receipt.ok());
  if (!receipt.ok()) return 0;
  long long id = receipt->booking_id;
  std::string st = status;
  // The day itself is the board's business; here only the outcome matters.
  EXPECT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    s << "UPDATE booking SET status = :s WHERE id = :id", soci::use(st),
                        soci::use(id);
                  })
                  .ok());
  return id;
}

int CountRows(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<int>([&](soci::session& s) {
    int count = 0;
    s << sql, soci::into(count);
    return count;
  });
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : -1;
}

TEST(Survey, InvitationLinkAnswersOnceAndStaysAnonymous) {
  TestServer t;
  World w = MakeWorld(t);
  ASSERT_FALSE(w.day.slots.empty()) << "no open day after today";
  Book(t, w, "canary-survey-a@example.jp", "attended");
  Book(t, w, "canary-survey-b@example.jp", "attended");
  Book(t, w, "", "attended");                         // no address: no invitation
  Book(t, w, "canary-noshow@example.jp", "no_show");  // did not come
  const core::Date after = core::AddDays(w.day.date, 1);
  // Not before the day has passed.
  auto early = t.sv().surveys.SendInvitations(w.day.date);
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(*early, 0);
  auto sent = t.sv().surveys.SendInvitations(after);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(*sent, 2);
  EXPECT_EQ(*t.sv().surveys.SendInvitations(after), 0);  // once only
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM survey_invitation"), 2);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking WHERE survey_sent_at IS NOT NULL"), 3);

  const std::string mail_a = MailSink::Get().WaitFor("canary-survey-a@example.jp");
  ASSERT_FALSE(mail_a.empty());
  EXPECT_THAT(mail_a, HasSubstr("アンケート"));
  EXPECT_THAT(mail_a, HasSubstr("就労相談会"));
  EXPECT_THAT(mail_a, HasSubstr("看護師"));  // staff by profession only
  EXPECT_THAT(mail_a, Not(HasSubstr("カナリア肉腫")));
  EXPECT_THAT(mail_a, Not(HasSubstr("カナリア太郎")));
  EXPECT_THAT(mail_a, Not(HasSubstr("事務局")));  // no staff names either
  const std::string link_a = SurveyPath(mail_a);
  ASSERT_FALSE(link_a.empty()) << mail_a;
  const std::string link_b = SurveyPath(MailSink::Get().WaitFor("canary-survey-b@example.jp"));
  ASSERT_FALSE(link_b.empty());
  EXPECT_TRUE(t.NoMailFor("canary-noshow@example.jp"));

  t.clock().Set(t.clock().NowSeconds() + 86400);
  auto person = t.NewClient();
  auto form = person.Get(link_a);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("相談会についてのアンケート"));
  EXPECT_THAT(form.body, HasSubstr("とても満足"));
  EXPECT_THAT(form.body, HasSubstr("<legend>"));
  ExpectNoCanary(form.body, "survey form");
  const std::string csrf = ExtractCsrf(form.body);

  // Satisfaction is required; what was typed stays.
  auto missing = person.Post(
      link_a,
      {{"csrf_token", csrf}, {"helpfulness", "very"}, {"comment", "とても参考になりました"}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_THAT(missing.body, HasSubstr("満足度を選んでください"));
  EXPECT_THAT(missing.body, HasSubstr("とても参考になりました</textarea>"));
  EXPECT_THAT(missing.body, HasSubstr("aria-describedby=\"satisfaction-error\""));

  const std::vector<std::pair<std::string, std::string>> answers = {
      {"csrf_token", csrf},
      {"satisfaction", "5"},
      {"helpfulness", "very"},
      {"outlook", "clear"},
      {"use_again", "yes"},
      {"heard_from", "hospital"},
      {"comment", "とても参考になりました"}};
  auto done = person.Post(link_a, answers);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("ご回答ありがとうございました"));
  // A double submit records nothing more and says the link is used.
  auto again = person.Post(link_a, answers);
  EXPECT_EQ(again.status, 404);
  EXPECT_THAT(again.body, HasSubstr("リンクは使えません"));
  EXPECT_EQ(person.Get(link_a).status, 404);
  EXPECT_EQ(person.Get("/survey/not-a-real-token").status, 404);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM survey_response"), 1);
  // Stored anonymously: no address in the answer's audit event, the comment encrypted.
  EXPECT_EQ(CountRows(t,
                      "SELECT COUNT(*) FROM audit_event WHERE action = 'survey.answer' AND "
                      "ip = ''"),
            1);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM survey_response WHERE comment_enc LIKE '%参考%'"),
            0);

  // A honeypot hit looks like success and records nothing.
  auto form_b = person.Get(link_b);
  ASSERT_EQ(form_b.status, 200);
  auto bot = person.Post(link_b, {{"csrf_token", ExtractCsrf(form_b.body)},
                                  {"satisfaction", "1"},
                                  {"website", "http://spam.example"}});
  EXPECT_EQ(bot.status, 200);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM survey_response"), 1);

  // After 30 days the second link has expired.
  t.clock().Set(t.clock().NowSeconds() + consultations::kSurveyLinkSeconds);
  auto expired = person.Get(link_b);
  EXPECT_EQ(expired.status, 404);
  EXPECT_THAT(expired.body, HasSubstr("有効期限"));

  // A paper sheet typed in by the 事務局.
  const int fy = core::FiscalYear(w.day.date);
  const std::string base = "/programs/" + std::to_string(w.program);
  auto c = t.LoginAs("coord-s@example.jp");
  auto paper_page = c.Get(base + "/surveys/paper");
  ASSERT_EQ(paper_page.status, 200);
  EXPECT_THAT(paper_page.body, HasSubstr("value=\"" +
                                         std::to_string(core::FiscalYear(
                                             core::DateFromUnixSeconds(t.clock().NowSeconds()))) +
                                         "\""));
  auto bad = c.Submit(base + "/surveys/paper",
                      {{"fiscal_year", std::to_string(fy)}, {"outlook", "not_yet"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("満足度を選んでください"));
  auto paper = c.Submit(base + "/surveys/paper", {{"fiscal_year", std::to_string(fy)},
                                                  {"satisfaction", "2"},
                                                  {"outlook", "not_yet"},
                                                  {"heard_from", "leaflet"}});
  ASSERT_EQ(paper.status, 303) << paper.body;
  EXPECT_EQ(CountRows(t,
                      "SELECT COUNT(*) FROM audit_event WHERE action = 'survey.paper' AND "
                      "detail NOT LIKE '%not_yet%' AND detail NOT LIKE '%leaflet%'"),
            1);

  // The summary: counts per answer, channels, the mean to one decimal ((5 + 2) / 2 = 3.5).
  auto summary = t.sv().surveys.Summary(w.who, {w.coord, w.org, "", "t"}, w.program, fy, true);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->responses, 2);
  EXPECT_EQ(summary->by_email, 1);
  EXPECT_EQ(summary->by_paper, 1);
  EXPECT_EQ(summary->satisfaction_average, "3.5");
  ASSERT_EQ(summary->satisfaction.size(), 6u);
  EXPECT_EQ(summary->satisfaction[0].code, "5");
  EXPECT_EQ(summary->satisfaction[0].count, 1);
  EXPECT_EQ(summary->satisfaction[3].code, "2");
  EXPECT_EQ(summary->satisfaction[3].count, 1);
  EXPECT_EQ(summary->helpfulness.front().count, 1);  // very
  EXPECT_EQ(summary->helpfulness.back().count, 1);   // unanswered (the paper sheet)
  EXPECT_EQ(summary->outlook[0].count, 1);           // clear
  EXPECT_EQ(summary->outlook[2].count, 1);           // not_yet
  ASSERT_EQ(summary->comments.size(), 1u);
  EXPECT_EQ(summary->comments.front(), "とても参考になりました");
  EXPECT_GE(CountRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'survey.comments.read'"),
            1);

  // The report's survey section shows counts and comments, and nothing of the person.
  auto report = c.Get(base + "/report?fy=" + std::to_string(fy));
  ASSERT_EQ(report.status, 200);
  const auto from = report.body.find("id=\"survey-results\"");
  ASSERT_NE(from, std::string::npos);
  const std::string section = report.body.substr(from, report.body.find("</section>", from) - from);
  EXPECT_THAT(section, HasSubstr("回答数：2件（メール 1件、紙 1件）"));
  EXPECT_THAT(section, HasSubstr("満足度の平均：3.5"));
  EXPECT_THAT(section, HasSubstr("とても参考になりました"));
  ExpectNoCanary(report.body, "report page");

  // Downloads: counts, never the comment nor the person.
  auto csv = c.Get(base + "/report.csv?fy=" + std::to_string(fy));
  ASSERT_EQ(csv.status, 200);
  EXPECT_THAT(csv.body, HasSubstr("\r\nとても満足,1\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n満足度の平均,3.5\r\n"));
  EXPECT_THAT(csv.body, Not(HasSubstr("とても参考になりました")));
  ExpectNoCanary(csv.body, "csv");
  auto xlsx = c.Get(base + "/report.xlsx?fy=" + std::to_string(fy));
  ASSERT_EQ(xlsx.status, 200);
  const std::string unpacked = UnzipAll(xlsx.body, t.dir());
  EXPECT_THAT(unpacked, HasSubstr("とても満足"));
  EXPECT_THAT(unpacked, Not(HasSubstr("とても参考になりました")));
  ExpectNoCanary(unpacked, "xlsx");
  ExpectNoCanary(xlsx.body, "xlsx bytes");
}

TEST(Survey, PaperEntryIsTheHostOrganisationsOnly) {
  TestServer t;
  World w = MakeWorld(t);
  ASSERT_FALSE(w.day.slots.empty()) << "no open day after today";
  const auto other = t.CreateOrg("別の団体", "employment_support");
  t.CreateUser({"admin-x@example.jp", "管理", "admin", "nurse", other});
  t.CreateUser({"counselor-s@example.jp", "相談員", "counselor", "msw", w.org});
  const std::string base = "/programs/" + std::to_string(w.program);
  auto o = t.LoginAs("admin-x@example.jp");
  EXPECT_EQ(o.Get(base + "/surveys/paper").status, 404);
  // Posting with a valid token of the other organisation changes nothing.
  auto form = o.Get("/programs");
  auto posted = o.Post(
      base + "/surveys/paper",
      {{"csrf_token", ExtractCsrf(form.body)}, {"fiscal_year", "2025"}, {"satisfaction", "5"}});
  EXPECT_EQ(posted.status, 404);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM survey_response"), 0);
  auto counselor = t.LoginAs("counselor-s@example.jp");
  EXPECT_NE(counselor.Get(base + "/surveys/paper").status, 200);

  auto summary = t.sv().surveys.Summary(w.who, {w.coord, w.org, "", "t"}, w.program, 2025, false);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->responses, 0);
  EXPECT_EQ(summary->satisfaction_average, "—");
  EXPECT_TRUE(summary->comments.empty());
}

// The server's clock-driven round (what `serve` runs every minute) sends the invitations
// once the day has passed, without anyone calling the survey service.
TEST(Survey, TheScheduledRoundSendsInvitationsAfterTheDay) {
  TestServer t;
  World w = MakeWorld(t);
  ASSERT_FALSE(w.day.slots.empty()) << "no open day after today";
  Book(t, w, "scheduled-round@example.jp", "attended");
  EXPECT_EQ(t.app().jobs().RunOnce(), 0);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM survey_invitation"), 0) << "not before the day";

  const std::int64_t days_ahead = core::DaysBetween(
      core::DateFromUnixSeconds(t.clock().NowSeconds()), core::AddDays(w.day.date, 1));
  t.clock().Advance(days_ahead * 86400);
  EXPECT_EQ(t.app().jobs().RunOnce(), 0) << "every job succeeds";
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM survey_invitation"), 1);
  EXPECT_FALSE(MailSink::Get().WaitFor("scheduled-round@example.jp").empty());
  EXPECT_EQ(t.app().jobs().RunOnce(), 0);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM survey_invitation"), 1) << "once only";
}

}  // namespace
}  // namespace tsunagu::testing
