// GET /reports/community?fy=2026 (the page, printable on A4) and /reports/community.csv: the
// organisation's community year (community/year_report.hpp) for its coordinators.
#include <ctemplate/template.h>

#include "community/handlers/routes.hpp"
#include "community/sections.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/record_resources.hpp"
#include "events/attendance.hpp"
#include "events/training_report.hpp"
#include "peers/peer_service.hpp"
#include "reports/csv.hpp"
#include "requests/request_service.hpp"
#include "salons/salon_service.hpp"
#include "web/page.hpp"

namespace tsunagu::community::handlers {
namespace {

// The report of `fy` as `who` may read it. Each domain answers for its own figures; a domain
// that fails (its data unreadable) makes the whole report fail rather than print a wrong zero.
core::Result<YearReport> Build(app::Services& sv, const web::RequestContext& ctx, int fy) {
  YearReport report;
  report.fiscal_year = fy;
  const auto& who = *ctx.Who();
  auto attendance = events::AttendanceYearFigures(sv.db, who.organization_id, fy);
  if (!attendance) return attendance.error();
  auto types = events::AttendanceService(sv.db, sv.clock, sv.cipher).Types(who);
  if (!types) return types.error();
  report.tables.push_back(EventsHeldTable(*attendance, sv.catalog, ctx.lang));
  report.tables.push_back(ParticipantsTable(*attendance, *types, sv.catalog, ctx.lang));
  const core::Date from = core::FiscalYearStart(fy);
  const core::Date to = core::AddDays(core::FiscalYearStart(fy + 1), -1);
  auto trainings = events::BuildTrainingReport(sv.db, who, from, to);
  if (!trainings) return trainings.error();
  report.tables.push_back(TrainingsTable(*trainings, sv.catalog, ctx.lang));

  auto salon_figures = salons::YearFigures(sv.db, who.organization_id, fy);
  if (!salon_figures) return salon_figures.error();
  report.tables.push_back(SalonsTable(*salon_figures, sv.catalog, ctx.lang));
  auto peer_figures = peers::YearFigures(sv.db, who.organization_id, fy);
  if (!peer_figures) return peer_figures.error();
  report.tables.push_back(PeersTable(*peer_figures, sv.catalog, ctx.lang));

  auto holidays = requests::SharedHolidays(sv.config.data_dir);
  if (!holidays) return holidays.error();
  requests::RequestService requests(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog, **holidays,
                                    sv.config.server.public_url);
  auto request_figures = requests.Figures(who, fy);
  if (!request_figures) return request_figures.error();
  report.tables.push_back(RequestsTable(*request_figures, sv.catalog, ctx.lang));

  auto programmes = sv.consultations.ListPrograms(who);
  if (!programmes) return programmes.error();
  consultations::RecordResources resources(sv.db, sv.clock);
  std::vector<consultations::ResourceCounts> counts;
  for (const auto& p : *programmes) {
    auto c = resources.Count(who, p.id, fy);
    if (!c) return c.error();
    counts.push_back(std::move(*c));
  }
  report.tables.push_back(ResourcesTable(counts, sv.catalog, ctx.lang));
  return report;
}

http::Response Page(app::Services& sv, web::RequestContext& ctx) {
  const int fy = consultations::handlers::FiscalYearFromQuery(sv, ctx);
  auto report = Build(sv, ctx, fy);
  if (!report)
    return sv.pages.Error(ctx, web::StatusFor(report.error().code), report.error().message_key);
  ctemplate::TemplateDictionary dict("community_year");
  const std::string label = consultations::handlers::FiscalYearLabel(ctx.lang, fy);
  dict.SetValue("FY_LABEL", label);
  dict.SetIntValue("FY", fy);
  dict.SetIntValue("PREV_FY", fy - 1);
  dict.SetIntValue("NEXT_FY", fy + 1);
  for (const auto& table : report->tables) {
    auto* t = dict.AddSectionDictionary("TABLE");
    t->SetValue("ID", table.id);
    t->SetValue("TITLE", table.title);
    for (const auto& column : table.columns) {
      t->AddSectionDictionary("COLUMN")->SetValue("TEXT", column);
    }
    for (const auto& row : table.rows) {
      auto* r = t->AddSectionDictionary("ROW");
      r->SetValue("LABEL", row.label);
      for (const auto& cell : row.cells) r->AddSectionDictionary("CELL")->SetValue("TEXT", cell);
    }
    if (table.rows.empty()) t->ShowSection("EMPTY");
    if (!table.note.empty()) t->AddSectionDictionary("NOTE")->SetValue("TEXT", table.note);
    auto* toc = dict.AddSectionDictionary("TOC");
    toc->SetValue("ID", table.id);
    toc->SetValue("TITLE", table.title);
  }
  return sv.pages.Render(ctx, "community/year",
                         web::Title{"community.report.title_of", {{"year", label}}}, dict);
}

http::Response Csv(app::Services& sv, web::RequestContext& ctx) {
  const int fy = consultations::handlers::FiscalYearFromQuery(sv, ctx);
  auto report = Build(sv, ctx, fy);
  if (!report)
    return sv.pages.Error(ctx, web::StatusFor(report.error().code), report.error().message_key);
  reports::CsvWriter csv(true);
  csv.Row({sv.pages.T(ctx, "community.report.title"),
           consultations::handlers::FiscalYearLabel(ctx.lang, fy)});
  for (const auto& table : report->tables) {
    csv.Row({});
    csv.Row({table.title});
    std::vector<std::string> header{""};
    header.insert(header.end(), table.columns.begin(), table.columns.end());
    csv.Row(header);
    for (const auto& row : table.rows) {
      std::vector<std::string> cells{row.label};
      cells.insert(cells.end(), row.cells.begin(), row.cells.end());
      csv.Row(cells);
    }
  }
  http::Response res = http::Response::Text(200, csv.str(), "text/csv; charset=utf-8");
  res.headers.Set("Content-Disposition",
                  "attachment; filename=\"community-" + std::to_string(fy) + ".csv\"");
  return res;
}

}  // namespace

void AddRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/reports/community", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return Page(sv, ctx); }});
  router.Add({"GET", "/reports/community.csv", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) { return Csv(sv, ctx); }});
}

}  // namespace tsunagu::community::handlers
