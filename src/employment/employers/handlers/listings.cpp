// Openings offered to people: the public /jobs list and page (published, open, unexpired; no
// contact people, no notes; a GET form that works without JavaScript), and the openings that fit
// one support case (/cases/{id}/openings), each linked to the case's new application form.
#include "core/text.hpp"
#include "employment/employers/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::employers::handlers {
namespace {

OpeningQuery ReadFilters(const web::RequestContext& ctx) {
  OpeningQuery q;
  q.municipality = core::Trim(core::NormalizeNfkc(ctx.request.Query("municipality").value_or("")));
  q.employment_type = ctx.request.Query("employment_type").value_or("");
  if (!InList(kEmploymentTypes, q.employment_type)) q.employment_type.clear();
  q.short_hours = ctx.request.Query("short_hours").value_or("") == "1";
  q.telework = ctx.request.Query("telework").value_or("") == "1";
  const std::string hours =
      core::Trim(core::NormalizeNfkc(ctx.request.Query("max_hours").value_or("")));
  if (const int h = hours.empty() ? -1 : web::ParseInt(hours); h > 0) q.max_weekly_hours = h;
  return q;
}

void FillFilters(const Deps& d, const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
                 const OpeningQuery& q) {
  dict.SetValue("MUNICIPALITY", q.municipality);
  if (q.max_weekly_hours) dict.SetIntValue("MAX_HOURS", *q.max_weekly_hours);
  if (q.short_hours) dict.ShowSection("SHORT_CHECKED");
  if (q.telework) dict.ShowSection("TELEWORK_CHECKED");
  for (auto t : kEmploymentTypes) {
    auto* o = dict.AddSectionDictionary("TYPE_OPTION");
    o->SetValue("VALUE", std::string(t));
    o->SetValue("LABEL", d.pages.T(ctx, "employers.employment_type." + std::string(t)));
    if (q.employment_type == t) o->ShowSection("SELECTED");
  }
}

http::Response ShowJobs(const Deps& d, web::RequestContext& ctx) {
  const OpeningQuery q = ReadFilters(ctx);
  auto rows = d.openings->Published(q);
  if (!rows) return web::Failure(d.pages, ctx, rows.error());
  ctemplate::TemplateDictionary dict("jobs_list");
  FillFilters(d, ctx, dict, q);
  dict.SetIntValue("TOTAL", static_cast<long>(rows->size()));
  if (rows->empty()) dict.ShowSection("NONE");
  for (const auto& o : *rows) FillOpening(d.pages, ctx, *dict.AddSectionDictionary("OPENING"), o);
  return d.pages.Render(ctx, "employers/jobs", "employers.jobs.title", dict);
}

http::Response ShowJob(const Deps& d, web::RequestContext& ctx) {
  const auto id = web::ParseId(ctx.Param("id"));
  if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
  auto o = d.openings->PublishedOne(id);
  if (!o) return web::Failure(d.pages, ctx, o.error());
  ctemplate::TemplateDictionary dict("jobs_show");
  FillOpening(d.pages, ctx, dict, *o);
  return d.pages.Render(ctx, "employers/job",
                        web::Title{"employers.opening.title", {{"title", o->title}}}, dict);
}

http::Response ShowCaseOpenings(const Deps& d, web::RequestContext& ctx) {
  const auto case_id = web::ParseId(ctx.Param("id"));
  if (case_id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
  OpeningQuery q = ReadFilters(ctx);
  // The person's 市町村 until the worker searches (an empty box then means any).
  const bool searched = ctx.request.Query("search").has_value();
  auto fit = d.openings->ForCase(*ctx.Who(), case_id, q, !searched);
  if (!fit) return web::Failure(d.pages, ctx, fit.error());
  if (!searched) q.municipality = fit->municipality;
  ctemplate::TemplateDictionary dict("case_openings");
  dict.SetIntValue("CASE_ID", case_id);
  FillFilters(d, ctx, dict, q);
  if (!fit->municipality.empty()) {
    dict.SetValueAndShowSection("PERSON_AREA", fit->municipality, "HAS_PERSON_AREA");
  }
  dict.SetIntValue("TOTAL", static_cast<long>(fit->openings.size()));
  if (fit->openings.empty()) dict.ShowSection("NONE");
  for (const auto& o : fit->openings) {
    auto* row = dict.AddSectionDictionary("OPENING");
    FillOpening(d.pages, ctx, *row, o);
    row->SetIntValue("CASE_ID", case_id);
  }
  return d.pages.Render(ctx, "employers/case_openings", "employers.fit.title", dict);
}

}  // namespace

void AddListingRoutes(app::Router& router, const Deps& d) {
  using auth::Permission;
  router.Add({"GET", "/jobs", Permission::kPublic,
              [d](web::RequestContext& ctx) { return ShowJobs(d, ctx); }});
  router.Add({"GET", "/jobs/{id}", Permission::kPublic,
              [d](web::RequestContext& ctx) { return ShowJob(d, ctx); }});
  router.Add({"GET", "/cases/{id}/openings", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return ShowCaseOpenings(d, ctx); }});
}

}  // namespace tsunagu::employment::employers::handlers
