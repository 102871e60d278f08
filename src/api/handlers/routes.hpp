#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::api::handlers {

void AddRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::api::handlers
