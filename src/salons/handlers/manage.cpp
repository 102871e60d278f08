// The keeping organisation's salon pages: its salons (all statuses) and the form that adds or
// changes one, with the regular schedule (up to two 第n X曜日 a month, times, what a holiday
// does). Errors come back at the top and by each field with everything typed kept.
#include <cctype>
#include <map>

#include "core/text.hpp"
#include "salons/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::salons::handlers {
namespace {

using Values = std::multimap<std::string, std::string>;

constexpr const char* kTextFields[] = {
    "name",   "furigana",     "host_name", "caretaker_roles", "start_time", "end_time", "venue",
    "access", "municipality", "audience",  "network",         "contact",    "capacity"};
constexpr int kOccurrenceRows = 2;
constexpr std::string_view kNths[] = {"1", "2", "3", "4", "5", "-1"};

std::string Value(const Values& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

int Minutes(const std::string& text) {
  const std::string t = core::Trim(core::NormalizeNfkc(text));
  const auto colon = t.find(':');
  if (colon == std::string::npos || colon == 0 || t.size() - colon != 3) return -1;
  const int h = web::ParseInt(t.substr(0, colon));
  const int m = web::ParseInt(t.substr(colon + 1));
  if (h < 0 || h > 24 || m < 0 || m > 59) return -1;
  return h * 60 + m;
}

SalonInput ReadInput(const web::RequestContext& ctx) {
  SalonInput in;
  in.name = ctx.Form("name");
  in.furigana = ctx.Form("furigana");
  in.host_kind = ctx.Form("host_kind");
  in.host_name = ctx.Form("host_name");
  in.caretaker_roles = ctx.Form("caretaker_roles");
  for (int i = 1; i <= kOccurrenceRows; ++i) {
    const std::string nth = ctx.Form("occ" + std::to_string(i) + "_nth");
    const std::string day = ctx.Form("occ" + std::to_string(i) + "_weekday");
    if (nth.empty() && day.empty()) continue;
    bool known = false;
    for (auto n : kNths) known = known || n == nth;
    in.rule.occurrences.push_back({known ? web::ParseInt(nth) : 0, web::ParseInt(day)});
  }
  in.rule.start_minutes = Minutes(ctx.Form("start_time"));
  in.rule.end_minutes = Minutes(ctx.Form("end_time"));
  in.rule.on_holiday = HolidayPolicyOf(ctx.Form("on_holiday"));
  in.venue = ctx.Form("venue");
  in.access = ctx.Form("access");
  in.municipality = ctx.Form("municipality");
  in.audience = ctx.Form("audience");
  in.network = ctx.Form("network");
  in.contact = ctx.Form("contact");
  const std::string cap = core::Trim(core::NormalizeNfkc(ctx.Form("capacity")));
  in.capacity = cap.empty() ? 0 : web::ParseInt(cap);
  in.status = ctx.Form("status");
  return in;
}

Values ValuesOf(const Salon& s) {
  Values v;
  v.emplace("name", s.name);
  v.emplace("furigana", s.furigana);
  v.emplace("host_kind", s.host_kind);
  v.emplace("host_name", s.host_name);
  v.emplace("caretaker_roles", s.caretaker_roles);
  for (std::size_t i = 0; i < s.rule.occurrences.size(); ++i) {
    const std::string p = "occ" + std::to_string(i + 1);
    v.emplace(p + "_nth", std::to_string(s.rule.occurrences[i].nth));
    v.emplace(p + "_weekday", std::to_string(s.rule.occurrences[i].weekday));
  }
  v.emplace("start_time", consultations::FormatMinutes(s.rule.start_minutes));
  v.emplace("end_time", consultations::FormatMinutes(s.rule.end_minutes));
  v.emplace("on_holiday", HolidayCode(s.rule.on_holiday));
  v.emplace("venue", s.venue);
  v.emplace("access", s.access);
  v.emplace("municipality", s.municipality);
  v.emplace("audience", s.audience);
  v.emplace("network", s.network);
  v.emplace("contact", s.contact);
  v.emplace("capacity", std::to_string(s.capacity));
  v.emplace("status", s.status);
  return v;
}

http::Response ShowForm(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                        const Values& values, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("salons_form");
  dict.SetValue("ACTION", id == 0 ? "/salons/new" : "/salons/" + std::to_string(id) + "/edit");
  dict.SetValue("HEADING",
                d.pages.T(ctx, id == 0 ? "salons.form.new_title" : "salons.form.edit_title"));
  for (const char* f : kTextFields) dict.SetValue("V_" + Upper(f), Value(values, f));
  web::AddChoices(d.pages, ctx, dict, "HOST_KIND", "host_kind", "salons.host_kind.", kHostKinds,
                  {Value(values, "host_kind")});
  web::AddChoices(d.pages, ctx, dict, "HOLIDAY", "on_holiday", "salons.holiday.", kHolidayPolicies,
                  {Value(values, "on_holiday").empty() ? "skip" : Value(values, "on_holiday")});
  web::AddChoices(d.pages, ctx, dict, "STATUS", "status", "salons.status.", kStatuses,
                  {Value(values, "status").empty() ? "active" : Value(values, "status")});
  for (int i = 1; i <= kOccurrenceRows; ++i) {
    const std::string p = "occ" + std::to_string(i);
    auto* row = dict.AddSectionDictionary("OCCURRENCE");
    row->SetIntValue("N", i);
    row->SetValue("NTH_ID", i == 1 ? "occurrence" : p + "_nth");
    if (i > 1) row->ShowSection("OPTIONAL");
    for (auto nth : kNths) {
      auto* o = row->AddSectionDictionary("NTH");
      o->SetValue("VALUE", std::string(nth));
      o->SetValue("LABEL", d.pages.T(ctx, nth == "-1" ? std::string("schedule.ordinal.last")
                                                      : "schedule.ordinal." + std::string(nth)));
      if (Value(values, p + "_nth") == nth) o->ShowSection("SELECTED");
    }
    for (int w = 0; w < 7; ++w) {
      auto* o = row->AddSectionDictionary("WEEKDAY");
      o->SetIntValue("VALUE", w);
      o->SetValue("LABEL", d.pages.T(ctx, "schedule.weekday." + std::to_string(w)));
      if (Value(values, p + "_weekday") == std::to_string(w)) o->ShowSection("SELECTED");
    }
  }
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "salons/form",
                        id == 0 ? "salons.form.new_title" : "salons.form.edit_title", dict, status);
}

http::Response ShowManage(const Deps& d, web::RequestContext& ctx) {
  auto salons = d.salons->ListOwn(*ctx.Who());
  if (!salons) return web::Failure(d.pages, ctx, salons.error());
  ctemplate::TemplateDictionary dict("salons_manage");
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "created" || done == "updated") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "salons.manage.done_" + done),
                                "NOTICE");
  }
  if (salons->empty()) dict.ShowSection("NONE");
  for (const auto& s : *salons) {
    auto* row = dict.AddSectionDictionary("SALON");
    row->SetIntValue("ID", s.id);
    row->SetValue("NAME", s.name);
    row->SetValue("AREA", s.municipality);
    row->SetValue("SCHEDULE", consultations::DescribeRule(s.rule, ctx.lang, d.pages.catalog()));
    row->SetValue("STATUS", d.pages.T(ctx, "salons.status." + s.status));
    if (s.status != "closed") row->ShowSection("PUBLIC_LINK");
  }
  return d.pages.Render(ctx, "salons/manage", "salons.manage.title", dict);
}

http::Response Save(const Deps& d, web::RequestContext& ctx, std::int64_t id) {
  const SalonInput input = ReadInput(ctx);
  if (id == 0) {
    auto made = d.salons->Create(*ctx.Who(), ctx.Actor(), input);
    if (!made) {
      if (made.error().code == core::ErrorCode::kInvalidInput) {
        return ShowForm(d, ctx, 0, ctx.form, &made.error(), 422);
      }
      return web::Failure(d.pages, ctx, made.error());
    }
    return web::SeeOther("/salons/manage?done=created");
  }
  auto done = d.salons->Update(*ctx.Who(), ctx.Actor(), id, input);
  if (!done) {
    if (done.error().code == core::ErrorCode::kInvalidInput) {
      return ShowForm(d, ctx, id, ctx.form, &done.error(), 422);
    }
    return web::Failure(d.pages, ctx, done.error());
  }
  return web::SeeOther("/salons/manage?done=updated");
}

}  // namespace

void AddManageRoutes(app::Router& router, const Deps& d) {
  using auth::Permission;
  router.Add({"GET", "/salons/manage", Permission::kOrgCoordinate,
              [d](web::RequestContext& ctx) { return ShowManage(d, ctx); }});
  router.Add({"GET", "/salons/new", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
                Values defaults;
                defaults.emplace("host_kind", "hospital");
                defaults.emplace("capacity", "0");
                return ShowForm(d, ctx, 0, defaults, nullptr);
              }});
  router.Add({"POST", "/salons/new", Permission::kOrgCoordinate,
              [d](web::RequestContext& ctx) { return Save(d, ctx, 0); }});
  router.Add(
      {"GET", "/salons/{id}/edit", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         const auto id = web::ParseId(ctx.Param("id"));
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         auto salon = d.salons->GetOwn(*ctx.Who(), id);
         if (!salon) return web::Failure(d.pages, ctx, salon.error());
         return ShowForm(d, ctx, id, ValuesOf(*salon), nullptr);
       }});
  router.Add(
      {"POST", "/salons/{id}/edit", Permission::kOrgCoordinate, [d](web::RequestContext& ctx) {
         const auto id = web::ParseId(ctx.Param("id"));
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         return Save(d, ctx, id);
       }});
}

}  // namespace tsunagu::salons::handlers
