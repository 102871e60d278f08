#include "consultation_data.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

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

}  // namespace tsunagu::testing
