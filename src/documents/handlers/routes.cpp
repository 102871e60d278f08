#include "documents/handlers/routes.hpp"

namespace tsunagu::documents::handlers {

void AddRoutes(app::Router& router, app::Services& services) {
  AddCaseRoutes(router, services);
  AddConsentFormRoutes(router, services);
  AddSharedRoutes(router, services);
}

}  // namespace tsunagu::documents::handlers
