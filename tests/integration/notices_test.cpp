// Notices before a consultation day: staff get the booking status without any personal data
// (seed 001 イ), booked people a reminder the day before, each exactly once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Notices, StaffStatusCarriesNoPersonalDataAndRemindersSkipCancelledBookings) {
  TestServer t;
  auto org = t.CreateOrg("お知らせ県", "municipality");
  auto coordinator_id =
      t.CreateUser({"coord@example.jp", "事務局", "coordinator", "clerical", org});
  auto nurse_id = t.CreateUser({"nurse-staff@example.jp", "看護 師", "counselor", "nurse", org});
  auth::Principal who;
  who.user_id = coordinator_id;
  who.stage = "full";
  who.organization_id = org;
  who.role = auth::Role::kCoordinator;
  auto program = t.sv().consultations.CreateProgram(who, {coordinator_id, org, "t", "t"},
                                                    "ワンストップ相談", "");
  ASSERT_TRUE(program.ok());
  auto rule = Seed001ScheduleRule();
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  GenerateDaysAhead(t, who, {coordinator_id, org, "t", "t"}, *program, rule);
  auto days = t.sv().consultations.OpenDays(*program, core::AddDays(today, 3));
  ASSERT_TRUE(days.ok() && !days->empty());
  const auto& day = days->front();
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    long long d = day.id;
                    long long u1 = coordinator_id;
                    long long u2 = nurse_id;
                    s << "INSERT INTO day_staff (day_id, user_id, profession) VALUES (:d, :u, "
                         "'clerical')",
                        soci::use(d), soci::use(u1);
                    s << "INSERT INTO day_staff (day_id, user_id, profession) VALUES (:d, :u, "
                         "'nurse')",
                        soci::use(d), soci::use(u2);
                  })
                  .ok());

  auto book = [&](const std::string& name, const std::string& email, const std::string& lang = "ja",
                  std::size_t slot = 0) {
    consultations::BookingRequest r;
    r.slot_id = day.slots.at(slot).id;
    r.lang = lang;
    r.intake = {true,     "配偶者",       "female",
                "50s",    "カナリア市XQ", "hospital",
                "during", "on_leave",     {"work", "finances"}};
    r.contact = {name, "かなりあ", "09011112222", email, "カナリア肉腫XQ", "カナリア自由記述XQ"};
    r.consent = true;
    auto receipt = t.sv().consultations.Book(r, {0, org, "127.0.0.1", "t"}, nullptr);
    EXPECT_TRUE(receipt.ok());
    return receipt.ok() ? receipt->booking_id : 0;
  };
  auto stays = book("カナリア太郎XQ", "canary-stay@example.jp");
  auto cancelled = book("カナリア次郎XQ", "canary-gone@example.jp");
  // The 事務局 marked the person who stays as one to prepare for (the board's button).
  ASSERT_TRUE(t.sv().board.SetNeedsConsideration(who, {coordinator_id, org, "t", "t"}, *program,
                                                 stays, true));
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    long long id = cancelled;
                    s << "UPDATE booking SET status = 'cancelled' WHERE id = :id", soci::use(id);
                  })
                  .ok());

  // Two days before: both staff members hear the status.
  auto queued = t.app().notices().SendDue(core::AddDays(day.date, -2));
  ASSERT_TRUE(queued.ok());
  EXPECT_EQ(*queued, 2);
  std::string mail = MailSink::Get().WaitFor("nurse-staff@example.jp");
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr("予約状況"));
  EXPECT_THAT(mail, HasSubstr("予約：1件"));
  EXPECT_THAT(mail, HasSubstr("ご家族からの相談：1件"));
  EXPECT_THAT(mail, HasSubstr("配慮が必要な相談：1件"));
  for (const std::string canary :
       {"カナリア太郎", "カナリア次郎", "かなりあ", "09011112222", "canary-stay", "canary-gone",
        "カナリア肉腫", "カナリア自由記述", "カナリア市"}) {
    EXPECT_THAT(mail, Not(HasSubstr(canary))) << canary;
  }
  EXPECT_FALSE(MailSink::Get().WaitFor("coord@example.jp").empty());
  // Once only, even when run again.
  EXPECT_EQ(*t.app().notices().SendDue(core::AddDays(day.date, -2)), 0);

  // Someone who booked on the English pages (after the staff notice went out).
  book("Canary English XQ", "canary-english@example.jp", "en", 1);

  // One day before: a reminder to each booking that still stands, none to the cancelled one,
  // each in the language the person booked in.
  auto reminders = t.app().notices().SendDue(core::AddDays(day.date, -1));
  ASSERT_TRUE(reminders.ok());
  EXPECT_EQ(*reminders, 2);
  std::string english = MailSink::Get().WaitFor("canary-english@example.jp");
  EXPECT_THAT(english, HasSubstr("Your consultation tomorrow"));
  EXPECT_THAT(english, Not(HasSubstr("明日の相談会")));
  std::string reminder = MailSink::Get().WaitFor("canary-stay@example.jp");
  EXPECT_THAT(reminder, HasSubstr("明日の相談会"));
  EXPECT_THAT(reminder, Not(HasSubstr("カナリア肉腫")));
  EXPECT_TRUE(t.NoMailFor("canary-gone@example.jp"));
}

}  // namespace
}  // namespace tsunagu::testing
