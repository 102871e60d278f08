// POST /api/v1/programs/{id}/bookings/{booking_id}/cancel: a coordinator's system cancels a
// booking for the person (they called), with the day board's own call: the place goes back and
// is offered to the waiting list in the same transaction.

#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "web/forms.hpp"

namespace tsunagu::api::handlers {
app::RouteHandler MakeCancelBooking(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t program_id = web::ParseId(ctx.Param("id"));
    const std::int64_t booking_id = web::ParseId(ctx.Param("booking_id"));
    if (program_id == 0 || booking_id == 0) {
      return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
    }
    auto done = sv.board.Cancel(*ctx.Who(), ctx.Actor(), program_id, booking_id);
    if (!done) return ProblemFor(sv.catalog, ctx.lang, done.error());
    http::Response r;
    r.status = 204;
    return r;
  };
}

}  // namespace tsunagu::api::handlers
