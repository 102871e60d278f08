#include "consultation_data.hpp"

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

}  // namespace tsunagu::testing
