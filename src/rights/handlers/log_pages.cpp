// The rights requests log (/org/rights): 請求の受付日, kind, who asked, state, the answer date,
// and the two-week answer date marked when passed; and the retention rule's settings with the
// dry-run count (/org/rights/retention).
#include <ctemplate/template.h>

#include <string>

#include "core/text.hpp"
#include "rights/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::rights::handlers {
namespace {

core::Date Today(const Deps& deps) {
  return core::DateFromUnixSeconds(deps.clock.NowSeconds());
}

std::string Date(const web::RequestContext& ctx, const std::string& iso) {
  auto d = core::ParseIsoDate(iso);
  return d ? core::FormatDate(*d, ctx.lang) : iso;
}

void AddChoices(const Deps& deps, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const char* section, const char* prefix,
                const auto& codes, const std::string& selected) {
  for (auto code : codes) {
    auto* o = dict.AddSectionDictionary(section);
    o->SetValue("CODE", std::string(code));
    o->SetValue("LABEL", deps.pages.T(ctx, std::string(prefix) + std::string(code)));
    if (selected == code) o->ShowSection("SELECTED");
  }
}

http::Response ShowLog(const Deps& deps, web::RequestContext& ctx, const core::Error* error,
                       int status = 200) {
  auto requests = deps.rights->Requests(*ctx.Who());
  if (!requests) return web::Failure(deps.pages, ctx, requests.error());
  ctemplate::TemplateDictionary dict("rights_log");
  const bool kept = error != nullptr;
  AddChoices(deps, ctx, dict, "KIND", "rights.kind.", kKinds, kept ? ctx.Form("kind") : "");
  AddChoices(deps, ctx, dict, "REQUESTER", "rights.requester.", kRequesters,
             kept ? ctx.Form("requester") : "self");
  dict.SetValue("V_RECEIVED_ON", kept ? ctx.Form("received_on") : core::ToIso(Today(deps)));
  dict.SetValue("V_CLIENT_ID",
                kept ? ctx.Form("client_id") : ctx.request.Query("client").value_or(""));
  dict.SetValue("V_NOTE", kept ? ctx.Form("note") : "");
  dict.SetValue("TODAY", core::ToIso(Today(deps)));
  if (error) deps.pages.AddErrors(dict, ctx, *error);
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "added" || done == "answered") {
    dict.SetValueAndShowSection("NOTICE_TEXT", deps.pages.T(ctx, "rights.done." + done), "NOTICE");
  }
  if (requests->empty()) dict.ShowSection("NONE");
  for (const auto& r : *requests) {
    auto* row = dict.AddSectionDictionary("REQUEST");
    row->SetIntValue("ID", r.id);
    row->SetValue("RECEIVED", Date(ctx, r.received_on));
    row->SetValue("DUE", Date(ctx, r.due_on));
    row->SetValue("KIND_LABEL", deps.pages.T(ctx, "rights.kind." + r.kind));
    row->SetValue("REQUESTER_LABEL", deps.pages.T(ctx, "rights.requester." + r.requester));
    row->SetValue("STATE_LABEL", deps.pages.T(ctx, "rights.state." + r.state));
    row->SetValue("RECORDED_BY", r.recorded_by_name);
    if (r.client_id != 0)
      row->AddSectionDictionary("PERSON")->SetIntValue("CLIENT_ID", r.client_id);
    if (r.overdue) row->ShowSection("OVERDUE");
    if (r.state == "received") {
      row->AddSectionDictionary("OPEN")->SetValue("TODAY", core::ToIso(Today(deps)));
    } else {
      row->SetValueAndShowSection("ANSWERED", Date(ctx, r.answered_on), "CLOSED");
    }
  }
  return deps.pages.Render(ctx, "rights/log", "rights.log.title", dict, status);
}

http::Response AddRequest(const Deps& deps, web::RequestContext& ctx) {
  RightsRequestInput in;
  const std::string client = core::Trim(core::NormalizeNfkc(ctx.Form("client_id")));
  in.client_id = client.empty() ? 0 : web::ParseId(client);
  in.kind = ctx.Form("kind");
  in.requester = ctx.Form("requester");
  in.received_on = ctx.Form("received_on");
  in.note = ctx.Form("note");
  if (!client.empty() && in.client_id <= 0) {
    auto e = core::Error::Invalid("error.invalid_input", {{"client_id", "rights.error.client"}});
    return ShowLog(deps, ctx, &e, 422);
  }
  auto added = deps.rights->AddRequest(*ctx.Who(), ctx.Actor(), in);
  if (!added) {
    if (added.error().code == core::ErrorCode::kInvalidInput) {
      return ShowLog(deps, ctx, &added.error(), 422);
    }
    return web::Failure(deps.pages, ctx, added.error());
  }
  return web::SeeOther("/org/rights?done=added");
}

http::Response AnswerRequest(const Deps& deps, web::RequestContext& ctx) {
  const auto id = web::ParseId(ctx.Param("id"));
  if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
  auto done =
      deps.rights->Answer(*ctx.Who(), ctx.Actor(), id, ctx.Form("state"), ctx.Form("answered_on"));
  if (!done) {
    if (done.error().code == core::ErrorCode::kInvalidInput) {
      return ShowLog(deps, ctx, &done.error(), 422);
    }
    return web::Failure(deps.pages, ctx, done.error());
  }
  return web::SeeOther("/org/rights?done=answered");
}

http::Response ShowRetention(const Deps& deps, web::RequestContext& ctx, const core::Error* error,
                             int status = 200) {
  auto years = deps.retention->BookingYears(*ctx.Who());
  if (!years) return web::Failure(deps.pages, ctx, years.error());
  auto due = deps.retention->DueCount(*ctx.Who(), Today(deps));
  if (!due) return web::Failure(deps.pages, ctx, due.error());
  ctemplate::TemplateDictionary dict("rights_retention");
  dict.SetValue("V_BOOKING_YEARS", error ? ctx.Form("booking_years") : std::to_string(*years));
  dict.SetIntValue("YEARS", *years);
  dict.SetIntValue("DUE", *due);
  if (error) deps.pages.AddErrors(dict, ctx, *error);
  if (ctx.request.Query("done").value_or("") == "saved") {
    dict.SetValueAndShowSection("NOTICE_TEXT", deps.pages.T(ctx, "rights.done.saved"), "NOTICE");
  }
  return deps.pages.Render(ctx, "rights/retention", "rights.retention.title", dict, status);
}

http::Response SaveRetention(const Deps& deps, web::RequestContext& ctx) {
  const std::string text = core::Trim(core::NormalizeNfkc(ctx.Form("booking_years")));
  const int years = text.empty() ? 0 : web::ParseInt(text);
  auto saved = deps.retention->SetBookingYears(*ctx.Who(), ctx.Actor(), years);
  if (!saved) {
    if (saved.error().code == core::ErrorCode::kInvalidInput) {
      return ShowRetention(deps, ctx, &saved.error(), 422);
    }
    return web::Failure(deps.pages, ctx, saved.error());
  }
  return web::SeeOther("/org/rights/retention?done=saved");
}

}  // namespace

void AddLogRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add({"GET", "/org/rights", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return ShowLog(deps, ctx, nullptr); }});
  router.Add({"POST", "/org/rights", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return AddRequest(deps, ctx); }});
  router.Add({"GET", "/org/rights/retention", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return ShowRetention(deps, ctx, nullptr); }});
  router.Add({"POST", "/org/rights/retention", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return SaveRetention(deps, ctx); }});
  router.Add({"POST", "/org/rights/{id}/answer", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return AnswerRequest(deps, ctx); }});
}

}  // namespace tsunagu::rights::handlers
