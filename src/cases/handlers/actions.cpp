// The changes made on a case page: timeline entries and comments, edits, status and goals,
// closing with the outcome, staff and tasks, and opening a case for one's own client. Bad input
// shows the case page again with the message by the field and what was typed.
#include "app/route_ids.hpp"
#include "cases/handlers/routes.hpp"
#include "cases/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::cases::handlers {
namespace {

std::vector<std::int64_t> Ids(const web::RequestContext& ctx, const std::string& field) {
  std::vector<std::int64_t> ids;
  for (const auto& v : ctx.FormValues(field)) {
    const auto id = web::ParseId(v);
    if (id > 0) ids.push_back(id);
  }
  return ids;
}

// After a change: back to the case with a notice, or the page again with the error.
http::Response After(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                     const core::Status& result, const std::string& form, const std::string& done) {
  if (result) return web::SeeOther(CasePath(id) + "?done=" + done + "#" + form);
  if (result.error().code == core::ErrorCode::kInvalidInput) {
    return ShowCase(sv, ctx, id, &result.error(), form);
  }
  return web::Failure(sv.pages, ctx, result.error());
}

EntryInput ReadEntry(const web::RequestContext& ctx) {
  EntryInput in;
  in.kind = ctx.Form("kind");
  in.occurred_on = ctx.Form("occurred_on");
  in.body = ctx.Form("body");
  in.mentions = Ids(ctx, "mentions");
  return in;
}

http::Response AddEntry(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto added = sv.cases.AddEntry(*ctx.Who(), ctx.Actor(), id, ReadEntry(ctx));
  return After(sv, ctx, id, added ? core::Status(core::Ok{}) : core::Status(added.error()), "entry",
               "entry");
}

http::Response EditEntry(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                         std::int64_t entry_id) {
  const EntryInput in = ReadEntry(ctx);
  auto done = sv.cases.EditEntry(*ctx.Who(), ctx.Actor(), id, entry_id,
                                 web::ParseInt(ctx.Form("version")), in);
  if (done) return web::SeeOther(CasePath(id) + "?done=edited#entry-" + std::to_string(entry_id));
  if (done.error().code != core::ErrorCode::kInvalidInput) {
    return web::Failure(sv.pages, ctx, done.error());
  }
  ctemplate::TemplateDictionary dict("cases_edit_entry");
  dict.SetValue("CASE_PATH", CasePath(id));
  dict.SetValue("ACTION", CasePath(id) + "/entries/" + std::to_string(entry_id) + "/edit");
  dict.SetValue("VERSION", ctx.Form("version"));
  web::KeepInput(dict, ctx, {"occurred_on", "body"});
  dict.SetValueAndShowSection("FIXED_KIND", in.kind, "KIND_FIXED");
  dict.SetValue("KIND_LABEL", sv.pages.T(ctx, "case.entry." + in.kind));
  dict.SetIntValue("MAX_BODY", static_cast<long>(CaseService::kMaxBody));
  sv.pages.AddErrors(dict, ctx, done.error());
  return sv.pages.Render(ctx, "cases/edit_entry", "cases.edit.title", dict, 422);
}

http::Response SetStatus(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  StatusInput in;
  in.status = ctx.Form("status");
  in.employer_status = ctx.Form("employer_status");
  in.agency_status = ctx.Form("agency_status");
  in.goals = ctx.Form("goals");
  return After(
      sv, ctx, id,
      sv.cases.SetStatus(*ctx.Who(), ctx.Actor(), id, web::ParseInt(ctx.Form("version")), in),
      "status", "status");
}

http::Response Close(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  return After(sv, ctx, id,
               sv.cases.Close(*ctx.Who(), ctx.Actor(), id, web::ParseInt(ctx.Form("version")),
                              ctx.Form("outcome"), ctx.Form("outcome_on")),
               "close", "closed");
}

http::Response AssignStaff(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  return After(sv, ctx, id, sv.cases.AssignStaff(*ctx.Who(), ctx.Actor(), id, Ids(ctx, "staff")),
               "staff", "staff");
}

http::Response AddTask(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  TaskInput in;
  in.title = ctx.Form("title");
  in.due_on = ctx.Form("due_on");
  in.owner_user_id = web::ParseId(ctx.Form("owner_user_id"));
  auto added = sv.cases.AddTask(*ctx.Who(), ctx.Actor(), id, in);
  return After(sv, ctx, id, added ? core::Status(core::Ok{}) : core::Status(added.error()), "task",
               "task");
}

http::Response CompleteTask(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                            std::int64_t task_id) {
  return After(sv, ctx, id, sv.cases.CompleteTask(*ctx.Who(), ctx.Actor(), id, task_id), "tasks",
               "task_done");
}

http::Response OpenCase(app::Services& sv, web::RequestContext& ctx, std::int64_t client_id) {
  auto opened = sv.cases.Open(*ctx.Who(), ctx.Actor(), client_id);
  if (!opened) return web::Failure(sv.pages, ctx, opened.error());
  return web::SeeOther(CasePath(*opened));
}

}  // namespace

void AddActionRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  auto post = [&](const std::string& path, app::IdHandler f) {
    router.Add({"POST", path, Permission::kOrgCounsel, app::WithId(sv, std::move(f))});
  };
  post("/clients/{id}/cases",
       [&sv](web::RequestContext& ctx, std::int64_t id) { return OpenCase(sv, ctx, id); });
  post("/cases/{id}/entries",
       [&sv](web::RequestContext& ctx, std::int64_t id) { return AddEntry(sv, ctx, id); });
  post("/cases/{id}/status",
       [&sv](web::RequestContext& ctx, std::int64_t id) { return SetStatus(sv, ctx, id); });
  post("/cases/{id}/close",
       [&sv](web::RequestContext& ctx, std::int64_t id) { return Close(sv, ctx, id); });
  post("/cases/{id}/staff",
       [&sv](web::RequestContext& ctx, std::int64_t id) { return AssignStaff(sv, ctx, id); });
  post("/cases/{id}/tasks",
       [&sv](web::RequestContext& ctx, std::int64_t id) { return AddTask(sv, ctx, id); });
  router.Add(
      {"POST", "/cases/{id}/entries/{entry_id}/edit", Permission::kOrgCounsel,
       app::WithIds(sv, {"id", "entry_id"}, [&sv](web::RequestContext& ctx, const app::Ids& ids) {
         return EditEntry(sv, ctx, ids[0], ids[1]);
       })});
  router.Add(
      {"POST", "/cases/{id}/tasks/{task_id}/done", Permission::kOrgCounsel,
       app::WithIds(sv, {"id", "task_id"}, [&sv](web::RequestContext& ctx, const app::Ids& ids) {
         return CompleteTask(sv, ctx, ids[0], ids[1]);
       })});
}

void AddRoutes(app::Router& router, app::Services& sv) {
  AddPageRoutes(router, sv);
  AddActionRoutes(router, sv);
}

}  // namespace tsunagu::cases::handlers
