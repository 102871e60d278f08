// The public side without an account: the list of upcoming events and each event's page.
// Only published events that are not for staff only; never the meeting URL.
#include "events/event_mail.hpp"
#include "events/handlers/support.hpp"
#include "peers/peer_service.hpp"
#include "web/forms.hpp"

namespace tsunagu::events::handlers {

void AddPublicRoutes(app::Router& router, const Deps& d) {
  router.Add({"GET", "/events", auth::Permission::kPublic, [d](web::RequestContext& ctx) {
                auto events = d.events->PublicUpcoming(Today(d));
                if (!events) return Failure(d, ctx, events.error());
                ctemplate::TemplateDictionary dict("events_list");
                if (events->empty()) dict.ShowSection("NO_EVENTS");
                for (const auto& e : *events) {
                  auto* row = dict.AddSectionDictionary("EVENT");
                  row->SetIntValue("ID", e.id);
                  row->SetValue("TITLE", e.title);
                  row->SetValue("KIND", d.pages.T(ctx, "events.kind." + e.kind));
                  row->SetValue("WHEN", WhenLine(e, ctx.lang));
                  row->SetValue("ORGANIZER", e.organization_name);
                  std::string where;
                  if (!e.venue.empty()) where = e.venue;
                  if (e.Offers("online")) {
                    where += (where.empty() ? "" : "／") + d.pages.T(ctx, "events.mode.online");
                  }
                  row->SetValue("WHERE", where);
                }
                return d.pages.Render(ctx, "events/list", "events.list.title", dict);
              }});

  router.Add({"GET", "/events/{id}", auth::Permission::kPublic, [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto event = d.events->PublicGet(id);
                if (!event) return Failure(d, ctx, event.error());
                ctemplate::TemplateDictionary dict("events_show");
                AddEventDetails(d, ctx, dict, *event);
                // おしゃべり相談室: the peer supporters on its shift, by the display name they
                // agreed to, while active (issue 15).
                if (event->kind == "peer_talk") {
                  auto names = peers::ActiveDisplayNamesForEvent(d.db, event->id);
                  if (names && !names->empty()) {
                    std::string joined;
                    for (const auto& n : *names) joined += (joined.empty() ? "" : "、") + n;
                    dict.SetValueAndShowSection("PEER_NAMES", joined, "HAS_PEERS");
                  }
                }
                if (d.events->OpenForRegistration(*event)) {
                  dict.ShowSection("OPEN");
                } else if (event->status != "cancelled") {
                  dict.ShowSection("CLOSED");
                }
                return d.pages.Render(ctx, "events/show",
                                      web::Title{"events.show.title", {{"title", event->title}}},
                                      dict);
              }});
}

}  // namespace tsunagu::events::handlers
