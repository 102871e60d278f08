#include "account/handlers/routes.hpp"

namespace tsunagu::account::handlers {

void AddHomeRoutes(app::Router& router, app::Services& services);
void AddAccountRoutes(app::Router& router, app::Services& services);
void AddPasswordRoutes(app::Router& router, app::Services& services);
void AddTokenRoutes(app::Router& router, app::Services& services);
void AddConfirmRoutes(app::Router& router, app::Services& services);

void AddRoutes(app::Router& router, app::Services& services) {
  AddHomeRoutes(router, services);
  AddAccountRoutes(router, services);
  AddPasswordRoutes(router, services);
  AddTokenRoutes(router, services);
  AddConfirmRoutes(router, services);
}

}  // namespace tsunagu::account::handlers
