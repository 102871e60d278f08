// 定着支援: the organisation's due and overdue follow-ups (/org/retention, ?mine=1 for the
// member's own), one follow-up with its answer form, and — after the last one, or when the
// person has left the job — the proposal to close the case, posted to the case's own close.
#include <string_view>

#include "employment/placements/handlers/routes.hpp"
#include "employment/placements/handlers/view.hpp"
#include "web/forms.hpp"
#include "web/lines.hpp"

namespace tsunagu::employment::placements::handlers {
namespace {

// Upcoming follow-ups shown below the due ones: the next four weeks.
constexpr int kUpcomingDays = 28;

void AddCheckRow(const Deps& deps, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary& row, const RetentionCheck& c) {
  row.SetIntValue("ID", c.id);
  row.SetIntValue("CASE_ID", c.case_id);
  row.SetValue("MONTHS", deps.pages.catalog().Format(ctx.lang, "placements.check.months",
                                                     {{"months", std::to_string(c.months)}}));
  row.SetValue("DUE", core::FormatDate(c.due_on, ctx.lang));
  row.SetValue("ASSIGNED", c.assigned_name);
  if (c.days_overdue > 0) {
    row.SetValueAndShowSection(
        "OVERDUE_TEXT",
        deps.pages.catalog().Format(ctx.lang, "placements.check.overdue",
                                    {{"days", std::to_string(c.days_overdue)}}),
        "OVERDUE");
  } else {
    row.ShowSection("DUE_TODAY");
  }
}

http::Response List(const Deps& deps, web::RequestContext& ctx) {
  const bool mine = ctx.request.Query("mine").value_or("") == "1";
  const core::Date today = core::DateFromUnixSeconds(deps.clock.NowSeconds());
  auto checks = deps.placements->OpenChecks(*ctx.Who(), mine, core::AddDays(today, kUpcomingDays));
  if (!checks) return web::Failure(deps.pages, ctx, checks.error());
  ctemplate::TemplateDictionary dict("placements_retention");
  dict.ShowSection(mine ? "MINE" : "ALL");
  int due = 0;
  int upcoming = 0;
  for (const auto& c : *checks) {
    if (c.due_on <= today) {
      AddCheckRow(deps, ctx, *dict.AddSectionDictionary("DUE_CHECK"), c);
      ++due;
    } else {
      auto* row = dict.AddSectionDictionary("UPCOMING_CHECK");
      AddCheckRow(deps, ctx, *row, c);
      ++upcoming;
    }
  }
  if (auth::Policy::CanCoordinate(*ctx.Who(), ctx.Who()->organization_id)) {
    dict.ShowSection("CAN_SET_MONTHS");
  }
  if (ctx.request.Query("done").value_or("") == "months") dict.ShowSection("MONTHS_SET");
  dict.ShowSection(due > 0 ? "HAS_DUE" : "NO_DUE");
  dict.ShowSection(upcoming > 0 ? "HAS_UPCOMING" : "NO_UPCOMING");
  return deps.pages.Render(ctx, "placements/retention", "placements.retention.title", dict);
}

http::Response ShowCheck(const Deps& deps, web::RequestContext& ctx, std::int64_t id,
                         const core::Error* error = nullptr) {
  auto got = deps.placements->Check(*ctx.Who(), ctx.Actor(), id);
  if (!got) return web::Failure(deps.pages, ctx, got.error());
  const auto& c = got->check;
  ctemplate::TemplateDictionary dict("placements_check");
  dict.SetIntValue("ID", id);
  dict.SetIntValue("CASE_ID", c.case_id);
  dict.SetValue("MONTHS", deps.pages.catalog().Format(ctx.lang, "placements.check.months",
                                                      {{"months", std::to_string(c.months)}}));
  dict.SetValue("DUE", core::FormatDate(c.due_on, ctx.lang));
  dict.SetValue("KIND", deps.pages.T(ctx, "placements.kind." + got->kind));
  dict.SetValue("EMPLOYER", got->employer_name);
  dict.SetValue("START_ON", core::FormatDate(got->start_on, ctx.lang));
  dict.SetValue("ASSIGNED", c.assigned_name);
  if (c.days_overdue > 0) {
    dict.SetValueAndShowSection(
        "OVERDUE_TEXT",
        deps.pages.catalog().Format(ctx.lang, "placements.check.overdue",
                                    {{"days", std::to_string(c.days_overdue)}}),
        "OVERDUE");
  }
  if (!c.answer.empty()) {
    auto* answered = dict.AddSectionDictionary("ANSWERED");
    answered->SetValue("ANSWER", deps.pages.T(ctx, "placements.answer." + c.answer));
    answered->SetValue("ANSWERED_ON", core::FormatDate(c.answered_on, ctx.lang));
    if (!c.note.empty()) web::AddLines(*answered, "NOTE_LINE", c.note);
  }
  const bool posted = error != nullptr;
  const auto today = core::ToIso(core::DateFromUnixSeconds(deps.clock.NowSeconds()));
  dict.SetIntValue("VERSION", posted ? web::ParseInt(ctx.Form("version")) : c.version);
  web::AddChoices(deps.pages, ctx, dict, "ANSWER_CHOICE", "answer", "placements.answer.", kAnswers,
                  std::vector<std::string>{posted ? ctx.Form("answer") : c.answer});
  dict.SetValue("V_ANSWERED_ON", posted ? ctx.Form("answered_on") : today);
  dict.SetValue("V_NOTE", posted ? ctx.Form("note") : c.note);
  dict.SetIntValue("MAX_NOTE", static_cast<long>(PlacementService::kMaxNote));
  if (!got->propose_outcome.empty()) {
    auto* close = dict.AddSectionDictionary("PROPOSE_CLOSE");
    close->SetValue("CASE_PATH", "/cases/" + std::to_string(c.case_id));
    close->SetValue("OUTCOME_CODE", got->propose_outcome);
    close->SetValue("OUTCOME", deps.pages.T(ctx, "case.outcome." + got->propose_outcome));
    close->SetIntValue("CASE_VERSION", got->case_version);
    close->SetValue("TODAY", today);
    close->SetValue("CSRF", ctx.CsrfToken());
    close->ShowSection(got->check.answer == "resigned" ? "BECAUSE_LEFT" : "BECAUSE_LAST");
  }
  if (ctx.request.Query("done").value_or("") == "answered") dict.ShowSection("NOTICE");
  if (posted) deps.pages.AddErrors(dict, ctx, *error);
  return deps.pages.Render(ctx, "placements/check", "placements.check.title", dict,
                           posted ? web::StatusFor(error->code) : 200);
}

http::Response Answer(const Deps& deps, web::RequestContext& ctx, std::int64_t id) {
  AnswerInput in{ctx.Form("answer"), ctx.Form("answered_on"), ctx.Form("note"),
                 web::ParseInt(ctx.Form("version"))};
  auto done = deps.placements->Answer(*ctx.Who(), ctx.Actor(), id, in);
  if (!done) {
    const auto code = done.error().code;
    if (code == core::ErrorCode::kInvalidInput || code == core::ErrorCode::kConflict) {
      return ShowCheck(deps, ctx, id, &done.error());
    }
    return web::Failure(deps.pages, ctx, done.error());
  }
  return web::SeeOther("/org/retention/" + std::to_string(id) + "?done=answered");
}

// The organisation's follow-up months, for its coordinators and admins.
http::Response MonthsForm(const Deps& deps, web::RequestContext& ctx,
                          const core::Error* error = nullptr) {
  auto months = deps.placements->RetentionMonths(*ctx.Who());
  if (!months) return web::Failure(deps.pages, ctx, months.error());
  ctemplate::TemplateDictionary dict("placements_retention_months");
  std::string current;
  for (int m : *months) current += (current.empty() ? "" : ",") + std::to_string(m);
  dict.SetValue("CURRENT", current);
  dict.SetValue("V_MONTHS", error != nullptr ? ctx.Form("months") : current);
  dict.SetIntValue("MAX_COUNT", static_cast<long>(PlacementService::kMaxRetentionMonths));
  if (error != nullptr) deps.pages.AddErrors(dict, ctx, *error);
  return deps.pages.Render(ctx, "placements/retention_months", "placements.months.title", dict,
                           error != nullptr ? web::StatusFor(error->code) : 200);
}

http::Response SaveMonths(const Deps& deps, web::RequestContext& ctx) {
  auto done = deps.placements->SetRetentionMonths(*ctx.Who(), ctx.Actor(), ctx.Form("months"));
  if (!done) {
    if (done.error().code == core::ErrorCode::kInvalidInput) {
      return MonthsForm(deps, ctx, &done.error());
    }
    return web::Failure(deps.pages, ctx, done.error());
  }
  return web::SeeOther("/org/retention?done=months");
}

template <typename F>
app::RouteHandler WithCheck(const Deps& deps, F f) {
  return [deps, f](web::RequestContext& ctx) {
    const auto id = web::ParseId(ctx.Param("id"));
    if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
    return f(deps, ctx, id);
  };
}

}  // namespace

void AddRetentionRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add({"GET", "/org/retention", Permission::kOrgCounsel,
              [deps](web::RequestContext& ctx) { return List(deps, ctx); }});
  // Before /org/retention/{id}: the first matching route answers.
  router.Add({"GET", "/org/retention/months", Permission::kOrgCounsel,
              [deps](web::RequestContext& ctx) { return MonthsForm(deps, ctx); }});
  router.Add({"POST", "/org/retention/months", Permission::kOrgCounsel,
              [deps](web::RequestContext& ctx) { return SaveMonths(deps, ctx); }});
  router.Add({"GET", "/org/retention/{id}", Permission::kOrgCounsel,
              WithCheck(deps, [](const Deps& d, web::RequestContext& ctx, std::int64_t id) {
                return ShowCheck(d, ctx, id);
              })});
  router.Add({"POST", "/org/retention/{id}", Permission::kOrgCounsel, WithCheck(deps, Answer)});
}

}  // namespace tsunagu::employment::placements::handlers
