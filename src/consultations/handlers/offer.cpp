// The public page where a person on the waiting list takes up a freed place held for them.
#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <initializer_list>
#include <set>
#include <string_view>

#include "consultations/handlers/board_support.hpp"
#include "consultations/handlers/intake_form.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/routes.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

// ---------------------------------------------------------------- the offer (public)

void AddOffer(const app::Services& sv, const web::RequestContext& ctx,
              ctemplate::TemplateDictionary& dict, const OfferView& offer) {
  dict.SetValue("REFERENCE", offer.reference);
  dict.SetValue("WHEN", DayLine(ctx.lang, offer.date, offer.start_minutes, offer.end_minutes));
  dict.SetValue("PLACE", Place(sv, ctx.lang, offer.mode, offer.venue));
  dict.SetValue("UNTIL", sv.catalog.Format(ctx.lang, "board.offer.offer_until",
                                           {{"until", DateTimeOf(ctx, offer.hold_expires_at)}}));
}

// Unknown, expired, withdrawn: one calm page that does not tell them apart.
http::Response OfferEnded(app::Services& sv, web::RequestContext& ctx) {
  ctemplate::TemplateDictionary dict("board_offer_ended");
  return sv.pages.Render(ctx, "board/offer_ended", "board.offer.ended_title", dict, 404);
}

http::Response ShowOffer(app::Services& sv, web::RequestContext& ctx) {
  auto offer = sv.board.FindOffer(ctx.Param("token"));
  if (!offer) {
    if (offer.error().code == core::ErrorCode::kNotFound) return OfferEnded(sv, ctx);
    return sv.pages.Error(ctx, 500, "error.internal");
  }
  ctemplate::TemplateDictionary dict("board_offer");
  dict.SetValue("TOKEN", ctx.Param("token"));
  AddOffer(sv, ctx, dict, *offer);
  return sv.pages.Render(ctx, "board/offer", "board.offer.offer_title", dict);
}

http::Response AcceptOffer(app::Services& sv, web::RequestContext& ctx) {
  if (auto r = Throttled(sv, ctx)) return *r;
  // Read before accepting: afterwards the offer is a booking and the link no longer finds it.
  auto offer = sv.board.FindOffer(ctx.Param("token"));
  auto accepted = sv.board.AcceptOffer(ctx.Param("token"), ctx.Actor());
  if (!accepted) {
    if (accepted.error().code == core::ErrorCode::kNotFound) return OfferEnded(sv, ctx);
    return sv.pages.Error(ctx, 500, "error.internal");
  }
  ctemplate::TemplateDictionary dict("board_offer_done");
  if (offer) AddOffer(sv, ctx, *dict.AddSectionDictionary("DETAILS"), *offer);
  return sv.pages.Render(ctx, "board/offer_done", "board.offer.done_title", dict);
}

}  // namespace

void AddOfferRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/book/offer/{token}", Permission::kPublic,
              [&sv](web::RequestContext& ctx) { return ShowOffer(sv, ctx); }});
  router.Add({"POST", "/book/offer/{token}", Permission::kPublic,
              [&sv](web::RequestContext& ctx) { return AcceptOffer(sv, ctx); }});
}

}  // namespace tsunagu::consultations::handlers
