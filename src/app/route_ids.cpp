#include "app/route_ids.hpp"

#include <utility>

#include "app/services.hpp"
#include "web/forms.hpp"

namespace tsunagu::app {

RouteHandler WithId(Services& sv, IdHandler f, const char* param) {
  return [&sv, param, f = std::move(f)](web::RequestContext& ctx) {
    const auto id = web::ParseId(ctx.Param(param));
    if (id <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
    return f(ctx, id);
  };
}

RouteHandler WithIds(Services& sv, std::vector<std::string> names, IdsHandler f) {
  return [&sv, names = std::move(names), f = std::move(f)](web::RequestContext& ctx) {
    Ids ids;
    for (const auto& name : names) {
      const auto id = web::ParseId(ctx.Param(name));
      if (id <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
      ids.push_back(id);
    }
    return f(ctx, ids);
  };
}

}  // namespace tsunagu::app
