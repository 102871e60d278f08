// The public portal at / (issue 15): a person without an account finds the published
// consultation programmes with their next days and a way to book; unpublished programmes,
// disabled organisations and anything personal stay out; staff who are signed in get their
// work list at the same address.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "consultations/day_board.hpp"
#include "consultations/program_info.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kBooker = "ポータル予約カナリアQZ";

TEST(Portal, AnyoneFindsThePublishedProgrammesAndHowToBookThem) {
  TestServer t;
  const auto org = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  const auto user = t.CreateUser({"jimu@portal.test", "事務局", "coordinator", "clerical", org});
  const auto who = As(user, org, auth::Role::kCoordinator);
  const audit::Actor actor{user, org, "127.0.0.1", "t"};
  auto published = t.sv().consultations.CreateProgram(
      who, actor, "働くがん患者のためのワンストップ相談", "がん治療と仕事の両立の相談会です。");
  auto hidden = t.sv().consultations.CreateProgram(who, actor, "準備中の相談会QZ", "");
  ASSERT_TRUE(published.ok() && hidden.ok());
  ASSERT_TRUE(t.sv().consultations.SetPublished(who, actor, *published, true).ok());
  GenerateDaysAhead(t, who, actor, *published, Seed001ScheduleRule());
  GenerateDaysAhead(t, who, actor, *hidden, Seed001ScheduleRule());
  consultations::ProgramInfo info;
  info.office_phone = "0486001234";
  info.office_hours = "平日 9:00〜17:00";
  consultations::ProgramInfoStore store(t.app().db(), t.clock());
  ASSERT_TRUE(store.Save(who, actor, *published, info).ok());

  // Someone booked: the portal shows places, never people.
  auto open =
      t.sv().consultations.OpenDays(*published, core::DateFromUnixSeconds(t.clock().NowSeconds()));
  ASSERT_TRUE(open.ok() && !open->empty());
  consultations::BookingRequest r;
  r.slot_id = open->front().slots.front().id;
  r.channel = "phone";
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "みどり市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "employed";
  r.intake.topics = {"work"};
  r.contact.name = kBooker;
  r.contact.furigana = "ぽーたる よやく";
  r.contact.phone = "09012345678";
  r.consent = true;
  auto booked = t.sv().board.BookForCaller(who, actor, *published, r, nullptr);
  ASSERT_TRUE(booked.ok()) << booked.error().message_key;

  auto visitor = t.NewClient();
  auto portal = visitor.Get("/");
  ASSERT_EQ(portal.status, 200) << portal.body;
  EXPECT_THAT(portal.body, HasSubstr("<title>治療と仕事の両立支援の相談窓口"));
  EXPECT_THAT(portal.body, HasSubstr("働くがん患者のためのワンストップ相談"));
  EXPECT_THAT(portal.body, HasSubstr("実施：つなぐ県 疾病対策課"));
  EXPECT_THAT(portal.body, HasSubstr("href=\"/book/" + std::to_string(*published) + "\""));
  EXPECT_THAT(portal.body, HasSubstr("令和")) << "dates for people in 和暦";
  EXPECT_THAT(portal.body, HasSubstr("空き "));
  EXPECT_THAT(portal.body, HasSubstr("048-600-1234")) << "the office phone, by area code";
  EXPECT_THAT(portal.body, HasSubstr("href=\"/login\""));
  EXPECT_THAT(portal.body, HasSubstr("href=\"/events\""));
  EXPECT_THAT(portal.body, HasSubstr("href=\"/directory\""));
  EXPECT_THAT(portal.body, Not(HasSubstr("準備中の相談会QZ"))) << "not published";
  EXPECT_THAT(portal.body, Not(HasSubstr(kBooker)));
  EXPECT_THAT(portal.body, Not(HasSubstr("/book/" + std::to_string(*hidden) + "\"")));
  EXPECT_EQ(visitor.Get("/?lang=en").status, 200);

  // Signed in, the same address is the staff member's work list.
  auto staff = t.LoginAs("jimu@portal.test");
  auto home = staff.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("いまの仕事"));
  EXPECT_THAT(home.body, Not(HasSubstr("職員用のログイン")));
}

TEST(Portal, SaysSoWhenNothingIsPublished) {
  TestServer t;
  auto visitor = t.NewClient();
  auto portal = visitor.Get("/");
  ASSERT_EQ(portal.status, 200);
  EXPECT_THAT(portal.body, HasSubstr("いま予約を受け付けている相談会はありません。"));
}

}  // namespace
}  // namespace tsunagu::testing
