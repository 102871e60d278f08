// The events API: GET /api/v1/public/events (no token: what the public events list shows, with
// the places still free), GET and POST /api/v1/events/{id}/registrations (the organiser's
// registration list and staff entry of a registration that came by e-mail, phone or fax). The
// same EventService calls as those pages: the same organisation wall (another organisation's
// event answers 404), capacity and waiting list decided in the database, confirmation e-mail
// and audit.
#include <boost/json.hpp>
#include <memory>

#include "api/handlers/list_page.hpp"
#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "events/event_service.hpp"
#include "web/forms.hpp"

namespace tsunagu::api::handlers {
namespace {

std::shared_ptr<events::EventService> ServiceOf(app::Services& sv) {
  return std::make_shared<events::EventService>(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog,
                                                sv.config.server.public_url);
}

boost::json::value Places(const events::Event& e, std::string_view mode) {
  if (!e.Offers(mode)) return nullptr;
  const int free = e.Free(mode);
  return boost::json::object{{"capacity", e.Capacity(mode)}, {"free", free > 0 ? free : 0}};
}

std::string Text(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

bool Flag(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}

boost::json::object RegistrationJson(const events::RegistrationRow& r) {
  boost::json::value person = nullptr;
  // Personal fields are cleared after the retention period: the row says so.
  if (!r.anonymised) {
    person = boost::json::object{{"name", r.person.name},
                                 {"furigana", r.person.furigana},
                                 {"phone", r.person.phone},
                                 {"email", r.person.email}};
  }
  return {{"id", r.id},
          {"reference", r.reference},
          {"mode", r.mode},
          {"status", r.status},
          {"channel", r.channel},
          {"affiliation", r.affiliation},
          {"municipality", r.municipality},
          {"person", std::move(person)},
          {"anonymised", r.anonymised},
          {"position", r.position},
          {"offer_expires_at", TimeOrNull(r.offer_expires_at)},
          {"created_at", FormatIsoUtc(r.created_at)}};
}

}  // namespace

app::RouteHandler MakePublicEvents(app::Services& sv) {
  return [&sv, events = ServiceOf(sv)](web::RequestContext& ctx) {
    auto upcoming = events->PublicUpcoming(core::DateFromUnixSeconds(sv.clock.NowSeconds()));
    if (!upcoming) return ProblemFor(sv.catalog, ctx.lang, upcoming.error());
    boost::json::array items;
    for (const auto& e : *upcoming) {
      boost::json::array audiences;
      for (const auto& a : e.audiences) audiences.emplace_back(a);
      // Never the meeting URL: only registered people receive it.
      items.push_back(
          boost::json::object{{"id", e.id},
                              {"title", e.title},
                              {"kind", e.kind},
                              {"organization_name", e.organization_name},
                              {"date", core::ToIso(e.date)},
                              {"start", events::FormatTime(e.start_minutes)},
                              {"end", events::FormatTime(e.end_minutes)},
                              {"venue", e.venue},
                              {"area", e.area},
                              {"audiences", std::move(audiences)},
                              {"fee", e.fee},
                              {"status", e.status},
                              {"open_for_registration", events->OpenForRegistration(e)},
                              {"venue_places", Places(e, "venue")},
                              {"online_places", Places(e, "online")},
                              {"url", sv.config.server.public_url + events::EventPath(e.id)}});
    }
    // The coming events fit one answer; the list shape is the other lists'.
    auto r =
        JsonResponse(boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
    // Public and the same for everyone; places change with every registration.
    r.headers.Set("Cache-Control", "public, max-age=30");
    return r;
  };
}

app::RouteHandler MakeListRegistrations(app::Services& sv) {
  return [&sv, events = ServiceOf(sv)](web::RequestContext& ctx) {
    const std::int64_t id = web::ParseId(ctx.Param("id"));
    if (id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
    const CursorCodec codec(sv.cipher, "/api/v1/events/" + std::to_string(id) + "/registrations");
    auto page = ReadPageRequest(ctx, codec);
    if (!page) return ProblemResponse(sv.catalog, ctx.lang, 400, page.error().message_key);
    // The registration list page's two calls: the event (its organisation only), then the
    // audited read of its registrations.
    auto event = events->GetOwn(*ctx.Who(), id);
    if (!event) return ProblemFor(sv.catalog, ctx.lang, event.error());
    auto rows = events->Registrations(*ctx.Who(), ctx.Actor(), id);
    if (!rows) return ProblemFor(sv.catalog, ctx.lang, rows.error());
    auto out = Paginate(
        std::move(*rows), *page, codec,
        [](const events::RegistrationRow& r) {
          return SortKey{r.created_at, r.id};
        },
        [](const events::RegistrationRow& r) { return RegistrationJson(r); });
    out["event_id"] = id;
    return JsonResponse(out);
  };
}

app::RouteHandler MakeCreateRegistration(app::Services& sv) {
  return [&sv, events = ServiceOf(sv)](web::RequestContext& ctx) {
    const std::int64_t id = web::ParseId(ctx.Param("id"));
    if (id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
    // The event first: another organisation's answers 404 whatever the body holds.
    auto event = events->GetOwn(*ctx.Who(), id);
    if (!event) return ProblemFor(sv.catalog, ctx.lang, event.error());
    boost::system::error_code ec;
    boost::json::value body = boost::json::parse(ctx.request.body, ec);
    if (ec || !body.is_object()) {
      return ProblemResponse(sv.catalog, ctx.lang, 400, "api.error.body");
    }
    const auto& o = body.as_object();
    events::RegistrationRequest request;
    request.event_id = id;
    request.mode = Text(o, "mode");
    request.affiliation = Text(o, "affiliation");
    request.municipality = Text(o, "municipality");
    request.person.name = Text(o, "name");
    request.person.furigana = Text(o, "furigana");
    request.person.phone = Text(o, "phone");
    request.person.email = Text(o, "email");
    request.channel = Text(o, "channel");
    request.consent = Flag(o, "consent");
    request.accept_waiting = Flag(o, "accept_waiting");
    request.also_online = Flag(o, "also_online");
    request.lang = events::PersonLanguage(Text(o, "person_language"));
    // Staff enter what came by e-mail, phone or fax; the web channel is the public form's.
    auto errors = events::EventService::ValidateRegistration(request);
    if (request.channel != "mail" && request.channel != "phone" && request.channel != "fax") {
      errors.push_back({"channel", "events.error.channel"});
    }
    if (!errors.empty()) return ProblemResponse(sv.catalog, ctx.lang, 422, "error.form", errors);
    auto receipt = events->RegisterByStaff(*ctx.Who(), ctx.Actor(), request);
    if (!receipt) return ProblemFor(sv.catalog, ctx.lang, receipt.error());
    return JsonResponse(boost::json::object{{"id", receipt->registration_id},
                                            {"reference", receipt->reference},
                                            {"event_id", id},
                                            {"status", receipt->status},
                                            {"position", receipt->position},
                                            {"online_meanwhile", receipt->online_meanwhile}},
                        201);
  };
}

}  // namespace tsunagu::api::handlers
