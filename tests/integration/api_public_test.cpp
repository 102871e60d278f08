// The public part of the JSON API (no token): a published programme's open days and free
// places, exactly what the public booking page shows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ApiPublic, OpenDaysOfAPublishedProgrammeOnly) {
  TestServer t;
  auto org = t.CreateOrg("公開病院");
  auto user = t.CreateUser({"public@example.jp", "公開 確認", "coordinator", "clerical", org});
  auth::Principal p;
  p.user_id = user;
  p.stage = "full";
  p.organization_id = org;
  p.role = auth::Role::kCoordinator;
  const audit::Actor actor{user, org, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(p, actor, "両立支援相談", "");
  ASSERT_TRUE(program.ok());
  consultations::DaySettings settings;
  settings.booths = 2;
  settings.venue = "本館 相談室";
  settings.meeting_url = "https://meet.example.jp/secret-room";
  GenerateDaysAhead(t, p, actor, *program, Seed001ScheduleRule(), settings);
  const std::string path = "/api/v1/public/programs/" + std::to_string(*program) + "/days";

  // Not published yet: like a missing programme.
  auto hidden = t.NewClient().Get(path);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_THAT(hidden.Header("content-type"), HasSubstr("application/problem+json"));
  EXPECT_THAT(hidden.body, Not(HasSubstr("本館")));

  ASSERT_TRUE(t.sv().consultations.SetPublished(p, actor, *program, true).ok());
  auto open = t.NewClient().Get(path);
  ASSERT_EQ(open.status, 200);
  EXPECT_EQ(open.Header("set-cookie"), "");
  EXPECT_THAT(open.body, Not(HasSubstr("meet.example.jp")));
  auto doc = boost::json::parse(open.body);
  EXPECT_EQ(doc.at("program_id").as_int64(), *program);
  const auto& days = doc.at("days").as_array();
  ASSERT_FALSE(days.empty());
  EXPECT_LE(days.size(), 60u);
  const auto& first = days.front().as_object();
  EXPECT_EQ(first.at("venue"), "本館 相談室");
  ASSERT_FALSE(first.at("slots").as_array().empty());
  // Every place of a day nobody has booked is free: one per booth.
  for (const auto& slot : first.at("slots").as_array()) {
    EXPECT_EQ(slot.at("free").as_int64(), 2);
  }
  // Not in the past.
  EXPECT_GE(std::string(first.at("date").as_string()),
            core::ToIso(core::DateFromUnixSeconds(t.clock().NowSeconds())));
  EXPECT_EQ(t.NewClient().Get("/api/v1/public/programs/abc/days").status, 404);
}

}  // namespace
}  // namespace tsunagu::testing
