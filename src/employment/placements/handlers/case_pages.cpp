// 応募・就労 of one support case: its applications with their steps and placements with their
// follow-ups, the form of a new application, the next step of one, and the placement form
// (就労決定 from an application, or 復職 / 就労継続 with the current employer).
#include <string_view>

#include "employment/placements/handlers/routes.hpp"
#include "employment/placements/handlers/view.hpp"
#include "web/forms.hpp"
#include "web/lines.hpp"

namespace tsunagu::employment::placements::handlers {
namespace {

std::string CasePath(std::int64_t id) {
  return "/cases/" + std::to_string(id);
}

std::int64_t IdOf(const web::RequestContext& ctx, const char* name) {
  return web::ParseId(ctx.Param(name));
}

http::Response NotFound(const Deps& deps, const web::RequestContext& ctx) {
  return deps.pages.Error(ctx, 404, "error.not_found");
}

// `error` belongs to the step form of application `error_app` (its input is kept there).
http::Response ShowApplications(const Deps& deps, web::RequestContext& ctx, std::int64_t case_id,
                                const core::Error* error = nullptr, std::int64_t error_app = 0) {
  auto got = deps.placements->ForCase(*ctx.Who(), ctx.Actor(), case_id);
  if (!got) return web::Failure(deps.pages, ctx, got.error());
  const auto today = core::ToIso(core::DateFromUnixSeconds(deps.clock.NowSeconds()));
  ctemplate::TemplateDictionary dict("placements_case");
  dict.SetValue("CASE_PATH", CasePath(case_id));
  dict.SetIntValue("CASE_ID", case_id);
  const bool can_record = got->runs_case && got->case_status != "closed";
  if (can_record) dict.ShowSection("CAN_RECORD");
  for (const auto& a : got->applications) {
    auto* row = dict.AddSectionDictionary("APPLICATION");
    row->SetIntValue("ID", a.id);
    row->SetValue("EMPLOYER", a.employer_name);
    if (!a.opening_title.empty())
      row->SetValueAndShowSection("OPENING", a.opening_title, "HAS_OPENING");
    row->SetValue("STATUS", deps.pages.T(ctx, "placements.status." + a.status));
    row->SetValue("STATUS_CODE", a.status);
    row->SetValue("DISCLOSURE", deps.pages.T(ctx, "placements.disclosure." + a.disclosure));
    row->SetValue("APPLIED_ON", core::FormatDate(a.applied_on, ctx.lang));
    if (!a.notes.empty())
      web::AddLines(*row->AddSectionDictionary("APP_NOTES"), "NOTE_LINE", a.notes);
    for (const auto& st : a.steps) {
      auto* step = row->AddSectionDictionary("STEP");
      step->SetValue("STATUS", deps.pages.T(ctx, "placements.status." + st.status));
      step->SetValue("DATE", core::FormatDate(st.happened_on, ctx.lang));
      step->SetValue("BY", st.recorded_by);
      if (st.entered_late) step->ShowSection("LATE");
      if (!st.note.empty()) web::AddLines(*step, "STEP_NOTE", st.note);
    }
    if (!can_record || a.next.empty()) continue;
    auto* form = row->AddSectionDictionary("STEP_FORM");
    const bool mine = error != nullptr && error_app == a.id;
    form->SetIntValue("ID", a.id);
    form->SetValue("CASE_PATH", CasePath(case_id));
    form->SetValue("CSRF", ctx.CsrfToken());
    form->SetIntValue("VERSION", mine ? web::ParseInt(ctx.Form("version")) : a.version);
    const std::string chosen = mine ? ctx.Form("status") : a.next.front();
    for (const auto& code : a.next) {
      if (code == "placed") continue;
      auto* o = form->AddSectionDictionary("NEXT");
      o->SetValue("CODE", code);
      o->SetValue("LABEL", deps.pages.T(ctx, "placements.status." + code));
      if (code == chosen) o->ShowSection("SELECTED");
    }
    form->SetValue("V_HAPPENED_ON", mine ? ctx.Form("happened_on") : today);
    form->SetValue("V_NOTE", mine ? ctx.Form("note") : "");
    if (mine) deps.pages.AddErrors(*form, ctx, *error);
    if (a.status != "declined" && a.status != "rejected") {
      form->SetValueAndShowSection(
          "PLACE_PATH", CasePath(case_id) + "/placements/new?application=" + std::to_string(a.id),
          "CAN_PLACE");
    }
  }
  if (got->applications.empty()) dict.ShowSection("NO_APPLICATIONS");
  for (const auto& p : got->placements) AddPlacement(deps.pages, ctx, dict, p, got->runs_case);
  if (got->placements.empty()) dict.ShowSection("NO_PLACEMENTS");
  if (error != nullptr) deps.pages.AddErrors(dict, ctx, *error);
  const auto done = ctx.request.Query("done").value_or("");
  for (std::string_view code : {"applied", "step", "placed"}) {
    if (done == code) {
      dict.SetValueAndShowSection("DONE", deps.pages.T(ctx, "placements.done." + done), "NOTICE");
    }
  }
  return deps.pages.Render(
      ctx, "placements/case",
      web::Title{"placements.case.title_of", {{"id", std::to_string(case_id)}}}, dict,
      error != nullptr ? web::StatusFor(error->code) : 200);
}

http::Response ApplicationForm(const Deps& deps, web::RequestContext& ctx, std::int64_t case_id,
                               const core::Error* error = nullptr) {
  // The case must be one the caller records on: the list is read (and access checked) first.
  auto got = deps.placements->ForCase(*ctx.Who(), ctx.Actor(), case_id);
  if (!got) return web::Failure(deps.pages, ctx, got.error());
  if (!got->runs_case) return deps.pages.Error(ctx, 403, "error.forbidden");
  auto openings = deps.placements->OpenOpenings(*ctx.Who());
  if (!openings) return web::Failure(deps.pages, ctx, openings.error());
  ctemplate::TemplateDictionary dict("placements_apply");
  dict.SetValue("CASE_PATH", CasePath(case_id));
  dict.SetIntValue("CASE_ID", case_id);
  const std::string opening =
      error != nullptr ? ctx.Form("opening_id") : ctx.request.Query("opening").value_or("");
  for (const auto& o : *openings) {
    auto* row = dict.AddSectionDictionary("OPENING");
    row->SetIntValue("ID", o.id);
    row->SetValue("LABEL", o.employer_name + " — " + o.title);
    if (std::to_string(o.id) == opening) row->ShowSection("SELECTED");
  }
  if (openings->empty()) dict.ShowSection("NO_OPENINGS");
  const auto today = core::ToIso(core::DateFromUnixSeconds(deps.clock.NowSeconds()));
  dict.SetValue("V_EMPLOYER_NAME", error != nullptr ? ctx.Form("employer_name") : "");
  dict.SetValue("V_APPLIED_ON", error != nullptr ? ctx.Form("applied_on") : today);
  dict.SetValue("V_NOTES", error != nullptr ? ctx.Form("notes") : "");
  web::AddChoices(
      deps.pages, ctx, dict, "DISCLOSURE", "disclosure", "placements.disclosure.", kDisclosures,
      std::vector<std::string>{error != nullptr ? ctx.Form("disclosure") : "undecided"});
  dict.SetIntValue("MAX_NOTE", static_cast<long>(PlacementService::kMaxNote));
  if (error != nullptr) deps.pages.AddErrors(dict, ctx, *error);
  return deps.pages.Render(ctx, "placements/apply", "placements.apply.title", dict,
                           error != nullptr ? web::StatusFor(error->code) : 200);
}

http::Response Apply(const Deps& deps, web::RequestContext& ctx, std::int64_t case_id) {
  ApplicationInput in;
  const std::string opening = ctx.Form("opening_id");
  in.opening_id = opening.empty() ? 0 : web::ParseId(opening);
  in.employer_name = ctx.Form("employer_name");
  in.applied_on = ctx.Form("applied_on");
  in.disclosure = ctx.Form("disclosure");
  in.notes = ctx.Form("notes");
  if (!opening.empty() && in.opening_id <= 0) in.opening_id = -1;  // refused by the service
  auto added = deps.placements->Apply(*ctx.Who(), ctx.Actor(), case_id, in);
  if (!added) {
    if (added.error().code == core::ErrorCode::kInvalidInput) {
      return ApplicationForm(deps, ctx, case_id, &added.error());
    }
    return web::Failure(deps.pages, ctx, added.error());
  }
  return web::SeeOther(CasePath(case_id) + "/applications?done=applied#application-" +
                       std::to_string(*added));
}

http::Response AddStep(const Deps& deps, web::RequestContext& ctx, std::int64_t case_id,
                       std::int64_t application_id) {
  StepInput in{ctx.Form("status"), ctx.Form("happened_on"), ctx.Form("note"),
               web::ParseInt(ctx.Form("version"))};
  auto done = deps.placements->AddStep(*ctx.Who(), ctx.Actor(), case_id, application_id, in);
  if (!done) {
    const auto code = done.error().code;
    if (code == core::ErrorCode::kInvalidInput || code == core::ErrorCode::kConflict) {
      return ShowApplications(deps, ctx, case_id, &done.error(), application_id);
    }
    return web::Failure(deps.pages, ctx, done.error());
  }
  return web::SeeOther(CasePath(case_id) + "/applications?done=step#application-" +
                       std::to_string(application_id));
}

http::Response PlacementForm(const Deps& deps, web::RequestContext& ctx, std::int64_t case_id,
                             const core::Error* error = nullptr) {
  auto got = deps.placements->ForCase(*ctx.Who(), ctx.Actor(), case_id);
  if (!got) return web::Failure(deps.pages, ctx, got.error());
  if (!got->runs_case) return deps.pages.Error(ctx, 403, "error.forbidden");
  const bool posted = error != nullptr;
  const std::string app_text =
      posted ? ctx.Form("application_id") : ctx.request.Query("application").value_or("");
  ctemplate::TemplateDictionary dict("placements_place");
  dict.SetValue("CASE_PATH", CasePath(case_id));
  dict.SetIntValue("CASE_ID", case_id);
  std::string disclosure = "undecided";
  if (!app_text.empty()) {
    const Application* app = nullptr;
    for (const auto& a : got->applications) {
      if (std::to_string(a.id) == app_text) app = &a;
    }
    if (app == nullptr) return NotFound(deps, ctx);
    auto* from = dict.AddSectionDictionary("FROM_APPLICATION");
    from->SetIntValue("APPLICATION_ID", app->id);
    from->SetIntValue("APPLICATION_VERSION",
                      posted ? web::ParseInt(ctx.Form("application_version")) : app->version);
    from->SetValue("EMPLOYER", app->employer_name);
    from->SetValue("STATUS", deps.pages.T(ctx, "placements.status." + app->status));
    if (!app->opening_title.empty())
      from->SetValueAndShowSection("OPENING", app->opening_title, "HAS_OPENING");
    disclosure = app->disclosure;
    dict.SetValue("V_KIND", "placement");
  } else {
    const std::string kind =
        posted ? ctx.Form("kind") : ctx.request.Query("kind").value_or("return_to_work");
    auto* direct = dict.AddSectionDictionary("DIRECT");
    web::AddChoices(deps.pages, ctx, *direct, "KIND", "kind", "placements.kind.",
                    std::array<std::string_view, 2>{"return_to_work", "kept_job"},
                    std::vector<std::string>{kind});
    direct->SetValue("V_EMPLOYER_NAME", posted ? ctx.Form("employer_name") : "");
  }
  const auto today = core::ToIso(core::DateFromUnixSeconds(deps.clock.NowSeconds()));
  dict.SetValue("V_JOB_TITLE", posted ? ctx.Form("job_title") : "");
  dict.SetValue("V_DECIDED_ON", posted ? ctx.Form("decided_on") : today);
  dict.SetValue("V_START_ON", posted ? ctx.Form("start_on") : "");
  dict.SetValue("V_WEEKLY_HOURS", posted ? ctx.Form("weekly_hours") : "");
  dict.SetValue("V_ACCOMMODATIONS", posted ? ctx.Form("accommodations") : "");
  const std::string type = posted ? ctx.Form("employment_type") : "";
  for (auto code : kEmploymentTypes) {
    auto* o = dict.AddSectionDictionary("EMPLOYMENT_TYPE");
    o->SetValue("CODE", std::string(code));
    o->SetValue("LABEL", deps.pages.T(ctx, "placements.employment." + std::string(code)));
    if (type == code) o->ShowSection("SELECTED");
  }
  web::AddChoices(deps.pages, ctx, dict, "DISCLOSURE", "disclosure", "placements.disclosure.",
                  kDisclosures,
                  std::vector<std::string>{posted ? ctx.Form("disclosure") : disclosure});
  dict.SetIntValue("MAX_NOTE", static_cast<long>(PlacementService::kMaxNote));
  if (posted) deps.pages.AddErrors(dict, ctx, *error);
  return deps.pages.Render(ctx, "placements/place", "placements.place.title", dict,
                           posted ? web::StatusFor(error->code) : 200);
}

http::Response Place(const Deps& deps, web::RequestContext& ctx, std::int64_t case_id) {
  PlacementInput in;
  const std::string app_text = ctx.Form("application_id");
  in.kind = app_text.empty() ? ctx.Form("kind") : "placement";
  in.application_id = app_text.empty() ? 0 : web::ParseId(app_text);
  if (!app_text.empty() && in.application_id <= 0) return NotFound(deps, ctx);
  in.application_version = web::ParseInt(ctx.Form("application_version"));
  in.employer_name = ctx.Form("employer_name");
  in.job_title = ctx.Form("job_title");
  in.decided_on = ctx.Form("decided_on");
  in.start_on = ctx.Form("start_on");
  in.employment_type = ctx.Form("employment_type");
  in.weekly_hours = ctx.Form("weekly_hours");
  in.disclosure = ctx.Form("disclosure");
  in.accommodations = ctx.Form("accommodations");
  auto placed = deps.placements->Place(*ctx.Who(), ctx.Actor(), case_id, in);
  if (!placed) {
    const auto code = placed.error().code;
    if (code == core::ErrorCode::kInvalidInput || code == core::ErrorCode::kConflict) {
      return PlacementForm(deps, ctx, case_id, &placed.error());
    }
    return web::Failure(deps.pages, ctx, placed.error());
  }
  return web::SeeOther(CasePath(case_id) + "/applications?done=placed#placement-" +
                       std::to_string(*placed));
}

template <typename F>
app::RouteHandler WithCase(const Deps& deps, F f) {
  return [deps, f](web::RequestContext& ctx) {
    const auto id = IdOf(ctx, "id");
    if (id <= 0) return NotFound(deps, ctx);
    return f(deps, ctx, id);
  };
}

}  // namespace

void AddCaseRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add({"GET", "/cases/{id}/applications", Permission::kOrgCounsel,
              WithCase(deps, [](const Deps& d, web::RequestContext& ctx, std::int64_t id) {
                return ShowApplications(d, ctx, id);
              })});
  router.Add({"GET", "/cases/{id}/applications/new", Permission::kOrgCounsel,
              WithCase(deps, [](const Deps& d, web::RequestContext& ctx, std::int64_t id) {
                return ApplicationForm(d, ctx, id);
              })});
  router.Add(
      {"POST", "/cases/{id}/applications/new", Permission::kOrgCounsel, WithCase(deps, Apply)});
  router.Add({"POST", "/cases/{id}/applications/{application_id}/steps", Permission::kOrgCounsel,
              WithCase(deps, [](const Deps& d, web::RequestContext& ctx, std::int64_t id) {
                const auto application = IdOf(ctx, "application_id");
                if (application <= 0) return NotFound(d, ctx);
                return AddStep(d, ctx, id, application);
              })});
  router.Add({"GET", "/cases/{id}/placements/new", Permission::kOrgCounsel,
              WithCase(deps, [](const Deps& d, web::RequestContext& ctx, std::int64_t id) {
                return PlacementForm(d, ctx, id);
              })});
  router.Add(
      {"POST", "/cases/{id}/placements/new", Permission::kOrgCounsel, WithCase(deps, Place)});
}

void AddRoutes(app::Router& router, const Deps& deps) {
  AddCaseRoutes(router, deps);
  AddRetentionRoutes(router, deps);
}

}  // namespace tsunagu::employment::placements::handlers
