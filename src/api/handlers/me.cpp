// GET /api/v1/me: who the token acts for, and in which organisation.
#include <boost/json.hpp>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"

namespace tsunagu::api::handlers {

app::RouteHandler MakeMe(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    // The middleware loads these for every valid token; missing means the membership or
    // account changed between the token check and the read.
    if (!ctx.user || !ctx.organization || !ctx.membership) {
      return ProblemResponse(sv.catalog, ctx.lang, 401, "api.error.token");
    }
    boost::json::object organization{{"id", ctx.organization->id},
                                     {"name", ctx.organization->name},
                                     {"kind", ctx.organization->kind}};
    boost::json::object me{{"id", ctx.user->id},
                           {"email", ctx.user->email},
                           {"display_name", ctx.user->display_name},
                           {"language", ctx.user->language},
                           {"organization", std::move(organization)},
                           {"role", ctx.membership->role},
                           {"profession", ctx.membership->profession}};
    return JsonResponse(me);
  };
}

}  // namespace tsunagu::api::handlers
