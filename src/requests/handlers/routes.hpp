// Routes of consultation requests (request_service.hpp): the public form at /request/{org},
// and the organisation's queue at /requests.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::requests::handlers {

void AddRoutes(app::Router& router, app::Services& sv);

}  // namespace tsunagu::requests::handlers
