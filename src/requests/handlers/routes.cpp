#include "requests/handlers/routes.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "app/route_ids.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/phone_format.hpp"
#include "core/text.hpp"
#include "reports/numbers.hpp"
#include "requests/request_service.hpp"
#include "sharing/consent_service.hpp"
#include "web/forms.hpp"
#include "web/page.hpp"

namespace tsunagu::requests::handlers {
namespace {

constexpr const char* kHoneypot = "website";
constexpr std::array<std::string_view, 7> kDoneCodes = {
    "replied", "phoned", "closed", "intake", "meeting", "meeting_cancelled", "to_case"};

// The service for this request; nullopt when the holiday data cannot be read (the server
// checked it at start-up, so this does not happen in practice).
std::optional<RequestService> Service(app::Services& sv) {
  auto holidays = SharedHolidays(sv.config.data_dir);
  if (!holidays) return std::nullopt;
  return RequestService(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog, **holidays,
                        sv.config.server.public_url);
}

http::Response Unavailable(app::Services& sv, web::RequestContext& ctx) {
  return sv.pages.Error(ctx, 503, "error.unavailable");
}

http::Response Failure(app::Services& sv, web::RequestContext& ctx, const core::Error& error) {
  return sv.pages.Error(ctx, web::StatusFor(error.code), error.message_key);
}

std::string When(const web::RequestContext& ctx, std::int64_t unix_seconds) {
  return core::FormatDateTime(unix_seconds, ctx.lang);
}

// ---------------------------------------------------------------- the public form

RequestInput ReadInput(const web::RequestContext& ctx) {
  RequestInput in;
  in.requester_kind = ctx.Form("requester_kind");
  in.condition_kind = ctx.Form("condition_kind");
  in.wish = ctx.Form("wish");
  in.name = ctx.Form("name");
  in.furigana = ctx.Form("furigana");
  in.phone = ctx.Form("phone");
  in.email = ctx.Form("email");
  in.message = ctx.Form("message");
  in.consent = ctx.Form("consent") == "1";
  in.lang = ctx.lang;
  // A form without the choice (an older page) is an individual consultation.
  if (!ctx.Form("topic").empty()) in.topic = ctx.Form("topic");
  return in;
}

http::Response ShowForm(app::Services& sv, web::RequestContext& ctx, std::int64_t org,
                        const std::string& org_name, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("requests_form");
  dict.SetIntValue("ORG_ID", org);
  dict.SetValue("ORG_NAME", org_name);
  dict.SetValue("CSRF", ctx.CsrfToken());
  web::KeepInput(dict, ctx, {"name", "furigana", "phone", "email", "message"});
  web::AddChoices(sv.pages, ctx, dict, "REQUESTER_KIND", "requester_kind",
                  "requests.requester_kind.", kRequesterKinds, {ctx.Form("requester_kind")});
  web::AddChoices(sv.pages, ctx, dict, "CONDITION_KIND", "condition_kind",
                  "requests.condition_kind.", kConditionKinds, {ctx.Form("condition_kind")});
  web::AddChoices(sv.pages, ctx, dict, "WISH", "wish", "requests.wish.", kWishes,
                  {ctx.Form("wish")});
  web::AddChoices(sv.pages, ctx, dict, "TOPIC", "topic", "requests.topic.", kTopics,
                  {ctx.Form("topic").empty() ? std::string("individual") : ctx.Form("topic")});
  if (ctx.Form("consent") == "1") dict.ShowSection("CONSENT_CHECKED");
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "requests/form", "requests.form.title", dict, status);
}

http::Response PublicForm(app::Services& sv, web::RequestContext& ctx, std::int64_t org) {
  auto service = Service(sv);
  if (!service) return Unavailable(sv, ctx);
  auto name = service->OpenFor(org);
  if (!name) return Failure(sv, ctx, name.error());
  return ShowForm(sv, ctx, org, *name, nullptr);
}

http::Response PublicSubmit(app::Services& sv, web::RequestContext& ctx, std::int64_t org) {
  auto service = Service(sv);
  if (!service) return Unavailable(sv, ctx);
  auto name = service->OpenFor(org);
  if (!name) return Failure(sv, ctx, name.error());
  ctemplate::TemplateDictionary done("requests_done");
  if (!ctx.Form(kHoneypot).empty()) {  // a robot: it is told what a person would be, nothing kept
    done.SetValue("REFERENCE", "RQ-0000-0000");
    done.SetValue("DUE", When(ctx, sv.clock.NowSeconds()));
    done.SetValue("ORG_NAME", *name);
    return sv.pages.Render(ctx, "requests/done", "requests.done.title", done);
  }
  if (auto refused = consultations::handlers::Throttled(sv, ctx)) return *refused;
  auto receipt = service->Submit(org, ReadInput(ctx), ctx.Actor());
  if (!receipt) {
    if (receipt.error().code == core::ErrorCode::kInvalidInput) {
      return ShowForm(sv, ctx, org, *name, &receipt.error(), 422);
    }
    return Failure(sv, ctx, receipt.error());
  }
  done.SetValue("REFERENCE", receipt->reference);
  done.SetValue("DUE", When(ctx, receipt->reply_due_at));
  done.SetValue("ORG_NAME", *name);
  return sv.pages.Render(ctx, "requests/done", "requests.done.title", done);
}

// ---------------------------------------------------------------- the queue

void AddKinds(app::Services& sv, const web::RequestContext& ctx, ctemplate::TemplateDictionary* row,
              const QueueRow& q) {
  row->SetIntValue("ID", q.id);
  row->SetValue("REFERENCE", q.reference);
  row->SetValue("RECEIVED", When(ctx, q.received_at));
  row->SetValue("DUE", When(ctx, q.reply_due_at));
  row->SetValue("REQUESTER", sv.pages.T(ctx, "requests.requester_kind." + q.requester_kind));
  row->SetValue("CONDITION", sv.pages.T(ctx, "requests.condition_kind." + q.condition_kind));
  row->SetValue("WISH", sv.pages.T(ctx, "requests.wish." + q.wish));
  row->SetValue("STATUS", sv.pages.T(ctx, "requests.status." + q.status));
  row->SetValue("TOPIC", sv.pages.T(ctx, "requests.topic." + q.topic));
  if (q.topic == "new_salon") row->ShowSection("NEW_SALON");
  if (q.overdue) row->ShowSection("OVERDUE");
  if (q.meeting_status == "set") {
    auto* meeting = row->AddSectionDictionary("MEETING");
    const auto date = core::ParseIsoDate(q.meeting_date);
    meeting->SetValue("WHEN", (date ? core::FormatDate(*date, ctx.lang) : q.meeting_date) + " " +
                                  consultations::FormatMinutes(q.meeting_start) + "〜" +
                                  consultations::FormatMinutes(q.meeting_end));
    meeting->SetValue("MODE", sv.pages.T(ctx, "requests.meeting_mode." + q.meeting_mode));
    meeting->SetValue("PLACE", q.meeting_place);
  }
  if (q.case_id != 0) {
    auto* moved = row->AddSectionDictionary("TO_CASE");
    moved->SetIntValue("CASE_ID", q.case_id);
    moved->SetIntValue("CLIENT_ID", q.client_id);
  }
  if (q.replied_at) {
    row->AddSectionDictionary("REPLIED")->SetValue("AT", When(ctx, *q.replied_at));
    if (*q.replied_at <= q.reply_due_at) row->ShowSection("IN_TIME");
  }
}

void AddDone(app::Services& sv, const web::RequestContext& ctx,
             ctemplate::TemplateDictionary& dict) {
  const std::string code = ctx.request.Query("done").value_or("");
  if (std::find(kDoneCodes.begin(), kDoneCodes.end(), code) == kDoneCodes.end()) return;
  dict.AddSectionDictionary("DONE")->SetValue("TEXT",
                                              sv.pages.T(ctx, "requests.done_notice." + code));
}

http::Response ShowQueue(app::Services& sv, web::RequestContext& ctx,
                         const core::Error* intake_error = nullptr, int status = 200) {
  auto service = Service(sv);
  if (!service) return Unavailable(sv, ctx);
  const std::string topic = ctx.request.Query("topic").value_or("");
  auto queue = service->Queue(*ctx.Who(), 200, topic);
  if (!queue) return Failure(sv, ctx, queue.error());
  ctemplate::TemplateDictionary dict("requests_queue");
  dict.SetValue("CSRF", ctx.CsrfToken());
  {
    auto* all = dict.AddSectionDictionary("TOPIC_FILTER");
    all->SetValue("HREF", "/requests");
    all->SetValue("LABEL", sv.pages.T(ctx, "requests.queue.all_topics"));
    const bool filtered = std::find(kTopics.begin(), kTopics.end(), topic) != kTopics.end();
    all->ShowSection(filtered ? "NOT_CURRENT" : "CURRENT");
    for (auto code : kTopics) {
      auto* item = dict.AddSectionDictionary("TOPIC_FILTER");
      item->SetValue("HREF", "/requests?topic=" + std::string(code));
      item->SetValue("LABEL", sv.pages.T(ctx, "requests.topic." + std::string(code)));
      item->ShowSection(topic == code ? "CURRENT" : "NOT_CURRENT");
    }
  }
  AddDone(sv, ctx, dict);
  int open = 0;
  int overdue = 0;
  for (const auto& q : *queue) {
    AddKinds(sv, ctx, dict.AddSectionDictionary("REQUEST"), q);
    open += q.status == "open" ? 1 : 0;
    overdue += q.overdue ? 1 : 0;
  }
  dict.ShowSection(queue->empty() ? "EMPTY" : "HAS_REQUESTS");
  dict.SetValue("SUMMARY", sv.catalog.Format(ctx.lang, "requests.queue.summary",
                                             {{"open", std::to_string(open)},
                                              {"overdue", std::to_string(overdue)}}));
  const int fy = consultations::handlers::FiscalYearFromQuery(sv, ctx);
  if (auto figures = service->Figures(*ctx.Who(), fy)) {
    auto* box = dict.AddSectionDictionary("FIGURES");
    box->SetValue("FY_LABEL", consultations::handlers::FiscalYearLabel(ctx.lang, fy));
    box->SetIntValue("PREV_FY", fy - 1);
    box->SetIntValue("NEXT_FY", fy + 1);
    box->SetIntValue("RECEIVED", figures->received);
    box->SetIntValue("REPLIED", figures->replied);
    box->SetIntValue("IN_TIME", figures->replied_in_time);
    box->SetValue("IN_TIME_RATE",
                  figures->replied == 0
                      ? std::string("—")
                      : reports::FormatPercent(figures->replied_in_time, figures->replied));
    box->SetIntValue("CLOSED", figures->closed);
    box->SetIntValue("OPEN", figures->open);
    for (std::size_t i = 0; i < kRequesterKinds.size(); ++i) {
      auto* row = box->AddSectionDictionary("BY_REQUESTER");
      row->SetValue("LABEL",
                    sv.pages.T(ctx, "requests.requester_kind." + std::string(kRequesterKinds[i])));
      row->SetIntValue("COUNT", figures->by_requester[i]);
    }
    for (std::size_t i = 0; i < kTopics.size(); ++i) {
      auto* row = box->AddSectionDictionary("BY_TOPIC");
      row->SetValue("LABEL", sv.pages.T(ctx, "requests.topic." + std::string(kTopics[i])));
      row->SetIntValue("COUNT", figures->by_topic[i]);
    }
    box->SetIntValue("TO_CASE", figures->to_case);
  }
  if (auth::Policy::CanCoordinate(*ctx.Who(), ctx.Who()->organization_id)) {
    auto intake = service->GetIntake(*ctx.Who());
    if (intake) {
      auto* form = dict.AddSectionDictionary("INTAKE");
      const bool enabled = intake_error ? ctx.Form("enabled") == "1" : intake->enabled;
      if (enabled) form->ShowSection("ENABLED");
      form->SetValue("CLOSES_AT", intake_error
                                      ? ctx.Form("closes_at")
                                      : consultations::FormatMinutes(intake->closes_at_minutes));
      form->SetValue("PUBLIC_URL", sv.config.server.public_url + "/request/" +
                                       std::to_string(ctx.Who()->organization_id));
    }
  }
  if (intake_error) sv.pages.AddErrors(dict, ctx, *intake_error);
  return sv.pages.Render(ctx, "requests/queue", "requests.queue.title", dict, status);
}

http::Response SaveIntake(app::Services& sv, web::RequestContext& ctx) {
  auto service = Service(sv);
  if (!service) return Unavailable(sv, ctx);
  Intake intake;
  intake.enabled = ctx.Form("enabled") == "1";
  intake.closes_at_minutes = consultations::handlers::ParseTime(core::Trim(ctx.Form("closes_at")));
  auto saved = service->SetIntake(*ctx.Who(), ctx.Actor(), intake);
  if (!saved) {
    if (saved.error().code == core::ErrorCode::kInvalidInput) {
      return ShowQueue(sv, ctx, &saved.error(), 422);
    }
    return Failure(sv, ctx, saved.error());
  }
  return web::SeeOther("/requests?done=intake");
}

// The 面談 on the request page: what is set, and the form to set or move it (kept as typed
// when `form` is "meeting" and sent back with errors).
void AddMeeting(app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const RequestView& view,
                const std::string& form) {
  const QueueRow& q = view.row;
  if (q.meeting_status == "set") {
    auto* shown = dict.AddSectionDictionary("MEETING_SET");
    const auto date = core::ParseIsoDate(q.meeting_date);
    shown->SetValue("WHEN", (date ? core::FormatDate(*date, ctx.lang) : q.meeting_date) + " " +
                                consultations::FormatMinutes(q.meeting_start) + "〜" +
                                consultations::FormatMinutes(q.meeting_end));
    shown->SetValue("MODE", sv.pages.T(ctx, "requests.meeting_mode." + q.meeting_mode));
    if (q.meeting_mode == "online") {
      shown->AddSectionDictionary("MEETING_URL")->SetValue("URL", view.meeting_url);
    } else {
      shown->AddSectionDictionary("MEETING_PLACE")->SetValue("PLACE", q.meeting_place);
    }
    if (view.email.empty()) shown->ShowSection("NO_MAIL");
  } else if (q.meeting_status == "cancelled") {
    dict.ShowSection("MEETING_CANCELLED");
  }
  if (q.status == "closed") return;
  auto* edit = dict.AddSectionDictionary("MEETING_FORM");
  if (q.meeting_status == "set") edit->ShowSection("MOVING");
  edit->SetValue("SAVE_LABEL",
                 sv.pages.T(ctx, q.meeting_status == "set" ? "requests.meeting.move"
                                                           : "requests.meeting.save"));
  std::string mode =
      q.meeting_mode.empty() ? (q.wish == "in_person" ? "in_person" : "online") : q.meeting_mode;
  if (form == "meeting") {
    mode = ctx.Form("mode");
    web::KeepInput(*edit, ctx, {"date", "start", "end", "place", "url"});
  } else if (q.meeting_status == "set") {
    edit->SetValue("V_DATE", q.meeting_date);
    edit->SetValue("V_START", consultations::FormatMinutes(q.meeting_start));
    edit->SetValue("V_END", consultations::FormatMinutes(q.meeting_end));
    edit->SetValue("V_PLACE", q.meeting_place);
    edit->SetValue("V_URL", view.meeting_url);
  }
  web::AddChoices(sv.pages, ctx, *edit, "MODE", "mode", "requests.meeting_mode.", kMeetingModes,
                  {mode});
}

// 支援へ移行: the link to the case once made; else the form, pre-filled with the request's
// details (not for an employer's request: the client is the employee, entered by staff).
void AddToCase(app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const RequestView& view,
               const std::string& form) {
  const QueueRow& q = view.row;
  if (q.case_id != 0) {
    auto* done = dict.AddSectionDictionary("IS_CASE");
    done->SetIntValue("CASE_ID", q.case_id);
    done->SetIntValue("CLIENT_ID", q.client_id);
    done->SetValue("CONSENT_METHOD", sv.pages.T(ctx, "consent.method." + view.consent_method));
    done->SetValue("CONSENTED_AT", When(ctx, view.consented_at));
    return;
  }
  if (q.status == "closed") return;
  auto* act = dict.AddSectionDictionary("TO_CASE_FORM");
  const bool employer = q.requester_kind == "employer";
  act->ShowSection(employer ? "FOR_EMPLOYEE" : "FOR_PERSON");
  std::string method;
  if (form == "to_case") {
    web::KeepInput(*act, ctx, {"name", "kana", "phone", "email"});
    method = ctx.Form("consent_method");
  } else if (!employer) {
    act->SetValue("V_NAME", view.name);
    act->SetValue("V_KANA", view.furigana);
    act->SetValue("V_PHONE", view.phone);
    act->SetValue("V_EMAIL", view.email);
  }
  web::AddChoices(sv.pages, ctx, *act, "CONSENT_METHOD", "consent_method", "consent.method.",
                  sharing::kConsentMethods, {method});
}

http::Response ShowRequest(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                           const core::Error* error = nullptr, int status = 200,
                           const std::string& form = "") {
  auto service = Service(sv);
  if (!service) return Unavailable(sv, ctx);
  auto view = service->Get(*ctx.Who(), ctx.Actor(), id);
  if (!view) return Failure(sv, ctx, view.error());
  ctemplate::TemplateDictionary dict("requests_show");
  dict.SetValue("CSRF", ctx.CsrfToken());
  AddKinds(sv, ctx, &dict, view->row);
  AddDone(sv, ctx, dict);
  dict.SetValue("PERSON_NAME", view->name);
  dict.SetValue("FURIGANA", view->furigana);
  dict.SetValue("PHONE", core::FormatPhoneJp(view->phone));
  dict.SetValue("EMAIL", view->email);
  dict.SetValue("MESSAGE", view->message);
  dict.SetValue("LANG", sv.pages.T(ctx, "requests.lang." + view->lang));
  if (!view->reply.empty()) dict.AddSectionDictionary("REPLY")->SetValue("TEXT", view->reply);
  if (!view->closed_reason.empty()) {
    dict.AddSectionDictionary("CLOSED")->SetValue("TEXT", view->closed_reason);
  }
  if (view->row.status == "open") {
    auto* act = dict.AddSectionDictionary("ACT");
    if (!view->email.empty()) act->ShowSection("CAN_MAIL");
    web::KeepInput(*act, ctx, {"reply", "note"});
  }
  if (view->row.status != "closed") {
    auto* close = dict.AddSectionDictionary("CAN_CLOSE");
    web::KeepInput(*close, ctx, {"reason"});
  }
  AddMeeting(sv, ctx, dict, *view, form);
  AddToCase(sv, ctx, dict, *view, form);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "requests/show",
                         web::Title{"requests.show.title_of", {{"reference", view->row.reference}}},
                         dict, status);
}

http::Response AfterAction(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                           const core::Status& done, const char* code) {
  if (done) return web::SeeOther("/requests/" + std::to_string(id) + "?done=" + code);
  if (done.error().code == core::ErrorCode::kInvalidInput ||
      done.error().code == core::ErrorCode::kConflict) {
    core::Error shown = done.error();
    if (shown.fields.empty()) {
      shown = core::Error::Invalid("error.form", {{"reply", shown.message_key}});
    }
    // The telephone note has its own box: its error stands next to it.
    if (std::string_view(code) == "phoned") {
      for (auto& f : shown.fields) f.field = f.field == "reply" ? "note" : f.field;
    }
    return ShowRequest(sv, ctx, id, &shown, web::StatusFor(done.error().code));
  }
  return Failure(sv, ctx, done.error());
}

// The answer to a 面談 or 支援へ移行 form: on to the page, or the page with the form's errors
// and what was typed.
http::Response AfterFollowUp(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                             const core::Status& done, const std::string& form, const char* code) {
  if (done) return web::SeeOther("/requests/" + std::to_string(id) + "?done=" + code);
  const auto c = done.error().code;
  if (c == core::ErrorCode::kInvalidInput || c == core::ErrorCode::kConflict) {
    return ShowRequest(sv, ctx, id, &done.error(), web::StatusFor(c), form);
  }
  return Failure(sv, ctx, done.error());
}

MeetingInput ReadMeeting(const web::RequestContext& ctx) {
  MeetingInput in;
  in.mode = ctx.Form("mode");
  in.date = ctx.Form("date");
  in.start = ctx.Form("start");
  in.end = ctx.Form("end");
  in.place = ctx.Form("place");
  in.url = ctx.Form("url");
  return in;
}

ToCaseInput ReadToCase(const web::RequestContext& ctx) {
  ToCaseInput in;
  in.consent = ctx.Form("consent") == "1";
  in.consent_method = ctx.Form("consent_method");
  in.name = ctx.Form("name");
  in.kana = ctx.Form("kana");
  in.phone = ctx.Form("phone");
  in.email = ctx.Form("email");
  return in;
}

}  // namespace

void AddRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/request/{id}", Permission::kPublic,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t org) {
                return PublicForm(sv, ctx, org);
              })});
  router.Add({"POST", "/request/{id}", Permission::kPublic,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t org) {
                return PublicSubmit(sv, ctx, org);
              })});
  router.Add({"GET", "/requests", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return ShowQueue(sv, ctx); }});
  router.Add({"POST", "/requests/intake", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return SaveIntake(sv, ctx); }});
  router.Add({"GET", "/requests/{id}", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return ShowRequest(sv, ctx, id);
              })});
  router.Add({"POST", "/requests/{id}/meeting", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                auto service = Service(sv);
                if (!service) return Unavailable(sv, ctx);
                return AfterFollowUp(
                    sv, ctx, id, service->SetMeeting(*ctx.Who(), ctx.Actor(), id, ReadMeeting(ctx)),
                    "meeting", "meeting");
              })});
  router.Add({"POST", "/requests/{id}/meeting/cancel", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                auto service = Service(sv);
                if (!service) return Unavailable(sv, ctx);
                return AfterFollowUp(sv, ctx, id,
                                     service->CancelMeeting(*ctx.Who(), ctx.Actor(), id), "",
                                     "meeting_cancelled");
              })});
  router.Add({"POST", "/requests/{id}/to-case", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                auto service = Service(sv);
                if (!service) return Unavailable(sv, ctx);
                auto made = service->ToCase(*ctx.Who(), ctx.Actor(), id, ReadToCase(ctx));
                core::Status done = core::OkStatus();
                if (!made) done = made.error();
                return AfterFollowUp(sv, ctx, id, done, "to_case", "to_case");
              })});
  struct Action {
    const char* path;
    const char* done;
  };
  for (const Action& a :
       {Action{"/requests/{id}/reply", "replied"}, Action{"/requests/{id}/phoned", "phoned"},
        Action{"/requests/{id}/close", "closed"}}) {
    router.Add({"POST", a.path, Permission::kOrgCounsel,
                app::WithId(sv, [&sv, done = std::string(a.done)](web::RequestContext& ctx,
                                                                  std::int64_t id) {
                  auto service = Service(sv);
                  if (!service) return Unavailable(sv, ctx);
                  core::Status result = core::OkStatus();
                  if (done == "replied") {
                    result = service->Reply(*ctx.Who(), ctx.Actor(), id, ctx.Form("reply"));
                  } else if (done == "phoned") {
                    result =
                        service->MarkRepliedByPhone(*ctx.Who(), ctx.Actor(), id, ctx.Form("note"));
                  } else {
                    result = service->Close(*ctx.Who(), ctx.Actor(), id, ctx.Form("reason"));
                  }
                  return AfterAction(sv, ctx, id, result, done.c_str());
                })});
  }
}

}  // namespace tsunagu::requests::handlers
