#include "consultation_data.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "consultations/day_board.hpp"
#include "consultations/records.hpp"
#include "core/config.hpp"

namespace tsunagu::testing {

auth::Principal As(std::int64_t user, std::int64_t org, auth::Role role) {
  auth::Principal p;
  p.user_id = user;
  p.stage = "full";
  p.organization_id = org;
  p.role = role;
  return p;
}

consultations::ScheduleRule Seed001ScheduleRule() {
  consultations::ScheduleRule rule;
  rule.occurrences = {{2, 4}, {4, 2}};
  rule.start_minutes = 18 * 60;
  rule.end_minutes = 21 * 60;
  rule.on_holiday = consultations::HolidayPolicy::kNextBusinessDay;
  return rule;
}

void GenerateDaysAhead(TestServer& t, const auth::Principal& who, const audit::Actor& actor,
                       std::int64_t program, const consultations::ScheduleRule& rule,
                       const consultations::DaySettings& settings) {
  const int fy = core::FiscalYear(core::DateFromUnixSeconds(t.clock().NowSeconds()));
  for (int year : {fy, fy + 1}) {
    auto generated = t.sv().consultations.GenerateDays(who, actor, program, rule, year, settings);
    EXPECT_TRUE(generated.ok()) << year << ": "
                                << (generated.ok() ? "" : generated.error().message_key);
  }
}

void AcknowledgePledge(TestServer& t, const auth::Principal& who, std::int64_t program,
                       std::int64_t day) {
  const audit::Actor actor{who.user_id, who.organization_id, "127.0.0.1", "test"};
  auto done = t.sv().partners.Acknowledge(who, actor, program, day);
  EXPECT_TRUE(done.ok()) << (done.ok() ? "" : done.error().message_key);
}

std::string Seed000Csv() {
  std::ifstream in(core::SourceDir() + "/tests/fixtures/seed000_uketsukehyo.csv", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::int64_t RecordConsultation(TestServer& t, const auth::Principal& host, std::int64_t program,
                                const consultations::ConsultationDay& day, std::int64_t slot_id,
                                const std::string& summary) {
  const audit::Actor actor{host.user_id, host.organization_id, "127.0.0.1", "t"};
  consultations::BookingRequest r;
  r.slot_id = slot_id;
  r.channel = "phone";
  r.consent = true;
  r.intake = {false, "", "female", "50s", "仙台市", "hospital", "during", "on_leave", {"work"}};
  r.contact = {"記録 相談者", "きろく", "09011113333", "", "", ""};
  auto receipt = t.sv().board.BookForCaller(host, actor, program, r, nullptr);
  EXPECT_TRUE(receipt.ok());
  if (!receipt.ok()) return 0;
  const std::int64_t back = t.clock().NowSeconds();
  t.clock().Set(UnixAtJst(day.date, day.start_minutes + 10));
  EXPECT_TRUE(t.sv().board.CheckIn(host, actor, program, receipt->booking_id).ok());
  consultations::RecordInput in;
  in.professions = {"msw"};
  in.topics = {"keep_working"};
  in.outcome = "support_continues";
  in.follow_up = "continue";
  in.minutes = 30;
  in.summary = summary;
  auto saved = t.sv().records.Save(host, actor, program, receipt->booking_id, in);
  t.clock().Set(back);
  EXPECT_TRUE(saved.ok());
  return saved.ok() ? *saved : 0;
}

}  // namespace tsunagu::testing
