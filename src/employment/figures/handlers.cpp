#include <ctemplate/template.h>

#include "community/year_report.hpp"
#include "consultations/handlers/page_support.hpp"
#include "employment/figures/figures_service.hpp"
#include "employment/figures/routes.hpp"
#include "http/message.hpp"
#include "reports/csv.hpp"
#include "reports/numbers.hpp"
#include "reports/svg_chart.hpp"
#include "reports/xlsx.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::figures {
namespace {

using community::FigureTable;

struct Query {
  int fiscal_year = 0;
  std::int64_t program_id = 0;
};

Query ReadQuery(const app::Services& sv, const web::RequestContext& ctx) {
  Query q;
  q.fiscal_year = consultations::handlers::FiscalYearOf(sv, ctx.request.Query("year").value_or(""));
  q.program_id = web::ParseId(ctx.request.Query("program").value_or(""));
  return q;
}

std::string Count(std::int64_t n) {
  return std::to_string(n);
}

std::string Rate(std::int64_t part, std::int64_t whole) {
  return whole <= 0 ? std::string("—") : reports::FormatPercent(part, whole);
}

std::string PartOf(std::int64_t part, std::int64_t whole) {
  return std::to_string(part) + " / " + std::to_string(whole);
}

std::vector<FigureTable> Tables(const EmploymentFigures& f, const web::Pages& pages,
                                const web::RequestContext& ctx) {
  auto t = [&](const std::string& key) { return pages.T(ctx, key); };
  std::vector<FigureTable> out;

  FigureTable placed;
  placed.id = "placements";
  placed.title = t("employment_figures.placements.title");
  placed.columns = {t("employment_figures.col.count"), t("employment_figures.col.rate")};
  placed.rows.push_back({t("employment_figures.people"), {Count(f.people_consulted), ""}});
  placed.rows.push_back(
      {t("employment_figures.day_consultations"), {Count(f.day_consultations), ""}});
  placed.rows.push_back({t("employment_figures.contacts"), {Count(f.contacts), ""}});
  placed.rows.push_back({t("employment_figures.placed"), {Count(f.placements), ""}});
  placed.rows.push_back(
      {t("employment_figures.placement_rate"),
       {PartOf(f.placements, f.people_consulted), Rate(f.placements, f.people_consulted)}});
  if (f.placement_target) {
    placed.rows.push_back({t("employment_figures.target"), {Count(*f.placement_target), ""}});
    placed.rows.push_back(
        {t("employment_figures.progress_rate"),
         {PartOf(f.placements, *f.placement_target), Rate(f.placements, *f.placement_target)}});
  } else {
    placed.rows.push_back({t("employment_figures.progress_rate"), {"—", "—"}});
  }
  placed.rows.push_back({t("employment_figures.returned"), {Count(f.returned_to_work), ""}});
  placed.rows.push_back({t("employment_figures.kept_job"), {Count(f.kept_job), ""}});
  placed.note = t("employment_figures.placements.note");
  out.push_back(std::move(placed));

  FigureTable retention;
  retention.id = "retention";
  retention.title = t("employment_figures.retention.title");
  retention.columns = {t("employment_figures.retention.due"),
                       t("employment_figures.retention.kept"),
                       t("employment_figures.retention.rate")};
  retention.rows.push_back({t("employment_figures.retention.m6"),
                            {Count(f.retention6_due), Count(f.retention6_kept),
                             Rate(f.retention6_kept, f.retention6_due)}});
  retention.rows.push_back({t("employment_figures.retention.m12"),
                            {Count(f.retention12_due), Count(f.retention12_kept),
                             Rate(f.retention12_kept, f.retention12_due)}});
  retention.note = t("employment_figures.retention.note");
  out.push_back(std::move(retention));

  FigureTable closures;
  closures.id = "closures";
  closures.title = t("employment_figures.closures.title");
  closures.columns = {t("employment_figures.col.cases")};
  for (const auto& c : f.closures) {
    closures.rows.push_back({t("case.outcome." + c.code), {Count(c.count)}});
  }
  closures.rows.push_back(
      {t("employment_figures.closures.continuing"), {Count(f.cases_continuing)}});
  out.push_back(std::move(closures));

  FigureTable employers;
  employers.id = "employers";
  employers.title = t("employment_figures.employers.title");
  employers.columns = {t("employment_figures.col.count")};
  employers.rows.push_back(
      {t("employment_figures.employers.engaged"), {Count(f.employers_engaged)}});
  employers.rows.push_back(
      {t("employment_figures.employers.openings"), {Count(f.openings_collected)}});
  employers.rows.push_back(
      {t("employment_figures.employers.consultations"), {Count(f.employer_consultations)}});
  out.push_back(std::move(employers));

  FigureTable channels;
  channels.id = "channels";
  channels.title = t("employment_figures.channels.title");
  channels.columns = {t("employment_figures.col.count")};
  for (const auto& c : f.contacts_by_channel) {
    channels.rows.push_back({t("contacts.channel." + c.code), {Count(c.count)}});
  }
  out.push_back(std::move(channels));
  return out;
}

std::string Label(const EmploymentFigures& f, const web::RequestContext& ctx,
                  const web::Pages& pages) {
  const std::string year = consultations::handlers::FiscalYearLabel(ctx.lang, f.fiscal_year);
  const std::string program =
      f.program_id == 0 ? pages.T(ctx, "employment_figures.all_programs") : f.program_name;
  return year + (ctx.lang == "en" ? ", " : "・") + program;
}

http::Response Page(app::Services& sv, web::RequestContext& ctx) {
  const Query q = ReadQuery(sv, ctx);
  FiguresService service(sv.db, sv.clock);
  auto figures = service.Build(*ctx.Who(), q.fiscal_year, q.program_id);
  if (!figures) return web::Failure(sv.pages, ctx, figures.error());
  auto programs = service.Programs(*ctx.Who());
  if (!programs) return web::Failure(sv.pages, ctx, programs.error());
  const auto& f = *figures;
  ctemplate::TemplateDictionary dict("employment_figures");
  const std::string label = Label(f, ctx, sv.pages);
  dict.SetValue("LABEL", label);
  dict.SetIntValue("FY", f.fiscal_year);
  const std::string program_query =
      f.program_id == 0 ? std::string() : "&program=" + std::to_string(f.program_id);
  dict.SetValue("PROGRAM_QUERY", program_query);
  dict.SetIntValue("PREV_FY", f.fiscal_year - 1);
  dict.SetIntValue("NEXT_FY", f.fiscal_year + 1);
  for (const auto& p : *programs) {
    auto* o = dict.AddSectionDictionary("PROGRAM");
    o->SetIntValue("ID", p.id);
    o->SetValue("NAME", p.name);
    if (p.id == f.program_id) o->ShowSection("SELECTED");
  }
  auto t = [&](const std::string& key) { return sv.pages.T(ctx, key); };
  // Charts: the placements against the target, the contacts by channel, the closures.
  if (f.placement_target) {
    reports::ProgressBarSpec bar;
    bar.title = t("employment_figures.chart.progress") + " " + std::to_string(f.placements) +
                " / " + std::to_string(*f.placement_target);
    bar.description = t("employment_figures.chart.progress_desc");
    bar.value = f.placements;
    bar.target = *f.placement_target;
    bar.described_by = "placements";
    dict.AddSectionDictionary("CHART")->SetValue("SVG", reports::ProgressBar(bar));
  }
  {
    reports::BarChartSpec chart;
    chart.title = t("employment_figures.channels.title");
    chart.description = t("employment_figures.chart.channels_desc");
    for (const auto& c : f.contacts_by_channel) {
      chart.bars.push_back({t("contacts.channel." + c.code), c.count, ""});
    }
    chart.bars.push_back(
        {t("employment_figures.employers.consultations"), f.employer_consultations, ""});
    chart.described_by = "channels";
    dict.AddSectionDictionary("CHART")->SetValue("SVG", reports::HorizontalBarChart(chart));
  }
  {
    reports::BarChartSpec chart;
    chart.title = t("employment_figures.closures.title");
    chart.description = t("employment_figures.chart.closures_desc");
    for (const auto& c : f.closures) {
      chart.bars.push_back({t("case.outcome." + c.code), c.count, ""});
    }
    chart.described_by = "closures";
    dict.AddSectionDictionary("CHART")->SetValue("SVG", reports::HorizontalBarChart(chart));
  }
  for (const auto& table : Tables(f, sv.pages, ctx)) {
    auto* d = dict.AddSectionDictionary("TABLE");
    d->SetValue("ID", table.id);
    d->SetValue("TITLE", table.title);
    for (const auto& column : table.columns) {
      d->AddSectionDictionary("COLUMN")->SetValue("TEXT", column);
    }
    for (const auto& row : table.rows) {
      auto* r = d->AddSectionDictionary("ROW");
      r->SetValue("LABEL", row.label);
      for (const auto& cell : row.cells) r->AddSectionDictionary("CELL")->SetValue("TEXT", cell);
    }
    if (!table.note.empty()) d->AddSectionDictionary("NOTE")->SetValue("TEXT", table.note);
  }
  return sv.pages.Render(ctx, "employment_figures/page",
                         web::Title{"employment_figures.title_of", {{"label", label}}}, dict);
}

std::string Disposition(const EmploymentFigures& f, const std::string& ext) {
  const std::string ascii = "employment-" + std::to_string(f.fiscal_year) +
                            (f.program_id == 0 ? "" : "-" + std::to_string(f.program_id)) + "." +
                            ext;
  const std::string utf8 = "就労の実績_" + core::FormatFiscalYear(f.fiscal_year) + "." + ext;
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::PercentEncode(utf8);
}

http::Response Download(std::string body, const std::string& type, const std::string& disp) {
  http::Response res = http::Response::Text(200, std::move(body), type);
  res.headers.Set("Content-Disposition", disp);
  res.headers.Set("Cache-Control", "no-store");
  return res;
}

http::Response Csv(app::Services& sv, web::RequestContext& ctx) {
  const Query q = ReadQuery(sv, ctx);
  auto figures = FiguresService(sv.db, sv.clock).Build(*ctx.Who(), q.fiscal_year, q.program_id);
  if (!figures) return web::Failure(sv.pages, ctx, figures.error());
  reports::CsvWriter csv(true);
  csv.Row({sv.pages.T(ctx, "employment_figures.title"), Label(*figures, ctx, sv.pages)});
  for (const auto& table : Tables(*figures, sv.pages, ctx)) {
    csv.Row({});
    csv.Row({table.title});
    std::vector<std::string> header{sv.pages.T(ctx, "employment_figures.col.item")};
    header.insert(header.end(), table.columns.begin(), table.columns.end());
    csv.Row(header);
    for (const auto& row : table.rows) {
      std::vector<std::string> cells{row.label};
      cells.insert(cells.end(), row.cells.begin(), row.cells.end());
      csv.Row(cells);
    }
  }
  return Download(csv.str(), "text/csv; charset=utf-8", Disposition(*figures, "csv"));
}

http::Response Xlsx(app::Services& sv, web::RequestContext& ctx) {
  const Query q = ReadQuery(sv, ctx);
  auto figures = FiguresService(sv.db, sv.clock).Build(*ctx.Who(), q.fiscal_year, q.program_id);
  if (!figures) return web::Failure(sv.pages, ctx, figures.error());
  reports::Sheet sheet;
  sheet.name = sv.pages.T(ctx, "employment_figures.title");
  sheet.column_widths = {40, 16, 16, 16};
  sheet.rows.push_back({reports::Cell{sv.pages.T(ctx, "employment_figures.title"), true, ""},
                        reports::Cell{Label(*figures, ctx, sv.pages), true, ""}});
  for (const auto& table : Tables(*figures, sv.pages, ctx)) {
    sheet.rows.push_back({});
    sheet.rows.push_back({reports::Cell{table.title, true, ""}});
    std::vector<reports::Cell> header{
        reports::Cell{sv.pages.T(ctx, "employment_figures.col.item"), true, ""}};
    for (const auto& c : table.columns) header.push_back(reports::Cell{c, true, ""});
    sheet.rows.push_back(std::move(header));
    for (const auto& row : table.rows) {
      std::vector<reports::Cell> cells{reports::Cell{row.label, false, ""}};
      for (const auto& c : row.cells) {
        const bool number = !c.empty() && c.find_first_not_of("0123456789") == std::string::npos;
        cells.push_back(number ? reports::Cell{std::int64_t{std::stoll(c)}, false, "#,##0"}
                               : reports::Cell{c, false, ""});
      }
      sheet.rows.push_back(std::move(cells));
    }
  }
  auto bytes = reports::BuildXlsx({sheet});
  if (!bytes) return web::Failure(sv.pages, ctx, bytes.error());
  return Download(std::move(*bytes),
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  Disposition(*figures, "xlsx"));
}

}  // namespace

void AddRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/reports/employment", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return Page(sv, ctx); }});
  router.Add({"GET", "/reports/employment.csv", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return Csv(sv, ctx); }});
  router.Add({"GET", "/reports/employment.xlsx", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return Xlsx(sv, ctx); }});
}

}  // namespace tsunagu::employment::figures
