// Walk-ins guided elsewhere (issue 14 point 7, seed 001: 予約なしの相談者…適切な相談窓口への
// 誘導): the day's staff record the window a person without booking was sent to, with no
// personal data; the board lists them and the report counts them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/wareki.hpp"
#include "phone_day_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;

TEST(WalkInElsewhere, StaffRecordTheWindowOnTheDayAndTheReportCountsIt) {
  TestServer t;
  auto w = BuildCallDay(t, "in_person");
  const std::string guided = w.board + "/guided";
  // Not before the day.
  auto early = t.LoginAs(w.nurse_email);
  EXPECT_EQ(early.Submit(guided, {{"window", "ハローワークみどり"}}).status, 409);

  AtDay(t, w, 18 * 60 + 30);
  auto nurse = t.LoginAs(w.nurse_email);
  EXPECT_THAT(nurse.Get(w.board).body, HasSubstr(guided));
  auto empty = nurse.Submit(guided, {{"window", "  "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("案内した窓口を入力してください"));
  auto too_long = nurse.Submit(guided, {{"window", std::string(201, 'a')}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_THAT(too_long.body, HasSubstr(std::string(201, 'a')));
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM walk_in_guidance"), 0);

  auto saved = nurse.Submit(guided, {{"window", "ハローワークみどり 専門援助部門"}});
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 400);
  const std::string location = saved.Header("location");
  EXPECT_EQ(location, w.board + "?done=guided#guided");
  auto board = nurse.Get(w.board + "?done=guided");
  EXPECT_THAT(board.body, HasSubstr("他の窓口へ案内した方を記録しました"));
  EXPECT_THAT(board.body, HasSubstr("18:30 ハローワークみどり 専門援助部門"));
  EXPECT_EQ(CountRows(t,
                      "SELECT COUNT(*) FROM walk_in_guidance WHERE directory_entry_id IS NULL "
                      "AND recorded_by = " +
                          std::to_string(w.nurse)),
            1);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'walk_in.guided'"), 1);
  // The booking list is untouched: no booking, no person.
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking"), 1);

  auto office = t.LoginAs(w.coordinator_email);
  ASSERT_EQ(office.Submit(guided, {{"window", "がん相談支援センター"}}).status, 303);
  const std::string report = "/programs/" + std::to_string(w.program) +
                             "/report?fy=" + std::to_string(core::FiscalYear(w.date));
  EXPECT_THAT(office.Get(report).body,
              HasSubstr("他の窓口へ案内した人数</th><td class=\"numeric\">2<"));

  // Another organisation does not find the day.
  auto stranger = t.LoginAs(w.stranger_email);
  EXPECT_EQ(stranger.Get(guided).status, 404);
  EXPECT_EQ(stranger.Submit("/", {{"window", "x"}}, guided).status, 404);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM walk_in_guidance"), 2);
}

}  // namespace
}  // namespace tsunagu::testing
