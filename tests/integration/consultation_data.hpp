// Data the consultation tests share: who acts, and the rule of seed 001's consultation days.
#pragma once

#include <cstdint>

#include "auth/policy.hpp"
#include "consultations/schedule_rule.hpp"

namespace tsunagu::testing {

// A signed-in member of `org` with `role`, as the services see the caller.
auth::Principal As(std::int64_t user, std::int64_t org, auth::Role role);

// Seed 001: twice a month, 第2木曜 and 第4火曜, 18:00–21:00; a holiday moves the day to the
// next business day.
consultations::ScheduleRule Seed001ScheduleRule();

}  // namespace tsunagu::testing
