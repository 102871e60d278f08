// POST /programs/{id}/publish: the 事務局 opens (published=1) or closes (published=0) the
// programme's public booking pages. Until it is published, /book/{id} answers like a missing
// programme, so a guessed id books nothing.
#include "app/route_ids.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {

void AddPublishingRoutes(app::Router& router, app::Services& sv) {
  router.Add({"POST", "/programs/{id}/publish", auth::Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                const std::string value = ctx.Form("published");
                if (value != "1" && value != "0") {
                  return sv.pages.Error(ctx, 400, "error.bad_request");
                }
                const bool published = value == "1";
                auto done = sv.consultations.SetPublished(*ctx.Who(), ctx.Actor(), id, published);
                if (!done) return Failure(sv, ctx, done.error());
                return web::SeeOther("/programs/" + std::to_string(id) +
                                     (published ? "?published=1" : "?unpublished=1"));
              })});
}

}  // namespace tsunagu::consultations::handlers
