// The organiser's pages: the organisation's events (all kinds, all statuses) and the form that
// creates or changes one. Setting 中止 tells the registrants (EventService::Update).
#include <cctype>

#include "events/event_mail.hpp"
#include "events/handlers/lifecycle.hpp"
#include "events/handlers/support.hpp"
#include "web/forms.hpp"

namespace tsunagu::events::handlers {
namespace {

std::string Value(const Values& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

http::Response ShowEventForm(const Deps& d, web::RequestContext& ctx, std::int64_t event_id,
                             const Values& values, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("events_form");
  dict.SetValue("ACTION",
                event_id == 0 ? "/events/new" : "/events/" + std::to_string(event_id) + "/edit");
  if (event_id != 0) {
    dict.SetIntValue("EVENT_ID", event_id);
    dict.ShowSection("EDITING");
  }
  for (const char* f : {"title", "description", "date", "start_time", "end_time", "venue", "area",
                        "access", "meeting_url", "venue_capacity", "online_capacity", "fee",
                        "contact", "speakers", "co_hosts"}) {
    std::string key = std::string("V_") + f;
    for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    dict.SetValue(key, Value(values, f));
  }
  web::AddChoices(d.pages, ctx, dict, "KIND", "kind", "events.kind.", kKinds,
                  {Value(values, "kind")});
  std::vector<std::string> audiences;
  auto [from, to] = values.equal_range("audiences");
  for (auto it = from; it != to; ++it) audiences.push_back(it->second);
  web::AddChoices(d.pages, ctx, dict, "AUDIENCE", "audiences", "events.audience.", kAudiences,
                  audiences);
  const std::string current = Value(values, "status").empty() ? "draft" : Value(values, "status");
  // A new event starts as a draft or published; 中止 is for an event that exists.
  std::vector<std::string> statuses = {"draft", "published"};
  if (event_id != 0) statuses.emplace_back("cancelled");
  web::AddChoices(d.pages, ctx, dict, "STATUS", "status", "events.status.", statuses, {current});
  AddLifecycleFields(dict, values, event_id == 0);
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "events/form",
                        event_id == 0 ? "events.form.new_title" : "events.form.edit_title", dict,
                        status);
}

http::Response ShowManage(const Deps& d, web::RequestContext& ctx) {
  auto events = d.events->ListOwn(*ctx.Who());
  if (!events) return Failure(d, ctx, events.error());
  ctemplate::TemplateDictionary dict("events_manage");
  if (ctx.membership &&
      (ctx.membership->role == "admin" || ctx.membership->role == "coordinator")) {
    dict.ShowSection("CAN_ORGANISE");
  }
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "created" || done == "updated" || done == "cancelled") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "events.manage.done_" + done),
                                "NOTICE");
  }
  if (events->empty()) dict.ShowSection("NO_EVENTS");
  for (const auto& e : *events) {
    auto* row = dict.AddSectionDictionary("EVENT");
    row->SetIntValue("ID", e.id);
    row->SetValue("TITLE", e.title);
    row->SetValue("KIND", d.pages.T(ctx, "events.kind." + e.kind));
    row->SetValue("WHEN", WhenLine(e, ctx.lang));
    row->SetValue("STATUS", d.pages.T(ctx, "events.status." + e.status));
    if (e.StaffOnly()) row->ShowSection("STAFF_ONLY");
    std::string places;
    for (auto mode : kModes) {
      if (!e.Offers(mode)) continue;
      const std::string m(mode);
      places +=
          (places.empty() ? "" : "／") + d.pages.T(ctx, "events.mode." + m) + " " +
          d.pages.catalog().Format(
              ctx.lang, "events.manage.taken",
              {{"taken", std::to_string(e.Capacity(m) - e.Free(m))},
               {"capacity", std::to_string(e.Capacity(m))},
               {"waiting", std::to_string(m == "online" ? e.online_waiting : e.venue_waiting)}});
    }
    row->SetValue("PLACES", places);
    if (e.status != "draft" && !e.StaffOnly()) row->ShowSection("PUBLIC_LINK");
    if (ctx.membership &&
        (ctx.membership->role == "admin" || ctx.membership->role == "coordinator") &&
        e.status != "cancelled") {
      row->ShowSection("CAN_EDIT");
    }
  }
  return d.pages.Render(ctx, "events/manage", "events.manage.title", dict);
}

}  // namespace

void AddOrganiserRoutes(app::Router& router, const Deps& d) {
  router.Add({"GET", "/events/manage", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return ShowManage(d, ctx); }});

  router.Add(
      {"GET", "/events/new", auth::Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         Values defaults;
         defaults.emplace("status", "draft");
         defaults.emplace("venue_capacity", "0");
         defaults.emplace("online_capacity", "0");
         return ShowEventForm(d, ctx, 0, defaults, nullptr);
       }});

  router.Add(
      {"POST", "/events/new", auth::Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         auto id = d.events->Create(*ctx.Who(), ctx.Actor(), ReadEventInput(ctx));
         if (!id) {
           if (id.error().code == core::ErrorCode::kInvalidInput) {
             return ShowEventForm(d, ctx, 0, ctx.form, &id.error(), 422);
           }
           return Failure(d, ctx, id.error());
         }
         return web::SeeOther("/events/manage?done=created");
       }});

  router.Add(
      {"GET", "/events/{id}/edit", auth::Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         const auto id = web::ParseId(ctx.Param("id"));
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         auto event = d.events->GetOwn(*ctx.Who(), id);
         if (!event) return Failure(d, ctx, event.error());
         if (event->status == "cancelled") {
           return d.pages.Error(ctx, 409, "events.error.cancelled");
         }
         return ShowEventForm(d, ctx, id, ValuesOf(*event), nullptr);
       }});

  router.Add({"POST", "/events/{id}/edit", auth::Permission::kOrgCoordinate,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                const EventInput input = ReadEventInput(ctx);
                auto done = d.events->Update(*ctx.Who(), ctx.Actor(), id, input);
                if (!done) {
                  if (done.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowEventForm(d, ctx, id, ctx.form, &done.error(), 422);
                  }
                  return Failure(d, ctx, done.error());
                }
                return web::SeeOther(input.status == "cancelled" ? "/events/manage?done=cancelled"
                                                                 : "/events/manage?done=updated");
              }});
}

}  // namespace tsunagu::events::handlers
