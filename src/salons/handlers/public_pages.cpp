// The public salon pages, no account needed: every salon that is not closed, searched with the
// directory's kana folding and filtered by 市町村 and network, and one salon's page with its
// schedule, place, contact, next meetings (each a calendar event) and the display names of
// its active peer supporters. No 世話人's name is ever shown: only their roles.
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "peers/peer_service.hpp"
#include "salons/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::salons::handlers {
namespace {

constexpr std::size_t kMaxQuery = 100;
constexpr int kMeetingsShown = 6;

std::string Schedule(const Deps& d, const web::RequestContext& ctx, const Salon& s) {
  return consultations::DescribeRule(s.rule, ctx.lang, d.pages.catalog());
}

void AddSalon(const Deps& d, const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
              const Salon& s) {
  dict.SetIntValue("ID", s.id);
  dict.SetValue("NAME", s.name);
  dict.SetValue("HOST", d.pages.T(ctx, "salons.host_kind." + s.host_kind) + "：" + s.host_name);
  dict.SetValue("SCHEDULE", Schedule(d, ctx, s));
  dict.SetValue("HOLIDAYS",
                consultations::DescribeHolidayHandling(s.rule, ctx.lang, d.pages.catalog()));
  dict.SetValue("AREA", s.municipality);
  dict.SetValue("VENUE", s.venue);
  dict.SetValue("STATUS", d.pages.T(ctx, "salons.status." + s.status));
  if (s.status != "active") dict.ShowSection("NOT_ACTIVE");
  auto optional = [&](const char* section, const std::string& text) {
    if (!text.empty()) dict.AddSectionDictionary(section)->SetValue("TEXT", text);
  };
  optional("FURIGANA", s.furigana);
  optional("CARETAKERS", s.caretaker_roles);
  optional("ACCESS", s.access);
  optional("AUDIENCE", s.audience);
  optional("NETWORK", s.network);
  optional("CONTACT", s.contact);
  dict.ShowSection(s.capacity > 0 ? "REGISTRATION" : "NO_REGISTRATION");
}

http::Response List(const Deps& d, web::RequestContext& ctx) {
  SalonQuery query;
  query.text = ctx.request.Query("q").value_or("");
  if (core::CountCodePoints(query.text) > kMaxQuery) query.text.clear();
  query.municipality = ctx.request.Query("area").value_or("");
  query.network = ctx.request.Query("network").value_or("");
  auto salons = d.salons->Search(query);
  if (!salons) return web::Failure(d.pages, ctx, salons.error());
  auto filters = d.salons->Filters();
  if (!filters) return web::Failure(d.pages, ctx, filters.error());
  ctemplate::TemplateDictionary dict("salons_list");
  dict.SetValue("Q", query.text);
  for (const auto& area : filters->first) {
    auto* o = dict.AddSectionDictionary("AREA_OPTION");
    o->SetValue("VALUE", area);
    if (area == query.municipality) o->ShowSection("SELECTED");
  }
  for (const auto& network : filters->second) {
    auto* o = dict.AddSectionDictionary("NETWORK_OPTION");
    o->SetValue("VALUE", network);
    if (network == query.network) o->ShowSection("SELECTED");
  }
  if (!query.text.empty() || !query.municipality.empty() || !query.network.empty()) {
    dict.AddSectionDictionary("SEARCHED")
        ->SetValue("RESULT", d.pages.catalog().Format(ctx.lang, "salons.list.result",
                                                      {{"count", std::to_string(salons->size())}}));
  }
  dict.ShowSection(salons->empty() ? "NONE" : "SOME");
  for (const auto& s : *salons) AddSalon(d, ctx, *dict.AddSectionDictionary("SALON"), s);
  return d.pages.Render(ctx, "salons/list", "salons.list.title", dict);
}

http::Response Show(const Deps& d, web::RequestContext& ctx) {
  const auto id = web::ParseId(ctx.Param("id"));
  if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
  auto salon = d.salons->Find(id);
  if (!salon) return web::Failure(d.pages, ctx, salon.error());
  const core::Date today = core::DateFromUnixSeconds(d.clock.NowSeconds());
  auto meetings = d.salons->UpcomingMeetings(id, today, kMeetingsShown);
  if (!meetings) return web::Failure(d.pages, ctx, meetings.error());
  auto peers = peers::ActiveDisplayNamesAtSalon(d.db, id);
  if (!peers) return web::Failure(d.pages, ctx, peers.error());
  ctemplate::TemplateDictionary dict("salons_show");
  AddSalon(d, ctx, dict, *salon);
  if (meetings->empty()) dict.ShowSection("NO_MEETINGS");
  for (const auto& m : *meetings) {
    auto* row = dict.AddSectionDictionary("MEETING");
    row->SetIntValue("EVENT_ID", m.event_id);
    row->SetValue("WHEN", core::FormatDate(m.date, ctx.lang) + " " +
                              consultations::FormatMinutes(m.start_minutes) + "〜" +
                              consultations::FormatMinutes(m.end_minutes));
  }
  if (!peers->empty()) {
    std::string names;
    for (const auto& n : *peers) names += (names.empty() ? "" : "、") + n;
    dict.SetValueAndShowSection("PEER_NAMES", names, "PEERS");
  }
  return d.pages.Render(ctx, "salons/show",
                        web::Title{"salons.show.title", {{"name", salon->name}}}, dict);
}

}  // namespace

void AddPublicRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add({"GET", "/salons", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return List(deps, ctx); }});
  router.Add({"GET", "/salons/{id}", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Show(deps, ctx); }});
}

void AddRoutes(app::Router& router, const Deps& deps) {
  // The first route that matches wins: /salons/manage and /salons/new before /salons/{id}.
  AddManageRoutes(router, deps);
  AddFeedRoutes(router, deps);
  AddPublicRoutes(router, deps);
}

}  // namespace tsunagu::salons::handlers
