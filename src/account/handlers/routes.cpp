#include "account/handlers/routes.hpp"

namespace tsunagu::account::handlers {

void AddRoutes(app::Router& /*router*/, app::Services& /*services*/) {}

}  // namespace tsunagu::account::handlers
