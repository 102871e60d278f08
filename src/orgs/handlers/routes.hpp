#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::orgs::handlers {

void AddRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::orgs::handlers
