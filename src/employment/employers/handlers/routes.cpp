#include "employment/employers/handlers/routes.hpp"

#include "core/wareki.hpp"
#include "employment/employers/rows.hpp"

namespace tsunagu::employment::employers::handlers {

void AddRoutes(app::Router& router, const Deps& deps) {
  AddImportRoutes(router, deps);
  AddEmployerRoutes(router, deps);
  AddOpeningRoutes(router, deps);
  AddListingRoutes(router, deps);
}

std::string Value(const Values& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

std::string PracticeLabels(const web::Pages& pages, const web::RequestContext& ctx,
                           const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += ctx.lang == "ja" ? "・" : ", ";
    out += pages.T(ctx, "employers.practice." + c);
  }
  return out;
}

namespace {
std::string Yen(int v) {
  const std::string digits = std::to_string(v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}
}  // namespace

void FillOpening(const web::Pages& pages, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary& row, const Opening& o) {
  row.SetIntValue("ID", o.id);
  row.SetIntValue("EMPLOYER_ID", o.employer_id);
  row.SetValue("TITLE", o.title);
  row.SetValue("EMPLOYER", o.employer_name);
  row.SetValue("AREA", o.municipality);
  row.SetValue("WORK_PLACE", o.work_place);
  row.SetValue("DUTIES", o.duties);
  std::string hours;
  if (o.start_minutes && o.end_minutes) {
    hours = FormatHhMm(*o.start_minutes) + "–" + FormatHhMm(*o.end_minutes);
  }
  if (o.weekly_days) {
    if (!hours.empty()) hours += " ";
    hours += pages.T(ctx, "employers.opening.days_prefix") + std::to_string(*o.weekly_days) +
             pages.T(ctx, "employers.opening.days_suffix");
  }
  if (o.weekly_hours) {
    if (!hours.empty()) hours += " ";
    hours += pages.T(ctx, "employers.opening.hours_prefix") + std::to_string(*o.weekly_hours) +
             pages.T(ctx, "employers.opening.hours_suffix");
  }
  row.SetValue("HOURS", hours);
  row.SetValue("HOURS_NOTE", o.hours_note);
  std::string wage;
  if (o.wage_min || o.wage_max) {
    wage = pages.T(ctx, "employers.wage_kind." + o.wage_kind) + " " +
           (o.wage_min ? Yen(*o.wage_min) : std::string()) + "〜" +
           (o.wage_max ? Yen(*o.wage_max) : std::string()) + pages.T(ctx, "employers.opening.yen");
  }
  row.SetValue("WAGE", wage);
  row.SetValue("TYPE", pages.T(ctx, "employers.employment_type." + o.employment_type));
  std::vector<std::string> flags;
  if (o.short_hours) flags.push_back(pages.T(ctx, "employers.field.short_hours"));
  if (o.staggered_hours) flags.push_back(pages.T(ctx, "employers.field.staggered_hours"));
  if (o.telework) flags.push_back(pages.T(ctx, "employers.field.telework"));
  if (o.hospital_leave) flags.push_back(pages.T(ctx, "employers.field.hospital_leave"));
  for (const auto& f : flags) row.AddSectionDictionary("FLAGS")->SetValue("FLAG", f);
  row.SetValue("PRACTICES", PracticeLabels(pages, ctx, PracticeList(o.employer_practices)));
  if (auto d = core::ParseIsoDate(o.valid_until)) {
    row.SetValueAndShowSection("VALID_UNTIL", core::FormatDate(*d, ctx.lang), "HAS_VALID");
  }
  if (o.expired && o.status == "open") {
    row.SetValue("STATE", pages.T(ctx, "employers.opening.state_expired"));
    row.ShowSection("EXPIRED");
  } else {
    row.SetValue("STATE", pages.T(ctx, "employers.opening.state_" + o.status));
  }
  if (o.published) row.ShowSection("PUBLISHED");
  if (o.own) row.ShowSection("OWN");
}

}  // namespace tsunagu::employment::employers::handlers
