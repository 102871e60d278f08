// Staff side of the directory (issue 15): the coordinators and admins of an organisation see
// the directory organisations and services it maintains, inactive ones included, and
// deactivate or reactivate a service (never delete: a deactivated entry leaves the public
// pages and exports and can come back).
#include <algorithm>
#include <array>
#include <string_view>

#include "directory/handlers/routes.hpp"
#include "directory/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::directory::handlers {
namespace {

constexpr std::array<std::string_view, 6> kDoneCodes = {
    "organization_created", "organization_saved", "service_created",
    "service_saved",        "deactivated",        "reactivated"};

http::Response Manage(const Deps& deps, web::RequestContext& ctx) {
  auto organizations = deps.directory->OwnOrganizations(*ctx.Who());
  if (!organizations) return web::Failure(deps.pages, ctx, organizations.error());
  auto services = deps.directory->OwnServices(*ctx.Who());
  if (!services) return web::Failure(deps.pages, ctx, services.error());
  ctemplate::TemplateDictionary dict("directory_manage");
  for (const auto& o : *organizations) {
    auto* row = dict.AddSectionDictionary("ORGANIZATION");
    row->SetIntValue("ID", static_cast<long>(o.id));
    row->SetValue("NAME", o.name);
    row->SetValue("FURIGANA", o.furigana);
  }
  dict.ShowSection(organizations->empty() ? "NO_ORGANIZATIONS" : "HAS_ORGANIZATIONS");
  for (const auto& s : *services) {
    auto* row = dict.AddSectionDictionary("SERVICE");
    AddService(deps, ctx, *row, s);
    row->ShowSection(s.status == "active" ? "ACTIVE" : "INACTIVE_ROW");
  }
  dict.ShowSection(services->empty() ? "NO_SERVICES" : "HAS_SERVICES");
  if (!organizations->empty()) dict.ShowSection("CAN_ADD_SERVICE");
  const std::string done = ctx.request.Query("done").value_or("");
  if (std::find(kDoneCodes.begin(), kDoneCodes.end(), done) != kDoneCodes.end()) {
    dict.AddSectionDictionary("DONE")->SetValue("TEXT",
                                                deps.pages.T(ctx, "directory.done." + done));
  }
  return deps.pages.Render(ctx, "directory/manage", "directory.manage.title", dict);
}

http::Response SetActive(const Deps& deps, web::RequestContext& ctx, bool active) {
  const std::int64_t id = IdParam(ctx);
  if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
  auto done = deps.directory->SetActive(*ctx.Who(), ctx.Actor(), id, active);
  if (!done) return web::Failure(deps.pages, ctx, done.error());
  return web::SeeOther(std::string("/directory/manage?done=") +
                       (active ? "reactivated" : "deactivated"));
}

}  // namespace

void AddManageRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add({"GET", "/directory/manage", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return Manage(deps, ctx); }});
  router.Add({"POST", "/directory/manage/services/{id}/deactivate", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return SetActive(deps, ctx, false); }});
  router.Add({"POST", "/directory/manage/services/{id}/reactivate", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return SetActive(deps, ctx, true); }});
}

}  // namespace tsunagu::directory::handlers
