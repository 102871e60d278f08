// Public booking pages (issue 3) through HTTP on both engines: the whole path from day/time to
// the confirmation e-mail, kept input, the honeypot, cancelling, the race for the last place,
// the per-address limit and logs without personal data.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <sstream>
#include <thread>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::DaySettings;
using consultations::HolidayPolicy;
using consultations::ScheduleRule;
using ::testing::HasSubstr;
using ::testing::Not;

struct Booking {
  std::int64_t program = 0;
  std::int64_t slot = 0;
};

Booking MakeProgram(TestServer& t, int booths) {
  auto org = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  auto user = t.CreateUser({"jimu@example.jp", "事務局", "coordinator", "clerical", org});
  auth::Principal p;
  p.user_id = user;
  p.stage = "full";
  p.organization_id = org;
  p.role = auth::Role::kCoordinator;
  auto program = t.sv().consultations.CreateProgram(p, {user, org, "t", "t"},
                                                    "働くがん患者のためのワンストップ相談", "");
  EXPECT_TRUE(program.ok());
  // Bookable on the public pages once the 事務局 publishes it.
  EXPECT_TRUE(t.sv().consultations.SetPublished(p, {user, org, "t", "t"}, *program, true).ok());
  auto rule = Seed001ScheduleRule();
  DaySettings settings;
  settings.booths = booths;
  settings.venue = "県庁 相談室";
  const int fy = core::FiscalYear(core::DateFromUnixSeconds(t.clock().NowSeconds()));
  for (int y : {fy, fy + 1}) {
    auto g =
        t.sv().consultations.GenerateDays(p, {user, org, "t", "t"}, *program, rule, y, settings);
    EXPECT_TRUE(g.ok());
  }
  Booking b;
  b.program = *program;
  auto open =
      t.sv().consultations.OpenDays(b.program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
  EXPECT_TRUE(open.ok() && !open->empty());
  b.slot = open->front().slots.front().id;
  return b;
}

int Booked(TestServer& t, std::int64_t slot_id) {
  auto n = t.app().db().Read<int>([&](soci::session& s) {
    int booked = 0;
    long long id = slot_id;
    s << "SELECT booked FROM consultation_slot WHERE id = :id", soci::use(id), soci::into(booked);
    return booked;
  });
  return n.ok() ? *n : -1;
}

int Bookings(TestServer& t) {
  auto n = t.app().db().Read<int>([&](soci::session& s) {
    int count = 0;
    s << "SELECT COUNT(*) FROM booking", soci::into(count);
    return count;
  });
  return n.ok() ? *n : -1;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields Answers(std::int64_t slot, const std::string& name, const std::string& email) {
  return {{"slot", std::to_string(slot)},
          {"for_family", "self"},
          {"gender", "female"},
          {"age_band", "40s"},
          {"municipality", "さいたま市"},
          {"heard_from", "hospital"},
          {"diagnosis", "乳がんカナリア診断"},
          {"treatment_status", "during"},
          {"work_status", "on_leave"},
          {"topics", "work"},
          {"topics", "finances"},
          {"name", name},
          {"furigana", "かなりあ はなこ"},
          {"phone", "090-1234-5678"},
          {"email", email},
          {"notes", "復職の時期について"},
          {"consent", "1"}};
}

std::string FormPage(std::int64_t program, std::int64_t slot) {
  return "/book/" + std::to_string(program) + "/form?slot=" + std::to_string(slot);
}

TEST(PublicBooking, ABookingThroughThePagesSendsTheConfirmation) {
  TestServer t;
  auto b = MakeProgram(t, 2);
  auto c = t.NewClient();
  auto days = c.Get("/book/" + std::to_string(b.program));
  ASSERT_EQ(days.status, 200);
  EXPECT_THAT(days.body, HasSubstr("name=\"slot\" value=\"" + std::to_string(b.slot) + "\""));
  EXPECT_THAT(days.body, HasSubstr("対面"));
  EXPECT_THAT(days.body, HasSubstr("令和"));

  const std::string email = "soudan-1@example.jp";
  const std::string base = "/book/" + std::to_string(b.program);
  auto confirm =
      c.Submit(FormPage(b.program, b.slot), Answers(b.slot, "相談 花子", email), base + "/confirm");
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_THAT(confirm.body, HasSubstr("入力内容の確認"));
  EXPECT_THAT(confirm.body, HasSubstr("仕事に関すること"));
  EXPECT_EQ(Bookings(t), 0) << "nothing is stored before 送信";

  auto fields = Answers(b.slot, "相談 花子", email);
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  auto done = c.Post(base + "/submit", fields);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("ご予約を受け付けました"));
  const auto at = done.body.find("TS-");
  ASSERT_NE(at, std::string::npos);
  const std::string reference = done.body.substr(at, 12);
  EXPECT_EQ(Booked(t, b.slot), 1);

  const std::string mail = MailSink::Get().WaitFor(email);
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr("【つなぐ】ご予約を受け付けました"));
  EXPECT_THAT(mail, HasSubstr(reference));
  EXPECT_THAT(mail, HasSubstr("令和"));
  EXPECT_THAT(mail, Not(HasSubstr("乳がんカナリア診断")));
  EXPECT_THAT(mail, Not(HasSubstr("仕事に関すること")));
  // The sink decodes every part: the calendar attachment follows the text.
  EXPECT_THAT(MailSink::Get().AllRaw(), HasSubstr("METHOD:PUBLISH"));
  EXPECT_THAT(MailSink::Get().AllRaw(), HasSubstr("BEGIN:VEVENT"));
  EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr("乳がんカナリア診断")));

  // Cancel with the link from the e-mail: the place goes back once.
  const auto link = mail.find("/book/cancel/");
  ASSERT_NE(link, std::string::npos);
  auto end = mail.find_first_of(" \r\n", link);
  const std::string cancel_path = mail.substr(link, end - link);
  auto page = c.Get(cancel_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("予約を取り消す"));
  EXPECT_THAT(page.body, Not(HasSubstr("相談 花子")));
  auto cancelled = c.Submit(cancel_path, {});
  EXPECT_EQ(cancelled.status, 200);
  EXPECT_THAT(cancelled.body, HasSubstr("予約を取り消しました"));
  EXPECT_EQ(Booked(t, b.slot), 0);
  auto again = c.Post(cancel_path, {{"csrf_token", c.cookies()["tsunagu_csrf"]}});
  EXPECT_LT(again.status, 500);
  EXPECT_EQ(Booked(t, b.slot), 0) << "a second cancel frees nothing";
  EXPECT_EQ(c.Get(cancel_path).status, 404);
  EXPECT_EQ(c.Get("/book/cancel/not-a-token").status, 404);
}

TEST(PublicBooking, ErrorsKeepWhatWasTypedEscaped) {
  TestServer t;
  auto b = MakeProgram(t, 2);
  auto c = t.NewClient();
  auto fields = Answers(b.slot, "<script>alert(1)</script>", "");
  fields.erase(std::remove_if(fields.begin(), fields.end(),
                              [](const auto& f) { return f.first == "gender"; }),
               fields.end());
  for (auto& f : fields) {
    if (f.first == "phone") f.second = "";
  }
  auto r = c.Submit(FormPage(b.program, b.slot), fields,
                    "/book/" + std::to_string(b.program) + "/confirm");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("性別を選んでください"));
  EXPECT_THAT(r.body, HasSubstr("電話番号かメールアドレスのどちらかを入力してください"));
  EXPECT_THAT(r.body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(r.body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(r.body, HasSubstr("value=\"さいたま市\""));
  EXPECT_THAT(r.body, HasSubstr("value=\"finances\" checked"));
  EXPECT_THAT(r.body, HasSubstr("aria-invalid=\"true\""));
  EXPECT_EQ(Bookings(t), 0);
}

TEST(PublicBooking, TheHoneypotPretendsAndStoresNothing) {
  TestServer t;
  auto b = MakeProgram(t, 2);
  auto c = t.NewClient();
  auto fields = Answers(b.slot, "ボット", "bot@example.jp");
  fields.emplace_back("website", "http://spam.example");
  fields.emplace_back("action", "send");
  auto r = c.Submit(FormPage(b.program, b.slot), fields,
                    "/book/" + std::to_string(b.program) + "/submit");
  EXPECT_EQ(r.status, 200);
  EXPECT_THAT(r.body, HasSubstr("ご予約を受け付けました"));
  EXPECT_EQ(Bookings(t), 0);
  EXPECT_EQ(Booked(t, b.slot), 0);
}

TEST(PublicBooking, ParallelSubmissionsForTheLastPlaceGiveOneBooking) {
  TestServer t;
  auto b = MakeProgram(t, 1);
  constexpr int kClients = 10;
  std::vector<Client> clients;
  std::vector<Fields> forms;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(t.NewClient());
    auto page = clients.back().Get(FormPage(b.program, b.slot));
    ASSERT_EQ(page.status, 200);
    auto f = Answers(b.slot, "相談者" + std::to_string(i), "");
    f.emplace_back("action", "send");
    f.emplace_back("csrf_token", ExtractCsrf(page.body));
    forms.push_back(f);
  }
  std::atomic<int> booked{0}, full{0}, other{0};
  std::vector<std::thread> threads;
  const std::string target = "/book/" + std::to_string(b.program) + "/submit";
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto r = clients[i].Post(target, forms[i]);
      if (r.status == 200 && r.body.find("ご予約を受け付けました") != std::string::npos) {
        ++booked;
      } else if (r.status == 409 &&
                 r.body.find("予約でいっぱいになりました") != std::string::npos) {
        ++full;
      } else {
        ++other;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(booked.load(), 1);
  EXPECT_EQ(full.load(), kClients - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Booked(t, b.slot), 1);
  EXPECT_EQ(Bookings(t), 1);
}

TEST(PublicBooking, ManySubmissionsFromOneAddressAreSlowedDown) {
  TestServer t;
  auto b = MakeProgram(t, 2);
  auto c = t.NewClient();
  auto page = c.Get(FormPage(b.program, b.slot));
  const std::string csrf = ExtractCsrf(page.body);
  const std::string target = "/book/" + std::to_string(b.program) + "/confirm";
  int last = 0;
  for (int i = 0; i < 21; ++i) last = c.Post(target, {{"csrf_token", csrf}}).status;
  EXPECT_EQ(last, 429);
  auto after = c.Post(target, {{"csrf_token", csrf}});
  EXPECT_EQ(after.status, 429);
  EXPECT_THAT(after.body, HasSubstr("10分ほど"));
  t.clock().Advance(11 * 60);
  EXPECT_NE(c.Post(target, {{"csrf_token", csrf}}).status, 429) << "a new window";
}

TEST(PublicBooking, TheLogCarriesNoNameOrDiagnosis) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::debug);
  spdlog::set_default_logger(logger);
  {
    TestServer t;
    auto b = MakeProgram(t, 2);
    auto c = t.NewClient();
    auto fields = Answers(b.slot, "カナリア太郎QZ", "canary-7b2e@example.jp");
    fields.emplace_back("action", "send");
    auto r = c.Submit(FormPage(b.program, b.slot), fields,
                      "/book/" + std::to_string(b.program) + "/submit");
    EXPECT_EQ(r.status, 200);
    MailSink::Get().WaitFor("canary-7b2e@example.jp");
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured.str();
  EXPECT_THAT(log, HasSubstr("/book/"));
  EXPECT_THAT(log, Not(HasSubstr("カナリア太郎QZ")));
  EXPECT_THAT(log, Not(HasSubstr("乳がんカナリア診断")));
  EXPECT_THAT(log, Not(HasSubstr("canary-7b2e")));
}

}  // namespace
}  // namespace tsunagu::testing

namespace tsunagu::testing {
namespace {

// Seed 001 対象者: 県内に住所又は勤務地を有する方. A person who lives outside the prefecture
// gives the municipality where they work, and says so.
TEST(PublicBooking, APersonLivingOutsideThePrefectureGivesTheMunicipalityOfTheirWork) {
  TestServer t;
  auto b = MakeProgram(t, 2);
  auto c = t.NewClient();
  const std::string base = "/book/" + std::to_string(b.program);
  auto form = c.Get(FormPage(b.program, b.slot));
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("入力した市区町村は"));
  EXPECT_THAT(form.body, HasSubstr("name=\"municipality_kind\" value=\"residence\" checked"));
  EXPECT_THAT(form.body, HasSubstr("勤務地（県外にお住まいで、県内にお勤めの方）"));

  // A value the form never offers: a message, what was typed kept, nothing stored.
  auto fields = Answers(b.slot, "勤務 花子", "kinmu-bad@example.jp");
  fields.emplace_back("municipality_kind", "elsewhere");
  auto bad = c.Submit(FormPage(b.program, b.slot), fields, base + "/confirm");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("入力した市区町村が住所地か勤務地かを選んでください"));
  EXPECT_THAT(bad.body, HasSubstr("value=\"さいたま市\""));
  EXPECT_EQ(Bookings(t), 0);

  fields = Answers(b.slot, "勤務 花子", "kinmu@example.jp");
  fields.emplace_back("municipality_kind", "workplace");
  auto confirm = c.Submit(FormPage(b.program, b.slot), fields, base + "/confirm");
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_THAT(confirm.body, HasSubstr("さいたま市（勤務地）"));
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  auto done = c.Post(base + "/submit", fields);
  ASSERT_EQ(done.status, 200) << done.body;
  auto kinds = t.app().db().Read<std::string>([](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT municipality_kind FROM booking ORDER BY id");
    for (const auto& r : rows) all += r.get<std::string>(0) + ";";
    return all;
  });
  ASSERT_TRUE(kinds.ok());
  EXPECT_EQ(*kinds, "workplace;");

  // A form without the question (an older page, another caller) means 住所地.
  auto older = Answers(b.slot, "住所 太郎", "jusho@example.jp");
  auto again = c.Submit(FormPage(b.program, b.slot), older, base + "/confirm");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_THAT(again.body, HasSubstr("さいたま市（住所地）"));
  older.emplace_back("action", "send");
  older.emplace_back("csrf_token", ExtractCsrf(again.body));
  ASSERT_EQ(c.Post(base + "/submit", older).status, 200);
  kinds = t.app().db().Read<std::string>([](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT municipality_kind FROM booking ORDER BY id");
    for (const auto& r : rows) all += r.get<std::string>(0) + ";";
    return all;
  });
  EXPECT_EQ(*kinds, "workplace;residence;");
}

}  // namespace
}  // namespace tsunagu::testing
