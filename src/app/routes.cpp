#include "account/handlers/routes.hpp"

#include "api/handlers/routes.hpp"
#include "app/app.hpp"
#include "auth/handlers/routes.hpp"
#include "consultations/handlers/routes.hpp"
#include "orgs/handlers/routes.hpp"

namespace tsunagu::app {

void AddRoutes(Router& router, Services& services) {
  router.Add({"GET", "/healthz", auth::Permission::kPublic,
              [](web::RequestContext&) { return http::Response::Text(200, "ok"); }});
  auth::handlers::AddRoutes(router, services);
  account::handlers::AddRoutes(router, services);
  orgs::handlers::AddRoutes(router, services);
  api::handlers::AddRoutes(router, services);
  consultations::handlers::AddRoutes(router, services);
}

}  // namespace tsunagu::app
