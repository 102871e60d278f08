// The community year report's routes (community/year_report.hpp): /reports/community for the
// organisation's coordinators, printable, and its CSV.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::community::handlers {

void AddRoutes(app::Router& router, app::Services& sv);

}  // namespace tsunagu::community::handlers
