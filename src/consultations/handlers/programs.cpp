// The 事務局 pages (issue 3): programmes and their yearly targets. Generating days is in
// program_days.cpp, cancelling or moving a day in day_change_pages.cpp. Every route needs
// kOrgCoordinate; the service answers NotFound for another organisation's programme, shown like
// a missing one.
#include "app/route_ids.hpp"
#include "consultations/day_change_calls.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/program_pages.hpp"
#include "consultations/handlers/routes.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {

std::string DayNote(const app::Services& sv, const web::RequestContext& ctx, const std::string& key,
                    std::optional<core::Date> from, std::optional<core::Date> to) {
  std::vector<std::pair<std::string, std::string>> args;
  if (from) args.emplace_back("from", core::FormatDate(*from, ctx.lang));
  if (to) args.emplace_back("to", core::FormatDate(*to, ctx.lang));
  return sv.catalog.Format(ctx.lang, key, args);
}

namespace {

// ---------------------------------------------------------------- programme list

http::Response ShowList(app::Services& sv, web::RequestContext& ctx, const core::Error* error,
                        int status = 200) {
  auto programs = sv.consultations.ListPrograms(*ctx.Who());
  if (!programs) return Failure(sv, ctx, programs.error());
  ctemplate::TemplateDictionary dict("programs_list");
  for (const auto& p : *programs) {
    auto* row = dict.AddSectionDictionary("PROGRAM");
    row->SetIntValue("ID", p.id);
    row->SetValue("NAME", p.name);
    row->SetValue("DESCRIPTION", p.description);
  }
  if (programs->empty()) dict.ShowSection("NO_PROGRAMS");
  if (error) {
    sv.pages.AddErrors(dict, ctx, *error);
    web::KeepInput(dict, ctx, {"name", "description"});
  }
  return sv.pages.Render(ctx, "programs/list", "programs.title", dict, status);
}

http::Response CreateProgram(app::Services& sv, web::RequestContext& ctx) {
  auto id = sv.consultations.CreateProgram(*ctx.Who(), ctx.Actor(), ctx.Form("name"),
                                           ctx.Form("description"));
  if (!id) {
    if (id.error().code == core::ErrorCode::kInvalidInput) {
      return ShowList(sv, ctx, &id.error(), web::StatusFor(id.error().code));
    }
    return Failure(sv, ctx, id.error());
  }
  return web::SeeOther("/programs/" + std::to_string(*id));
}

// ---------------------------------------------------------------- one programme

http::Response ShowProgram(app::Services& sv, web::RequestContext& ctx, std::int64_t id, int fy,
                           const core::Error* error, int status = 200) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  auto target = sv.consultations.GetTarget(*ctx.Who(), id, fy);
  if (!target) return Failure(sv, ctx, target.error());
  auto days = sv.consultations.ListDays(*ctx.Who(), id, fy);
  if (!days) return Failure(sv, ctx, days.error());

  ctemplate::TemplateDictionary dict("programs_show");
  dict.SetIntValue("ID", id);
  dict.SetValue("NAME", program->name);
  dict.SetValue("DESCRIPTION", program->description);
  if (!program->description.empty()) dict.ShowSection("HAS_DESCRIPTION");
  dict.SetIntValue("FY", fy);
  dict.SetIntValue("PREV_FY", fy - 1);
  dict.SetIntValue("NEXT_FY", fy + 1);
  dict.SetValue("FY_LABEL", FiscalYearLabel(ctx.lang, fy));
  dict.SetValue("PREV_FY_LABEL", FiscalYearLabel(ctx.lang, fy - 1));
  dict.SetValue("NEXT_FY_LABEL", FiscalYearLabel(ctx.lang, fy + 1));
  if (ctx.request.Query("created")) {
    auto* notice = dict.AddSectionDictionary("NOTICE");
    notice->SetValue(
        "TEXT", sv.catalog.Format(ctx.lang, "days.generated",
                                  {{"created", ctx.request.Query("created").value()},
                                   {"existing", ctx.request.Query("existing").value_or("0")}}));
  }
  if (ctx.request.Query("removed") || ctx.request.Query("kept")) {
    const std::string removed = ctx.request.Query("removed").value_or("0");
    const std::string kept = ctx.request.Query("kept").value_or("0");
    if (removed != "0" || kept != "0") {
      dict.AddSectionDictionary("NOTICE")->SetValue(
          "TEXT", sv.catalog.Format(ctx.lang, "schedule2.regenerated",
                                    {{"removed", removed}, {"kept", kept}}));
    }
  }
  if (ctx.request.Query("cancelled")) {
    auto* notice = dict.AddSectionDictionary("NOTICE");
    notice->SetValue("TEXT", sv.pages.T(ctx, "days.cancel.done"));
  }
  if (program->published) {
    dict.ShowSection("PUBLISHED");
    dict.SetValue("PUBLIC_URL", sv.config.server.public_url + "/book/" + std::to_string(id));
  } else {
    dict.ShowSection("UNPUBLISHED");
  }
  for (const char* change : {"published", "unpublished"}) {
    if (ctx.request.Query(change)) {
      dict.AddSectionDictionary("NOTICE")->SetValue(
          "TEXT", sv.pages.T(ctx, std::string("programs.publish.") + change));
    }
  }
  if (ctx.request.Query("saved")) {
    auto* notice = dict.AddSectionDictionary("NOTICE");
    notice->SetValue("TEXT", sv.pages.T(ctx, "targets.saved"));
  }
  if (error) {
    sv.pages.AddErrors(dict, ctx, *error);
    web::KeepInput(dict, ctx, {"consultations", "placements", "days"});
  } else if (*target) {
    dict.SetIntValue("V_CONSULTATIONS", (*target)->consultations);
    dict.SetIntValue("V_PLACEMENTS", (*target)->placements);
    dict.SetIntValue("V_DAYS", (*target)->days);
  }
  // Moved or cancelled days whose call list still has people to call (day_change_calls.hpp).
  auto pending_calls = PendingCallsByDay(sv.db, id);
  const std::map<std::int64_t, int> calls =
      pending_calls ? *pending_calls : std::map<std::int64_t, int>{};
  int number = 0;
  for (const auto& d : *days) {
    auto* row = dict.AddSectionDictionary("DAY");
    row->SetIntValue("NUMBER", ++number);
    row->SetValue("DATE", core::FormatDate(d.date, ctx.lang));
    row->SetValue("TIME", TimeRange(d.start_minutes, d.end_minutes));
    row->SetValue("MODE", sv.pages.T(ctx, "days.mode." + d.mode));
    row->SetValue("VENUE", d.mode == "in_person" ? d.venue : d.meeting_url);
    row->SetIntValue("BOOTHS", d.booths);
    int capacity = 0;
    int booked = 0;
    for (const auto& s : d.slots) {
      capacity += s.capacity;
      booked += s.booked;
    }
    row->SetIntValue("SLOTS", static_cast<long>(d.slots.size()));
    row->SetIntValue("BOOKED", booked);
    row->SetIntValue("CAPACITY", capacity);
    if (d.moved_from) {
      row->SetValue("NOTE", DayNote(sv, ctx, "days.moved_from", d.moved_from, std::nullopt));
    }
    row->SetValue("STATUS", sv.pages.T(ctx, "days.status." + DayStatusCode(d, Today(sv))));
    row->SetIntValue("DAY_ID", d.id);
    if (auto pending = calls.find(d.id); pending != calls.end()) {
      row->AddSectionDictionary("CALLS")->SetValue(
          "TEXT", sv.catalog.Format(ctx.lang, "daychange.calls.remaining_on_day",
                                    {{"count", std::to_string(pending->second)}}));
    }
    if (d.status == "scheduled" && !(d.date < Today(sv))) row->ShowSection("CAN_CANCEL");
    if (d.status == "scheduled" && !(d.date < Today(sv))) row->ShowSection("CAN_MOVE");
  }
  if (days->empty())
    dict.ShowSection("NO_DAYS");
  else
    dict.ShowSection("HAS_DAYS");
  dict.SetIntValue("DAY_COUNT", static_cast<long>(days->size()));
  return sv.pages.Render(ctx, "programs/show", "programs.show.title", dict, status);
}

http::Response SaveTargets(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  Target t;
  t.fiscal_year = web::ParseInt(ctx.Form("fiscal_year"));
  t.consultations = web::ParseInt(ctx.Form("consultations"));
  t.placements = web::ParseInt(ctx.Form("placements"));
  t.days = web::ParseInt(ctx.Form("days"));
  auto saved = sv.consultations.SetTarget(*ctx.Who(), ctx.Actor(), id, t);
  if (!saved) {
    if (saved.error().code == core::ErrorCode::kInvalidInput) {
      return ShowProgram(sv, ctx, id, FiscalYearOf(sv, ctx.Form("fiscal_year")), &saved.error(),
                         web::StatusFor(saved.error().code));
    }
    return Failure(sv, ctx, saved.error());
  }
  return web::SeeOther("/programs/" + std::to_string(id) + "?fy=" + std::to_string(t.fiscal_year) +
                       "&saved=1");
}

}  // namespace

void AddCoordinatorRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/programs", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return ShowList(sv, ctx, nullptr); }});
  router.Add({"POST", "/programs", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return CreateProgram(sv, ctx); }});
  router.Add({"GET", "/programs/{id}", Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return ShowProgram(sv, ctx, id, FiscalYearFromQuery(sv, ctx), nullptr);
              })});
  router.Add({"POST", "/programs/{id}/targets", Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return SaveTargets(sv, ctx, id);
              })});
  AddGenerateRoutes(router, sv);
  AddDayChangeRoutes(router, sv);
  AddProgramInfoRoutes(router, sv);
}

}  // namespace tsunagu::consultations::handlers
