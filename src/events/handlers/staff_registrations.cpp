// The organiser's registration list (staff of the organisation only; every read audited),
// registrations that came by e-mail, phone or fax entered by staff, and cancelling one.
#include <array>
#include <string_view>

#include "events/event_mail.hpp"
#include "events/handlers/lifecycle.hpp"
#include "events/handlers/support.hpp"
#include "web/forms.hpp"

namespace tsunagu::events::handlers {
namespace {

constexpr std::array<std::string_view, 3> kStaffChannels = {"mail", "phone", "fax"};
constexpr std::array<std::string_view, 2> kLanguages = {"ja", "en"};

std::string Value(const Values& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

http::Response ShowList(const Deps& d, web::RequestContext& ctx, std::int64_t event_id,
                        const Values& values, const core::Error* error, int status = 200) {
  auto event = d.events->GetOwn(*ctx.Who(), event_id);
  if (!event) return Failure(d, ctx, event.error());
  auto rows = d.events->Registrations(*ctx.Who(), ctx.Actor(), event_id);
  if (!rows) return Failure(d, ctx, rows.error());
  ctemplate::TemplateDictionary dict("events_registrations");
  AddEventDetails(d, ctx, dict, *event);
  if (!event->meeting_url.empty())
    dict.SetValueAndShowSection("MEETING_URL", event->meeting_url, "HAS_MEETING_URL");
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "added" || done == "cancelled") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "events.staff.done_" + done),
                                "NOTICE");
  } else if (done == "confirmed" || done == "already" || done == "declined") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "events_gaps.staff.done_" + done),
                                "NOTICE");
  }
  int registered = 0, waiting = 0;
  for (const auto& r : *rows) {
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetIntValue("ID", r.id);
    row->SetValue("REFERENCE", r.reference);
    // Anonymised rows say so rather than leave the name cell blank.
    row->SetValue("NAME",
                  r.anonymised ? d.pages.T(ctx, "events_gaps.staff.anonymised") : r.person.name);
    row->SetValue("FURIGANA", r.person.furigana);
    row->SetValue("PHONE", r.person.phone);
    row->SetValue("EMAIL", r.person.email);
    row->SetValue("MUNICIPALITY", r.municipality);
    row->SetValue("AFFILIATION", d.pages.T(ctx, "events.affiliation." + r.affiliation));
    row->SetValue("MODE", d.pages.T(ctx, "events.mode." + r.mode));
    row->SetValue("CHANNEL", d.pages.T(ctx, "events.channel." + r.channel));
    row->SetValue("CREATED", web::DateTimeOf(ctx, r.created_at));
    if (r.status == "waiting" && r.offer_expires_at != 0) {
      ++waiting;
      row->SetValue("STATE", d.pages.catalog().Format(
                                 ctx.lang, "events_gaps.staff.offered",
                                 {{"until", core::FormatDateTime(r.offer_expires_at, ctx.lang)}}));
      row->ShowSection("OFFERED");
      if (event->status != "cancelled") row->ShowSection("CAN_CONFIRM");
    } else if (r.status == "waiting") {
      ++waiting;
      row->SetValue("STATE", d.pages.catalog().Format(ctx.lang, "events.staff.waiting",
                                                      {{"position", std::to_string(r.position)}}));
    } else {
      if (r.status == "registered") ++registered;
      row->SetValue("STATE", d.pages.T(ctx, "events.own.state." + r.status));
    }
    // An offered row has its own two buttons (confirm, decline) instead of the cancel one.
    if (r.status != "cancelled" && event->status != "cancelled" && r.offer_expires_at == 0) {
      row->ShowSection("CAN_CANCEL");
    }
  }
  if (rows->empty()) dict.ShowSection("NO_ROWS");
  dict.SetIntValue("REGISTERED", registered);
  dict.SetIntValue("WAITING_COUNT", waiting);
  if (event->status != "cancelled") {
    auto* form = dict.AddSectionDictionary("CAN_ADD");
    AddRegistrationFields(d, ctx, *form, *event, values);
    const std::string channel =
        Value(values, "channel").empty() ? "mail" : Value(values, "channel");
    web::AddChoices(d.pages, ctx, *form, "CHANNEL", "channel", "events.channel.", kStaffChannels,
                    {channel});
    const std::string lang =
        Value(values, "person_lang").empty() ? "ja" : Value(values, "person_lang");
    web::AddChoices(d.pages, ctx, *form, "PERSON_LANG", "person_lang", "events.staff.lang.",
                    kLanguages, {lang});
    if (error) d.pages.AddErrors(*form, ctx, *error);
  }
  return d.pages.Render(ctx, "events/registrations",
                        web::Title{"events.staff.title", {{"title", event->title}}}, dict, status);
}

}  // namespace

void AddStaffRegistrationRoutes(app::Router& router, const Deps& d) {
  router.Add({"GET", "/events/{id}/registrations", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                return ShowList(d, ctx, id, {}, nullptr);
              }});

  router.Add({"POST", "/events/{id}/registrations", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                RegistrationRequest request = ReadRegistration(ctx, id);
                request.lang = PersonLanguage(ctx.Form("person_lang"));
                auto receipt = d.events->RegisterByStaff(*ctx.Who(), ctx.Actor(), request);
                if (!receipt) {
                  const core::Error& e = receipt.error();
                  if (e.code == core::ErrorCode::kInvalidInput) {
                    return ShowList(d, ctx, id, ctx.form, &e, 422);
                  }
                  if (e.code == core::ErrorCode::kConflict && e.message_key == "events.full") {
                    const auto full = core::Error{core::ErrorCode::kConflict,
                                                  "events.staff.full",
                                                  {{"mode", "events.staff.full"}}};
                    return ShowList(d, ctx, id, ctx.form, &full, 409);
                  }
                  return Failure(d, ctx, e);
                }
                return web::SeeOther("/events/" + std::to_string(id) +
                                     "/registrations?done=added#registration-" +
                                     std::to_string(receipt->registration_id));
              }});

  // An offer answered by phone, fax or at the desk: the person's own confirm, done by staff.
  router.Add({"POST", "/events/{id}/registrations/{registration_id}/confirm",
              auth::Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                const auto registration = web::ParseId(ctx.Param("registration_id"));
                if (id <= 0 || registration <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto done =
                    d.events->ConfirmOfferByStaff(*ctx.Who(), ctx.Actor(), id, registration);
                if (!done) return Failure(d, ctx, done.error());
                return web::SeeOther("/events/" + std::to_string(id) +
                                     "/registrations?done=" + (*done ? "confirmed" : "already") +
                                     "#registration-" + std::to_string(registration));
              }});

  router.Add({"POST", "/events/{id}/registrations/{registration_id}/decline",
              auth::Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                const auto registration = web::ParseId(ctx.Param("registration_id"));
                if (id <= 0 || registration <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto done = d.events->CancelByStaff(*ctx.Who(), ctx.Actor(), id, registration);
                if (!done) return Failure(d, ctx, done.error());
                return web::SeeOther("/events/" + std::to_string(id) +
                                     "/registrations?done=declined");
              }});

  router.Add({"POST", "/events/{id}/registrations/{registration_id}/cancel",
              auth::Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                const auto registration = web::ParseId(ctx.Param("registration_id"));
                if (id <= 0 || registration <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto done = d.events->CancelByStaff(*ctx.Who(), ctx.Actor(), id, registration);
                if (!done) return Failure(d, ctx, done.error());
                return web::SeeOther("/events/" + std::to_string(id) +
                                     "/registrations?done=cancelled");
              }});
}

void AddRoutes(app::Router& router, const Deps& deps) {
  // Fixed paths first: "/events/manage" must not be read as an event id.
  AddOrganiserRoutes(router, deps);
  AddRegistrationRoutes(router, deps);
  AddOnlinePageRoutes(router, deps);
  AddStaffRegistrationRoutes(router, deps);
  AddAttendanceRoutes(router, deps);
  AddCheckinRoutes(router, deps);
  AddPublicRoutes(router, deps);
}

}  // namespace tsunagu::events::handlers
