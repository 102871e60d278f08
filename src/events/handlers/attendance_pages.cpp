// Attendance afterwards (attended / absent per registration, registrations entered from paper
// long after the date), the organisation's own participant types, and the training report
// (seed 004 表6 and 表7, printable A4).
#include "core/text.hpp"
#include "events/handlers/attendance_support.hpp"
#include "events/training_report.hpp"
#include "web/forms.hpp"

namespace tsunagu::events::handlers {
namespace {

constexpr std::array<std::string_view, 3> kMarks = {"attended", "absent", ""};

http::Response ShowAttendance(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                              const core::Error* error, int status = 200) {
  auto loaded = AttendanceOf(d).Load(*ctx.Who(), ctx.Actor(), id, "", "attendance", true);
  if (!loaded) return Failure(d, ctx, loaded.error());
  const EventAttendance& a = *loaded;
  ctemplate::TemplateDictionary dict("events_attendance");
  AddEventDetails(d, ctx, dict, a.event);
  dict.SetValue("BASE", EventBase(id));
  AddCounts(d, ctx, dict, a.event, a.counts, a.types);
  const bool follow_up = a.event.kind == "training_follow_up";
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "added" || done == "marked" || done == "walk_in") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "events_attendance.done." + done),
                                "NOTICE");
  }
  if (a.event.date < Today(d)) dict.ShowSection("LATE");
  for (const auto& r : a.rows) {
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetIntValue("ID", r.id);
    row->SetValue("REFERENCE", r.reference);
    row->SetValue("NAME", r.name);
    row->SetValue("FURIGANA", r.furigana);
    row->SetValue("MODE", d.pages.T(ctx, "events.mode." + r.mode));
    row->SetValue("TYPE", TypeLabel(d, ctx, a.types, r.participant_type));
    if (r.status != "registered") {
      row->SetValueAndShowSection("STATE", d.pages.T(ctx, "events.own.state." + r.status),
                                  "NOT_REGISTERED");
      continue;
    }
    auto* form = row->AddSectionDictionary("MARK_FORM");
    form->SetIntValue("ID", r.id);
    form->SetValue("REFERENCE", r.reference);
    for (auto m : kMarks) {
      auto* choice = form->AddSectionDictionary("MARK");
      const std::string code(m);
      choice->SetValue("CODE", code);
      choice->SetValue("SUFFIX", code.empty() ? "none" : code);
      choice->SetValue("LABEL",
                       d.pages.T(ctx, "events_attendance.mark." + (code.empty() ? "none" : code)));
      if (code == r.attendance) choice->ShowSection("CHECKED");
    }
    AddTypeChoices(d, ctx, *form, a.types, r.participant_type);
    if (follow_up) {
      auto* t = form->AddSectionDictionary("FOLLOW_UP");
      if (r.new_trainee) t->ShowSection("CHECKED");
    }
  }
  if (a.rows.empty()) dict.ShowSection("NO_ROWS");
  for (const auto& w : a.walk_ins) {
    auto* row = dict.AddSectionDictionary("WALK_ROW");
    row->SetValue("REFERENCE", w.reference);
    row->SetValue("NAME", w.name);
    row->SetValue("MODE", d.pages.T(ctx, "events.mode." + w.mode));
    row->SetValue("TYPE", TypeLabel(d, ctx, a.types, w.participant_type));
  }
  auto* add = dict.AddSectionDictionary("ADD");
  add->SetValue("V_NAME", ctx.Form("name"));
  add->SetValue("V_FURIGANA", ctx.Form("furigana"));
  AddTypeChoices(d, ctx, *add, a.types, ctx.Form("participant_type"));
  const std::string chosen_mode = ctx.Form("mode");
  for (auto mode : kModes) {
    if (!a.event.Offers(mode)) continue;
    auto* m = add->AddSectionDictionary("ADD_MODE");
    m->SetValue("CODE", std::string(mode));
    m->SetValue("LABEL", d.pages.T(ctx, "events.mode." + std::string(mode)));
    if (chosen_mode == mode ||
        (chosen_mode.empty() && (mode == "venue" || !a.event.Offers("venue"))))
      m->ShowSection("CHECKED");
  }
  if (follow_up) add->ShowSection("FOLLOW_UP");
  if (error) d.pages.AddErrors(*add, ctx, *error);
  return d.pages.Render(
      ctx, "events/attendance",
      web::Title{"events_attendance.attendance.title", {{"title", a.event.title}}}, dict, status);
}

// 「2020年11月14日」 as seed 004 prints it; ISO in English.
std::string TableDate(const web::RequestContext& ctx, core::Date date) {
  if (ctx.lang == "en") return core::ToIso(date);
  return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" +
         std::to_string(date.day) + "日";
}

http::Response ShowTrainings(const Deps& d, web::RequestContext& ctx) {
  const core::Date today = Today(d);
  int fy = core::FiscalYear(today);
  if (auto text = ctx.request.Query("fy"); text && !text->empty()) {
    const int parsed = web::ParseInt(core::NormalizeNfkc(*text));
    if (parsed < 2000 || parsed > 2100)
      return d.pages.Error(ctx, 400, "events_attendance.error.range");
    fy = parsed;
  }
  core::Date from = core::FiscalYearStart(fy);
  core::Date to = core::FiscalYearEnd(fy);
  const auto from_text = ctx.request.Query("from").value_or("");
  const auto to_text = ctx.request.Query("to").value_or("");
  if (!from_text.empty() || !to_text.empty()) {
    auto f = core::ParseIsoDate(core::Trim(core::NormalizeNfkc(from_text)));
    auto t = core::ParseIsoDate(core::Trim(core::NormalizeNfkc(to_text)));
    if (!f || !t || *t < *f) return d.pages.Error(ctx, 400, "events_attendance.error.range");
    from = *f;
    to = *t;
  }
  auto report = BuildTrainingReport(d.db, *ctx.Who(), from, to);
  if (!report) return Failure(d, ctx, report.error());
  ctemplate::TemplateDictionary dict("events_trainings");
  dict.SetValue("FROM", core::ToIso(from));
  dict.SetValue("TO", core::ToIso(to));
  dict.SetValue("RANGE", core::FormatDate(from, ctx.lang) + " – " + core::FormatDate(to, ctx.lang));
  dict.SetIntValue("FY", fy);
  bool any_new = false;
  for (const auto& line : report->trainings) {
    auto* row = dict.AddSectionDictionary("T6");
    row->SetIntValue("ID", line.event_id);
    row->SetValue("DATE", TableDate(ctx, line.date));
    row->SetValue("WAREKI", core::FormatDate(line.date, ctx.lang));
    if (line.held_online) {
      row->ShowSection("ONLINE");
      auto* note = dict.AddSectionDictionary("ONLINE_NOTE");
      note->SetValue("DATE", TableDate(ctx, line.date));
    }
    row->SetValue("KIND", d.pages.T(ctx, "events_attendance.report.kind." + line.kind));
    if (line.kind == "training_follow_up" && line.new_trainees > 0) {
      row->ShowSection("NEW_TRAINEES");
      any_new = true;
    }
    for (auto column : kTrainingColumns) {
      auto* cell = row->AddSectionDictionary("CELL");
      auto it = line.by_column.find(std::string(column));
      cell->SetIntValue("N", it == line.by_column.end() ? 0 : it->second);
    }
  }
  if (any_new) dict.ShowSection("NEW_NOTE");
  if (report->trainings.empty()) dict.ShowSection("T6_EMPTY");
  for (const auto& line : report->organiser) {
    auto* row = dict.AddSectionDictionary("T7");
    row->SetIntValue("ID", line.event_id);
    row->SetValue("DATE", TableDate(ctx, line.date));
    row->SetValue("WAREKI", core::FormatDate(line.date, ctx.lang));
    row->SetIntValue("N", line.attended);
  }
  if (report->organiser.empty()) dict.ShowSection("T7_EMPTY");
  return d.pages.Render(ctx, "events/trainings", "events_attendance.report.title", dict);
}

http::Response ShowTypes(const Deps& d, web::RequestContext& ctx, const core::Error* error,
                         int status = 200) {
  auto types = AttendanceOf(d).Types(*ctx.Who());
  if (!types) return Failure(d, ctx, types.error());
  ctemplate::TemplateDictionary dict("events_types");
  for (const auto& t : *types) {
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetValue("LABEL", TypeLabel(d, ctx, *types, t.code));
    row->SetValue("KIND", d.pages.T(ctx, t.builtin ? "events_attendance.types.builtin"
                                                   : "events_attendance.types.own"));
  }
  if (ctx.request.Query("done").value_or("") == "added") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "events_attendance.done.type_added"),
                                "NOTICE");
  }
  dict.SetValue("V_LABEL_JA", ctx.Form("label_ja"));
  dict.SetValue("V_LABEL_EN", ctx.Form("label_en"));
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "events/participant_types", "events_attendance.types.title", dict,
                        status);
}

}  // namespace

void AddAttendanceRoutes(app::Router& router, const Deps& d) {
  // Fixed paths before "/org/events/{id}/…".
  router.Add({"GET", "/org/events/trainings", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return ShowTrainings(d, ctx); }});

  router.Add({"GET", "/org/events/participant-types", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return ShowTypes(d, ctx, nullptr); }});

  router.Add({"POST", "/org/events/participant-types", auth::Permission::kOrgCoordinate,
              [d](web::RequestContext& ctx) {
                auto added = AttendanceOf(d).AddType(*ctx.Who(), ctx.Actor(), ctx.Form("label_ja"),
                                                     ctx.Form("label_en"));
                if (!added) {
                  if (added.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowTypes(d, ctx, &added.error(), 422);
                  }
                  return Failure(d, ctx, added.error());
                }
                return web::SeeOther("/org/events/participant-types?done=added");
              }});

  router.Add({"GET", "/org/events/{id}/attendance", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                return ShowAttendance(d, ctx, id, nullptr);
              }});

  router.Add({"POST", "/org/events/{id}/attendance/add", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                LateRegistration in;
                in.mode = ctx.Form("mode");
                in.participant_type = ctx.Form("participant_type");
                in.name = ctx.Form("name");
                in.furigana = ctx.Form("furigana");
                in.new_trainee = ctx.Form("new_trainee") == "1";
                in.attendance = ctx.Form("attendance");
                auto added = AttendanceOf(d).AddLate(*ctx.Who(), ctx.Actor(), id, in);
                if (!added) {
                  if (added.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowAttendance(d, ctx, id, &added.error(), 422);
                  }
                  return Failure(d, ctx, added.error());
                }
                return web::SeeOther(EventBase(id) + "/attendance?done=added");
              }});

  router.Add({"POST", "/org/events/{id}/attendance/{registration_id}",
              auth::Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                const auto registration = web::ParseId(ctx.Param("registration_id"));
                if (id <= 0 || registration <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto done = AttendanceOf(d).Mark(
                    *ctx.Who(), ctx.Actor(), id, registration, ctx.Form("attendance"),
                    ctx.Form("new_trainee") == "1", ctx.Form("participant_type"));
                if (!done) return Failure(d, ctx, done.error());
                return web::SeeOther(EventBase(id) + "/attendance?done=marked#attendance-" +
                                     std::to_string(registration));
              }});
}

}  // namespace tsunagu::events::handlers
