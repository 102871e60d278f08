#include "clients/handlers/view.hpp"

#include "app/route_ids.hpp"
#include "clients/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::clients::handlers {

std::string ClientPath(std::int64_t id) {
  return "/clients/" + std::to_string(id);
}

std::string AgeText(const app::Services& sv, const web::RequestContext& ctx, int birth_year,
                    const std::string& age_band) {
  if (birth_year > 0) {
    return sv.catalog.Format(ctx.lang, "clients.age.born", {{"year", std::to_string(birth_year)}});
  }
  if (!age_band.empty()) return sv.pages.T(ctx, "intake.age_bands." + age_band);
  return {};
}

void AddRoutes(app::Router& router, app::Services& services) {
  // /clients/new before /clients/{id}: the first matching pattern answers.
  AddListRoutes(router, services);
  AddFormRoutes(router, services);
  AddPageRoutes(router, services);
}

}  // namespace tsunagu::clients::handlers
