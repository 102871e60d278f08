// The employment figures (figures_service.hpp) for the organisation's coordinators:
// /reports/employment?year=&program= (with SVG charts, printable on A4), its CSV (BOM) and xlsx.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::employment::figures {

void AddRoutes(app::Router& router, app::Services& sv);

}  // namespace tsunagu::employment::figures
