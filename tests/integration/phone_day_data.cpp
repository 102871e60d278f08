#include "phone_day_data.hpp"

#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "consultations/day_board.hpp"

namespace tsunagu::testing {

CallDayWorld BuildCallDay(TestServer& t, const std::string& mode) {
  CallDayWorld w;
  w.office = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  w.centre = t.CreateOrg("つなぐ産業保健総合支援センター", "occupational_health");
  w.stranger = t.CreateOrg("よその病院", "hospital");
  w.coordinator =
      t.CreateUser({w.coordinator_email, "県 事務局", "coordinator", "clerical", w.office});
  w.nurse = t.CreateUser({w.nurse_email, "県 看護師", "counselor", "nurse", w.office});
  const auto other =
      t.CreateUser({w.other_nurse_email, "県 看護師二", "counselor", "nurse", w.office});
  t.CreateUser({w.promoter_email, "センター 促進員", "counselor", "support_promoter", w.centre});
  t.CreateUser({w.stranger_email, "よその 事務局", "coordinator", "clerical", w.stranger});
  const auto who = As(w.coordinator, w.office, auth::Role::kCoordinator);
  const audit::Actor actor{w.coordinator, w.office, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(who, actor, "電話・オンライン相談", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  consultations::DaySettings settings;
  settings.mode = mode;
  settings.booths = 2;
  settings.slot_minutes = 30;
  if (mode == "online") settings.meeting_url = "https://meet.example.jp/tsunagu-room";
  if (mode == "in_person") settings.venue = "県庁 相談室";
  w.date = core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), 2);
  auto day = t.sv().board.AddDay(who, actor, w.program, w.date, 18 * 60, 20 * 60, settings);
  EXPECT_TRUE(day.ok());
  w.day = *day;
  auto open = t.sv().consultations.OpenDays(w.program, core::DateFromUnixSeconds(0), 3650);
  EXPECT_TRUE(open.ok() && !open->empty());
  consultations::BookingRequest r;
  r.channel = "phone";
  r.slot_id = open->front().slots.front().id;
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "みどり市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "employed";
  r.intake.topics = {"work"};
  r.contact.name = kPersonName;
  r.contact.furigana = "でんわ はなこ";
  r.contact.phone = kPersonPhone;
  r.consent = true;
  auto receipt = t.sv().board.BookForCaller(who, actor, w.program, r, nullptr);
  EXPECT_TRUE(receipt.ok());
  w.booking = receipt->booking_id;
  EXPECT_TRUE(t.sv().board.SetRoster(who, actor, w.program, w.day, {w.nurse, other}).ok());
  // Both have acknowledged this year's 守秘義務, so their board opens.
  for (const auto user : {w.nurse, other}) {
    AcknowledgePledge(t, As(user, w.office, auth::Role::kCounselor), w.program, w.day);
  }
  EXPECT_TRUE(t.sv().board.Assign(who, actor, w.program, w.booking, 1, {w.nurse}).ok());
  w.board = "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day);
  w.booking_path = w.board + "/bookings/" + std::to_string(w.booking);
  return w;
}

void AtDay(TestServer& t, const CallDayWorld& w, int minutes) {
  t.clock().Set(UnixAtJst(w.date, minutes));
}

std::int64_t CountRows(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long count = 0;
    s << sql, soci::into(count);
    return static_cast<std::int64_t>(count);
  });
  return n.ok() ? *n : -1;
}

}  // namespace tsunagu::testing
