// Booking deadlines (issue 14, point 6) through HTTP on both engines: a programme sets until when
// the public pages take a booking of a slot (前日17時, N hours before, or until it begins); later
// slots are not offered, a late booking is refused with the 事務局's telephone and e-mail, and
// the 事務局 can still book the slot (phone, mail, walk-in). The clock is set inside the days
// the tests use, so they pass at any hour and date they run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "consultations/program_info.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::Audience;
using consultations::BookingDeadline;
using consultations::ConsultationDay;
using consultations::DaySettings;
using consultations::ProgramInfo;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kOfficePhone = "048-830-3599";
constexpr const char* kOfficeEmail = "ganshien@pref.example.jp";

struct World {
  std::int64_t org = 0;
  std::int64_t user = 0;
  auth::Principal coordinator;
  audit::Actor actor;
  std::int64_t program = 0;
  ConsultationDay day;  // a day at least two days after the clock's start
};

World MakeWorld(TestServer& t, const BookingDeadline& deadline) {
  World w;
  w.org = t.CreateOrg("締切県 健康増進課", "municipality");
  w.user = t.CreateUser({"shimekiri@example.jp", "締切 事務局", "coordinator", "clerical", w.org});
  w.coordinator = As(w.user, w.org, auth::Role::kCoordinator);
  w.actor = {w.user, w.org, "t", "t"};
  auto program = t.sv().consultations.CreateProgram(w.coordinator, w.actor,
                                                    "働くがん患者のためのワンストップ相談", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  EXPECT_TRUE(t.sv().consultations.SetPublished(w.coordinator, w.actor, w.program, true).ok());
  ProgramInfo info;
  info.office_phone = kOfficePhone;
  info.office_email = kOfficeEmail;
  info.office_hours = "平日 8時30分〜17時15分";
  info.deadline = deadline;
  consultations::ProgramInfoStore store(t.app().db(), t.clock());
  auto saved = store.Save(w.coordinator, w.actor, w.program, info);
  EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().message_key);
  DaySettings settings;
  settings.venue = "県庁 相談室";
  GenerateDaysAhead(t, w.coordinator, w.actor, w.program, Seed001ScheduleRule(), settings);
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  auto open = t.sv().consultations.OpenDays(w.program, core::AddDays(today, 2));
  EXPECT_TRUE(open.ok() && !open->empty());
  if (open.ok() && !open->empty()) w.day = open->front();
  return w;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields Answers(std::int64_t slot) {
  return {{"slot", std::to_string(slot)},
          {"for_family", "self"},
          {"gender", "female"},
          {"age_band", "40s"},
          {"municipality", "さいたま市"},
          {"heard_from", "hospital"},
          {"treatment_status", "during"},
          {"work_status", "employed"},
          {"topics", "work"},
          {"name", "締切 花子"},
          {"furigana", "しめきり はなこ"},
          {"phone", "090-1234-5678"},
          {"consent", "1"}};
}

std::string Base(const World& w) {
  return "/book/" + std::to_string(w.program);
}
std::string FormPage(const World& w, std::int64_t slot) {
  return Base(w) + "/form?slot=" + std::to_string(slot);
}
std::string SlotRadio(std::int64_t slot) {
  return "name=\"slot\" value=\"" + std::to_string(slot) + "\"";
}

int Bookings(TestServer& t) {
  auto n = t.app().db().Read<int>([&](soci::session& s) {
    int count = 0;
    s << "SELECT COUNT(*) FROM booking", soci::into(count);
    return count;
  });
  return n.ok() ? *n : -1;
}

// Fills the form and confirms; returns the confirmation page (its CSRF token sends it). The
// token comes from the cookie the days page sets, so a slot past its deadline (whose form page
// has no form) can be posted too.
HttpResult Confirm(Client& c, const World& w, std::int64_t slot) {
  c.Get(Base(w));
  auto fields = Answers(slot);
  fields.emplace_back("csrf_token", c.cookies()["tsunagu_csrf"]);
  return c.Post(Base(w) + "/confirm", fields);
}

HttpResult Send(Client& c, const World& w, std::int64_t slot, const HttpResult& confirm) {
  auto fields = Answers(slot);
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  return c.Post(Base(w) + "/submit", fields);
}

void ExpectSentToTheOffice(const HttpResult& r) {
  EXPECT_EQ(r.status, 409);
  EXPECT_THAT(r.body, HasSubstr("ウェブでの予約受付は締め切りました"));
  EXPECT_THAT(r.body, HasSubstr("事務局へお電話またはメールでご連絡ください"));
  EXPECT_THAT(r.body, HasSubstr(kOfficePhone));
  EXPECT_THAT(r.body, HasSubstr(kOfficeEmail));
}

// The 事務局 takes the booking by phone on the staff page.
HttpResult StaffBooks(TestServer& t, const World& w, std::int64_t slot) {
  auto staff = t.LoginAs("shimekiri@example.jp");
  const std::string page =
      "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day.id) + "/book";
  auto fields = Answers(slot);
  fields.emplace_back("channel", "phone");
  return staff.Submit(page + "?slot=" + std::to_string(slot), fields, page);
}

TEST(BookingDeadline, TheDayBeforeAtFiveTheWebStopsAndTheOfficeStillBooks) {
  TestServer t;
  auto w = MakeWorld(t, {"day_before", 17});
  ASSERT_GE(w.day.slots.size(), 2u);
  const auto first = w.day.slots[0].id;
  const auto second = w.day.slots[1].id;
  const core::Date eve = core::AddDays(w.day.date, -1);

  // 前日16:59: offered, and a booking goes through.
  t.clock().Set(UnixAtJst(eve, 16 * 60 + 59));
  auto c = t.NewClient();
  auto days = c.Get(Base(w));
  ASSERT_EQ(days.status, 200);
  EXPECT_THAT(days.body, HasSubstr(SlotRadio(first)));
  EXPECT_THAT(days.body, HasSubstr("相談日の前日17時まで"));
  auto confirm = Confirm(c, w, first);
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  auto done = Send(c, w, first, confirm);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("ご予約を受け付けました"));
  EXPECT_EQ(Bookings(t), 1);

  // A form confirmed before 17:00 and sent after it is refused, nothing stored.
  auto late_confirm = Confirm(c, w, second);
  ASSERT_EQ(late_confirm.status, 200);
  t.clock().Set(UnixAtJst(eve, 17 * 60));
  ExpectSentToTheOffice(Send(c, w, second, late_confirm));
  EXPECT_EQ(Bookings(t), 1);

  // From 17:00 the day's slots are no longer offered, and the form says why.
  auto after = c.Get(Base(w));
  EXPECT_THAT(after.body, Not(HasSubstr(SlotRadio(first))));
  EXPECT_THAT(after.body, Not(HasSubstr(SlotRadio(second))));
  ExpectSentToTheOffice(c.Get(FormPage(w, second)));
  ExpectSentToTheOffice(Confirm(c, w, second));
  EXPECT_EQ(Bookings(t), 1);

  // The 事務局 takes the same slot by phone.
  auto staff = StaffBooks(t, w, second);
  EXPECT_EQ(staff.status, 303) << staff.body;
  EXPECT_EQ(Bookings(t), 2);
}

TEST(BookingDeadline, WithoutADeadlineASlotThatHasBegunIsNoLongerBookable) {
  TestServer t;
  auto w = MakeWorld(t, {});
  ASSERT_GE(w.day.slots.size(), 2u);
  const auto& first = w.day.slots[0];
  const auto& second = w.day.slots[1];
  t.clock().Set(UnixAtJst(w.day.date, first.start_minutes + 1));
  auto c = t.NewClient();
  auto days = c.Get(Base(w));
  ASSERT_EQ(days.status, 200);
  EXPECT_THAT(days.body, Not(HasSubstr(SlotRadio(first.id))));
  EXPECT_THAT(days.body, HasSubstr(SlotRadio(second.id))) << "a later slot of the day stays open";
  ExpectSentToTheOffice(Confirm(c, w, first.id));
  auto fields = Answers(first.id);
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", c.cookies()["tsunagu_csrf"]);
  ExpectSentToTheOffice(c.Post(Base(w) + "/submit", fields));
  EXPECT_EQ(Bookings(t), 0);
  // A walk-in on the day is still taken by the 事務局.
  auto staff = StaffBooks(t, w, first.id);
  EXPECT_EQ(staff.status, 303) << staff.body;
  EXPECT_EQ(Bookings(t), 1);
}

TEST(BookingDeadline, HoursBeforeCountsFromEachSlot) {
  TestServer t;
  auto w = MakeWorld(t, {"hours_before", 3});
  ASSERT_GE(w.day.slots.size(), 2u);
  const auto& first = w.day.slots[0];
  const auto& second = w.day.slots[1];
  const std::int64_t first_start = UnixAtJst(w.day.date, first.start_minutes);
  t.clock().Set(first_start - 3 * 3600 - 60);
  auto c = t.NewClient();
  EXPECT_THAT(c.Get(Base(w)).body, HasSubstr(SlotRadio(first.id)));
  EXPECT_THAT(c.Get(Base(w)).body, HasSubstr("開始3時間前まで"));
  t.clock().Set(first_start - 3 * 3600);
  auto days = c.Get(Base(w));
  EXPECT_THAT(days.body, Not(HasSubstr(SlotRadio(first.id))));
  EXPECT_THAT(days.body, HasSubstr(SlotRadio(second.id)));
  ExpectSentToTheOffice(Confirm(c, w, first.id));
  auto confirm = Confirm(c, w, second.id);
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_EQ(Send(c, w, second.id, confirm).status, 200);
  EXPECT_EQ(Bookings(t), 1);
}

TEST(BookingDeadline, TheOfficeSetsTheDeadlineOnItsPageAndBadValuesKeepWhatWasTyped) {
  TestServer t;
  auto w = MakeWorld(t, {});
  auto staff = t.LoginAs("shimekiri@example.jp");
  const std::string page = "/programs/" + std::to_string(w.program) + "/info";
  auto form = staff.Get(page);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("各相談時間の開始まで"));
  auto bad = staff.Submit(page, {{"office_phone", kOfficePhone},
                                 {"office_email", "not-an-address"},
                                 {"deadline", "hours_before"},
                                 {"deadline_hours", "0"},
                                 {"access", "県庁第二庁舎 1階"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("メールアドレスの形式が正しくありません"));
  EXPECT_THAT(bad.body, HasSubstr("何時間前までかを1〜336の数字で入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("県庁第二庁舎 1階"));
  EXPECT_THAT(bad.body, HasSubstr("value=\"not-an-address\""));
  consultations::ProgramInfoStore store(t.app().db(), t.clock());
  EXPECT_EQ(store.ForPublic(w.program)->deadline.kind, "start") << "nothing changed";

  auto good = staff.Submit(page, {{"office_phone", kOfficePhone},
                                  {"office_email", kOfficeEmail},
                                  {"deadline", "day_before"},
                                  {"deadline_hour", "17"}});
  EXPECT_EQ(good.status, 303) << good.body;
  EXPECT_EQ(store.ForPublic(w.program)->deadline, (BookingDeadline{"day_before", 17}));

  // Another organisation's coordinator sees a missing page and changes nothing.
  const auto other = t.CreateOrg("別の県", "municipality");
  t.CreateUser({"yoso@example.jp", "よその 事務局", "coordinator", "clerical", other});
  auto stranger = t.LoginAs("yoso@example.jp");
  EXPECT_EQ(stranger.Get(page).status, 404);
  auto refused = stranger.Submit("/programs", {{"deadline", "start"}}, page);
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(store.ForPublic(w.program)->deadline, (BookingDeadline{"day_before", 17}));
}

}  // namespace
}  // namespace tsunagu::testing
