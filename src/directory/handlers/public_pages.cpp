// The public directory (issue 15), no account needed: every active service grouped by category
// with a search box (a GET form, so it works without JavaScript and the results can be linked
// and printed), and one entry's page.
#include "core/text.hpp"
#include "directory/handlers/routes.hpp"
#include "directory/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::directory::handlers {
namespace {

constexpr std::size_t kMaxQuery = 100;

http::Response List(const Deps& deps, web::RequestContext& ctx) {
  std::string query = ctx.request.Query("q").value_or("");
  if (core::CountCodePoints(query) > kMaxQuery) query.clear();
  auto services = deps.directory->Search(query);
  if (!services) return web::Failure(deps.pages, ctx, services.error());
  ctemplate::TemplateDictionary dict("directory_list");
  dict.SetValue("Q", query);
  if (!query.empty()) {
    dict.AddSectionDictionary("SEARCHED")
        ->SetValue("RESULT", deps.catalog.Format(
                                 ctx.lang, "directory.list.result",
                                 {{"query", query}, {"count", std::to_string(services->size())}}));
  }
  std::string current;
  ctemplate::TemplateDictionary* group = nullptr;
  for (const auto& s : *services) {
    if (group == nullptr || s.category != current) {
      current = s.category;
      group = dict.AddSectionDictionary("GROUP");
      group->SetValue("CATEGORY", CategoryLabel(deps, ctx, s.category));
      group->SetValue("CATEGORY_CODE", s.category);
      auto* jump = dict.AddSectionDictionary("JUMP");
      jump->SetValue("CATEGORY", CategoryLabel(deps, ctx, s.category));
      jump->SetValue("CATEGORY_CODE", s.category);
    }
    AddService(deps, ctx, *group->AddSectionDictionary("SERVICE"), s);
  }
  dict.ShowSection(services->empty() ? "NONE" : "SOME");
  return deps.pages.Render(ctx, "directory/list", "directory.list.title", dict);
}

http::Response Show(const Deps& deps, web::RequestContext& ctx) {
  const std::int64_t id = IdParam(ctx);
  if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
  auto service = deps.directory->Find(id);
  if (!service) return web::Failure(deps.pages, ctx, service.error());
  ctemplate::TemplateDictionary dict("directory_service");
  AddService(deps, ctx, dict, *service);
  return deps.pages.Render(ctx, "directory/service",
                           web::Title{"directory.service.title", {{"name", service->name}}}, dict);
}

}  // namespace

void AddPublicRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add({"GET", "/directory", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return List(deps, ctx); }});
  router.Add({"GET", "/directory/services/{id}", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Show(deps, ctx); }});
}

void AddRoutes(app::Router& router, const Deps& deps) {
  AddPublicRoutes(router, deps);
  AddExportRoutes(router, deps);
  AddManageRoutes(router, deps);
  AddFormRoutes(router, deps);
}

}  // namespace tsunagu::directory::handlers
