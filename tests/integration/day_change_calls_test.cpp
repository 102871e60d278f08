// The call list of a moved or cancelled day (issue 14 point 12), on both engines: the people
// the change could not reach by e-mail stay on the day's list, and on the 事務局's home page,
// until each is marked called; a day moved and later cancelled lists them again; only the
// programme's 事務局 reads the list; a mark made twice, even at once, is recorded once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::BookingRequest;
using consultations::DaySettings;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kFirstName = "電話連絡カナリア一郎QZ";
constexpr const char* kSecondName = "電話連絡カナリア二郎QZ";
constexpr const char* kMailName = "メール連絡カナリア三郎QZ";

BookingRequest Request(std::int64_t slot_id, const std::string& name, const std::string& email,
                       const std::string& phone) {
  BookingRequest r;
  r.slot_id = slot_id;
  r.channel = email.empty() ? "phone" : "web";
  r.intake.gender = "male";
  r.intake.age_band = "50s";
  r.intake.municipality = "みどり市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "employed";
  r.intake.topics = {"work"};
  r.contact = {name, "かなりあ", phone, email, "", ""};
  r.consent = true;
  return r;
}

struct World {
  std::string coordinator_email;
  std::string second_coordinator_email;
  std::string nurse_email;
  std::string other_email;
  auth::Principal coordinator;
  audit::Actor actor;
  std::int64_t program = 0;
  std::int64_t day_id = 0;
  core::Date date;
  std::string first, second, by_mail;  // booking references
};

// A day ten days from now with three people booked: two left only a telephone number.
World MakeWorld(TestServer& t, const std::string& tag) {
  World w;
  const auto org = t.CreateOrg("つなぐ県 疾病対策課 " + tag, "municipality");
  const auto other_org = t.CreateOrg("別の病院 " + tag);
  w.coordinator_email = "jimu-" + tag + "@example.jp";
  w.second_coordinator_email = "jimu2-" + tag + "@example.jp";
  w.nurse_email = "nurse-" + tag + "@example.jp";
  w.other_email = "other-" + tag + "@example.jp";
  const auto coord = t.CreateUser({w.coordinator_email, "事務局", "coordinator", "clerical", org});
  t.CreateUser({w.second_coordinator_email, "事務局二", "coordinator", "clerical", org});
  t.CreateUser({w.nurse_email, "看護 花子", "counselor", "nurse", org});
  t.CreateUser({w.other_email, "他の管理者", "admin", "nurse", other_org});
  w.coordinator = As(coord, org, auth::Role::kCoordinator);
  w.actor = {coord, org, "127.0.0.1", "test"};
  auto program = t.sv().consultations.CreateProgram(w.coordinator, w.actor, "ワンストップ相談", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  w.date = core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), 10);
  DaySettings settings;
  settings.venue = "県庁本館 相談室";
  auto day =
      t.sv().board.AddDay(w.coordinator, w.actor, w.program, w.date, 18 * 60, 21 * 60, settings);
  EXPECT_TRUE(day.ok());
  w.day_id = *day;
  auto full = t.sv().consultations.GetDay(w.coordinator, w.program, w.day_id);
  EXPECT_TRUE(full.ok() && full->slots.size() >= 2);
  const audit::Actor web{0, org, "127.0.0.1", "t"};
  auto first = t.sv().consultations.Book(Request(full->slots[0].id, kFirstName, "", "09011112222"),
                                         web, nullptr);
  auto second = t.sv().consultations.Book(
      Request(full->slots[1].id, kSecondName, "", "09033334444"), web, nullptr);
  auto by_mail = t.sv().consultations.Book(
      Request(full->slots[1].id, kMailName, "mail-" + tag + "@example.jp", ""), web, nullptr);
  EXPECT_TRUE(first.ok() && second.ok() && by_mail.ok());
  w.first = first->reference;
  w.second = second->reference;
  w.by_mail = by_mail->reference;
  return w;
}

std::string CallsPath(const World& w) {
  return "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day_id) + "/calls";
}

long long Count(TestServer& t, const std::string& sql) {
  return *t.app().db().Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << sql, soci::into(n);
    return n;
  });
}

TEST(DayChangeCalls, PeopleWithoutEMailStayOnTheDaysCallListUntilEachIsMarkedCalled) {
  TestServer t;
  World w = MakeWorld(t, "calls");
  consultations::DayMove move;
  move.date = core::AddDays(w.date, 7);
  move.start_minutes = 18 * 60;
  move.venue = "県庁本館 相談室";
  auto moved = t.sv().day_changes.MoveDay(w.coordinator, w.actor, w.program, w.day_id, move);
  ASSERT_TRUE(moved.ok());
  ASSERT_EQ(moved->to_call.size(), 2u);

  // Days later, the 事務局's home page still says who is left to call, without names.
  auto c = t.LoginAs(w.coordinator_email);
  auto home = c.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("日程の変更・中止を電話で伝える方（2人）"));
  EXPECT_THAT(home.body, HasSubstr("href=\"" + CallsPath(w) + "\""));
  EXPECT_THAT(home.body, Not(HasSubstr(kFirstName)));

  auto list = c.Get(CallsPath(w));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_THAT(list.body, HasSubstr("<title>電話連絡の一覧（"));
  EXPECT_THAT(list.body, HasSubstr(kFirstName));
  EXPECT_THAT(list.body, HasSubstr(kSecondName));
  EXPECT_THAT(list.body, HasSubstr("090-1111-2222")) << "hyphenated by area code";
  EXPECT_THAT(list.body, HasSubstr("日程の変更"));
  EXPECT_THAT(list.body, HasSubstr("残り 2 人"));
  EXPECT_THAT(list.body, Not(HasSubstr(kMailName))) << "e-mail reached that person";
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.read' AND detail LIKE "
                  "'%call_list%'"),
            1)
      << "reading the names is audited";

  // One person called: the list says so and keeps the other.
  auto marked = c.Submit(CallsPath(w), {{"reference", w.first}}, CallsPath(w) + "/called");
  ASSERT_EQ(marked.status, 303) << marked.body;
  auto after = c.Get(CallsPath(w) + "?called=" + w.first);
  EXPECT_THAT(after.body, HasSubstr("受付番号 " + w.first + " の方を「連絡済み」にしました。"));
  EXPECT_THAT(after.body, HasSubstr("連絡済み（"));
  EXPECT_THAT(after.body, HasSubstr("残り 1 人"));
  EXPECT_THAT(c.Get("/").body, HasSubstr("日程の変更・中止を電話で伝える方（1人）"));

  // Marking again changes nothing; a reference not on the list, or hostile, is a 404.
  EXPECT_EQ(c.Submit(CallsPath(w), {{"reference", w.first}}, CallsPath(w) + "/called").status, 303);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.change_called'"), 1);
  EXPECT_EQ(c.Submit(CallsPath(w), {{"reference", w.by_mail}}, CallsPath(w) + "/called").status,
            404);
  EXPECT_EQ(c.Submit(CallsPath(w), {{"reference", "<script>x</script>"}}, CallsPath(w) + "/called")
                .status,
            404);
  auto hostile = c.Get(CallsPath(w) + "?called=%3Cscript%3E");
  EXPECT_THAT(hostile.body, Not(HasSubstr("<script>")));

  // The day is then cancelled: both are listed again, for the cancellation.
  const std::string cancel =
      "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day_id) + "/cancel";
  auto done = c.Submit(cancel, {{"reason", "会場の都合"}}, cancel);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("href=\"" + CallsPath(w) + "\""));
  auto relisted = c.Get(CallsPath(w));
  ASSERT_EQ(relisted.status, 200) << "the list stays after the day is cancelled";
  EXPECT_THAT(relisted.body, HasSubstr("残り 2 人"));
  EXPECT_THAT(relisted.body, HasSubstr("<td>中止</td>"));
  EXPECT_THAT(relisted.body, Not(HasSubstr("開催日の運営へ戻る")));
  // The programme's list of days says so on the cancelled day's row.
  const std::string program_page = "/programs/" + std::to_string(w.program) + "?fy=" +
                                   std::to_string(core::FiscalYear(move.date));  // the day now
  auto days = c.Get(program_page);
  EXPECT_THAT(days.body, HasSubstr("href=\"" + CallsPath(w) + "\">電話連絡 残り2人"));

  for (const auto& ref : {w.first, w.second}) {
    ASSERT_EQ(c.Submit(CallsPath(w), {{"reference", ref}}, CallsPath(w) + "/called").status, 303);
  }
  EXPECT_THAT(c.Get(CallsPath(w)).body, HasSubstr("全員に連絡しました。"));
  EXPECT_THAT(c.Get("/").body, Not(HasSubstr("電話で伝える方")));
  EXPECT_THAT(c.Get(program_page).body, Not(HasSubstr("電話連絡 残り")));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM day_change_call WHERE called_at IS NULL"), 0);
}

TEST(DayChangeCalls, OnlyTheProgrammesOfficeReadsOrMarksTheList) {
  TestServer t;
  World w = MakeWorld(t, "walls");
  ASSERT_TRUE(
      t.sv().day_changes.CancelDay(w.coordinator, w.actor, w.program, w.day_id, "会場の都合").ok());
  // A counselor of the organisation is refused (the route is the 事務局's); another
  // organisation's admin gets the same 404 as a missing day.
  for (const auto& [email, status] :
       std::vector<std::pair<std::string, int>>{{w.nurse_email, 403}, {w.other_email, 404}}) {
    auto c = t.LoginAs(email);
    auto refused = c.Get(CallsPath(w));
    EXPECT_EQ(refused.status, status) << email;
    EXPECT_THAT(refused.body, Not(HasSubstr(kFirstName)));
    auto page = c.Get("/");
    EXPECT_EQ(c.Post(CallsPath(w) + "/called",
                     {{"csrf_token", ExtractCsrf(page.body)}, {"reference", w.first}})
                  .status,
              status)
        << email;
    EXPECT_THAT(page.body, Not(HasSubstr("電話で伝える方")));
  }
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM day_change_call WHERE called_at IS NULL"), 2);
}

TEST(DayChangeCalls, TwoOfficeStaffMarkingAtOnceRecordOneCall) {
  TestServer t;
  World w = MakeWorld(t, "race");
  ASSERT_TRUE(
      t.sv().day_changes.CancelDay(w.coordinator, w.actor, w.program, w.day_id, "会場の都合").ok());
  std::vector<Client> clients;
  std::vector<std::string> tokens;
  for (const std::string& email : {w.coordinator_email, w.second_coordinator_email,
                                   w.coordinator_email, w.second_coordinator_email}) {
    clients.push_back(t.LoginAs(email));
    tokens.push_back(ExtractCsrf(clients.back().Get(CallsPath(w)).body));
  }
  std::atomic<int> ok{0}, other{0};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < clients.size(); ++i) {
    threads.emplace_back([&, i] {
      auto r = clients[i].Post(CallsPath(w) + "/called",
                               {{"csrf_token", tokens[i]}, {"reference", w.second}});
      (r.status == 303 ? ok : other) += 1;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 4);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.change_called'"), 1);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM day_change_call WHERE called_at IS NULL"), 1);
}

}  // namespace
}  // namespace tsunagu::testing
