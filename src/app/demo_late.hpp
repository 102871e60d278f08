// Demo data for consultations entered after the day (issue 14): last fiscal year imported
// from a 受付表 (so the report has last year's figures) and a walk-in entered after a past day.
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// On the demo programme of `org_id`; running it again changes nothing (the import knows
// its rows, and the walk-in is added only to a day without consultations).
core::Status AddDemoLateEntries(Services& sv, std::int64_t org_id, std::int64_t coordinator_id,
                                const char* program_name);

}  // namespace tsunagu::app
