// The 事務局 pages (issue 3): programmes, their yearly targets, and consultation days generated
// from a monthly rule with a preview first. Every route needs kOrgCoordinate; the service
// answers NotFound for another organisation's programme, shown like a missing one.
#include <set>

#include "app/route_ids.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/routes.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

// Occurrence checkbox values are "<nth>-<weekday>" with nth 1..5 or "last".
std::string OccurrenceCode(MonthlyOccurrence o) {
  return (o.nth == kLastOccurrence ? std::string("last") : std::to_string(o.nth)) + "-" +
         std::to_string(o.weekday);
}

std::optional<MonthlyOccurrence> ParseOccurrence(const std::string& code) {
  auto dash = code.find('-');
  if (dash == std::string::npos) return std::nullopt;
  const std::string nth_text = code.substr(0, dash);
  int nth = nth_text == "last" ? kLastOccurrence : web::ParseInt(nth_text);
  int weekday = web::ParseInt(code.substr(dash + 1));
  if ((nth < 1 || nth > 5) && nth != kLastOccurrence) return std::nullopt;
  if (weekday < 0 || weekday > 6) return std::nullopt;
  return MonthlyOccurrence{nth, weekday};
}

struct GenerateInput {
  ScheduleRule rule;
  DaySettings settings;
  int fiscal_year = 0;
};

GenerateInput ReadGenerateInput(const app::Services& sv, const web::RequestContext& ctx) {
  GenerateInput in;
  for (const auto& code : ctx.FormValues("occurrences")) {
    // An unknown code is kept as an invalid occurrence so the rule's validation reports it.
    in.rule.occurrences.push_back(ParseOccurrence(code).value_or(MonthlyOccurrence{0, 0}));
  }
  in.rule.start_minutes = ParseTime(ctx.Form("start_minutes"));
  in.rule.end_minutes = ParseTime(ctx.Form("end_minutes"));
  const std::string policy = ctx.Form("on_holiday");
  in.rule.on_holiday = policy == "next"       ? HolidayPolicy::kNextBusinessDay
                       : policy == "previous" ? HolidayPolicy::kPreviousBusinessDay
                                              : HolidayPolicy::kSkip;
  in.rule.closed_year_end = ctx.Form("closed_year_end") == "1";
  in.settings = ReadDaySettings(ctx);
  in.fiscal_year = FiscalYearOf(sv, ctx.Form("fiscal_year"));
  return in;
}

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

std::string DayNote(const app::Services& sv, const web::RequestContext& ctx, const std::string& key,
                    std::optional<core::Date> from, std::optional<core::Date> to) {
  std::vector<std::pair<std::string, std::string>> args;
  if (from) args.emplace_back("from", core::FormatDate(*from, ctx.lang));
  if (to) args.emplace_back("to", core::FormatDate(*to, ctx.lang));
  return sv.catalog.Format(ctx.lang, key, args);
}

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

// ---------------------------------------------------------------- generating days

void AddMode(const app::Services& sv, const web::RequestContext& ctx,
             ctemplate::TemplateDictionary& dict, const std::string& selected) {
  for (auto mode : kDayModes) {
    auto* option = dict.AddSectionDictionary("MODE");
    option->SetValue("CODE", std::string(mode));
    option->SetValue("ID", mode == kDayModes.front() ? "mode" : "mode-" + std::string(mode));
    option->SetValue("LABEL", sv.pages.T(ctx, "days.mode." + std::string(mode)));
    if (selected == mode) option->ShowSection("CHECKED");
  }
}

// The rule form. `values` are the fields as typed (or the defaults for a fresh form).
http::Response ShowGenerate(app::Services& sv, web::RequestContext& ctx, const Program& program,
                            int fy, const std::multimap<std::string, std::string>& values,
                            const core::Error* error, int status = 200) {
  auto value = [&](const std::string& name) {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  };
  ctemplate::TemplateDictionary dict("programs_generate");
  dict.SetIntValue("ID", program.id);
  dict.SetValue("NAME", program.name);
  dict.SetIntValue("FY", fy);
  dict.SetValue("FY_LABEL", FiscalYearLabel(ctx.lang, fy));
  std::set<std::string> chosen;
  auto [from, to] = values.equal_range("occurrences");
  for (auto it = from; it != to; ++it) chosen.insert(it->second);
  bool first = true;
  for (int nth : {1, 2, 3, 4, 5, kLastOccurrence}) {
    auto* row = dict.AddSectionDictionary("WEEK");
    const std::string nth_key = nth == kLastOccurrence ? "last" : std::to_string(nth);
    row->SetValue("WEEK_LABEL", sv.pages.T(ctx, "schedule.ordinal." + nth_key));
    row->SetValue("WEEK_ID", "week-" + nth_key);
    for (int weekday = 1; weekday <= 5; ++weekday) {
      auto* cell = row->AddSectionDictionary("CELL");
      const std::string code = OccurrenceCode({nth, weekday});
      cell->SetValue("CODE", code);
      // The first box carries the field's id: the error summary links to it.
      cell->SetValue("CELL_ID", first ? std::string("occurrences") : "occ-" + code);
      first = false;
      cell->SetValue(
          "LABEL",
          sv.catalog.Format(
              ctx.lang, "schedule.occurrence",
              {{"ordinal", sv.pages.T(ctx, "schedule.ordinal." + nth_key)},
               {"weekday", sv.pages.T(ctx, "schedule.weekday." + std::to_string(weekday))}}));
      if (chosen.count(code)) cell->ShowSection("CHECKED");
    }
  }
  for (int weekday = 1; weekday <= 5; ++weekday) {
    auto* head = dict.AddSectionDictionary("WEEKDAY_HEAD");
    head->SetValue("LABEL", sv.pages.T(ctx, "schedule.weekday." + std::to_string(weekday)));
  }
  for (const char* field : {"start_minutes", "end_minutes", "venue", "meeting_url", "booths",
                            "slot_minutes", "prep_minutes", "debrief_minutes", "fiscal_year"}) {
    std::string name = field;
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    dict.SetValue("V_" + name, value(field));
  }
  const std::string policy = value("on_holiday").empty() ? "skip" : value("on_holiday");
  for (const char* code : {"skip", "next", "previous"}) {
    auto* option = dict.AddSectionDictionary("POLICY");
    option->SetValue("CODE", code);
    option->SetValue(
        "ID", std::string(code) == "skip" ? "on_holiday" : "on_holiday-" + std::string(code));
    option->SetValue("LABEL", sv.pages.T(ctx, std::string("days.form.policy_") + code));
    if (policy == code) option->ShowSection("CHECKED");
  }
  if (value("closed_year_end") == "1") dict.ShowSection("CLOSED_CHECKED");
  AddMode(sv, ctx, dict, value("mode").empty() ? "in_person" : value("mode"));
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "programs/generate", "days.generate.title", dict, status);
}

http::Response GenerateForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  const int fy = FiscalYearFromQuery(sv, ctx);
  const std::multimap<std::string, std::string> defaults = {{"start_minutes", "18:00"},
                                                            {"end_minutes", "21:00"},
                                                            {"booths", "2"},
                                                            {"prep_minutes", "15"},
                                                            {"debrief_minutes", "15"},
                                                            {"mode", "in_person"},
                                                            {"fiscal_year", std::to_string(fy)}};
  return ShowGenerate(sv, ctx, *program, fy, defaults, nullptr);
}

http::Response Preview(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  const GenerateInput in = ReadGenerateInput(sv, ctx);
  auto plan = sv.consultations.PreviewDays(*ctx.Who(), id, in.rule, in.fiscal_year, in.settings);
  if (!plan) {
    if (plan.error().code == core::ErrorCode::kInvalidInput) {
      return ShowGenerate(sv, ctx, *program, in.fiscal_year, ctx.form, &plan.error(),
                          web::StatusFor(plan.error().code));
    }
    return Failure(sv, ctx, plan.error());
  }
  ctemplate::TemplateDictionary dict("programs_preview");
  dict.SetIntValue("ID", id);
  dict.SetValue("NAME", program->name);
  dict.SetIntValue("FY", in.fiscal_year);
  dict.SetValue("FY_LABEL", FiscalYearLabel(ctx.lang, in.fiscal_year));
  dict.SetValue("RULE", DescribeRule(in.rule, ctx.lang, sv.catalog));
  dict.SetValue("HOLIDAYS", DescribeHolidayHandling(in.rule, ctx.lang, sv.catalog));
  std::string place = sv.pages.T(ctx, "days.mode." + in.settings.mode);
  const std::string where =
      in.settings.mode == "in_person" ? in.settings.venue : in.settings.meeting_url;
  if (!where.empty()) place += "（" + where + "）";
  dict.SetValue("PLACE", place);
  dict.SetIntValue("BOOTHS", in.settings.booths);
  dict.SetIntValue("SLOT_MINUTES", in.settings.slot_minutes);
  const auto slots = SlotTimes(in.rule.start_minutes, in.rule.end_minutes, in.settings);
  std::string slot_text;
  for (const auto& [s, e] : slots) {
    if (!slot_text.empty()) slot_text += sv.pages.T(ctx, "schedule.list.separator");
    slot_text += TimeRange(s, e);
  }
  dict.SetValue("SLOT_TIMES", slot_text);
  dict.SetIntValue("DAY_COUNT", static_cast<long>(plan->days.size()));
  int number = 0;
  for (const auto& d : plan->days) {
    auto* row = dict.AddSectionDictionary("DAY");
    row->SetIntValue("NUMBER", ++number);
    row->SetValue("DATE", core::FormatDate(d.date, ctx.lang));
    row->SetValue("TIME", TimeRange(d.start_minutes, d.end_minutes));
    if (!d.note_key.empty())
      row->SetValue("NOTE", DayNote(sv, ctx, d.note_key, d.moved_from, std::nullopt));
  }
  for (const auto& s : plan->skipped) {
    auto* row = dict.AddSectionDictionary("SKIPPED");
    row->SetValue("DATE", core::FormatDate(s.date, ctx.lang));
    row->SetValue("NOTE", DayNote(sv, ctx, s.note_key, std::nullopt, s.would_move_to));
  }
  if (!plan->skipped.empty()) dict.ShowSection("HAS_SKIPPED");
  // The same fields again, so 「この内容で作成」 creates exactly what was shown.
  for (const auto& [name, value] : ctx.form) {
    if (name == "csrf_token") continue;
    auto* hidden = dict.AddSectionDictionary("HIDDEN");
    hidden->SetValue("NAME", name);
    hidden->SetValue("VALUE", value);
  }
  return sv.pages.Render(ctx, "programs/preview", "days.preview.title", dict);
}

// 「戻って修正する」 on the preview: the form again, filled with what was previewed.
http::Response EditAgain(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  return ShowGenerate(sv, ctx, *program, FiscalYearOf(sv, ctx.Form("fiscal_year")), ctx.form,
                      nullptr);
}

http::Response Generate(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  const GenerateInput in = ReadGenerateInput(sv, ctx);
  // The preview's checks first, so every problem is reported together.
  if (auto plan =
          sv.consultations.PreviewDays(*ctx.Who(), id, in.rule, in.fiscal_year, in.settings);
      !plan) {
    if (plan.error().code == core::ErrorCode::kInvalidInput) {
      return ShowGenerate(sv, ctx, *program, in.fiscal_year, ctx.form, &plan.error(),
                          web::StatusFor(plan.error().code));
    }
    return Failure(sv, ctx, plan.error());
  }
  auto result = sv.consultations.GenerateDays(*ctx.Who(), ctx.Actor(), id, in.rule, in.fiscal_year,
                                              in.settings);
  if (!result) {
    if (result.error().code == core::ErrorCode::kInvalidInput) {
      return ShowGenerate(sv, ctx, *program, in.fiscal_year, ctx.form, &result.error(),
                          web::StatusFor(result.error().code));
    }
    return Failure(sv, ctx, result.error());
  }
  return web::SeeOther("/programs/" + std::to_string(id) + "?fy=" + std::to_string(in.fiscal_year) +
                       "&created=" + std::to_string(result->created) +
                       "&existing=" + std::to_string(result->already_there));
}

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

// The result: how many were told, and the people to call (personal data, read audited).
http::Response ShowChanged(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                           const DayChangeResult& result, bool cancelled) {
  ctemplate::TemplateDictionary dict("programs_day_changed");
  const ConsultationDay& day = result.after;
  dict.ShowSection(cancelled ? "CANCELLED" : "MOVED");
  dict.SetIntValue("ID", id);
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
    auto* row = dict.AddSectionDictionary("CALL");
    row->SetValue("REFERENCE", person.reference);
    row->SetValue("TIME", person.start_minutes && person.end_minutes
                              ? TimeRange(*person.start_minutes, *person.end_minutes)
                              : sv.pages.T(ctx, "daychange.calls.no_slot"));
    row->SetValue("STATUS", sv.pages.T(ctx, "daychange.status." + person.status));
    row->SetValue("PERSON_NAME", person.name);
    row->SetValue("FURIGANA", person.furigana);
    row->SetValue("PHONE", person.phone);
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
       }) {
    router.Add({p.method, p.path, auth::Permission::kOrgCoordinate,
                app::WithId(sv, [&sv, page = p.page](web::RequestContext& ctx, std::int64_t id) {
                  return page(sv, ctx, id);
                })});
  }
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
  router.Add({"GET", "/programs/{id}/generate", Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return GenerateForm(sv, ctx, id);
              })});
  router.Add({"POST", "/programs/{id}/generate/preview", Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Preview(sv, ctx, id);
              })});
  router.Add({"POST", "/programs/{id}/generate/edit", Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return EditAgain(sv, ctx, id);
              })});
  AddDayChangeRoutes(router, sv);
  router.Add({"POST", "/programs/{id}/generate", Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Generate(sv, ctx, id);
              })});
}

}  // namespace tsunagu::consultations::handlers
