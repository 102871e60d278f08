#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::account::handlers {

void AddRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::account::handlers
