#include "orgs/handlers/routes.hpp"

namespace tsunagu::orgs::handlers {

void AddMemberRoutes(app::Router& router, app::Services& services);
void AddAuditRoutes(app::Router& router, app::Services& services);
void AddAdminRoutes(app::Router& router, app::Services& services);
void AddJoinRoutes(app::Router& router, app::Services& services);

void AddRoutes(app::Router& router, app::Services& services) {
  AddMemberRoutes(router, services);
  AddAuditRoutes(router, services);
  AddAdminRoutes(router, services);
  AddJoinRoutes(router, services);
}

}  // namespace tsunagu::orgs::handlers
