// Demo data of applications, placements and retention follow-ups (issue 16,
// demo_placements.cpp).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// At the employment-support NPO (after the employers' demo): a person's application at 面接 (to
// one of the NPO's open job openings when there is one, else to an employer named by hand), a
// placement whose 1-month follow-up is due today (so /org/retention shows it), and an older
// placement with its 1- and 3-month follow-ups answered. Created once: a later run finds them.
// Near a month's end the clamped due day of the first placement may lie a few days back (3/31:
// started 2/28, due 3/28): /org/retention then shows it as overdue.
core::Status AddDemoPlacements(Services& sv, std::int64_t npo, std::int64_t admin);

}  // namespace tsunagu::app
