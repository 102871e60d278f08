// The programme's yearly report (seed 000): the page with server-drawn charts, each beside a
// table of the same numbers, and the CSV and xlsx downloads. Downloads carry counts only:
// no names and no free text (questionnaire comments stay on the page).
#include <variant>

#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/phone_day.hpp"
#include "consultations/handlers/record_resources.hpp"
#include "consultations/handlers/routes.hpp"
#include "consultations/records.hpp"
#include "consultations/survey.hpp"
#include "consultations/yearly_report.hpp"
#include "reports/csv.hpp"
#include "reports/numbers.hpp"
#include "reports/svg_chart.hpp"
#include "reports/xlsx.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

struct Loaded {
  YearlyReport report;
  SurveySummary survey;
};

std::variant<http::Response, Loaded> Load(app::Services& sv, web::RequestContext& ctx, int fy,
                                          bool with_comments) {
  const auto id = web::ParseId(ctx.Param("id"));
  if (id <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
  auto report = sv.reports.Build(*ctx.Who(), id, fy);
  if (!report) return Failure(sv, ctx, report.error());
  auto survey = sv.surveys.Summary(*ctx.Who(), ctx.Actor(), id, fy, with_comments);
  if (!survey) return Failure(sv, ctx, survey.error());
  return Loaded{std::move(*report), std::move(*survey)};
}

// Labels of the code tables, from the catalogues of their owners.
struct Labels {
  const app::Services& sv;
  const std::string& lang;

  std::string T(const std::string& key) const { return sv.catalog.Get(lang, key); }
  std::string Topic(const std::string& code) const { return T("record.topic." + code); }
  std::string FollowUp(const std::string& code) const { return T("record.follow_up." + code); }
  std::string Outcome(const std::string& code) const {
    return code.empty() ? T("report.outcomes.none") : T("record.outcome." + code);
  }
  std::string Channel(const std::string& code) const { return T("report.channel." + code); }
  std::string Mode(const std::string& code) const { return T("days.mode." + code); }
  std::string DayMode(const std::string& code) const { return T("report.day_mode." + code); }
  std::string Answer(const std::string& question, const std::string& code) const {
    if (code.empty()) return T("survey.unanswered");
    if (question == "heard_from") return T("intake.heard_from." + code);
    return T("survey." + question + "." + code);
  }
};

struct Distribution {
  std::string key;  // report.<key>.title …
  std::string table_id;
  std::vector<std::pair<std::string, std::int64_t>> rows;  // label, count
  bool share = false;                                      // topics: share of consultations
};

std::vector<Distribution> Distributions(const Labels& l, const YearlyReport& r) {
  std::vector<Distribution> out;
  Distribution topics{"topics", "report-topics-table", {}, true};
  for (const auto& t : r.topics) topics.rows.emplace_back(l.Topic(t.code), t.count);
  out.push_back(std::move(topics));
  Distribution follow{"follow_ups", "report-follow-ups-table", {}, false};
  for (const auto& t : r.follow_ups) follow.rows.emplace_back(l.FollowUp(t.code), t.count);
  out.push_back(std::move(follow));
  Distribution outcomes{"outcomes", "report-outcomes-table", {}, false};
  for (const auto& t : r.outcomes) {
    if (t.code.empty() && t.count == 0) continue;
    outcomes.rows.emplace_back(l.Outcome(t.code), t.count);
  }
  out.push_back(std::move(outcomes));
  Distribution channels{"channels", "report-channels-table", {}, false};
  for (const auto& t : r.channels) channels.rows.emplace_back(l.Channel(t.code), t.count);
  out.push_back(std::move(channels));
  Distribution modes{"modes", "report-modes-table", {}, false};
  for (const auto& t : r.modes) modes.rows.emplace_back(l.Mode(t.code), t.count);
  out.push_back(std::move(modes));
  Distribution day_modes{"day_modes", "report-day-modes-table", {}, false};
  for (const auto& t : r.day_modes) day_modes.rows.emplace_back(l.DayMode(t.code), t.count);
  out.push_back(std::move(day_modes));
  return out;
}

struct Question {
  std::string name;  // survey.q.<name>
  const std::vector<AnswerCount>* counts;
};

std::vector<Question> Questions(const SurveySummary& s) {
  return {{"satisfaction", &s.satisfaction},
          {"helpfulness", &s.helpfulness},
          {"outlook", &s.outlook},
          {"use_again", &s.use_again},
          {"heard_from", &s.heard_from}};
}

struct TotalLine {
  std::string key;
  std::int64_t actual = 0;
  std::optional<std::int64_t> target;
};

std::vector<TotalLine> Totals(const YearlyReport& r) {
  auto target = [&](int Target::*field) -> std::optional<std::int64_t> {
    if (!r.target) return std::nullopt;
    return (*r.target).*field;
  };
  return {{"consultations", r.consultations, target(&Target::consultations)},
          {"placements", r.placements, target(&Target::placements)},
          {"days", r.days_held, target(&Target::days)}};
}

// Shares of the year's own figures (not of a target): seed 000's 就労決定率 is people placed ÷
// people consulted (3 ÷ 25 = 12%), which equals the placements' progress only when the
// target happens to be 25.
struct RateLine {
  std::string key;  // report.rate.<key>
  std::int64_t part = 0;
  std::int64_t whole = 0;
};

std::vector<RateLine> Rates(const YearlyReport& r) {
  return {{"placement", r.placements, r.consultations}};
}

// Seed 000 writes 8.3％ and 12％: one decimal, without a trailing ".0".
std::string Rate(std::int64_t part, std::int64_t whole) {
  std::string text = reports::FormatPercent(part, whole);
  const auto dot = text.find(".0%");
  if (dot != std::string::npos && dot + 3 == text.size()) text.erase(dot, 2);
  return text;
}

// A rate as a number for Excel (0.083 shown as 8.3%); blank without a base.
reports::Cell RateCell(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return reports::Cell{std::string(), false, ""};
  return reports::Cell{static_cast<double>(part) / static_cast<double>(whole), false, "0.0%"};
}

// ---------------------------------------------------------------- page

http::Response ShowReport(app::Services& sv, web::RequestContext& ctx) {
  const int fy = FiscalYearFromQuery(sv, ctx);
  auto loaded = Load(sv, ctx, fy, true);
  if (auto* answer = std::get_if<http::Response>(&loaded)) return *answer;
  const auto& [report, survey] = std::get<Loaded>(loaded);
  const Labels l{sv, ctx.lang};

  ctemplate::TemplateDictionary dict("report_show");
  const std::int64_t id = report.program.id;
  dict.SetIntValue("ID", id);
  dict.SetValue("PROGRAM_NAME", report.program.name);
  dict.SetIntValue("FY", fy);
  AddResourceCounts(sv, ctx, dict, id, fy);
  dict.SetIntValue("PREV_FY", fy - 1);
  dict.SetIntValue("NEXT_FY", fy + 1);
  dict.SetValue("FY_LABEL", FiscalYearLabel(ctx.lang, fy));
  dict.SetValue("PREV_FY_LABEL", FiscalYearLabel(ctx.lang, fy - 1));
  dict.SetValue("NEXT_FY_LABEL", FiscalYearLabel(ctx.lang, fy + 1));
  if (report.missing_records > 0) {
    dict.AddSectionDictionary("MISSING")->SetValue(
        "TEXT", sv.catalog.Format(ctx.lang, "report.missing_records",
                                  {{"count", reports::FormatCount(report.missing_records)}}));
  }

  if (report.days.empty()) {
    dict.ShowSection("NO_DAYS");
  } else {
    dict.ShowSection("HAS_DAYS");
    reports::ColumnChartSpec chart;
    chart.title = l.T("report.days.chart_title");
    chart.description = l.T("report.days.chart_desc");
    chart.described_by = "report-days-table";
    for (const auto& d : report.days) {
      chart.columns.push_back(
          {std::to_string(d.date.month) + "/" + std::to_string(d.date.day), d.consultations, ""});
      auto* row = dict.AddSectionDictionary("DAY");
      row->SetValue("NUMBER", sv.catalog.Format(ctx.lang, "report.days.number",
                                                {{"n", std::to_string(d.number)}}));
      row->SetValue("DATE", core::FormatDate(d.date, ctx.lang));
      row->SetValue("STAFF", reports::FormatCount(d.staff));
      row->SetValue("CONSULTATIONS", reports::FormatCount(d.consultations));
      row->SetValue("STATUS", l.T(d.held ? "report.days.held" : "report.days.planned"));
    }
    dict.SetValue("DAYS_CHART", reports::ColumnChart(chart));
    dict.SetValue("TOTAL_CONSULTATIONS", reports::FormatCount(report.consultations));
  }
  dict.SetValue("SUMMARY",
                sv.catalog.Format(ctx.lang, "report.summary",
                                  {{"fy", FiscalYearLabel(ctx.lang, fy)},
                                   {"days", reports::FormatCount(report.days_held)},
                                   {"count", reports::FormatCount(report.consultations)}}));
  for (const auto& rate : Rates(report)) {
    auto* row = dict.AddSectionDictionary("RATE");
    row->SetValue("LABEL", l.T("report.rate." + rate.key));
    row->SetValue("PART", reports::FormatCount(rate.part));
    row->SetValue("WHOLE", reports::FormatCount(rate.whole));
    row->SetValue("VALUE", Rate(rate.part, rate.whole));
  }

  AddFieldCounts(dict, report);
  if (!report.target) dict.ShowSection("NO_TARGET");
  for (const auto& t : Totals(report)) {
    const std::string label = l.T("report.item." + t.key);
    auto* row = dict.AddSectionDictionary("TOTAL");
    row->SetValue("LABEL", label);
    row->SetValue("ACTUAL", reports::FormatCount(t.actual));
    row->SetValue("TARGET", t.target ? reports::FormatCount(*t.target) : "—");
    row->SetValue("RATE", Rate(t.actual, t.target.value_or(0)));
    if (t.target) {
      reports::ProgressBarSpec bar;
      bar.title = label + " " + reports::FormatCount(t.actual) + " / " + l.T("report.col.target") +
                  " " + reports::FormatCount(*t.target);
      bar.description = bar.title;
      bar.value = t.actual;
      bar.target = *t.target;
      bar.described_by = "report-totals-table";
      dict.AddSectionDictionary("PROGRESS")->SetValue("CHART", reports::ProgressBar(bar));
    }
  }

  for (const auto& dist : Distributions(l, report)) {
    auto* section = dict.AddSectionDictionary("DIST");
    section->SetValue("TITLE", l.T("report." + dist.key + ".title"));
    section->SetValue("CAPTION", l.T("report." + dist.key + ".caption"));
    section->SetValue("TABLE_ID", dist.table_id);
    if (dist.share) section->ShowSection("HAS_SHARE");
    if (dist.key != "channels" && dist.key != "modes" && dist.key != "day_modes") {
      reports::BarChartSpec chart;
      chart.title = l.T("report." + dist.key + ".chart_title");
      chart.description = l.T("report." + dist.key + ".chart_desc");
      chart.described_by = dist.table_id;
      for (const auto& [label, count] : dist.rows) chart.bars.push_back({label, count, ""});
      section->ShowSection("HAS_CHART");
      section->SetValue("CHART", reports::HorizontalBarChart(chart));
    }
    for (const auto& [label, count] : dist.rows) {
      auto* row = section->AddSectionDictionary("ROW");
      row->SetValue("LABEL", label);
      row->SetValue("COUNT", reports::FormatCount(count));
      if (dist.share) {
        row->AddSectionDictionary("SHARE")->SetValue("VALUE", Rate(count, report.consultations));
      }
    }
  }

  if (survey.responses == 0) {
    dict.ShowSection("NO_SURVEY");
  } else {
    dict.ShowSection("HAS_SURVEY");
    dict.SetValue("SURVEY_RESPONSES",
                  sv.catalog.Format(ctx.lang, "report.survey.responses",
                                    {{"count", reports::FormatCount(survey.responses)},
                                     {"email", reports::FormatCount(survey.by_email)},
                                     {"paper", reports::FormatCount(survey.by_paper)}}));
    dict.SetValue("SURVEY_AVERAGE", sv.catalog.Format(ctx.lang, "report.survey.average",
                                                      {{"average", survey.satisfaction_average}}));
    for (const auto& q : Questions(survey)) {
      auto* table = dict.AddSectionDictionary("QUESTION");
      table->SetValue("CAPTION", sv.catalog.Format(ctx.lang, "report.survey.caption",
                                                   {{"question", l.T("survey.q." + q.name)}}));
      for (const auto& c : *q.counts) {
        if (c.code.empty() && c.count == 0) continue;
        auto* row = table->AddSectionDictionary("ROW");
        row->SetValue("LABEL", l.Answer(q.name, c.code));
        row->SetValue("COUNT", reports::FormatCount(c.count));
      }
    }
    if (survey.comments.empty()) {
      dict.ShowSection("NO_COMMENTS");
    } else {
      dict.ShowSection("HAS_COMMENTS");
      for (const auto& c : survey.comments)
        dict.AddSectionDictionary("COMMENT")->SetValue("TEXT", c);
    }
  }
  return sv.pages.Render(ctx, "reports/show", "report.title", dict);
}

// ---------------------------------------------------------------- downloads

// attachment; an ASCII name for old clients and the readable UTF-8 one (RFC 6266 / 5987).
std::string Disposition(const YearlyReport& r, const std::string& ext) {
  const std::string ascii =
      "report-" + std::to_string(r.program.id) + "-" + std::to_string(r.fiscal_year) + "." + ext;
  const std::string utf8 = r.program.name + "_" + core::FormatFiscalYear(r.fiscal_year) + "." + ext;
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::PercentEncode(utf8);
}

http::Response Download(std::string body, const std::string& content_type,
                        const std::string& disposition) {
  http::Response res = http::Response::Text(200, std::move(body), content_type);
  res.headers.Set("Content-Disposition", disposition);
  res.headers.Set("Cache-Control", "no-store");
  return res;
}

http::Response ExportCsv(app::Services& sv, web::RequestContext& ctx) {
  const int fy = FiscalYearFromQuery(sv, ctx);
  auto loaded = Load(sv, ctx, fy, false);
  if (auto* answer = std::get_if<http::Response>(&loaded)) return *answer;
  const auto& [report, survey] = std::get<Loaded>(loaded);
  const Labels l{sv, ctx.lang};
  reports::CsvWriter csv(true);
  csv.Row({report.program.name, FiscalYearLabel(ctx.lang, fy)});
  csv.Row({});
  csv.Row({l.T("report.csv.days")});
  csv.Row({l.T("report.col.number"), l.T("report.col.date"), l.T("report.col.staff"),
           l.T("report.col.consultations"), l.T("report.col.status")});
  for (const auto& d : report.days) {
    csv.Row({sv.catalog.Format(ctx.lang, "report.days.number", {{"n", std::to_string(d.number)}}),
             core::ToIso(d.date), std::to_string(d.staff), std::to_string(d.consultations),
             l.T(d.held ? "report.days.held" : "report.days.planned")});
  }
  csv.Row({l.T("report.csv.total"), "", "", std::to_string(report.consultations), ""});
  csv.Row({});
  csv.Row({l.T("report.csv.totals")});
  csv.Row({l.T("report.col.item"), l.T("report.col.actual"), l.T("report.col.target"),
           l.T("report.col.rate")});
  for (const auto& t : Totals(report)) {
    csv.Row({l.T("report.item." + t.key), std::to_string(t.actual),
             t.target ? std::to_string(*t.target) : "", Rate(t.actual, t.target.value_or(0))});
  }
  csv.Row({});
  csv.Row({l.T("report.col.item"), l.T("report.col.part"), l.T("report.col.whole"),
           l.T("report.col.rate_value")});
  for (const auto& rate : Rates(report)) {
    csv.Row({l.T("report.rate." + rate.key), std::to_string(rate.part), std::to_string(rate.whole),
             Rate(rate.part, rate.whole)});
  }
  for (const auto& dist : Distributions(l, report)) {
    csv.Row({});
    csv.Row({l.T("report." + dist.key + ".title")});
    std::vector<std::string> head = {l.T("report.col.label"), l.T("report.col.count")};
    if (dist.share) head.push_back(l.T("report.col.share"));
    csv.Row(head);
    for (const auto& [label, count] : dist.rows) {
      std::vector<std::string> row = {label, std::to_string(count)};
      if (dist.share) row.push_back(Rate(count, report.consultations));
      csv.Row(row);
    }
  }
  csv.Row({});
  csv.Row({l.T("report.survey.title")});
  csv.Row({l.T("report.csv.survey_channels"), l.T("report.col.count")});
  csv.Row({l.T("report.csv.channel_email"), std::to_string(survey.by_email)});
  csv.Row({l.T("report.csv.channel_paper"), std::to_string(survey.by_paper)});
  csv.Row({l.T("report.csv.total"), std::to_string(survey.responses)});
  csv.Row({l.T("report.csv.survey_average"), survey.satisfaction_average});
  for (const auto& q : Questions(survey)) {
    csv.Row({});
    csv.Row({l.T("survey.q." + q.name), l.T("report.col.count")});
    for (const auto& c : *q.counts) csv.Row({l.Answer(q.name, c.code), std::to_string(c.count)});
  }
  if (auto logged = sv.reports.RecordExport(*ctx.Who(), ctx.Actor(), report.program.id, fy, "csv");
      !logged) {
    return Failure(sv, ctx, logged.error());
  }
  return Download(csv.str(), "text/csv; charset=utf-8", Disposition(report, "csv"));
}

reports::Cell Text(std::string s, bool bold = false) {
  return reports::Cell{std::move(s), bold, ""};
}
reports::Cell Number(std::int64_t n) {
  return reports::Cell{n, false, "#,##0"};
}

http::Response ExportXlsx(app::Services& sv, web::RequestContext& ctx) {
  const int fy = FiscalYearFromQuery(sv, ctx);
  auto loaded = Load(sv, ctx, fy, false);
  if (auto* answer = std::get_if<http::Response>(&loaded)) return *answer;
  const auto& [report, survey] = std::get<Loaded>(loaded);
  const Labels l{sv, ctx.lang};
  std::vector<reports::Sheet> sheets;

  // Each sheet starts with the programme and the fiscal year, so a sheet copied or printed on
  // its own still says what it counts.
  const std::vector<reports::Cell> title = {Text(report.program.name, true),
                                            Text(FiscalYearLabel(ctx.lang, fy), true)};
  reports::Sheet days{l.T("report.sheet.days"), {title}, {8, 24, 12, 12, 10}, 2};
  days.rows.push_back({Text(l.T("report.col.number")), Text(l.T("report.col.date")),
                       Text(l.T("report.col.staff")), Text(l.T("report.col.consultations")),
                       Text(l.T("report.col.status"))});
  for (const auto& d : report.days) {
    days.rows.push_back(
        {Text(sv.catalog.Format(ctx.lang, "report.days.number", {{"n", std::to_string(d.number)}})),
         Text(core::FormatDate(d.date, ctx.lang)), Number(d.staff), Number(d.consultations),
         Text(l.T(d.held ? "report.days.held" : "report.days.planned"))});
  }
  days.rows.push_back(
      {Text(l.T("report.csv.total"), true), Text(""), Text(""), Number(report.consultations)});
  sheets.push_back(std::move(days));

  reports::Sheet totals{l.T("report.sheet.totals"), {title}, {24, 12, 12, 12}, 2};
  totals.rows.push_back({Text(l.T("report.col.item")), Text(l.T("report.col.actual")),
                         Text(l.T("report.col.target")), Text(l.T("report.col.rate"))});
  for (const auto& t : Totals(report)) {
    totals.rows.push_back({Text(l.T("report.item." + t.key)), Number(t.actual),
                           t.target ? Number(*t.target) : Text(""),
                           RateCell(t.actual, t.target.value_or(0))});
  }
  totals.rows.push_back({});
  totals.rows.push_back({Text(l.T("report.col.item"), true), Text(l.T("report.col.part"), true),
                         Text(l.T("report.col.whole"), true),
                         Text(l.T("report.col.rate_value"), true)});
  for (const auto& rate : Rates(report)) {
    totals.rows.push_back({Text(l.T("report.rate." + rate.key)), Number(rate.part),
                           Number(rate.whole), RateCell(rate.part, rate.whole)});
  }
  sheets.push_back(std::move(totals));

  for (const auto& dist : Distributions(l, report)) {
    reports::Sheet sheet{l.T("report.sheet." + dist.key), {title}, {36, 10, 16}, 2};
    std::vector<reports::Cell> head = {Text(l.T("report.col.label")),
                                       Text(l.T("report.col.count"))};
    if (dist.share) head.push_back(Text(l.T("report.col.share")));
    sheet.rows.push_back(head);
    for (const auto& [label, count] : dist.rows) {
      std::vector<reports::Cell> row = {Text(label), Number(count)};
      if (dist.share) row.push_back(RateCell(count, report.consultations));
      sheet.rows.push_back(row);
    }
    sheets.push_back(std::move(sheet));
  }

  reports::Sheet answers{l.T("report.sheet.survey"), {title}, {36, 36, 10}, 2};
  answers.rows.push_back({Text(l.T("report.survey.title")), Text(l.T("report.col.answer")),
                          Text(l.T("report.col.count"))});
  answers.rows.push_back({Text(l.T("report.csv.survey_channels")),
                          Text(l.T("report.csv.channel_email")), Number(survey.by_email)});
  answers.rows.push_back({Text(l.T("report.csv.survey_channels")),
                          Text(l.T("report.csv.channel_paper")), Number(survey.by_paper)});
  answers.rows.push_back(
      {Text(l.T("report.csv.survey_average")), Text(survey.satisfaction_average), Text("")});
  for (const auto& q : Questions(survey)) {
    for (const auto& c : *q.counts) {
      answers.rows.push_back(
          {Text(l.T("survey.q." + q.name)), Text(l.Answer(q.name, c.code)), Number(c.count)});
    }
  }
  sheets.push_back(std::move(answers));

  auto bytes = reports::BuildXlsx(sheets);
  if (!bytes) return Failure(sv, ctx, bytes.error());
  if (auto logged = sv.reports.RecordExport(*ctx.Who(), ctx.Actor(), report.program.id, fy, "xlsx");
      !logged) {
    return Failure(sv, ctx, logged.error());
  }
  return Download(std::move(*bytes),
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  Disposition(report, "xlsx"));
}

}  // namespace

void AddReportRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/programs/{id}/report", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return ShowReport(sv, ctx); }});
  router.Add({"GET", "/programs/{id}/report.csv", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return ExportCsv(sv, ctx); }});
  router.Add({"GET", "/programs/{id}/report.xlsx", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return ExportXlsx(sv, ctx); }});
}

}  // namespace tsunagu::consultations::handlers
