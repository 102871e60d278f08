// Cancelling or moving one consultation day (day_changes.hpp): a form, a confirmation, then the
// change, with the people to tell.
#include <algorithm>

#include "app/route_ids.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/program_pages.hpp"
#include "consultations/handlers/routes.hpp"
#include "core/phone_format.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

// ---------------------------------------------------------------- cancelling or moving a day

// 「対面（県庁本館 相談室）」.
std::string PlaceOf(const app::Services& sv, const web::RequestContext& ctx,
                    const ConsultationDay& day) {
  return sv.pages.T(ctx, "days.mode." + day.mode) +
         (day.venue.empty() ? "" : "（" + day.venue + "）");
}

// The day of the path when `change` is still possible; a malformed id is a missing day.
core::Result<DayChangeView> PrepareDay(app::Services& sv, const web::RequestContext& ctx,
                                       std::int64_t id, DayChange change) {
  return sv.day_changes.Prepare(*ctx.Who(), id, web::ParseId(ctx.Param("day_id")), change);
}

// The day's summary and who it concerns (counts only), shared by the cancel and move pages.
void AddDaySummary(app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, std::int64_t id,
                   const DayChangeView& view) {
  const ConsultationDay& day = view.day;
  dict.SetIntValue("ID", id);
  dict.SetIntValue("DAY_ID", day.id);
  dict.SetIntValue("FY", core::FiscalYear(day.date));
  dict.SetValue("NAME", view.program_name);
  dict.SetValue("DATE", core::FormatDate(day.date, ctx.lang));
  dict.SetValue("TIME", TimeRange(day.start_minutes, day.end_minutes));
  dict.SetValue("PLACE", PlaceOf(sv, ctx, day));
  dict.SetIntValue("MAX_REASON", static_cast<long>(kMaxDayChangeReason));
  dict.SetIntValue("MAX_VENUE", static_cast<long>(kMaxDayChangeVenue));
  const DayPeople& p = view.people;
  if (p.Total() == 0) {
    dict.ShowSection("NO_PEOPLE");
    return;
  }
  auto* people = dict.AddSectionDictionary("HAS_PEOPLE");
  auto count = [&](const char* key, int n) {
    return sv.catalog.Format(ctx.lang, key, {{"count", std::to_string(n)}});
  };
  people->SetValue("BOOKED", count("daychange.people.booked", p.booked));
  people->SetValue("WAITING", count("daychange.people.waiting", p.waiting));
  people->SetValue("BY_EMAIL", count("daychange.people.by_email", p.by_email));
  if (p.by_phone > 0) {
    people->AddSectionDictionary("BY_PHONE")
        ->SetValue("TEXT", count("daychange.people.by_phone", p.by_phone));
  }
}

// The fields of a form again as hidden inputs, so the confirmation sends what was checked.
void AddHidden(const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
               std::initializer_list<const char*> fields) {
  for (const char* name : fields) {
    auto* hidden = dict.AddSectionDictionary("HIDDEN");
    hidden->SetValue("NAME", name);
    hidden->SetValue("VALUE", ctx.Form(name));
  }
}

// The reason form, or (`confirm`) what will happen with the reason to send.
http::Response ShowCancel(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                          const DayChangeView& view, bool confirm, const core::Error* error,
                          int status = 200) {
  ctemplate::TemplateDictionary dict("programs_cancel");
  AddDaySummary(sv, ctx, dict, id, view);
  if (confirm) {
    dict.ShowSection("CONFIRM");
    dict.SetValue("REASON", core::Trim(ctx.Form("reason")));
    AddHidden(ctx, dict, {"reason"});
  } else {
    const bool nobody_to_tell = view.past || view.people.Total() == 0;
    dict.ShowSection(nobody_to_tell ? "FORM_EMPTY" : "FORM_PEOPLE");
    dict.ShowSection(view.past ? "PAST" : "NOT_PAST");
    web::KeepInput(dict, ctx, {"reason"});
  }
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "programs/cancel",
                         confirm ? "daychange.cancel.confirm_title" : "daychange.cancel.title",
                         dict, status);
}

// One person to call (the confirmation of a change and the day's call list share these columns).
ctemplate::TemplateDictionary* AddCallRow(const app::Services& sv, const web::RequestContext& ctx,
                                          ctemplate::TemplateDictionary& dict,
                                          const PersonToCall& person) {
  auto* row = dict.AddSectionDictionary("CALL");
  row->SetValue("REFERENCE", person.reference);
  row->SetValue("TIME", person.start_minutes && person.end_minutes
                            ? TimeRange(*person.start_minutes, *person.end_minutes)
                            : sv.pages.T(ctx, "daychange.calls.no_slot"));
  row->SetValue("PERSON_NAME", person.name);
  row->SetValue("FURIGANA", person.furigana);
  row->SetValue("PHONE", core::FormatPhoneJp(person.phone));
  return row;
}

// The result: how many were told, and the people to call (personal data, read audited).
http::Response ShowChanged(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                           const DayChangeResult& result, bool cancelled) {
  ctemplate::TemplateDictionary dict("programs_day_changed");
  const ConsultationDay& day = result.after;
  dict.ShowSection(cancelled ? "CANCELLED" : "MOVED");
  dict.SetIntValue("ID", id);
  dict.SetIntValue("DAY_ID", day.id);
  dict.SetIntValue("FY", core::FiscalYear(day.date));
  dict.SetValue("NAME", result.program_name);
  dict.SetValue("DATE", core::FormatDate(day.date, ctx.lang));
  dict.SetValue("TIME", TimeRange(day.start_minutes, day.end_minutes));
  dict.SetValue("OLD_DATE", core::FormatDate(result.before.date, ctx.lang));
  dict.SetValue("OLD_TIME", TimeRange(result.before.start_minutes, result.before.end_minutes));
  dict.SetValue("EMAILED", sv.catalog.Format(ctx.lang, "daychange.done.emailed",
                                             {{"count", std::to_string(result.emailed)}}));
  dict.SetValue("STAFF", sv.catalog.Format(ctx.lang, "daychange.done.staff",
                                           {{"count", std::to_string(result.staff_notified)}}));
  if (!result.to_call.empty()) dict.ShowSection("HAS_CALLS");
  for (const auto& person : result.to_call) {
    auto* row = AddCallRow(sv, ctx, dict, person);
    row->SetValue("STATUS", sv.pages.T(ctx, "daychange.status." + person.status));
  }
  return sv.pages.Render(
      ctx, "programs/day_changed",
      cancelled ? "daychange.done.cancelled_title" : "daychange.done.moved_title", dict);
}

// GET: the day, who is booked, and the reason to give them.
http::Response ConfirmCancel(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto view = PrepareDay(sv, ctx, id, DayChange::kCancel);
  if (!view) return Failure(sv, ctx, view.error());
  return ShowCancel(sv, ctx, id, *view, false, nullptr);
}

// POST …/cancel/confirm: the reason checked, then what will happen.
http::Response CheckCancel(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto view = PrepareDay(sv, ctx, id, DayChange::kCancel);
  if (!view) return Failure(sv, ctx, view.error());
  if (auto errors = DayChangeService::ValidateReason(*view, ctx.Form("reason")); !errors.empty()) {
    const auto error = core::Error::Invalid("error.form", errors);
    return ShowCancel(sv, ctx, id, *view, false, &error, web::StatusFor(error.code));
  }
  return ShowCancel(sv, ctx, id, *view, true, nullptr);
}

// POST …/cancel/edit: 「戻って修正する」, the reason kept.
http::Response EditCancel(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto view = PrepareDay(sv, ctx, id, DayChange::kCancel);
  if (!view) return Failure(sv, ctx, view.error());
  return ShowCancel(sv, ctx, id, *view, false, nullptr);
}

http::Response CancelDay(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  const std::int64_t day_id = web::ParseId(ctx.Param("day_id"));
  auto done = sv.day_changes.CancelDay(*ctx.Who(), ctx.Actor(), id, day_id, ctx.Form("reason"));
  if (!done) {
    if (done.error().code != core::ErrorCode::kInvalidInput) return Failure(sv, ctx, done.error());
    auto view = PrepareDay(sv, ctx, id, DayChange::kCancel);
    if (!view) return Failure(sv, ctx, view.error());
    return ShowCancel(sv, ctx, id, *view, false, &done.error(), web::StatusFor(done.error().code));
  }
  // Nobody was told (nobody booked, or the day had passed): back to the programme.
  if (done->emailed == 0 && done->to_call.empty()) {
    return web::SeeOther("/programs/" + std::to_string(id) + "?fy=" +
                         std::to_string(core::FiscalYear(done->before.date)) + "&cancelled=1");
  }
  return ShowChanged(sv, ctx, id, *done, true);
}

DayMove ReadMove(const web::RequestContext& ctx) {
  DayMove move;
  move.date = core::ParseIsoDate(core::Trim(ctx.Form("date"))).value_or(core::Date{});
  move.start_minutes = ParseTime(core::Trim(ctx.Form("start")));
  move.venue = ctx.Form("venue");
  move.message = ctx.Form("message");
  return move;
}

// The move form: a fresh one shows the day as it is; after an error, what was typed.
http::Response ShowMoveForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                            const DayChangeView& view, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("programs_move");
  AddDaySummary(sv, ctx, dict, id, view);
  dict.ShowSection("FORM");
  if (ctx.form.count("date") == 0) {
    dict.SetValue("V_DATE", core::ToIso(view.day.date));
    dict.SetValue("V_START", FormatMinutes(view.day.start_minutes));
    dict.SetValue("V_VENUE", view.day.venue);
  } else {
    web::KeepInput(dict, ctx, {"date", "start", "venue", "message"});
  }
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "programs/move", "daychange.move.title", dict, status);
}

http::Response ShowMoveConfirm(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                               const MovePlan& plan) {
  ctemplate::TemplateDictionary dict("programs_move");
  AddDaySummary(sv, ctx, dict, id, plan.current);
  dict.ShowSection("CONFIRM");
  const ConsultationDay& moved = plan.moved;
  dict.SetValue("NEW_DATE", core::FormatDate(moved.date, ctx.lang));
  dict.SetValue("NEW_TIME", TimeRange(moved.start_minutes, moved.end_minutes));
  dict.SetValue("NEW_PLACE", PlaceOf(sv, ctx, moved));
  if (const std::string message = core::Trim(ctx.Form("message")); !message.empty()) {
    dict.AddSectionDictionary("HAS_MESSAGE")->SetValue("MESSAGE", message);
  }
  for (std::size_t i = 0; i < moved.slots.size() && i < plan.current.day.slots.size(); ++i) {
    const Slot& before = plan.current.day.slots[i];
    const Slot& after = moved.slots[i];
    auto* row = dict.AddSectionDictionary("SLOT");
    row->SetValue("OLD", TimeRange(before.start_minutes, before.end_minutes));
    row->SetValue("NEW", TimeRange(after.start_minutes, after.end_minutes));
    row->SetIntValue("BOOKED", before.booked);
    row->SetIntValue("CAPACITY", before.capacity);
  }
  AddHidden(ctx, dict, {"date", "start", "venue", "message"});
  return sv.pages.Render(ctx, "programs/move", "daychange.move.confirm_title", dict);
}

// A move refused for its fields shows the form again with the errors; anything else is a page.
http::Response MoveRefused(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                           const core::Error& error) {
  if (error.code != core::ErrorCode::kInvalidInput) return Failure(sv, ctx, error);
  auto view = PrepareDay(sv, ctx, id, DayChange::kMove);
  if (!view) return Failure(sv, ctx, view.error());
  return ShowMoveForm(sv, ctx, id, *view, &error, web::StatusFor(error.code));
}

// GET and POST …/move/edit: the form (POST keeps what was typed).
http::Response MoveForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto view = PrepareDay(sv, ctx, id, DayChange::kMove);
  if (!view) return Failure(sv, ctx, view.error());
  return ShowMoveForm(sv, ctx, id, *view, nullptr);
}

http::Response CheckMove(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto plan =
      sv.day_changes.PlanMove(*ctx.Who(), id, web::ParseId(ctx.Param("day_id")), ReadMove(ctx));
  if (!plan) return MoveRefused(sv, ctx, id, plan.error());
  return ShowMoveConfirm(sv, ctx, id, *plan);
}

http::Response MoveDay(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto done = sv.day_changes.MoveDay(*ctx.Who(), ctx.Actor(), id, web::ParseId(ctx.Param("day_id")),
                                     ReadMove(ctx));
  if (!done) return MoveRefused(sv, ctx, id, done.error());
  return ShowChanged(sv, ctx, id, *done, false);
}

// ---------------------------------------------------------------- the day's call list

// A reference as the service makes them (letters, digits, hyphens), else nothing.
std::string ReferenceOrEmpty(const std::string& ref) {
  const bool ok =
      !ref.empty() && ref.size() <= 20 && std::all_of(ref.begin(), ref.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      });
  return ok ? ref : std::string();
}

// GET …/calls: everyone the day's change could not reach by e-mail, until each is called.
http::Response ShowCalls(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  const std::int64_t day_id = web::ParseId(ctx.Param("day_id"));
  auto list = sv.day_changes.Calls(*ctx.Who(), ctx.Actor(), id, day_id);
  if (!list) return Failure(sv, ctx, list.error());
  ctemplate::TemplateDictionary dict("programs_day_calls");
  const ConsultationDay& day = list->day;
  const std::string date = core::FormatDate(day.date, ctx.lang);
  dict.SetIntValue("ID", id);
  dict.SetIntValue("DAY_ID", day.id);
  dict.SetIntValue("FY", core::FiscalYear(day.date));
  dict.SetValue("NAME", list->program_name);
  dict.SetValue("DATE", date + " " + TimeRange(day.start_minutes, day.end_minutes));
  dict.SetValue("CSRF", ctx.CsrfToken());
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  dict.SetValue("DAY_STATUS", sv.pages.T(ctx, "days.status." + DayStatusCode(day, today)));
  if (day.status != "cancelled") dict.ShowSection("BOARD_LINK");
  if (const std::string ref = ReferenceOrEmpty(ctx.request.Query("called").value_or(""));
      !ref.empty()) {
    dict.SetValue("MARKED",
                  sv.catalog.Format(ctx.lang, "daychange.calls.marked", {{"reference", ref}}));
    dict.ShowSection("HAS_MARKED");
  }
  const int pending = list->Pending();
  if (list->calls.empty()) {
    dict.ShowSection("NONE");
  } else {
    dict.ShowSection("HAS_CALLS");
    dict.SetValue("REMAINING", pending == 0
                                   ? sv.pages.T(ctx, "daychange.calls.all_done")
                                   : sv.catalog.Format(ctx.lang, "daychange.calls.remaining",
                                                       {{"count", std::to_string(pending)}}));
  }
  for (const auto& person : list->calls) {
    auto* row = AddCallRow(sv, ctx, dict, person);
    row->SetValue("CHANGE", sv.pages.T(ctx, "daychange.calls.change_" + person.change));
    if (person.called_at) {
      row->AddSectionDictionary("CALLED")->SetValue(
          "TEXT", sv.catalog.Format(ctx.lang, "daychange.calls.called_at",
                                    {{"time", core::FormatDateTime(*person.called_at, ctx.lang)}}));
    } else {
      auto* form = row->AddSectionDictionary("TO_CALL");
      form->SetValue("REFERENCE", person.reference);
      form->SetValue("LABEL", sv.catalog.Format(ctx.lang, "daychange.calls.mark_label",
                                                {{"reference", person.reference}}));
    }
  }
  return sv.pages.Render(ctx, "programs/day_calls",
                         web::Title{"daychange.calls.page_title", {{"date", date}}}, dict);
}

// POST …/calls/called: one person told; back to the list.
http::Response MarkCalled(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  const std::int64_t day_id = web::ParseId(ctx.Param("day_id"));
  const std::string reference = ReferenceOrEmpty(core::Trim(ctx.Form("reference")));
  if (reference.empty()) return Failure(sv, ctx, core::Error::NotFound());
  auto done = sv.day_changes.MarkCalled(*ctx.Who(), ctx.Actor(), id, day_id, reference);
  if (!done) return Failure(sv, ctx, done.error());
  return web::SeeOther("/programs/" + std::to_string(id) + "/days/" + std::to_string(day_id) +
                       "/calls?called=" + reference);
}

}  // namespace

// Cancelling and moving one day: a form, a confirmation, then the change (day_changes.hpp).
void AddDayChangeRoutes(app::Router& router, app::Services& sv) {
  struct DayPage {
    const char* method;
    const char* path;
    http::Response (*page)(app::Services&, web::RequestContext&, std::int64_t);
  };
  for (const DayPage& p : {
           DayPage{"GET", "/programs/{id}/days/{day_id}/cancel", ConfirmCancel},
           DayPage{"POST", "/programs/{id}/days/{day_id}/cancel/confirm", CheckCancel},
           DayPage{"POST", "/programs/{id}/days/{day_id}/cancel/edit", EditCancel},
           DayPage{"POST", "/programs/{id}/days/{day_id}/cancel", CancelDay},
           DayPage{"GET", "/programs/{id}/days/{day_id}/move", MoveForm},
           DayPage{"POST", "/programs/{id}/days/{day_id}/move/confirm", CheckMove},
           DayPage{"POST", "/programs/{id}/days/{day_id}/move/edit", MoveForm},
           DayPage{"POST", "/programs/{id}/days/{day_id}/move", MoveDay},
           DayPage{"GET", "/programs/{id}/days/{day_id}/calls", ShowCalls},
           DayPage{"POST", "/programs/{id}/days/{day_id}/calls/called", MarkCalled},
       }) {
    router.Add({p.method, p.path, auth::Permission::kOrgCoordinate,
                app::WithId(sv, [&sv, page = p.page](web::RequestContext& ctx, std::int64_t id) {
                  return page(sv, ctx, id);
                })});
  }
}

}  // namespace tsunagu::consultations::handlers
