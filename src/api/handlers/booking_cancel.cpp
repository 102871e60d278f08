// POST /api/v1/programs/{id}/bookings/{booking_id}/cancel: a coordinator's system cancels a
// booking for the person (they called), with the day board's own call: the place goes back and
// is offered to the waiting list in the same transaction.
#include <charconv>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"

namespace tsunagu::api::handlers {
namespace {

std::int64_t ParsePositive(const std::string& s) {
  if (s.empty() || s.size() > 18) return 0;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size()) return 0;
  return id > 0 ? id : 0;
}

}  // namespace

app::RouteHandler MakeCancelBooking(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t program_id = ParsePositive(ctx.Param("id"));
    const std::int64_t booking_id = ParsePositive(ctx.Param("booking_id"));
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
