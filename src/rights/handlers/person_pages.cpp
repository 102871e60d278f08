// The disclosure of one person (開示, APPI 第33条) as an A4 page and as JSON, and the actions
// on the person: 利用停止 and its lifting, 消去.
#include <ctemplate/template.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "api/json.hpp"
#include "core/text.hpp"
#include "rights/handlers/disclosure_view.hpp"
#include "rights/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::rights::handlers {
namespace {

std::string PersonPath(std::int64_t id) {
  return "/org/rights/clients/" + std::to_string(id);
}

http::Response Show(const Deps& deps, web::RequestContext& ctx, std::int64_t id) {
  auto d = deps.rights->Disclose(*ctx.Who(), ctx.Actor(), id, "html");
  if (!d) return web::Failure(deps.pages, ctx, d.error());
  ctemplate::TemplateDictionary dict("rights_person");
  dict.SetValue("PATH", PersonPath(id));
  dict.SetIntValue("CLIENT_ID", id);
  dict.SetValue("ORG", d->organization_name);
  dict.SetValue("MADE_AT", web::DateTimeOf(ctx, d->made_at));
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "stopped" || done == "lifted" || done == "erased") {
    dict.SetValueAndShowSection("NOTICE_TEXT", deps.pages.T(ctx, "rights.done." + done), "NOTICE");
  }
  if (d->anonymised_at != 0) {
    dict.SetValueAndShowSection("ERASED_AT", web::DateTimeOf(ctx, d->anonymised_at), "ERASED");
  } else if (d->use_stopped_at != 0) {
    dict.SetValueAndShowSection("STOPPED_AT", web::DateTimeOf(ctx, d->use_stopped_at), "STOPPED");
  } else {
    dict.ShowSection("IN_USE");
  }
  if (d->anonymised_at == 0) dict.ShowSection("NOT_ERASED");
  AddDisclosure(deps, ctx, dict, *d);
  return deps.pages.Render(ctx, "rights/person",
                           web::Title{"rights.person.title_of", {{"id", std::to_string(id)}}},
                           dict);
}

boost::json::object ClientJson(const Disclosure& d) {
  const auto& c = d.client;
  return {{"name", c.name},
          {"kana", c.kana},
          {"phone", c.phone},
          {"email", c.email},
          {"birth_year", c.birth_year},
          {"age_band", c.age_band},
          {"gender", c.gender},
          {"municipality", c.municipality},
          {"diagnosis", c.diagnosis},
          {"treatment_status", c.treatment_status},
          {"work_status", c.work_status},
          {"employer", c.employer},
          {"notes", c.notes},
          {"registered_at", api::FormatIsoUtc(d.created_at)}};
}

boost::json::object DisclosureJson(const Disclosure& d) {
  boost::json::array bookings;
  for (const auto& b : d.bookings) {
    bookings.push_back({{"reference", b.reference},
                        {"program", b.program_name},
                        {"day", b.day},
                        {"status", b.status},
                        {"channel", b.channel},
                        {"age_band", b.age_band},
                        {"gender", b.gender},
                        {"municipality", b.municipality},
                        {"topics", b.topics},
                        {"name", b.name},
                        {"furigana", b.furigana},
                        {"phone", b.phone},
                        {"email", b.email},
                        {"diagnosis", b.diagnosis},
                        {"notes", b.notes},
                        {"anonymised", b.anonymised}});
  }
  boost::json::array records;
  for (const auto& r : d.records) {
    records.push_back({{"day", r.day},
                       {"topics", r.topics},
                       {"outcome", r.outcome},
                       {"follow_up", r.follow_up},
                       {"minutes", r.minutes},
                       {"summary", r.summary},
                       {"info_given", r.info_given}});
  }
  boost::json::array cases;
  for (const auto& c : d.cases) {
    boost::json::array entries;
    for (const auto& e : c.entries) {
      entries.push_back({{"occurred_on", e.occurred_on}, {"kind", e.kind}, {"body", e.body}});
    }
    cases.push_back({{"id", c.id},
                     {"status", c.status},
                     {"outcome", c.outcome},
                     {"outcome_on", c.outcome_on},
                     {"opened_at", api::FormatIsoUtc(c.opened_at)},
                     {"goals", c.goals},
                     {"timeline", std::move(entries)}});
  }
  boost::json::array consents;
  for (const auto& c : d.consents) {
    boost::json::array parties;
    for (const auto& p : c.parties) parties.push_back(boost::json::value(p));
    consents.push_back({{"items", c.items},
                        {"purpose", c.purpose},
                        {"valid_from", c.valid_from},
                        {"valid_until", c.valid_until},
                        {"method", c.method},
                        {"withdrawn_at", api::TimeOrNull(c.withdrawn_at)},
                        {"parties", std::move(parties)}});
  }
  boost::json::array provisions;
  for (const auto& p : d.provisions) {
    provisions.push_back({{"provided_on", p.provided_on},
                          {"recipient", p.recipient},
                          {"items", p.items},
                          {"channel", p.channel}});
  }
  boost::json::array registrations;
  for (const auto& r : d.registrations) {
    registrations.push_back({{"reference", r.reference},
                             {"event", r.event_title},
                             {"event_date", r.event_date},
                             {"status", r.status},
                             {"mode", r.mode},
                             {"name", r.name},
                             {"furigana", r.furigana},
                             {"phone", r.phone},
                             {"email", r.email}});
  }
  boost::json::array documents;
  for (const auto& doc : d.documents) {
    documents.push_back({{"title", doc.title},
                         {"case_id", doc.case_id},
                         {"added_at", api::FormatIsoUtc(doc.created_at)},
                         {"removed", doc.removed}});
  }
  boost::json::array contacts;
  for (const auto& c : d.contacts) {
    contacts.push_back({{"contacted_on", c.contacted_on},
                        {"channel", c.channel},
                        {"topics", c.topics},
                        {"summary", c.summary}});
  }
  boost::json::array placements;
  for (const auto& p : d.placements) {
    placements.push_back({{"case_id", p.case_id}, {"kind", p.kind}, {"start_on", p.start_on}});
  }
  return {{"organization", d.organization_name},
          {"made_at", api::FormatIsoUtc(d.made_at)},
          {"use_stopped_at", api::TimeOrNull(d.use_stopped_at)},
          {"anonymised_at", api::TimeOrNull(d.anonymised_at)},
          {"client", ClientJson(d)},
          {"bookings", std::move(bookings)},
          {"consultation_records", std::move(records)},
          {"cases", std::move(cases)},
          {"consents", std::move(consents)},
          {"provision_records", std::move(provisions)},
          {"registrations", std::move(registrations)},
          {"documents", std::move(documents)},
          {"contacts", std::move(contacts)},
          {"placements", std::move(placements)}};
}

http::Response Json(const Deps& deps, web::RequestContext& ctx, std::int64_t id) {
  auto d = deps.rights->Disclose(*ctx.Who(), ctx.Actor(), id, "json");
  if (!d) return web::Failure(deps.pages, ctx, d.error());
  auto res = api::JsonResponse(DisclosureJson(*d));
  res.headers.Set("Content-Disposition",
                  "attachment; filename=\"disclosure-" + std::to_string(id) + ".json\"");
  res.headers.Set("Cache-Control", "no-store");
  return res;
}

// After an action: the person's page with what was done, or the problem.
http::Response After(const Deps& deps, web::RequestContext& ctx, std::int64_t id,
                     const core::Status& done, const std::string& code) {
  if (!done) return web::Failure(deps.pages, ctx, done.error());
  return web::SeeOther(PersonPath(id) + "?done=" + code);
}

using Handler = std::function<http::Response(const Deps&, web::RequestContext&, std::int64_t)>;

app::RouteHandler WithPerson(const Deps& deps, Handler f) {
  return [deps, f = std::move(f)](web::RequestContext& ctx) {
    const auto id = web::ParseId(ctx.Param("id"));
    if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
    return f(deps, ctx, id);
  };
}

}  // namespace

void AddPersonRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add(
      {"GET", "/org/rights/clients/{id}", Permission::kOrgCoordinate, WithPerson(deps, Show)});
  router.Add(
      {"GET", "/org/rights/clients/{id}/json", Permission::kOrgCoordinate, WithPerson(deps, Json)});
  router.Add({"POST", "/org/rights/clients/{id}/stop", Permission::kOrgCoordinate,
              WithPerson(deps, [](const Deps& d, web::RequestContext& ctx, std::int64_t id) {
                return After(d, ctx, id, d.rights->StopUse(*ctx.Who(), ctx.Actor(), id), "stopped");
              })});
  router.Add({"POST", "/org/rights/clients/{id}/lift", Permission::kOrgCoordinate,
              WithPerson(deps, [](const Deps& d, web::RequestContext& ctx, std::int64_t id) {
                return After(d, ctx, id, d.rights->LiftStop(*ctx.Who(), ctx.Actor(), id), "lifted");
              })});
  router.Add({"POST", "/org/rights/clients/{id}/erase", Permission::kOrgCoordinate,
              WithPerson(deps, [](const Deps& d, web::RequestContext& ctx, std::int64_t id) {
                if (ctx.Form("confirm") != "1") {
                  return d.pages.Error(ctx, 422, "rights.error.confirm_erase");
                }
                return After(d, ctx, id, d.rights->Erase(*ctx.Who(), ctx.Actor(), id), "erased");
              })});
}

void AddRoutes(app::Router& router, const Deps& deps) {
  AddFindRoutes(router, deps);
  AddLogRoutes(router, deps);
  AddPersonRoutes(router, deps);
}

}  // namespace tsunagu::rights::handlers
