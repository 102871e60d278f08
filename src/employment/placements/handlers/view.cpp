#include "employment/placements/handlers/view.hpp"

#include "web/lines.hpp"

namespace tsunagu::employment::placements::handlers {

void AddPlacement(const web::Pages& pages, const web::RequestContext& ctx,
                  ctemplate::TemplateDictionary& dict, const Placement& p, bool runs_case) {
  auto* row = dict.AddSectionDictionary("PLACEMENT");
  row->SetIntValue("ID", p.id);
  row->SetValue("KIND", pages.T(ctx, "placements.kind." + p.kind));
  row->SetValue("EMPLOYER", p.employer_name);
  if (!p.job_title.empty()) row->SetValueAndShowSection("JOB_TITLE", p.job_title, "HAS_JOB");
  row->SetValue("START_ON", core::FormatDate(p.start_on, ctx.lang));
  row->SetValue("EMPLOYMENT_TYPE", pages.T(ctx, "placements.employment." + p.employment_type));
  if (p.weekly_hours > 0) row->SetIntValue("WEEKLY_HOURS", p.weekly_hours);
  row->ShowSection(p.weekly_hours > 0 ? "HAS_HOURS" : "NO_HOURS");
  row->SetValue("DISCLOSURE", pages.T(ctx, "placements.disclosure." + p.disclosure));
  if (!p.accommodations.empty()) {
    web::AddLines(*row, "ACCOMMODATION_LINE", p.accommodations);
  } else {
    row->ShowSection("NO_ACCOMMODATIONS");
  }
  if (p.entered_late) row->ShowSection("LATE");
  for (const auto& c : p.checks) {
    auto* check = row->AddSectionDictionary("CHECK");
    check->SetValue("MONTHS", pages.catalog().Format(ctx.lang, "placements.check.months",
                                                     {{"months", std::to_string(c.months)}}));
    check->SetValue("DUE", core::FormatDate(c.due_on, ctx.lang));
    if (c.answer.empty()) {
      check->ShowSection("OPEN");
      if (c.days_overdue > 0) {
        check->SetValueAndShowSection(
            "OVERDUE_TEXT",
            pages.catalog().Format(ctx.lang, "placements.check.overdue",
                                   {{"days", std::to_string(c.days_overdue)}}),
            "OVERDUE");
      }
    } else {
      check->SetValue("ANSWER", pages.T(ctx, "placements.answer." + c.answer));
      check->SetValue("ANSWERED_ON", core::FormatDate(c.answered_on, ctx.lang));
      check->ShowSection("ANSWERED");
    }
    if (runs_case) {
      check->SetValueAndShowSection("PATH", "/org/retention/" + std::to_string(c.id), "LINKED");
    } else {
      check->ShowSection("UNLINKED");
    }
  }
}

}  // namespace tsunagu::employment::placements::handlers
