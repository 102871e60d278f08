// What the 事務局's programme pages share across their files: programmes and targets
// (programs.cpp), generating a year's days (program_days.cpp), cancelling or moving one day
// (day_change_pages.cpp) and the public information and booking deadline
// (program_info_page.cpp). Every route needs kOrgCoordinate.
#pragma once

#include <optional>
#include <string>

#include "app/router.hpp"
#include "app/services.hpp"
#include "core/wareki.hpp"
#include "web/context.hpp"

namespace tsunagu::consultations::handlers {

// A day's note (moved from a holiday, merged, skipped) worded from the catalogue.
std::string DayNote(const app::Services& sv, const web::RequestContext& ctx, const std::string& key,
                    std::optional<core::Date> from, std::optional<core::Date> to);

// GET /programs/{id}/generate, POST …/generate/preview, …/generate/edit, …/generate.
void AddGenerateRoutes(app::Router& router, app::Services& sv);
// Cancelling and moving one day: a form, a confirmation, then the change.
void AddDayChangeRoutes(app::Router& router, app::Services& sv);
// GET/POST /programs/{id}/info: the public information and the booking deadline.
void AddProgramInfoRoutes(app::Router& router, app::Services& sv);

}  // namespace tsunagu::consultations::handlers
