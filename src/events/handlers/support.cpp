#include "events/handlers/support.hpp"

#include <cctype>

#include "consultations/booking_cancel.hpp"
#include "core/text.hpp"
#include "events/event_mail.hpp"
#include "events/handlers/lifecycle.hpp"
#include "web/forms.hpp"

namespace tsunagu::events::handlers {
namespace {

int Capacity(const std::string& text) {
  const std::string t = core::Trim(core::NormalizeNfkc(text));
  return t.empty() ? 0 : web::ParseInt(t);
}

std::string Value(const Values& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

}  // namespace

core::Date Today(const Deps& d) {
  return core::DateFromUnixSeconds(d.clock.NowSeconds());
}

std::optional<http::Response> Throttled(const Deps& d, web::RequestContext& ctx) {
  const auto& limits = d.config.security;
  auto counted = consultations::CountPublicSubmission(
      d.db, d.clock.NowSeconds(), ctx.request.remote_address, limits.public_form_limit,
      limits.public_form_window_minutes * 60);
  if (counted.ok()) return std::nullopt;
  if (counted.error().code == core::ErrorCode::kRateLimited) {
    return d.pages.Error(ctx, 429, "events.rate_limited");
  }
  return d.pages.Error(ctx, 500, "error.internal");
}

http::Response Failure(const Deps& d, web::RequestContext& ctx, const core::Error& error) {
  return web::Failure(d.pages, ctx, error);
}

EventInput ReadEventInput(const web::RequestContext& ctx) {
  EventInput in;
  in.kind = ctx.Form("kind");
  in.title = ctx.Form("title");
  in.description = ctx.Form("description");
  in.date = core::NormalizeNfkc(ctx.Form("date"));
  in.start_minutes = ParseTime(core::Trim(core::NormalizeNfkc(ctx.Form("start_time"))));
  in.end_minutes = ParseTime(core::Trim(core::NormalizeNfkc(ctx.Form("end_time"))));
  in.venue = ctx.Form("venue");
  in.area = ctx.Form("area");
  in.access = ctx.Form("access");
  in.meeting_url = ctx.Form("meeting_url");
  in.venue_capacity = Capacity(ctx.Form("venue_capacity"));
  in.online_capacity = Capacity(ctx.Form("online_capacity"));
  in.audiences = ctx.FormValues("audiences");
  in.fee = ctx.Form("fee");
  in.contact = ctx.Form("contact");
  in.speakers = ctx.Form("speakers");
  in.co_hosts = ctx.Form("co_hosts");
  in.status = ctx.Form("status");
  in.lifecycle = ReadLifecycle(ctx);
  return in;
}

Values ValuesOf(const Event& e) {
  Values v;
  v.emplace("kind", e.kind);
  v.emplace("title", e.title);
  v.emplace("description", e.description);
  v.emplace("date", core::ToIso(e.date));
  v.emplace("start_time", FormatTime(e.start_minutes));
  v.emplace("end_time", FormatTime(e.end_minutes));
  v.emplace("venue", e.venue);
  v.emplace("area", e.area);
  v.emplace("access", e.access);
  v.emplace("meeting_url", e.meeting_url);
  v.emplace("venue_capacity", std::to_string(e.venue_capacity));
  v.emplace("online_capacity", std::to_string(e.online_capacity));
  for (const auto& a : e.audiences) v.emplace("audiences", a);
  v.emplace("fee", e.fee);
  v.emplace("contact", e.contact);
  v.emplace("speakers", e.speakers);
  v.emplace("co_hosts", e.co_hosts);
  v.emplace("status", e.status);
  AddLifecycleValues(v, e.lifecycle);
  return v;
}

RegistrationRequest ReadRegistration(const web::RequestContext& ctx, std::int64_t event_id) {
  RegistrationRequest r;
  r.event_id = event_id;
  r.mode = ctx.Form("mode");
  r.affiliation = ctx.Form("affiliation");
  r.municipality = ctx.Form("municipality");
  r.person.name = ctx.Form("name");
  r.person.furigana = ctx.Form("furigana");
  r.person.phone = ctx.Form("phone");
  r.person.email = ctx.Form("email");
  r.consent = ctx.Form("consent") == "1";
  r.accept_waiting = ctx.Form("accept_waiting") == "1";
  r.also_online = ctx.Form("also_online") == "1";
  r.channel = ctx.Form("channel").empty() ? "web" : ctx.Form("channel");
  r.lang = ctx.lang;
  return r;
}

void AddRegistrationFields(const Deps& d, const web::RequestContext& ctx,
                           ctemplate::TemplateDictionary& dict, const Event& event,
                           const Values& values) {
  for (const char* f : {"name", "furigana", "phone", "email", "municipality"}) {
    std::string key = std::string("V_") + f;
    for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    dict.SetValue(key, Value(values, f));
  }
  std::vector<std::string> offered;
  for (auto mode : kModes) {
    if (event.Offers(mode)) offered.emplace_back(mode);
  }
  std::string chosen = Value(values, "mode");
  if (chosen.empty() && offered.size() == 1) chosen = offered.front();
  bool first = true;
  for (const auto& mode : offered) {
    auto* item = dict.AddSectionDictionary("MODE");
    item->SetValue("CODE", mode);
    item->SetValue("ID", first ? "mode" : "mode-" + mode);
    first = false;
    item->SetValue("LABEL", d.pages.T(ctx, "events.mode." + mode));
    item->SetValue("PLACES", PlacesText(d, ctx, event, mode));
    if (chosen == mode) item->ShowSection("CHECKED");
  }
  web::AddChoices(d.pages, ctx, dict, "AFFILIATION", "affiliation", "events.affiliation.",
                  kAffiliations, {Value(values, "affiliation")});
  if (Value(values, "consent") == "1") dict.ShowSection("CONSENT_CHECKED");
  if (Value(values, "accept_waiting") == "1") dict.ShowSection("WAITING_CHECKED");
}

std::string PlacesText(const Deps& d, const web::RequestContext& ctx, const Event& event,
                       const std::string& mode) {
  const int free = event.Free(mode);
  const int waiting = mode == "online" ? event.online_waiting : event.venue_waiting;
  const auto& catalog = d.pages.catalog();
  if (free > 0) {
    return catalog.Format(
        ctx.lang, "events.places.left",
        {{"capacity", std::to_string(event.Capacity(mode))}, {"free", std::to_string(free)}});
  }
  return catalog.Format(
      ctx.lang, "events.places.full",
      {{"capacity", std::to_string(event.Capacity(mode))}, {"waiting", std::to_string(waiting)}});
}

void AddEventDetails(const Deps& d, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict, const Event& e) {
  dict.SetIntValue("EVENT_ID", e.id);
  dict.SetValue("TITLE", e.title);
  dict.SetValue("KIND", d.pages.T(ctx, "events.kind." + e.kind));
  dict.SetValue("WHEN", WhenLine(e, ctx.lang));
  dict.SetValue("ORGANIZER", e.organization_name);
  if (!e.description.empty())
    dict.SetValueAndShowSection("DESCRIPTION", e.description, "HAS_DESCRIPTION");
  if (!e.venue.empty()) {
    auto* venue = dict.AddSectionDictionary("HAS_VENUE");
    venue->SetValue("VENUE", e.venue);
    if (!e.access.empty()) venue->SetValueAndShowSection("ACCESS", e.access, "HAS_ACCESS");
  }
  if (e.Offers("online")) dict.ShowSection("HAS_ONLINE");
  for (auto mode : kModes) {
    if (!e.Offers(mode)) continue;
    auto* places = dict.AddSectionDictionary("PLACES");
    places->SetValue("MODE", d.pages.T(ctx, "events.mode." + std::string(mode)));
    places->SetValue("TEXT", PlacesText(d, ctx, e, std::string(mode)));
  }
  std::string audiences;
  for (const auto& a : e.audiences) {
    audiences += (audiences.empty() ? "" : "・") + d.pages.T(ctx, "events.audience." + a);
  }
  dict.SetValue("AUDIENCES", audiences);
  if (!e.fee.empty()) dict.SetValueAndShowSection("FEE", e.fee, "HAS_FEE");
  if (!e.contact.empty()) dict.SetValueAndShowSection("CONTACT", e.contact, "HAS_CONTACT");
  if (!e.speakers.empty()) dict.SetValueAndShowSection("SPEAKERS", e.speakers, "HAS_SPEAKERS");
  if (!e.co_hosts.empty()) dict.SetValueAndShowSection("CO_HOSTS", e.co_hosts, "HAS_CO_HOSTS");
  if (e.status == "cancelled") dict.ShowSection("CANCELLED");
  dict.SetValue("STATUS", d.pages.T(ctx, "events.status." + e.status));
}

}  // namespace tsunagu::events::handlers
