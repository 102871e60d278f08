// The referral work list, one referral with its live status and history (htmx's SSE extension
// re-fetches the status fragment when the stream says the referral changed; without JavaScript
// a reload shows the same), and the form that refers a client.
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "app/route_ids.hpp"
#include "app/stream_viewer.hpp"
#include "cases/case_service.hpp"
#include "consultations/model.hpp"
#include "core/wareki.hpp"
#include "live/catch_up.hpp"
#include "referrals/handlers/routes.hpp"
#include "referrals/handlers/view.hpp"
#include "web/forms.hpp"
#include "web/lines.hpp"

namespace tsunagu::referrals::handlers {
namespace {

inline constexpr std::array<std::string_view, 6> kStatuses = {
    "sent", "accepted", "in_progress", "completed", "declined", "withdrawn"};

// Status badges carry their text; the class only adds colour (UI.md: never colour alone).
const char* BadgeClass(const std::string& status) {
  if (status == "sent") return "badge--warning";
  if (status == "accepted" || status == "in_progress") return "badge--info";
  if (status == "completed") return "badge--success";
  if (status == "declined") return "badge--error";
  return "badge--neutral";
}

// The label of a completion reason: a case outcome for successful referrals (and for those the
// case closed), otherwise why it ended without the hoped-for result.
std::string ResultReasonLabel(const app::Services& sv, const web::RequestContext& ctx,
                              const std::string& result, const std::string& reason) {
  if (reason.empty()) return {};
  if (result == "unsuccessful" && consultations::InList(kUnsuccessfulReasons, reason)) {
    return sv.pages.T(ctx, "referral.unsuccessful." + reason);
  }
  if (consultations::InList(cases::kOutcomes, reason)) {
    return sv.pages.T(ctx, "case.outcome." + reason);
  }
  if (consultations::InList(kUnsuccessfulReasons, reason)) {
    return sv.pages.T(ctx, "referral.unsuccessful." + reason);
  }
  return {};
}

std::string EventReasonLabel(const app::Services& sv, const web::RequestContext& ctx,
                             const ReferralEvent& e, const Referral& r) {
  if (e.reason.empty()) return {};
  if (e.status == "declined" && consultations::InList(kDeclineReasons, e.reason)) {
    return sv.pages.T(ctx, "referral.decline." + e.reason);
  }
  // Completion is final: the referral's result is the one this event recorded.
  if (e.status == "completed") return ResultReasonLabel(sv, ctx, r.result, e.reason);
  return {};
}

std::string ClientLabel(const app::Services& sv, const web::RequestContext& ctx,
                        const std::string& name) {
  return name.empty() ? sv.pages.T(ctx, "referrals.name_hidden") : name;
}

// The error summary of the page, linking to the fields of the form the error belongs to (the
// page holds several forms, so their fields carry the form's name in their ids).
void AddSummary(const app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const core::Error& error,
                const std::string& form) {
  auto* summary = dict.AddSectionDictionary("ERROR_SUMMARY");
  if (error.fields.empty()) {
    auto* item = summary->AddSectionDictionary("ERROR_ITEM");
    item->SetValue("MESSAGE", sv.pages.T(ctx, error.message_key));
    item->ShowSection("NO_FIELD");
    return;
  }
  for (const auto& f : error.fields) {
    auto* item = summary->AddSectionDictionary("ERROR_ITEM");
    item->SetValue("MESSAGE", sv.pages.T(ctx, f.message_key));
    item->SetValue("FIELD", form + "-" + f.field);
    item->ShowSection("HAS_FIELD");
  }
}

// The live part of the referral page: status, case, result, the actions this side may take
// now (with the current version) and the history. Shared by the page and the fragment.
void AddStatus(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const Referral& r, const core::Error* error,
               const std::string& form) {
  dict.SetValue("REFERRAL_PATH", ReferralPath(r.id));
  dict.SetIntValue("VERSION", r.version);
  dict.SetValue("STATUS", sv.pages.T(ctx, "referral.status." + r.status));
  dict.SetValue("STATUS_CODE", r.status);
  dict.SetValue("STATUS_CLASS", BadgeClass(r.status));
  dict.SetValue("UPDATED", web::DateTimeOf(ctx, r.updated_at));
  dict.SetValue("UPDATED_ISO", core::IsoDateTimeJst(r.updated_at));
  dict.SetValue("NEXT", sv.pages.T(ctx, std::string("referrals.next.") +
                                            (r.incoming ? "incoming." : "outgoing.") + r.status));
  if ((r.status == "declined" && !r.decline_reason.empty()) || r.case_id != 0 ||
      !r.result.empty()) {
    dict.ShowSection("HAS_FACTS");
  }
  if (r.status == "declined" && !r.decline_reason.empty()) {
    dict.SetValueAndShowSection(
        "DECLINE_REASON", sv.pages.T(ctx, "referral.decline." + r.decline_reason), "DECLINED");
  }
  if (r.case_id != 0) {
    dict.SetValueAndShowSection("CASE_PATH", "/cases/" + std::to_string(r.case_id), "HAS_CASE");
  }
  if (!r.result.empty()) {
    auto* result = dict.AddSectionDictionary("HAS_RESULT");
    result->SetValue("RESULT", sv.pages.T(ctx, "referral.result." + r.result));
    result->SetValue("RESULT_CLASS",
                     r.result == "successful" ? "badge--success" : "badge--neutral");
    const std::string reason = ResultReasonLabel(sv, ctx, r.result, r.result_reason);
    if (!reason.empty()) {
      result->SetValueAndShowSection("RESULT_REASON", reason, "HAS_RESULT_REASON");
    }
  }

  auto kept = [&](const std::string& name, const std::string& field) {
    return error != nullptr && form == name ? ctx.Form(field) : std::string();
  };
  auto with_errors = [&](ctemplate::TemplateDictionary* section, const std::string& name) {
    section->SetValue("REFERRAL_PATH", ReferralPath(r.id));
    section->SetIntValue("VERSION", r.version);
    section->SetValue("CSRF", ctx.CsrfToken());
    section->SetIntValue("MAX_NOTE", static_cast<long>(ReferralService::kMaxNote));
    if (error != nullptr && form == name) {
      sv.pages.AddErrors(*section, ctx, *error);
      section->ShowSection("OPEN");  // the form folded away otherwise: its errors show
    }
  };
  bool any_action = false;
  if (r.incoming && r.status == "sent") {
    any_action = true;
    with_errors(dict.AddSectionDictionary("ACCEPT"), "accept");
    auto* decline = dict.AddSectionDictionary("DECLINE_FORM");
    with_errors(decline, "decline");
    web::AddChoices(sv.pages, ctx, *decline, "DECLINE_REASON", "decline-reason",
                    "referral.decline.", kDeclineReasons, {kept("decline", "reason")});
    decline->SetValue("V_NOTE", kept("decline", "note"));
  }
  if (r.incoming && r.status == "accepted") {
    any_action = true;
    with_errors(dict.AddSectionDictionary("START"), "start");
  }
  if (r.incoming && (r.status == "accepted" || r.status == "in_progress")) {
    any_action = true;
    auto* complete = dict.AddSectionDictionary("COMPLETE_FORM");
    with_errors(complete, "complete");
    web::AddChoices(sv.pages, ctx, *complete, "RESULT_CHOICE", "complete-result",
                    "referral.result.", kResults, {kept("complete", "result")});
    const std::string outcome = kept("complete", "outcome");
    for (auto code : cases::kOutcomes) {
      auto* item = complete->AddSectionDictionary("OUTCOME_CHOICE");
      item->SetValue("CODE", std::string(code));
      item->SetValue("LABEL", sv.pages.T(ctx, "case.outcome." + std::string(code)));
      if (code == outcome) item->ShowSection("SELECTED");
    }
    web::AddChoices(sv.pages, ctx, *complete, "UNSUCCESSFUL_CHOICE", "complete-result_reason",
                    "referral.unsuccessful.", kUnsuccessfulReasons,
                    {kept("complete", "result_reason")});
  }
  if (!r.incoming && (r.status == "sent" || r.status == "accepted" || r.status == "in_progress")) {
    any_action = true;
    auto* withdraw = dict.AddSectionDictionary("WITHDRAW_FORM");
    with_errors(withdraw, "withdraw");
    withdraw->SetValue("V_NOTE", kept("withdraw", "note"));
  }
  if (any_action) dict.ShowSection("HAS_ACTIONS");

  dict.SetIntValue("EVENT_COUNT", static_cast<long>(r.events.size()));
  for (const auto& e : r.events) {
    auto* row = dict.AddSectionDictionary("EVENT");
    row->SetValue("EVENT_STATUS", sv.pages.T(ctx, "referral.status." + e.status));
    row->SetValue("EVENT_CLASS", BadgeClass(e.status));
    row->SetValue("AT", web::DateTimeOf(ctx, e.occurred_at));
    row->SetValue("AT_ISO", core::IsoDateTimeJst(e.occurred_at));
    row->SetValue("WHO", e.actor_name);
    row->SetValue("ORG", e.actor_org_name);
    std::string reason = EventReasonLabel(sv, ctx, e, r);
    if (e.status == "completed" && !r.result.empty()) {
      // Completion is final: the event recorded the referral's result.
      const std::string result = sv.pages.T(ctx, "referral.result." + r.result);
      reason = reason.empty() ? result : result + "（" + reason + "）";
      row->SetValue("REASON_LABEL", sv.pages.T(ctx, "referrals.history.result"));
    } else {
      row->SetValue("REASON_LABEL", sv.pages.T(ctx, "referrals.history.reason"));
    }
    if (!reason.empty()) row->SetValueAndShowSection("REASON", reason, "HAS_REASON");
    if (!e.note.empty()) {
      row->ShowSection("HAS_NOTE");
      web::AddLines(*row, "NOTE_LINE", e.note);
    }
  }
  if (r.events.empty()) dict.ShowSection("NO_EVENTS");
}

void AddRow(const app::Services& sv, const web::RequestContext& ctx,
            ctemplate::TemplateDictionary& dict, const std::string& section, const Referral& r) {
  auto* row = dict.AddSectionDictionary(section);
  row->SetValue("PATH", ReferralPath(r.id));
  row->SetValue("CLIENT", ClientLabel(sv, ctx, r.client_name));
  row->SetValue("ORG", r.incoming ? r.from_org_name : r.to_org_name);
  row->SetValue("REASON", sv.pages.T(ctx, "referral.reason." + r.reason));
  row->SetValue("STATUS", sv.pages.T(ctx, "referral.status." + r.status));
  row->SetValue("STATUS_CLASS", BadgeClass(r.status));
  if (!r.result.empty()) {
    row->SetValueAndShowSection("RESULT", sv.pages.T(ctx, "referral.result." + r.result),
                                "HAS_RESULT");
  }
  row->SetValue("UPDATED", web::DateTimeOf(ctx, r.updated_at));
  row->SetValue("UPDATED_ISO", core::IsoDateTimeJst(r.updated_at));
  if (r.incoming && r.status == "sent") row->ShowSection("AWAITING");
}

http::Response ReferralList(app::Services& sv, web::RequestContext& ctx) {
  auto incoming = sv.referrals.List(*ctx.Who(), ctx.Actor(), true);
  if (!incoming) return web::Failure(sv.pages, ctx, incoming.error());
  auto outgoing = sv.referrals.List(*ctx.Who(), ctx.Actor(), false);
  if (!outgoing) return web::Failure(sv.pages, ctx, outgoing.error());
  std::string filter = ctx.request.Query("status").value_or("");
  if (!consultations::InList(kStatuses, filter)) filter.clear();

  ctemplate::TemplateDictionary dict("referrals_list");
  // The work list: how many of each status on each side, each count a filter.
  int awaiting = 0;
  for (auto code : kStatuses) {
    const std::string status(code);
    auto count = [&](const std::vector<Referral>& list) {
      return static_cast<long>(std::count_if(
          list.begin(), list.end(), [&](const Referral& r) { return r.status == status; }));
    };
    const long in = count(*incoming);
    const long out = count(*outgoing);
    if (status == "sent") awaiting = static_cast<int>(in);
    auto* row = dict.AddSectionDictionary("COUNT");
    row->SetValue("STATUS", sv.pages.T(ctx, "referral.status." + status));
    row->SetValue("STATUS_CLASS", BadgeClass(status));
    row->SetValue("FILTER_PATH", "/referrals?status=" + status);
    row->SetIntValue("IN", in);
    row->SetIntValue("OUT", out);
    if (in > 0) row->ShowSection("IN_LINK");
    if (in == 0) row->ShowSection("IN_ZERO");
    if (out > 0) row->ShowSection("OUT_LINK");
    if (out == 0) row->ShowSection("OUT_ZERO");
    if (status == filter) row->ShowSection("CURRENT");
  }
  dict.SetIntValue("INCOMING_TOTAL", static_cast<long>(incoming->size()));
  dict.SetIntValue("OUTGOING_TOTAL", static_cast<long>(outgoing->size()));
  if (awaiting > 0) {
    dict.SetValueAndShowSection("AWAITING_TEXT",
                                sv.catalog.Format(ctx.lang, "referrals.list.awaiting",
                                                  {{"count", std::to_string(awaiting)}}),
                                "HAS_AWAITING");
  }
  if (!filter.empty()) {
    dict.SetValueAndShowSection(
        "FILTER_TEXT",
        sv.catalog.Format(ctx.lang, "referrals.list.filtered",
                          {{"status", sv.pages.T(ctx, "referral.status." + filter)}}),
        "FILTERED");
  }

  // Incoming referrals waiting for this organisation's answer come first.
  std::stable_partition(incoming->begin(), incoming->end(),
                        [](const Referral& r) { return r.status == "sent"; });
  long shown_in = 0;
  for (const auto& r : *incoming) {
    if (!filter.empty() && r.status != filter) continue;
    AddRow(sv, ctx, dict, "INCOMING", r);
    ++shown_in;
  }
  long shown_out = 0;
  for (const auto& r : *outgoing) {
    if (!filter.empty() && r.status != filter) continue;
    AddRow(sv, ctx, dict, "OUTGOING", r);
    ++shown_out;
  }
  if (shown_in == 0) dict.ShowSection("NO_INCOMING");
  if (shown_in > 0) dict.ShowSection("HAS_INCOMING");
  if (shown_out == 0) dict.ShowSection("NO_OUTGOING");
  if (shown_out > 0) dict.ShowSection("HAS_OUTGOING");
  return sv.pages.Render(ctx, "referrals/list", "referrals.list.title", dict);
}

// The fragment htmx swaps in when the stream says the referral changed.
http::Response StatusFragment(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto got = sv.referrals.Get(*ctx.Who(), ctx.Actor(), id);
  if (!got) return web::Failure(sv.pages, ctx, got.error());
  ctemplate::TemplateDictionary dict("referrals_status");
  AddStatus(sv, ctx, dict, *got, nullptr, "");
  dict.SetValue("CSRF", ctx.CsrfToken());
  dict.SetValue("LANG", ctx.lang);
  return http::Response::Html(200, sv.pages.renderer().Render("referrals/status", ctx.lang, dict));
}

// The live stream: checked like any read of the referral, then held open by the server.
http::Response Events(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  if (auto allowed = sv.referrals.LiveMark(*ctx.Who(), id); !allowed)
    return web::Failure(sv.pages, ctx, allowed.error());
  http::Response response;
  response.status = 200;
  response.stream = live::OpenStream(
      sv.hub, {"referral:" + std::to_string(id), std::to_string(id), "referral"},
      live::ParseMark(ctx.request.Query("seen")),
      [&]() -> std::optional<std::int64_t> {
        auto mark = sv.referrals.LiveMark(*ctx.Who(), id);
        return mark ? std::optional(*mark) : std::nullopt;
      },
      app::StreamViewer(sv, ctx, [&sv, id](const auth::Principal& who) {
        return sv.referrals.LiveMark(who, id).ok();
      }));
  if (!response.stream) return sv.pages.Error(ctx, 429, "error.too_many_streams");
  return response;
}

}  // namespace

std::string ReferralPath(std::int64_t id) {
  return "/referrals/" + std::to_string(id);
}

http::Response ShowReferral(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                            const core::Error* error, const std::string& form) {
  auto got = sv.referrals.Get(*ctx.Who(), ctx.Actor(), id);
  if (!got) return web::Failure(sv.pages, ctx, got.error());
  const Referral& r = *got;
  ctemplate::TemplateDictionary dict("referrals_page");
  dict.SetIntValue("ID", r.id);
  dict.SetIntValue("LIVE_MARK", r.version);  // read with the status shown
  dict.SetValue("CLIENT_NAME", ClientLabel(sv, ctx, r.client_name));
  if (!r.client_name.empty()) {
    dict.SetValueAndShowSection("CLIENT_PATH", "/clients/" + std::to_string(r.client_id),
                                "CLIENT_LINK");
  } else {
    dict.ShowSection("CLIENT_HIDDEN");
  }
  dict.SetValue("DIRECTION", sv.pages.T(ctx, r.incoming ? "referrals.page.incoming"
                                                        : "referrals.page.outgoing"));
  dict.SetValue("FROM_ORG", r.from_org_name);
  dict.SetValue("TO_ORG", r.to_org_name);
  if (!r.events.empty()) dict.SetValue("SENT_BY", r.events.front().actor_name);
  dict.SetValue("REASON", sv.pages.T(ctx, "referral.reason." + r.reason));
  dict.SetValue("SENT_AT", web::DateTimeOf(ctx, r.created_at));
  dict.SetValue("SENT_AT_ISO", core::IsoDateTimeJst(r.created_at));
  if (r.note.empty()) {
    dict.ShowSection(r.incoming ? "NOTE_NONE_INCOMING" : "NOTE_NONE");
  } else {
    web::AddLines(dict, "NOTE_LINE", r.note);
  }
  AddStatus(sv, ctx, dict, r, error, form);
  if (error != nullptr) AddSummary(sv, ctx, dict, *error, form);
  const auto done = ctx.request.Query("done").value_or("");
  for (std::string_view code : {"sent", "declined", "started", "completed", "withdrawn"}) {
    if (done == code) {
      dict.SetValueAndShowSection("DONE", sv.pages.T(ctx, "referrals.done." + done), "NOTICE");
    }
  }
  return sv.pages.Render(ctx, "referrals/page",
                         web::Title{"referrals.page.title_of", {{"id", std::to_string(id)}}}, dict,
                         error != nullptr ? web::StatusFor(error->code) : 200);
}

http::Response ShowNewReferral(app::Services& sv, web::RequestContext& ctx, std::int64_t client_id,
                               const core::Error* error) {
  auto client = sv.clients.Get(*ctx.Who(), ctx.Actor(), client_id);
  if (!client) return web::Failure(sv.pages, ctx, client.error());
  auto recipients = sv.consents.Recipients(*ctx.Who());
  if (!recipients) return web::Failure(sv.pages, ctx, recipients.error());
  auto covered = sv.referrals.CoveredRecipients(*ctx.Who(), client_id);
  if (!covered) return web::Failure(sv.pages, ctx, covered.error());
  auto is_covered = [&](std::int64_t org) {
    return std::find(covered->begin(), covered->end(), org) != covered->end();
  };

  ctemplate::TemplateDictionary dict("referrals_new");
  const std::string client_path = "/clients/" + std::to_string(client_id);
  dict.SetValue("CLIENT_PATH", client_path);
  dict.SetValue("ACTION", client_path + "/referrals/new");
  dict.SetValue("CONSENT_PATH", client_path + "/consents/new");
  dict.SetValue("CLIENT_NAME", ClientLabel(sv, ctx, client->data.name));
  // Organisations a consent already covers come first: those are the ones to choose.
  std::stable_partition(
      recipients->begin(), recipients->end(),
      [&](const sharing::ConsentParty& p) { return is_covered(p.organization_id); });
  const std::string chosen = error != nullptr ? ctx.Form("to_org_id") : "";
  bool first = true;
  for (const auto& p : *recipients) {
    const std::string org_id = std::to_string(p.organization_id);
    auto* item = dict.AddSectionDictionary("ORG");
    item->SetValue("ID", first ? std::string("to_org_id") : "to_org_id-" + org_id);
    first = false;
    item->SetValue("ORG_ID", org_id);
    item->SetValue("NAME", p.name);
    item->SetValue("KIND", sv.pages.T(ctx, "org_kind." + p.kind));
    item->ShowSection(is_covered(p.organization_id) ? "COVERED" : "NOT_COVERED");
    if (org_id == chosen) item->ShowSection("CHECKED");
  }
  if (recipients->empty()) dict.ShowSection("NO_ORGS");
  bool no_consent_error = false;
  if (error != nullptr) {
    for (const auto& f : error->fields) {
      if (f.message_key == "referral.error.no_consent") no_consent_error = true;
    }
  }
  // The error by the field already links to the consent form.
  if (no_consent_error) dict.ShowSection("NO_CONSENT");
  // No consent covers any organisation: say so first, with the way to record one, instead of
  // a form whose every choice would be refused.
  if (covered->empty() && error == nullptr) {
    dict.ShowSection("NONE_COVERED");
  } else {
    dict.ShowSection("FORM");
  }
  web::AddChoices(sv.pages, ctx, dict, "REASON", "reason", "referral.reason.", kReasons,
                  {error != nullptr ? ctx.Form("reason") : std::string()});
  if (error != nullptr) web::KeepInput(dict, ctx, {"note"});
  dict.SetIntValue("MAX_NOTE", static_cast<long>(ReferralService::kMaxNote));
  if (error != nullptr) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "referrals/new", "referrals.new.title", dict,
                         error != nullptr ? web::StatusFor(error->code) : 200);
}

void AddPageRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/referrals", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return ReferralList(sv, ctx); }});
  router.Add({"GET", "/referrals/{id}", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return ShowReferral(sv, ctx, id);
              })});
  router.Add({"GET", "/referrals/{id}/status", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return StatusFragment(sv, ctx, id);
              })});
  router.Add({"GET", "/referrals/{id}/events", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Events(sv, ctx, id);
              })});
  router.Add({"GET", "/clients/{id}/referrals/new", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return ShowNewReferral(sv, ctx, id);
              })});
}

}  // namespace tsunagu::referrals::handlers
