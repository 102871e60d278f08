// GET /api/v1/reports/yearly?year=: the yearly figures of the organisation's consultation
// programmes for their coordinators, the numbers of each programme's yearly report page
// (consultations::ReportService::Build, the page's own source).
#include <boost/json.hpp>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/yearly_report.hpp"
#include "core/wareki.hpp"
#include "web/forms.hpp"

namespace tsunagu::api::handlers {
namespace {

boost::json::array Totals(const std::vector<consultations::CodeTotal>& totals) {
  boost::json::array out;
  for (const auto& t : totals)
    out.push_back(boost::json::object{{"code", t.code}, {"count", t.count}});
  return out;
}

boost::json::object Figures(const consultations::YearlyReport& r) {
  boost::json::array days;
  for (const auto& d : r.days) {
    days.push_back(boost::json::object{{"number", d.number},
                                       {"day_id", d.day_id},
                                       {"date", core::ToIso(d.date)},
                                       {"staff", d.staff},
                                       {"consultations", d.consultations},
                                       {"held", d.held}});
  }
  boost::json::value target = nullptr;
  if (r.target) {
    target = boost::json::object{{"consultations", r.target->consultations},
                                 {"placements", r.target->placements},
                                 {"days", r.target->days}};
  }
  return boost::json::object{{"program_id", r.program.id},
                             {"program_name", r.program.name},
                             {"days_held", r.days_held},
                             {"consultations", r.consultations},
                             {"placements", r.placements},
                             {"records", r.records},
                             {"missing_records", r.missing_records},
                             {"target", std::move(target)},
                             {"handoffs_made", r.handoffs_made},
                             {"handoffs_accepted", r.handoffs_accepted},
                             {"guided_elsewhere", r.guided_elsewhere},
                             {"topics", Totals(r.topics)},
                             {"follow_ups", Totals(r.follow_ups)},
                             {"outcomes", Totals(r.outcomes)},
                             {"channels", Totals(r.channels)},
                             {"modes", Totals(r.modes)},
                             {"day_modes", Totals(r.day_modes)},
                             {"days", std::move(days)}};
}

}  // namespace

app::RouteHandler MakeYearlyFigures(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    int year = consultations::handlers::CurrentFiscalYear(sv);
    if (auto text = ctx.request.Query("year")) {
      year = web::ParseInt(*text);
      if (year < 2000 || year > 2100) {
        return ProblemResponse(sv.catalog, ctx.lang, 400, "api.list.year");
      }
    }
    std::vector<std::int64_t> ids;
    if (auto text = ctx.request.Query("program_id")) {
      const std::int64_t id = web::ParseId(*text);
      if (id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
      ids.push_back(id);
    } else {
      auto programs = sv.consultations.ListPrograms(*ctx.Who());
      if (!programs) return ProblemFor(sv.catalog, ctx.lang, programs.error());
      for (const auto& p : *programs) {
        if (p.organization_id == ctx.Who()->organization_id) ids.push_back(p.id);
      }
    }
    boost::json::array out;
    for (const std::int64_t id : ids) {
      auto report = sv.reports.Build(*ctx.Who(), id, year);
      if (!report) return ProblemFor(sv.catalog, ctx.lang, report.error());
      out.push_back(Figures(*report));
    }
    return JsonResponse(boost::json::object{{"fiscal_year", year}, {"programs", std::move(out)}});
  };
}

}  // namespace tsunagu::api::handlers
