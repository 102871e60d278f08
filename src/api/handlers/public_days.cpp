// GET /api/v1/public/programs/{id}/days: a published programme's open consultation days with
// their slots and free places, for a hospital's website (no token: what the public booking page
// shows, and no more).
#include <boost/json.hpp>
#include <cstdio>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "consultations/handlers/page_support.hpp"
#include "web/forms.hpp"

namespace tsunagu::api::handlers {
namespace {

// The public page's reach: the next days with places, not the whole year.
constexpr int kDaysListed = 60;

std::string Clock(int minutes) {
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", minutes / 60 % 100, minutes % 60);
  return out;
}

}  // namespace

app::RouteHandler MakePublicDays(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t program_id = web::ParseId(ctx.Param("id"));
    if (program_id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "booking.no_days");
    // An unpublished programme answers like a missing one, as on the public pages.
    auto days = sv.consultations.OpenDays(program_id, consultations::handlers::Today(sv),
                                          kDaysListed, consultations::Audience::kPublic);
    if (!days) return ProblemFor(sv.catalog, ctx.lang, days.error());
    if (days->empty()) return ProblemResponse(sv.catalog, ctx.lang, 404, "booking.no_days");
    boost::json::array out;
    for (const auto& d : *days) {
      boost::json::array slots;
      for (const auto& s : d.slots) {
        slots.push_back(boost::json::object{{"id", s.id},
                                            {"start", Clock(s.start_minutes)},
                                            {"end", Clock(s.end_minutes)},
                                            {"free", s.Free() > 0 ? s.Free() : 0}});
      }
      // Never the meeting URL: only a booked person receives it.
      out.push_back(boost::json::object{{"id", d.id},
                                        {"date", core::ToIso(d.date)},
                                        {"start", Clock(d.start_minutes)},
                                        {"end", Clock(d.end_minutes)},
                                        {"mode", d.mode},
                                        {"venue", d.venue},
                                        {"slots", std::move(slots)}});
    }
    auto r = JsonResponse(boost::json::object{{"program_id", program_id}, {"days", out}});
    // Public and the same for everyone; places change with every booking.
    r.headers.Set("Cache-Control", "public, max-age=30");
    return r;
  };
}

}  // namespace tsunagu::api::handlers
