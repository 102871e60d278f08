// The public registration (seed 002's items ①〜⑥), one step per page and working without
// JavaScript: the form, a 確認 step (nothing stored before 送信), the answer (a place, or the
// 枠's waiting list when it is full), and the person's own page behind the e-mail's link, where
// they see their place in the queue and cancel. Nothing personal goes into URLs or logs.
#include <variant>

#include "core/qr.hpp"
#include "core/text.hpp"
#include "events/event_mail.hpp"
#include "events/handlers/lifecycle.hpp"
#include "events/handlers/support.hpp"
#include "web/forms.hpp"

namespace tsunagu::events::handlers {
namespace {

// The event when its public registration is open; else the answer to give.
std::variant<http::Response, Event> OpenEvent(const Deps& d, web::RequestContext& ctx) {
  const auto id = web::ParseId(ctx.Param("id"));
  if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
  auto event = d.events->PublicGet(id);
  if (!event) return Failure(d, ctx, event.error());
  if (!d.events->OpenForRegistration(*event)) {
    return d.pages.Error(ctx, 409, "events.register.closed");
  }
  return *event;
}

http::Response ShowForm(const Deps& d, web::RequestContext& ctx, const Event& event,
                        const Values& values, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("events_register");
  AddEventDetails(d, ctx, dict, event);
  AddRegistrationFields(d, ctx, dict, event, values);
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "events/register", "events.register.title", dict, status);
}

void AddAnswer(ctemplate::TemplateDictionary& dict, const std::string& label,
               const std::string& value) {
  auto* a = dict.AddSectionDictionary("ANSWER");
  a->SetValue("LABEL", label);
  a->SetValue("VALUE", value);
}

// Every answer travels on in hidden fields, except those named in `skip`.
void AddHidden(ctemplate::TemplateDictionary& dict, const web::RequestContext& ctx,
               std::initializer_list<const char*> skip, const char* section = "HIDDEN") {
  for (const auto& [name, value] : ctx.form) {
    if (name == "csrf_token" || name == "action" || name == kHoneypot) continue;
    bool skipped = false;
    for (const char* s : skip) skipped = skipped || name == s;
    if (skipped) continue;
    auto* h = dict.AddSectionDictionary(section);
    h->SetValue("NAME", name);
    h->SetValue("VALUE", value);
  }
}

http::Response ShowConfirm(const Deps& d, web::RequestContext& ctx, const Event& event,
                           const RegistrationRequest& r) {
  ctemplate::TemplateDictionary dict("events_register_confirm");
  AddEventDetails(d, ctx, dict, event);
  auto t = [&](const std::string& key) { return d.pages.T(ctx, key); };
  AddAnswer(dict, t("events.register.name"), r.person.name);
  AddAnswer(dict, t("events.register.furigana"), r.person.furigana);
  AddAnswer(dict, t("events.register.phone"), r.person.phone);
  AddAnswer(dict, t("events.register.email"), r.person.email);
  AddAnswer(dict, t("events.register.municipality"), r.municipality);
  AddAnswer(dict, t("events.register.affiliation"), t("events.affiliation." + r.affiliation));
  AddAnswer(dict, t("events.register.mode"), t("events.mode." + r.mode));
  if (event.Free(r.mode) <= 0) {
    dict.ShowSection(r.accept_waiting ? "WILL_WAIT" : "FULL_NOW");
  }
  AddHidden(dict, ctx, {});
  return d.pages.Render(ctx, "events/register_confirm", "events.confirm.title", dict);
}

http::Response ShowDone(const Deps& d, web::RequestContext& ctx, const Event& event,
                        const RegistrationReceipt& receipt, bool has_email) {
  ctemplate::TemplateDictionary dict("events_register_done");
  AddEventDetails(d, ctx, dict, event);
  dict.SetValue("REFERENCE", receipt.reference);
  if (receipt.status == "waiting") {
    dict.SetValueAndShowSection(
        "POSITION_TEXT",
        d.pages.catalog().Format(ctx.lang, "events.done.position",
                                 {{"position", std::to_string(receipt.position)}}),
        "WAITING");
  } else {
    dict.ShowSection("REGISTERED");
  }
  if (has_email) dict.ShowSection("HAS_EMAIL");
  if (receipt.online_meanwhile) dict.ShowSection("ONLINE_MEANWHILE");
  return d.pages.Render(
      ctx, "events/register_done",
      receipt.status == "waiting" ? "events.done.waiting_title" : "events.done.title", dict);
}

// The 枠 filled up before 送信: offer its waiting list, and the other 枠 when it has room.
http::Response ShowFull(const Deps& d, web::RequestContext& ctx, const Event& event,
                        const RegistrationRequest& r) {
  auto fresh = d.events->PublicGet(event.id);
  const Event& e = fresh ? *fresh : event;
  ctemplate::TemplateDictionary dict("events_register_full");
  AddEventDetails(d, ctx, dict, e);
  dict.SetValue("MODE_LABEL", d.pages.T(ctx, "events.mode." + r.mode));
  dict.SetValue("MODE", r.mode);
  AddHidden(dict, ctx, {"accept_waiting", "mode"});
  const std::string other = r.mode == "venue" ? "online" : "venue";
  if (e.Offers(other) && e.Free(other) > 0) {
    auto* o = dict.AddSectionDictionary("OTHER");
    o->SetValue("OTHER_MODE", other);
    o->SetValue("OTHER_LABEL", d.pages.T(ctx, "events.mode." + other));
    if (other == "online") o->ShowSection("BOTH");
  }
  return d.pages.Render(ctx, "events/register_full", "events.full_page.title", dict, 409);
}

// What every registration POST checks first: the per-address limit, the honeypot (a bot gets
// a believable answer and nothing is stored) and that the event still takes registrations.
std::variant<http::Response, Event> StartPost(const Deps& d, web::RequestContext& ctx) {
  if (auto r = Throttled(d, ctx)) return *r;
  auto open = OpenEvent(d, ctx);
  if (auto* answer = std::get_if<http::Response>(&open)) return *answer;
  const Event& event = std::get<Event>(open);
  if (!ctx.Form(kHoneypot).empty()) {
    RegistrationReceipt pretend;
    pretend.reference = NewReference();
    pretend.status = "registered";
    return ShowDone(d, ctx, event, pretend, !ctx.Form("email").empty());
  }
  return event;
}

http::Response ShowOwnPage(const Deps& d, web::RequestContext& ctx, const RegistrationView& v) {
  ctemplate::TemplateDictionary dict("events_registration");
  AddEventDetails(d, ctx, dict, v.event);
  dict.SetValue("TOKEN", ctx.Param("token"));
  dict.SetValue("REFERENCE", v.reference);
  dict.SetValue("MODE_LABEL", d.pages.T(ctx, "events.mode." + v.mode));
  if (v.status == "waiting" && v.offer_expires_at != 0) {
    AddOfferState(d, ctx, dict, v);
  } else if (v.status == "waiting") {
    dict.SetValue("STATE", d.pages.catalog().Format(ctx.lang, "events.own.waiting",
                                                    {{"position", std::to_string(v.position)}}));
  } else {
    dict.SetValue("STATE", d.pages.T(ctx, "events.own.state." + v.status));
  }
  if (v.status != "cancelled" && v.event.status != "cancelled") dict.ShowSection("CAN_CANCEL");
  // 受付票: a venue participant shows it at the reception; the code opens the organiser's check-in
  // page at this registration (staff only: it says nothing to anyone else).
  if (v.status == "registered" && v.mode == "venue" && v.event.status != "cancelled") {
    const std::string url = BaseUrl(d.config.server.public_url) + "/org/events/" +
                            std::to_string(v.event.id) + "/checkin?ref=" + v.reference;
    auto* ticket = dict.AddSectionDictionary("TICKET");
    ticket->SetValue("REFERENCE", v.reference);
    ticket->SetValue("QR",
                     core::QrSvgWithTitle(url,
                                          d.pages.catalog().Format(ctx.lang, "events.own.ticket_qr",
                                                                   {{"reference", v.reference}}),
                                          "ticket-qr", 0.8));
  }
  return d.pages.Render(ctx, "events/registration", "events.own.title", dict);
}

}  // namespace

void AddRegistrationRoutes(app::Router& router, const Deps& d) {
  router.Add({"GET", "/events/registration/{token}", auth::Permission::kPublic,
              [d](web::RequestContext& ctx) {
                auto view = d.events->FindByToken(ctx.Param("token"));
                if (!view) {
                  if (view.error().code == core::ErrorCode::kNotFound) {
                    return d.pages.Error(ctx, 404, "events.own.not_found");
                  }
                  return Failure(d, ctx, view.error());
                }
                return ShowOwnPage(d, ctx, *view);
              }});

  router.Add({"POST", "/events/registration/{token}/cancel", auth::Permission::kPublic,
              [d](web::RequestContext& ctx) {
                if (auto r = Throttled(d, ctx)) return *r;
                auto done = d.events->CancelByToken(ctx.Param("token"), ctx.Actor());
                if (!done) {
                  if (done.error().code == core::ErrorCode::kNotFound) {
                    return d.pages.Error(ctx, 404, "events.own.not_found");
                  }
                  return Failure(d, ctx, done.error());
                }
                ctemplate::TemplateDictionary dict("events_registration_cancelled");
                return d.pages.Render(ctx, "events/registration_cancelled",
                                      "events.own.cancelled_title", dict);
              }});

  router.Add(
      {"GET", "/events/{id}/register", auth::Permission::kPublic, [d](web::RequestContext& ctx) {
         auto open = OpenEvent(d, ctx);
         if (auto* answer = std::get_if<http::Response>(&open)) return *answer;
         Values values;
         if (auto mode = ctx.request.Query("mode")) values.emplace("mode", *mode);
         return ShowForm(d, ctx, std::get<Event>(open), values, nullptr);
       }});

  router.Add({"POST", "/events/{id}/register/confirm", auth::Permission::kPublic,
              [d](web::RequestContext& ctx) {
                auto start = StartPost(d, ctx);
                if (auto* answer = std::get_if<http::Response>(&start)) return *answer;
                const Event& event = std::get<Event>(start);
                RegistrationRequest request = ReadRegistration(ctx, event.id);
                request.channel = "web";
                auto errors = EventService::ValidateRegistration(request);
                if (errors.empty() && !event.Offers(request.mode)) {
                  errors.push_back({"mode", "events.error.mode_required"});
                }
                if (!errors.empty()) {
                  auto e = core::Error::Invalid("error.form", errors);
                  return ShowForm(d, ctx, event, ctx.form, &e, 422);
                }
                return ShowConfirm(d, ctx, event, request);
              }});

  router.Add({"POST", "/events/{id}/register/submit", auth::Permission::kPublic,
              [d](web::RequestContext& ctx) {
                auto start = StartPost(d, ctx);
                if (auto* answer = std::get_if<http::Response>(&start)) return *answer;
                const Event& event = std::get<Event>(start);
                if (ctx.Form("action") == "edit") return ShowForm(d, ctx, event, ctx.form, nullptr);
                RegistrationRequest request = ReadRegistration(ctx, event.id);
                request.channel = "web";
                // ctx.Actor() carries the client address, kept only as a keyed hash.
                auto receipt = d.events->RegisterPublic(request, ctx.Actor());
                if (!receipt) {
                  const core::Error& e = receipt.error();
                  if (e.code == core::ErrorCode::kInvalidInput) {
                    return ShowForm(d, ctx, event, ctx.form, &e, 422);
                  }
                  if (e.code == core::ErrorCode::kConflict && e.message_key == "events.full") {
                    return ShowFull(d, ctx, event, request);
                  }
                  if (e.code == core::ErrorCode::kNotFound) {
                    return d.pages.Error(ctx, 409, "events.register.closed");
                  }
                  return Failure(d, ctx, e);
                }
                return ShowDone(d, ctx, event, *receipt, !core::Trim(request.person.email).empty());
              }});
}

}  // namespace tsunagu::events::handlers
