#include "auth/handlers/routes.hpp"

namespace tsunagu::auth::handlers {

void AddLoginRoutes(app::Router& router, app::Services& services);
void AddInvitationRoutes(app::Router& router, app::Services& services);
void AddEnrollRoutes(app::Router& router, app::Services& services);

void AddRoutes(app::Router& router, app::Services& services) {
  AddLoginRoutes(router, services);
  AddInvitationRoutes(router, services);
  AddEnrollRoutes(router, services);
}

}  // namespace tsunagu::auth::handlers
