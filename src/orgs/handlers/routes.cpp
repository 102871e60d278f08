#include "orgs/handlers/routes.hpp"

namespace tsunagu::orgs::handlers {

void AddRoutes(app::Router& /*router*/, app::Services& /*services*/) {}

}  // namespace tsunagu::orgs::handlers
