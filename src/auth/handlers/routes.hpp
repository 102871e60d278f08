#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::auth::handlers {

void AddRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::auth::handlers
