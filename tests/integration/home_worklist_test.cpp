// The home page of staff is their work (issue 14, point 12): referrals waiting for a reply, their
// own case tasks due by tomorrow, and the 相談記録 of consultations they were assigned to that are
// still to be written; no person's name or task title on it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kTaskCanary = "タスク題名カナリアQZ";
constexpr const char* kBookerCanary = "ホーム予約者カナリアQZ";

TEST(HomeWorklist, AReferralWaitingForAReplyIsOnTheReceiversHomeOnly) {
  TestServer t;
  auto w = BuildSharingWorld(t, true, false);
  auto agency = t.LoginAs(w.agency_email);
  auto home = agency.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("いまの仕事"));
  EXPECT_THAT(home.body, HasSubstr("返事を待っている紹介が1件あります"));
  EXPECT_THAT(home.body, HasSubstr("href=\"/referrals#incoming\""));
  EXPECT_THAT(home.body, Not(HasSubstr(kSharedName)));
  // The work comes before the organisation's facts.
  EXPECT_LT(home.body.find("home-work-title"), home.body.find("home-org-title"));

  auto hospital = t.LoginAs(w.nurse_email);
  auto sender = hospital.Get("/");
  EXPECT_THAT(sender.body, Not(HasSubstr("返事を待っている紹介")));
  EXPECT_THAT(sender.body, HasSubstr("いま期限が来ている仕事はありません"));
}

TEST(HomeWorklist, TasksDueByTomorrowAreListedWithoutTheirTitles) {
  TestServer t;
  auto w = BuildSharingWorld(t, true, true);
  ASSERT_GT(w.case_id, 0);
  const audit::Actor actor{w.agency_worker.user_id, w.agency, "127.0.0.1", "t"};
  for (int days : {-2, 1, 5}) {
    cases::TaskInput task;
    task.title = std::string(kTaskCanary) + std::to_string(days);
    task.due_on = InDays(t, days);
    task.owner_user_id = w.agency_worker.user_id;
    ASSERT_TRUE(t.sv().cases.AddTask(w.agency_worker, actor, w.case_id, task).ok())
        << "due in " << days;
  }
  auto agency = t.LoginAs(w.agency_email);
  auto home = agency.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("期限が今日・明日までのタスク（2件）"));
  EXPECT_THAT(home.body, HasSubstr("href=\"/cases/" + std::to_string(w.case_id) + "#tasks\""));
  EXPECT_THAT(home.body, HasSubstr("期限切れ"));
  EXPECT_THAT(home.body, Not(HasSubstr(kTaskCanary)));
  // Someone else of the organisation has no task of theirs due.
  auto coordinator = t.LoginAs(w.agency_coordinator_email);
  EXPECT_THAT(coordinator.Get("/").body, Not(HasSubstr("期限が今日・明日までのタスク")));
}

TEST(HomeWorklist, AnAttendedConsultationWithoutItsRecordIsOnTheAssignedCounselorsHome) {
  TestServer t;
  auto w = BuildSharingWorld(t, false);
  const auto coordinator = As(t.CreateUser({"coord-home@hospital.test", "病院 事務局",
                                            "coordinator", "clerical", w.hospital}),
                              w.hospital, auth::Role::kCoordinator);
  const auto other_nurse =
      t.CreateUser({"nurse-home@hospital.test", "病院 看護師二", "counselor", "nurse", w.hospital});
  const audit::Actor actor{coordinator.user_id, w.hospital, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(coordinator, actor, "相談会", "");
  ASSERT_TRUE(program.ok());
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  consultations::DaySettings settings;
  settings.booths = 1;
  settings.slot_minutes = 30;
  auto day = t.sv().board.AddDay(coordinator, actor, *program, today, 0, 23 * 60, settings);
  ASSERT_TRUE(day.ok()) << day.error().message_key;
  auto days = t.sv().consultations.OpenDays(*program, today, 1);
  ASSERT_TRUE(days.ok() && !days->empty());
  consultations::BookingRequest r;
  r.slot_id = days->front().slots.front().id;
  r.channel = "phone";
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "名取市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "employed";
  r.intake.topics = {"work"};
  r.contact.name = kBookerCanary;
  r.contact.furigana = "ほーむ よやく";
  r.contact.phone = "09012345678";
  r.consent = true;
  auto booked = t.sv().board.BookForCaller(coordinator, actor, *program, r, nullptr);
  ASSERT_TRUE(booked.ok()) << booked.error().message_key;
  ASSERT_TRUE(
      t.sv()
          .board.SetRoster(coordinator, actor, *program, *day, {w.nurse.user_id, other_nurse})
          .ok());
  auto assigned =
      t.sv().board.Assign(coordinator, actor, *program, booked->booking_id, 1, {w.nurse.user_id});
  ASSERT_TRUE(assigned.ok()) << assigned.error().message_key;
  auto checked_in = t.sv().board.CheckIn(coordinator, actor, *program, booked->booking_id);
  ASSERT_TRUE(checked_in.ok()) << checked_in.error().message_key;

  auto nurse = t.LoginAs(w.nurse_email);
  auto home = nurse.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("まだ書いていない相談記録（1件）"));
  EXPECT_THAT(home.body, HasSubstr(booked->reference));
  EXPECT_THAT(home.body, HasSubstr("/bookings/" + std::to_string(booked->booking_id) + "/record"));
  EXPECT_THAT(home.body, Not(HasSubstr(kBookerCanary)));
  // A counselor not assigned to it has nothing to write.
  auto other = t.LoginAs("nurse-home@hospital.test");
  EXPECT_THAT(other.Get("/").body, Not(HasSubstr("まだ書いていない相談記録")));
}

}  // namespace
}  // namespace tsunagu::testing
