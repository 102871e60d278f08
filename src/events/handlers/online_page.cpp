// The person's online page (issue 15: "online participants get a personal page, expiring
// after the event, that shows the meeting link"): reached from the online link mail's token,
// it shows the event's current meeting URL until the event ends, then only that it has ended.
// An unknown token, a cancelled registration or event answer 404 with nothing about them.
#include "events/handlers/lifecycle.hpp"
#include "events/lifecycle.hpp"

namespace tsunagu::events::handlers {

void AddOfferState(const Deps& d, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, const RegistrationView& v) {
  dict.SetValue("STATE", d.pages.catalog().Format(
                             ctx.lang, "events_lifecycle.offer.state",
                             {{"until", core::FormatDateTime(v.offer_expires_at, ctx.lang)}}));
  if (v.event.status == "published") dict.ShowSection("CAN_CONFIRM");
}

void AddOnlinePageRoutes(app::Router& router, const Deps& d) {
  router.Add(
      {"GET", "/events/online/{token}", auth::Permission::kPublic, [d](web::RequestContext& ctx) {
         auto view = FindOnlinePage(d.db, d.clock, ctx.Param("token"));
         if (!view) {
           if (view.error().code == core::ErrorCode::kNotFound) {
             auto r = d.pages.Error(ctx, 404, "events.own.not_found");
             r.headers.Set("Cache-Control", "no-store");
             return r;
           }
           return Failure(d, ctx, view.error());
         }
         ctemplate::TemplateDictionary dict("events_online");
         AddEventDetails(d, ctx, dict, view->event);
         dict.SetValue("REFERENCE", view->reference);
         if (view->ended) {
           dict.ShowSection("ENDED");
         } else if (view->meeting_url.empty()) {
           dict.ShowSection("NOT_YET");
         } else {
           dict.SetValueAndShowSection("MEETING_URL", view->meeting_url, "LINK");
         }
         auto r = d.pages.Render(ctx, "events/online", "events_lifecycle.online.title", dict);
         // The link is personal: never kept by browsers or proxies.
         r.headers.Set("Cache-Control", "no-store");
         return r;
       }});

  router.Add({"POST", "/events/registration/{token}/confirm", auth::Permission::kPublic,
              [d](web::RequestContext& ctx) {
                if (auto r = Throttled(d, ctx)) return *r;
                auto done = d.events->ConfirmByToken(ctx.Param("token"), ctx.Actor());
                if (!done) {
                  if (done.error().code == core::ErrorCode::kNotFound) {
                    return d.pages.Error(ctx, 404, "events.own.not_found");
                  }
                  return Failure(d, ctx, done.error());
                }
                ctemplate::TemplateDictionary dict("events_offer_confirmed");
                dict.SetValue("TOKEN", ctx.Param("token"));
                return d.pages.Render(ctx, "events/offer_confirmed",
                                      "events_lifecycle.offer.confirmed_title", dict);
              }});
}

}  // namespace tsunagu::events::handlers
