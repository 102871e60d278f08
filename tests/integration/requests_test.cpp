// Consultation requests (issue 15, seed 002: 個別なご相談・ご依頼は依頼フォームより。当日、翌日には
// お返事), through HTTP on both engines: an organisation opens its public form; a person, family
// member or employer writes; the 事務局 hears of it without personal data; the queue shows each
// deadline and what is overdue; the reply goes out by e-mail or is recorded as given by phone;
// another organisation sees nothing; bad input is kept with messages and stores nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kName = "依頼カナリア花子QZ";
constexpr const char* kMessage = "従業員の難病カナリア相談QZ";

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields Request(const std::string& kind, const std::string& email, const std::string& phone) {
  return {{"requester_kind", kind},
          {"condition_kind", "intractable"},
          {"wish", "online"},
          {"name", kName},
          {"furigana", "いらい はなこ"},
          {"email", email},
          {"phone", phone},
          {"message", kMessage},
          {"consent", "1"}};
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
  std::string form;  // the public form
};

// An employment-support NPO with its 事務局 and a counselor, and a stranger organisation.
// The clock is a Wednesday (2026-06-10, no holiday) at 10:00 JST.
World MakeWorld(TestServer& t) {
  t.clock().Set(UnixAtJst({2026, 6, 10}, 10 * 60));
  World w;
  w.org = t.CreateOrg("はたらくサポート 依頼", "employment_support");
  const auto stranger = t.CreateOrg("よその病院 依頼");
  t.CreateUser({"jimu@request.test", "事務局", "coordinator", "clerical", w.org});
  t.CreateUser({"career@request.test", "相談員", "counselor", "career_consultant", w.org});
  t.CreateUser({"other@request.test", "他の管理者", "admin", "nurse", stranger});
  w.form = "/request/" + std::to_string(w.org);
  return w;
}

void OpenForm(TestServer& t, const World& w) {
  auto office = t.LoginAs("jimu@request.test");
  auto saved =
      office.Submit("/requests", {{"enabled", "1"}, {"closes_at", "17:00"}}, "/requests/intake");
  ASSERT_EQ(saved.status, 303) << saved.body;
}

std::string Reference(const std::string& body) {
  const auto at = body.find("RQ-");
  return at == std::string::npos ? std::string() : body.substr(at, 12);
}

std::int64_t IdOf(TestServer& t, const std::string& reference) {
  return *t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM consultation_request WHERE reference = :r", soci::use(reference),
        soci::into(id);
    return static_cast<std::int64_t>(id);
  });
}

TEST(Requests, APersonAsksAndTheOfficeRepliesBeforeTheDeadline) {
  TestServer t;
  World w = MakeWorld(t);
  auto visitor = t.NewClient();
  EXPECT_EQ(visitor.Get(w.form).status, 404) << "closed until the office opens it";
  OpenForm(t, w);
  EXPECT_THAT(visitor.Get("/").body, HasSubstr("href=\"" + w.form + "\""))
      << "the portal lists the organisations taking requests";

  // Bad input: messages next to the fields, what was typed kept (escaped), nothing stored.
  auto bad = visitor.Submit(w.form, {{"name", "<b>依頼</b>"}, {"message", "  "}}, w.form);
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("ご相談になる方を選んでください"));
  EXPECT_THAT(bad.body, HasSubstr("ご相談・ご依頼の内容を入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("メールアドレスか電話番号のどちらかを入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("&lt;b&gt;依頼&lt;/b&gt;"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request"), 0);

  // An employer asks about an employee, at 10:00 on a Wednesday: reply due 17:00 that day.
  auto done = visitor.Submit(w.form, Request("employer", "boss@request.test", ""), w.form);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("ご依頼を受け付けました"));
  EXPECT_THAT(done.body, HasSubstr("17:00"));
  const std::string reference = Reference(done.body);
  ASSERT_FALSE(reference.empty());
  const auto id = IdOf(t, reference);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request WHERE reply_due_at = " +
                         std::to_string(UnixAtJst({2026, 6, 10}, 17 * 60))),
            1);
  // Stored encrypted: the database holds neither the name nor the words.
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM consultation_request WHERE name_enc LIKE '%依頼%' OR "
                  "message_enc LIKE '%カナリア%'"),
            0);

  // The office hears of it: reference and deadline, nothing of the person.
  const std::string notice = MailSink::Get().WaitFor("jimu@request.test");
  ASSERT_FALSE(notice.empty());
  EXPECT_THAT(notice, HasSubstr(reference));
  EXPECT_THAT(notice, Not(HasSubstr(kName)));
  EXPECT_THAT(notice, Not(HasSubstr(kMessage)));
  EXPECT_THAT(notice, Not(HasSubstr("boss@request.test")));

  // The counselor's queue: the deadline, no name; the request itself, audited.
  auto counselor = t.LoginAs("career@request.test");
  auto queue = counselor.Get("/requests");
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_THAT(queue.body, HasSubstr(reference));
  EXPECT_THAT(queue.body, HasSubstr("返信待ち"));
  EXPECT_THAT(queue.body, Not(HasSubstr(kName)));
  EXPECT_THAT(counselor.Get("/").body, HasSubstr("今日が返信期限の相談依頼（1件）"));
  const std::string page = "/requests/" + std::to_string(id);
  auto shown = counselor.Get(page);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_THAT(shown.body, HasSubstr(kName));
  EXPECT_THAT(shown.body, HasSubstr(kMessage));
  EXPECT_THAT(shown.body, HasSubstr("企業・事業者（従業員についてのご相談）"));
  EXPECT_THAT(shown.body, Not(HasSubstr("<title>" + std::string(kName))));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'request.read'"), 1);

  // Another organisation: the same 404 as a missing request.
  auto other = t.LoginAs("other@request.test");
  EXPECT_EQ(other.Get(page).status, 404);
  EXPECT_THAT(other.Get("/requests").body, Not(HasSubstr(reference)));

  // The reply: required; then sent by e-mail and recorded; a second one is refused.
  auto empty = counselor.Submit(page, {{"reply", " "}}, page + "/reply");
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("返信の内容を入力してください"));
  const std::string reply = "6月12日（金）14時からオンラインでいかがでしょうか。";
  auto sent = counselor.Submit(page, {{"reply", reply}}, page + "/reply");
  ASSERT_EQ(sent.status, 303) << sent.body;
  const std::string mail = MailSink::Get().WaitFor("boss@request.test");
  EXPECT_THAT(mail, HasSubstr(reply));
  EXPECT_THAT(mail, HasSubstr(reference));
  auto after = counselor.Get(page + "?done=replied");
  EXPECT_THAT(after.body, HasSubstr("返信を送りました。"));
  EXPECT_THAT(after.body, HasSubstr("期限内に返信"));
  auto again = counselor.Submit(page, {{"reply", "もう一度"}}, page + "/reply");
  EXPECT_EQ(again.status, 409);
  EXPECT_THAT(again.body, HasSubstr("すでに返信済みか終了しています"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'request.reply'"), 1);

  // The year's figures: received, replied, in time (the yearly report's 相談依頼 line).
  auto figures = counselor.Get("/requests");
  EXPECT_THAT(figures.body, HasSubstr("相談依頼の実績（令和8年度）"));
  EXPECT_THAT(figures.body, HasSubstr("受け付けた依頼</th><td class=\"numeric\">1<"));
  EXPECT_THAT(figures.body, HasSubstr(">1（100.0%）<"));
  EXPECT_THAT(figures.body,
              HasSubstr("ご相談になる方：企業・事業者（従業員についてのご相談）</th><td "
                        "class=\"numeric\">1<"));
  EXPECT_THAT(counselor.Get("/requests?fy=2025").body,
              HasSubstr("受け付けた依頼</th><td class=\"numeric\">0<"));
}

TEST(Requests, AfterHoursTheDeadlineIsTheNextBusinessDayAndOverdueOnesStandOut) {
  TestServer t;
  World w = MakeWorld(t);
  OpenForm(t, w);
  // Friday 2026-06-12 at 18:30: due Monday 06-15 at 17:00.
  t.clock().Set(UnixAtJst({2026, 6, 12}, 18 * 60 + 30));
  auto visitor = t.NewClient();
  auto done = visitor.Submit(w.form, Request("self", "", "090-1111-2222"), w.form);
  ASSERT_EQ(done.status, 200) << done.body;
  const std::string reference = Reference(done.body);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request WHERE reply_due_at = " +
                         std::to_string(UnixAtJst({2026, 6, 15}, 17 * 60))),
            1);

  t.clock().Set(UnixAtJst({2026, 6, 15}, 17 * 60 + 30));
  auto counselor = t.LoginAs("career@request.test");
  auto queue = counselor.Get("/requests");
  EXPECT_THAT(queue.body, HasSubstr("返信期限切れ"));
  EXPECT_THAT(queue.body, HasSubstr("うち期限切れ 1件"));
  EXPECT_THAT(counselor.Get("/").body, HasSubstr("返信期限を過ぎた相談依頼（1件）"));

  // Only a phone number: the e-mail reply is refused with the way to go; the phone call is
  // recorded instead.
  const std::string page = "/requests/" + std::to_string(IdOf(t, reference));
  auto shown = counselor.Get(page);
  EXPECT_THAT(shown.body, HasSubstr("090-1111-2222"));
  EXPECT_THAT(shown.body, Not(HasSubstr("action=\"" + page + "/reply\"")));
  auto by_mail = counselor.Submit(page, {{"reply", "メールで"}}, page + "/reply");
  EXPECT_EQ(by_mail.status, 409);
  EXPECT_THAT(by_mail.body, HasSubstr("メールアドレスを登録していません"));
  auto no_note = counselor.Submit(page, {{"note", ""}}, page + "/phoned");
  EXPECT_EQ(no_note.status, 422);
  EXPECT_THAT(no_note.body, HasSubstr("id=\"note-error\""));
  auto phoned = counselor.Submit(page, {{"note", "6/16 電話。面談日を調整。"}}, page + "/phoned");
  ASSERT_EQ(phoned.status, 303) << phoned.body;
  auto after = counselor.Get("/requests");
  EXPECT_THAT(after.body, HasSubstr("返信済み"));
  EXPECT_THAT(after.body, Not(HasSubstr("期限内に返信")));
  EXPECT_THAT(counselor.Get("/").body, Not(HasSubstr("返信期限を過ぎた相談依頼")));
  EXPECT_THAT(after.body, HasSubstr(">0（0.0%）<")) << "replied, but after the deadline";

  // Closing needs a reason, and is recorded once.
  auto no_reason = counselor.Submit(page, {{"reason", ""}}, page + "/close");
  EXPECT_EQ(no_reason.status, 422);
  ASSERT_EQ(counselor.Submit(page, {{"reason", "面談を実施"}}, page + "/close").status, 303);
  EXPECT_THAT(counselor.Get(page).body, HasSubstr("面談を実施"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request WHERE status = 'closed'"), 1);
}

TEST(Requests, TheHoneypotPretendsAndAStoppedFormStoresNothing) {
  TestServer t;
  World w = MakeWorld(t);
  OpenForm(t, w);
  auto bot = t.NewClient();
  auto fields = Request("other", "bot@request.test", "");
  fields.emplace_back("website", "http://spam.example");
  auto pretended = bot.Submit(w.form, fields, w.form);
  EXPECT_EQ(pretended.status, 200);
  EXPECT_THAT(pretended.body, HasSubstr("ご依頼を受け付けました"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_request"), 0);

  auto office = t.LoginAs("jimu@request.test");
  ASSERT_EQ(office.Submit("/requests", {{"closes_at", "17:00"}}, "/requests/intake").status, 303);
  EXPECT_EQ(t.NewClient().Get(w.form).status, 404) << "the office closed the form";
  auto bad_time =
      office.Submit("/requests", {{"enabled", "1"}, {"closes_at", "25:99"}}, "/requests/intake");
  EXPECT_EQ(bad_time.status, 422);
  EXPECT_THAT(bad_time.body, HasSubstr("受付終了時刻を「17:00」の形で入力してください"));
  EXPECT_THAT(bad_time.body, HasSubstr("value=\"25:99\""));
}

// SECURITY.md: no personal data in logs. A request is sent, read and answered while the log is
// captured; the name, the words, the address and the reply appear nowhere in it.
TEST(Requests, TheLogCarriesNoNameMessageOrReply) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::debug);
  spdlog::set_default_logger(logger);
  {
    TestServer t;
    World w = MakeWorld(t);
    OpenForm(t, w);
    auto visitor = t.NewClient();
    auto done = visitor.Submit(w.form, Request("family", "log-canary@request.test", ""), w.form);
    ASSERT_EQ(done.status, 200);
    const std::string page = "/requests/" + std::to_string(IdOf(t, Reference(done.body)));
    auto counselor = t.LoginAs("career@request.test");
    EXPECT_EQ(counselor.Get(page).status, 200);
    EXPECT_EQ(counselor.Submit(page, {{"reply", "返信カナリアQZ"}}, page + "/reply").status, 303);
    MailSink::Get().WaitFor("log-canary@request.test");
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured.str();
  EXPECT_THAT(log, HasSubstr("/request/"));
  for (const char* canary : {kName, kMessage, "log-canary", "返信カナリアQZ", "いらい はなこ"}) {
    EXPECT_THAT(log, Not(HasSubstr(canary))) << canary;
  }
}

}  // namespace
}  // namespace tsunagu::testing
