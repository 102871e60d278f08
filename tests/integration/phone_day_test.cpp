// Phone and online days (issue 14 point 2, seed 001 別紙): the counselor assigned to a booking
// calls the person; 「つながらない」 is recorded and may be retried, the last try closes the
// booking as 連絡つかず (not 無断キャンセル), and 「電話した（つながった）」 is the consultation
// taking place, so its record can be written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "phone_day_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::pair<std::string, std::string>> RecordFields() {
  return {{"professions", "nurse"}, {"topics", "keep_working"}, {"outcome", "info_provided"},
          {"follow_up", "none"},    {"minutes", "30"},          {"summary", "電話で相談"}};
}

std::string Status(TestServer& t, const CallDayWorld& w) {
  auto s = t.app().db().Read<std::string>([&](soci::session& s) {
    std::string status;
    long long id = w.booking;
    s << "SELECT status FROM booking WHERE id = :id", soci::use(id), soci::into(status);
    return status;
  });
  return s.ok() ? *s : "";
}

TEST(PhoneDay, TheAssignedCounselorMarksNoAnswerThenGetsThroughAndWritesTheRecord) {
  TestServer t;
  auto w = BuildCallDay(t);
  AtDay(t, w, 18 * 60);
  auto nurse = t.LoginAs(w.nurse_email);
  auto board = nurse.Get(w.board);
  ASSERT_EQ(board.status, 200);
  EXPECT_THAT(board.body, HasSubstr("電話した（つながった）"));
  EXPECT_THAT(board.body, HasSubstr("つながらない"));
  EXPECT_THAT(board.body, Not(HasSubstr("来所を記録")));
  EXPECT_THAT(board.body, HasSubstr(kPersonName));  // the call sheet of issue 12
  EXPECT_THAT(board.body, HasSubstr("090-1234-5678")) << "the number to call, hyphenated";

  auto missed = nurse.Submit(w.board, {}, w.booking_path + "/call-not-answered");
  ASSERT_EQ(missed.status, 303) << missed.body.substr(0, 400);
  EXPECT_EQ(Status(t, w), "booked");
  EXPECT_EQ(CountRows(t,
                      "SELECT COUNT(*) FROM booking_call WHERE outcome = 'no_answer' AND "
                      "called_by = " +
                          std::to_string(w.nurse)),
            1);
  EXPECT_EQ(CountRows(t,
                      "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.call' AND "
                      "target_id = '" +
                          std::to_string(w.booking) + "'"),
            1);
  const std::string location = missed.Header("location");
  auto after_miss = nurse.Get(location.substr(0, location.find('#')));
  EXPECT_THAT(after_miss.body, HasSubstr("つながらなかったことを記録しました"));
  EXPECT_THAT(after_miss.body, HasSubstr("つながらない 1回／3回"));
  // Nothing to write yet.
  EXPECT_EQ(nurse.Get(w.booking_path + "/record").status, 409);

  auto through = nurse.Submit(w.board, {}, w.booking_path + "/call-connected");
  ASSERT_EQ(through.status, 303);
  EXPECT_EQ(Status(t, w), "attended");
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking WHERE checked_in_at IS NOT NULL AND id = " +
                             std::to_string(w.booking)),
            1);
  auto after = nurse.Get(w.board);
  EXPECT_THAT(after.body, HasSubstr("電話でつながった"));
  EXPECT_THAT(after.body, HasSubstr("相談記録を書く"));
  // A second press changes nothing.
  EXPECT_EQ(nurse.Submit(w.board, {}, w.booking_path + "/call-connected").status, 303);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking_call"), 2);

  auto saved = nurse.Submit(w.booking_path + "/record", RecordFields());
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 400);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM consultation_record"), 1);
}

TEST(PhoneDay, TheLastUnansweredTryClosesTheBookingAsUnreachableNotANoShow) {
  TestServer t;
  auto w = BuildCallDay(t);
  AtDay(t, w, 18 * 60);
  auto nurse = t.LoginAs(w.nurse_email);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(nurse.Submit(w.board, {}, w.booking_path + "/call-not-answered").status, 303);
  }
  EXPECT_EQ(Status(t, w), "no_show");
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking WHERE unreachable_at IS NOT NULL"), 1);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.unreachable'"),
            1);
  auto board = t.LoginAs(w.coordinator_email).Get(w.board);
  EXPECT_THAT(board.body, HasSubstr("連絡つかず"));
  EXPECT_THAT(board.body, Not(HasSubstr(">無断キャンセル</span>")));
  // Closed: no more tries, and no consultation.
  auto again = nurse.Submit(w.board, {}, w.booking_path + "/call-not-answered");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(nurse.Submit(w.board, {}, w.booking_path + "/call-connected").status, 409);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking_call"), 3);
}

TEST(PhoneDay, OnlyTheAssignedCounselorOnTheDayOrTheOfficeRecordsCalls) {
  TestServer t;
  auto w = BuildCallDay(t);
  // Before the day: the assigned counselor has no call sheet, the office must wait.
  auto early = t.LoginAs(w.nurse_email);
  EXPECT_EQ(early.Submit(w.board, {}, w.booking_path + "/call-not-answered").status, 403);
  auto office_early = t.LoginAs(w.coordinator_email);
  auto not_yet = office_early.Submit(w.board, {}, w.booking_path + "/call-not-answered");
  EXPECT_EQ(not_yet.status, 409);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking_call"), 0);

  AtDay(t, w, 18 * 60);
  auto other = t.LoginAs(w.other_nurse_email);
  auto board = other.Get(w.board);
  EXPECT_THAT(board.body, Not(HasSubstr("電話した（つながった）")));
  EXPECT_EQ(other.Submit(w.board, {}, w.booking_path + "/call-connected").status, 403);
  auto stranger = t.LoginAs(w.stranger_email);
  EXPECT_EQ(stranger.Submit("/", {}, w.booking_path + "/call-connected").status, 404);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking_call"), 0);
  EXPECT_EQ(Status(t, w), "booked");

  // The office may call on the day too.
  auto office = t.LoginAs(w.coordinator_email);
  EXPECT_EQ(office.Submit(w.board, {}, w.booking_path + "/call-not-answered").status, 303);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking_call WHERE called_by = " +
                             std::to_string(w.coordinator)),
            1);
}

TEST(PhoneDay, AnOnlineDayShowsTheMeetingLinkAndCallsAnInPersonDayKeepsCheckIn) {
  {
    TestServer t;
    auto w = BuildCallDay(t, "online");
    AtDay(t, w, 18 * 60);
    auto nurse = t.LoginAs(w.nurse_email);
    auto board = nurse.Get(w.board);
    EXPECT_THAT(board.body, HasSubstr("https://meet.example.jp/tsunagu-room"));
    EXPECT_THAT(board.body, HasSubstr("電話した（つながった）"));
    EXPECT_EQ(nurse.Submit(w.board, {}, w.booking_path + "/call-connected").status, 303);
    EXPECT_EQ(Status(t, w), "attended");
  }
  {
    TestServer t;
    auto w = BuildCallDay(t, "in_person");
    AtDay(t, w, 18 * 60);
    auto office = t.LoginAs(w.coordinator_email);
    auto board = office.Get(w.board);
    EXPECT_THAT(board.body, HasSubstr("来所を記録"));
    EXPECT_THAT(board.body, Not(HasSubstr("電話した（つながった）")));
    auto refused = office.Submit(w.board, {}, w.booking_path + "/call-not-answered");
    EXPECT_EQ(refused.status, 409);
    EXPECT_THAT(refused.body, HasSubstr("電話・オンラインの開催日ではない"));
    EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM booking_call"), 0);
  }
}

}  // namespace
}  // namespace tsunagu::testing
