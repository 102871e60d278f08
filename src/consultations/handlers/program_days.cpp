// Consultation days generated from monthly rules with a preview first (issues 3 and 14): a
// year's rule can change part-way (seed 000: 4〜9月 and 10〜3月), each period with its own days,
// times and venue.
#include <set>

#include "app/route_ids.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/program_pages.hpp"
#include "consultations/handlers/routes.hpp"
#include "consultations/schedule_year.hpp"
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

// The rules of the form: the first with the plain field names, the second (when any of its
// days is chosen) with "p2_" before them. Mode, booths, slot length and holiday handling are
// shared; each rule has its own days, times, venue and months.
constexpr int kPeriods = 2;

std::string Prefix(int period) {
  return period == 0 ? "" : "p" + std::to_string(period + 1) + "_";
}

struct GenerateInput {
  std::vector<SchedulePeriod> periods;
  int fiscal_year = 0;
};

int MonthOr(const web::RequestContext& ctx, const std::string& field, int fallback) {
  const std::string text = ctx.Form(field);
  return text.empty() ? fallback : web::ParseInt(text);
}

GenerateInput ReadGenerateInput(const app::Services& sv, const web::RequestContext& ctx) {
  GenerateInput in;
  const std::string policy = ctx.Form("on_holiday");
  for (int i = 0; i < kPeriods; ++i) {
    const std::string prefix = Prefix(i);
    const auto codes = ctx.FormValues(prefix + "occurrences");
    if (i > 0 && codes.empty()) continue;
    SchedulePeriod period;
    ScheduleRule& rule = period.rule;
    for (const auto& code : codes) {
      // An unknown code is kept as an invalid occurrence so the rule's validation reports it.
      rule.occurrences.push_back(ParseOccurrence(code).value_or(MonthlyOccurrence{0, 0}));
    }
    rule.start_minutes = ParseTime(ctx.Form(prefix + "start_minutes"));
    rule.end_minutes = ParseTime(ctx.Form(prefix + "end_minutes"));
    rule.on_holiday = policy == "next"       ? HolidayPolicy::kNextBusinessDay
                      : policy == "previous" ? HolidayPolicy::kPreviousBusinessDay
                                             : HolidayPolicy::kSkip;
    rule.closed_year_end = ctx.Form("closed_year_end") == "1";
    period.from_month = MonthOr(ctx, prefix + "from_month", i == 0 ? 4 : 10);
    period.to_month = MonthOr(ctx, prefix + "to_month", 3);
    period.settings = ReadDaySettings(ctx);
    period.settings.venue = ctx.Form(prefix + "venue");
    in.periods.push_back(std::move(period));
  }
  in.fiscal_year = FiscalYearOf(sv, ctx.Form("fiscal_year"));
  return in;
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

// The week × weekday boxes of one rule (section `section`, field prefix+"occurrences").
void AddOccurrenceGrid(const app::Services& sv, const web::RequestContext& ctx,
                       ctemplate::TemplateDictionary& dict, const std::string& section,
                       const std::string& prefix,
                       const std::multimap<std::string, std::string>& values) {
  // The second rule's boxes are named for it, so each box's label is unique on the page.
  const std::string label_prefix =
      prefix.empty() ? std::string() : sv.pages.T(ctx, "schedule2.field.second_label");
  std::set<std::string> chosen;
  auto [from, to] = values.equal_range(prefix + "occurrences");
  for (auto it = from; it != to; ++it) chosen.insert(it->second);
  bool first = true;
  for (int nth : {1, 2, 3, 4, 5, kLastOccurrence}) {
    auto* row = dict.AddSectionDictionary(section);
    const std::string nth_key = nth == kLastOccurrence ? "last" : std::to_string(nth);
    row->SetValue("WEEK_LABEL", sv.pages.T(ctx, "schedule.ordinal." + nth_key));
    row->SetValue("WEEK_ID", prefix + "week-" + nth_key);
    for (int weekday = 1; weekday <= 5; ++weekday) {
      auto* cell = row->AddSectionDictionary("CELL");
      const std::string code = OccurrenceCode({nth, weekday});
      cell->SetValue("CODE", code);
      // The first box carries the field's id: the error summary links to it.
      cell->SetValue("CELL_ID", first ? prefix + "occurrences" : prefix + "occ-" + code);
      first = false;
      cell->SetValue(
          "LABEL",
          label_prefix +
              sv.catalog.Format(
                  ctx.lang, "schedule.occurrence",
                  {{"ordinal", sv.pages.T(ctx, "schedule.ordinal." + nth_key)},
                   {"weekday", sv.pages.T(ctx, "schedule.weekday." + std::to_string(weekday))}}));
      if (chosen.count(code)) cell->ShowSection("CHECKED");
    }
  }
}

// The from/to month choices of one rule (sections FROM_MONTH/TO_MONTH, P2_FROM_MONTH/…).
void AddMonths(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const std::string& prefix,
               const std::multimap<std::string, std::string>& values, int default_from) {
  std::string section_prefix = prefix;
  for (auto& c : section_prefix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& [field, fallback] : {std::pair{std::string("from_month"), default_from},
                                        std::pair{std::string("to_month"), 3}}) {
    auto it = values.find(prefix + field);
    const int selected =
        it == values.end() || it->second.empty() ? fallback : web::ParseInt(it->second);
    std::string section = section_prefix + field;
    for (auto& c : section) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (int k = 0; k < 12; ++k) {
      const int month = (k + 3) % 12 + 1;  // April first
      auto* option = dict.AddSectionDictionary(section);
      option->SetIntValue("CODE", month);
      option->SetValue("LABEL", sv.catalog.Format(ctx.lang, "schedule2.month",
                                                  {{"month", std::to_string(month)}}));
      if (month == selected) option->ShowSection("SELECTED");
    }
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
  for (int i = 0; i < kPeriods; ++i) {
    AddOccurrenceGrid(sv, ctx, dict, i == 0 ? "WEEK" : "WEEK2", Prefix(i), values);
    AddMonths(sv, ctx, dict, Prefix(i), values, i == 0 ? 4 : 10);
  }
  for (int weekday = 1; weekday <= 5; ++weekday) {
    auto* head = dict.AddSectionDictionary("WEEKDAY_HEAD");
    head->SetValue("LABEL", sv.pages.T(ctx, "schedule.weekday." + std::to_string(weekday)));
  }
  for (const char* field : {"start_minutes", "end_minutes", "venue", "meeting_url", "booths",
                            "slot_minutes", "prep_minutes", "debrief_minutes", "fiscal_year",
                            "p2_start_minutes", "p2_end_minutes", "p2_venue"}) {
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
                                                            {"fiscal_year", std::to_string(fy)},
                                                            {"p2_start_minutes", "18:00"},
                                                            {"p2_end_minutes", "21:00"}};
  return ShowGenerate(sv, ctx, *program, fy, defaults, nullptr);
}

// 「4月〜9月」 / "April–September": the months a rule covers.
std::string MonthsOf(const app::Services& sv, const web::RequestContext& ctx,
                     const SchedulePeriod& period) {
  return sv.catalog.Format(
      ctx.lang, "schedule2.months",
      {{"from", std::to_string(period.from_month)}, {"to", std::to_string(period.to_month)}});
}

core::Result<YearPlan> PreviewYear(app::Services& sv, const web::RequestContext& ctx,
                                   std::int64_t id, const GenerateInput& in) {
  const HolidayCalendar* holidays = LoadedHolidays(sv.config.data_dir);
  if (!holidays) return core::Error{core::ErrorCode::kInternal, "error.internal", {}};
  YearScheduler year(sv.db, sv.clock, sv.consultations, *holidays);
  return year.Preview(*ctx.Who(), id, in.periods, in.fiscal_year);
}

std::string PlaceOfSettings(const app::Services& sv, const web::RequestContext& ctx,
                            const DaySettings& settings) {
  std::string place = sv.pages.T(ctx, "days.mode." + settings.mode);
  const std::string where = settings.mode == "in_person" ? settings.venue : settings.meeting_url;
  if (!where.empty()) place += "（" + where + "）";
  return place;
}

void AddExisting(const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
                 const char* section, const std::vector<ExistingDay>& days) {
  if (days.empty()) return;
  auto* list = dict.AddSectionDictionary(section);
  for (const auto& d : days) {
    auto* row = list->AddSectionDictionary("ITEM");
    row->SetValue("DATE", core::FormatDate(d.date, ctx.lang));
    row->SetValue("TIME", TimeRange(d.start_minutes, d.end_minutes));
    row->SetValue("VENUE", d.venue);
    row->SetIntValue("BOOKED", d.booked);
  }
}

http::Response Preview(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  const GenerateInput in = ReadGenerateInput(sv, ctx);
  auto plan = PreviewYear(sv, ctx, id, in);
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
  const DaySettings& shared = in.periods.front().settings;
  dict.SetValue("HOLIDAYS", DescribeHolidayHandling(in.periods.front().rule, ctx.lang, sv.catalog));
  dict.SetIntValue("BOOTHS", shared.booths);
  dict.SetIntValue("SLOT_MINUTES", shared.slot_minutes);
  for (const auto& period : in.periods) {
    auto* rule = dict.AddSectionDictionary("RULE");
    rule->SetValue("MONTHS", MonthsOf(sv, ctx, period));
    rule->SetValue("TEXT", DescribeRule(period.rule, ctx.lang, sv.catalog));
    rule->SetValue("PLACE", PlaceOfSettings(sv, ctx, period.settings));
    std::string slot_text;
    for (const auto& [s, e] :
         SlotTimes(period.rule.start_minutes, period.rule.end_minutes, period.settings)) {
      if (!slot_text.empty()) slot_text += sv.pages.T(ctx, "schedule.list.separator");
      slot_text += TimeRange(s, e);
    }
    rule->SetValue("SLOT_TIMES", slot_text);
  }
  dict.SetIntValue("DAY_COUNT", static_cast<long>(plan->days.size()));
  int number = 0;
  for (const auto& planned : plan->days) {
    const PlannedDay& d = planned.day;
    auto* row = dict.AddSectionDictionary("DAY");
    row->SetIntValue("NUMBER", ++number);
    row->SetValue("DATE", core::FormatDate(d.date, ctx.lang));
    row->SetValue("TIME", TimeRange(d.start_minutes, d.end_minutes));
    row->SetValue("PLACE", PlaceOfSettings(sv, ctx, in.periods[planned.period].settings));
    if (!d.note_key.empty())
      row->SetValue("NOTE", DayNote(sv, ctx, d.note_key, d.moved_from, std::nullopt));
  }
  for (const auto& s : plan->skipped) {
    auto* row = dict.AddSectionDictionary("SKIPPED");
    row->SetValue("DATE", core::FormatDate(s.date, ctx.lang));
    row->SetValue("NOTE", DayNote(sv, ctx, s.note_key, std::nullopt, s.would_move_to));
  }
  if (!plan->skipped.empty()) dict.ShowSection("HAS_SKIPPED");
  AddExisting(ctx, dict, "KEPT", plan->kept);
  AddExisting(ctx, dict, "REMOVED", plan->removed);
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
  const HolidayCalendar* holidays = LoadedHolidays(sv.config.data_dir);
  if (!holidays) return sv.pages.Error(ctx, 500, "error.internal");
  YearScheduler year(sv.db, sv.clock, sv.consultations, *holidays);
  auto result = year.Generate(*ctx.Who(), ctx.Actor(), id, in.periods, in.fiscal_year);
  if (!result) {
    if (result.error().code == core::ErrorCode::kInvalidInput) {
      return ShowGenerate(sv, ctx, *program, in.fiscal_year, ctx.form, &result.error(),
                          web::StatusFor(result.error().code));
    }
    return Failure(sv, ctx, result.error());
  }
  return web::SeeOther("/programs/" + std::to_string(id) + "?fy=" + std::to_string(in.fiscal_year) +
                       "&created=" + std::to_string(result->created) +
                       "&existing=" + std::to_string(result->already_there) + "&removed=" +
                       std::to_string(result->removed) + "&kept=" + std::to_string(result->kept));
}

}  // namespace

void AddGenerateRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
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
  router.Add({"POST", "/programs/{id}/generate", Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Generate(sv, ctx, id);
              })});
}

}  // namespace tsunagu::consultations::handlers
