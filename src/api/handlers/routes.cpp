#include "api/handlers/routes.hpp"

namespace tsunagu::api::handlers {

void AddRoutes(app::Router& /*router*/, app::Services& /*services*/) {}

}  // namespace tsunagu::api::handlers
