// The organisation's job openings: the list (open / closed / expired, 市町村, employment type,
// short hours, telework, valid on a date), one opening's page, the form with every column
// (hours as HH:MM, wage band in yen, valid until), close and reopen. A stale edit (409) shows the
// form again with what was typed.
#include <cctype>

#include "core/text.hpp"
#include "core/wareki.hpp"
#include "employment/employers/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::employers::handlers {
namespace {

constexpr const char* kTextFields[] = {"title",      "duties",   "municipality", "work_place",
                                       "start_time", "end_time", "weekly_days",  "weekly_hours",
                                       "hours_note", "wage_min", "wage_max",     "valid_until",
                                       "version"};
constexpr const char* kFlags[] = {"short_hours", "staggered_hours", "telework", "hospital_leave",
                                  "published"};

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Path(std::int64_t id, const std::string& tail = "") {
  return "/org/openings/" + std::to_string(id) + tail;
}

// An optional whole number: empty is none; anything unreadable is named in `unreadable`.
std::optional<int> Number(const web::RequestContext& ctx, const char* field,
                          std::vector<std::string>& unreadable) {
  std::string t = core::Trim(core::NormalizeNfkc(ctx.Form(field)));
  t.erase(std::remove(t.begin(), t.end(), ','), t.end());
  if (t.empty()) return std::nullopt;
  const int v = web::ParseInt(t);
  if (v < 0) {
    unreadable.push_back(field);
    return std::nullopt;
  }
  return v;
}

std::optional<int> Time(const web::RequestContext& ctx, const char* field,
                        std::vector<std::string>& unreadable) {
  const std::string t = core::Trim(ctx.Form(field));
  if (t.empty()) return std::nullopt;
  auto m = ParseHhMm(t);
  if (!m) unreadable.push_back(field);
  return m;
}

OpeningInput ReadInput(const web::RequestContext& ctx, std::int64_t employer_id) {
  OpeningInput in;
  in.employer_id = employer_id;
  in.title = ctx.Form("title");
  in.duties = ctx.Form("duties");
  in.municipality = ctx.Form("municipality");
  in.work_place = ctx.Form("work_place");
  in.start_minutes = Time(ctx, "start_time", in.unreadable);
  in.end_minutes = Time(ctx, "end_time", in.unreadable);
  in.weekly_days = Number(ctx, "weekly_days", in.unreadable);
  in.weekly_hours = Number(ctx, "weekly_hours", in.unreadable);
  in.hours_note = ctx.Form("hours_note");
  in.short_hours = ctx.Form("short_hours") == "1";
  in.staggered_hours = ctx.Form("staggered_hours") == "1";
  in.telework = ctx.Form("telework") == "1";
  in.hospital_leave = ctx.Form("hospital_leave") == "1";
  in.wage_kind = ctx.Form("wage_kind");
  in.wage_min = Number(ctx, "wage_min", in.unreadable);
  in.wage_max = Number(ctx, "wage_max", in.unreadable);
  in.employment_type = ctx.Form("employment_type");
  in.valid_until = ctx.Form("valid_until");
  in.published = ctx.Form("published") == "1";
  in.version = web::ParseInt(ctx.Form("version"));
  return in;
}

Values ValuesOf(const Opening& o) {
  Values v;
  auto opt = [&](const char* k, const std::optional<int>& x) {
    if (x) v.emplace(k, std::to_string(*x));
  };
  v.emplace("title", o.title);
  v.emplace("duties", o.duties);
  v.emplace("municipality", o.municipality);
  v.emplace("work_place", o.work_place);
  if (o.start_minutes) v.emplace("start_time", FormatHhMm(*o.start_minutes));
  if (o.end_minutes) v.emplace("end_time", FormatHhMm(*o.end_minutes));
  opt("weekly_days", o.weekly_days);
  opt("weekly_hours", o.weekly_hours);
  v.emplace("hours_note", o.hours_note);
  if (o.short_hours) v.emplace("short_hours", "1");
  if (o.staggered_hours) v.emplace("staggered_hours", "1");
  if (o.telework) v.emplace("telework", "1");
  if (o.hospital_leave) v.emplace("hospital_leave", "1");
  if (o.published) v.emplace("published", "1");
  v.emplace("wage_kind", o.wage_kind);
  opt("wage_min", o.wage_min);
  opt("wage_max", o.wage_max);
  v.emplace("employment_type", o.employment_type);
  v.emplace("valid_until", o.valid_until);
  v.emplace("version", std::to_string(o.version));
  return v;
}

http::Response ShowForm(const Deps& d, web::RequestContext& ctx, std::int64_t employer_id,
                        std::int64_t id, const Values& values, const core::Error* error,
                        int status = 200) {
  auto employer = d.employers->Get(*ctx.Who(), employer_id);
  if (!employer) return web::Failure(d.pages, ctx, employer.error());
  if (!employer->own) return d.pages.Error(ctx, 404, "error.not_found");
  ctemplate::TemplateDictionary dict("openings_form");
  dict.SetValue("ACTION", id == 0
                              ? "/org/employers/" + std::to_string(employer_id) + "/openings/new"
                              : Path(id, "/edit"));
  const std::string title =
      id == 0 ? "employers.opening_form.new_title" : "employers.opening_form.edit_title";
  dict.SetValue("HEADING", d.pages.T(ctx, title));
  dict.SetValue("EMPLOYER", employer->name);
  dict.SetIntValue("EMPLOYER_ID", employer_id);
  for (const char* f : kTextFields) dict.SetValue("V_" + Upper(f), Value(values, f));
  for (const char* f : kFlags) {
    if (Value(values, f) == "1") dict.ShowSection(Upper(f) + "_CHECKED");
  }
  web::AddChoices(d.pages, ctx, dict, "WAGE_KIND", "wage_kind", "employers.wage_kind.", kWageKinds,
                  {Value(values, "wage_kind").empty() ? "hourly" : Value(values, "wage_kind")});
  web::AddChoices(d.pages, ctx, dict, "EMPLOYMENT_TYPE", "employment_type",
                  "employers.employment_type.", kEmploymentTypes,
                  {Value(values, "employment_type")});
  if (auto date = core::ParseIsoDate(Value(values, "valid_until"))) {
    dict.SetValueAndShowSection("VALID_WAREKI", core::FormatDate(*date, ctx.lang), "HAS_WAREKI");
  }
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "employers/opening_form", title, dict, status);
}

http::Response ShowList(const Deps& d, web::RequestContext& ctx) {
  OpeningQuery q;
  q.state = ctx.request.Query("state").value_or("open");
  if (q.state != "open" && q.state != "closed" && q.state != "expired" && q.state != "all") {
    q.state = "open";
  }
  const std::string state = q.state;
  if (q.state == "all") q.state.clear();
  q.municipality = core::Trim(ctx.request.Query("municipality").value_or(""));
  q.employment_type = ctx.request.Query("employment_type").value_or("");
  q.short_hours = ctx.request.Query("short_hours").value_or("") == "1";
  q.telework = ctx.request.Query("telework").value_or("") == "1";
  const std::string valid_on = core::Trim(ctx.request.Query("valid_on").value_or(""));
  if (core::ParseIsoDate(valid_on)) q.valid_on = valid_on;
  auto rows = d.openings->List(*ctx.Who(), q);
  if (!rows) return web::Failure(d.pages, ctx, rows.error());
  ctemplate::TemplateDictionary dict("openings_list");
  for (const char* s : {"open", "closed", "expired", "all"}) {
    auto* o = dict.AddSectionDictionary("STATE");
    o->SetValue("VALUE", s);
    o->SetValue("LABEL", d.pages.T(ctx, std::string("employers.openings.state_") + s));
    if (state == s) o->ShowSection("SELECTED");
  }
  for (auto t : kEmploymentTypes) {
    auto* o = dict.AddSectionDictionary("TYPE_OPTION");
    o->SetValue("VALUE", std::string(t));
    o->SetValue("LABEL", d.pages.T(ctx, "employers.employment_type." + std::string(t)));
    if (q.employment_type == t) o->ShowSection("SELECTED");
  }
  dict.SetValue("MUNICIPALITY", q.municipality);
  dict.SetValue("VALID_ON", valid_on);
  if (q.short_hours) dict.ShowSection("SHORT_CHECKED");
  if (q.telework) dict.ShowSection("TELEWORK_CHECKED");
  dict.SetIntValue("TOTAL", static_cast<long>(rows->size()));
  if (rows->empty()) dict.ShowSection("NONE");
  for (const auto& o : *rows) FillOpening(d.pages, ctx, *dict.AddSectionDictionary("OPENING"), o);
  return d.pages.Render(ctx, "employers/openings", "employers.openings.title", dict);
}

http::Response ShowOpening(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                           const core::Error* error = nullptr, int status = 200) {
  auto o = d.openings->Get(*ctx.Who(), id);
  if (!o) return web::Failure(d.pages, ctx, o.error());
  ctemplate::TemplateDictionary dict("openings_show");
  FillOpening(d.pages, ctx, dict, *o);
  dict.SetIntValue("VERSION", o->version);
  if (o->own) {
    if (o->status == "open") {
      dict.ShowSection("CAN_CLOSE");
    } else {
      dict.ShowSection("CAN_REOPEN");
    }
  }
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "created" || done == "updated" || done == "closed" || done == "reopened") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "employers.opening_done." + done),
                                "NOTICE");
  }
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "employers/opening",
                        web::Title{"employers.opening.title", {{"title", o->title}}}, dict, status);
}

}  // namespace

void AddOpeningRoutes(app::Router& router, const Deps& d) {
  using auth::Permission;
  router.Add({"GET", "/org/openings", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return ShowList(d, ctx); }});
  router.Add({"GET", "/org/employers/{id}/openings/new", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto eid = web::ParseId(ctx.Param("id"));
                if (eid <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                return ShowForm(d, ctx, eid, 0, {}, nullptr);
              }});
  router.Add({"POST", "/org/employers/{id}/openings/new", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto eid = web::ParseId(ctx.Param("id"));
                if (eid <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto made = d.openings->Create(*ctx.Who(), ctx.Actor(), ReadInput(ctx, eid));
                if (!made) {
                  if (made.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowForm(d, ctx, eid, 0, ctx.form, &made.error(), 422);
                  }
                  return web::Failure(d.pages, ctx, made.error());
                }
                return web::SeeOther(Path(*made, "?done=created"));
              }});
  router.Add({"GET", "/org/openings/{id}", Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                return ShowOpening(d, ctx, id);
              }});
  router.Add(
      {"GET", "/org/openings/{id}/edit", Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
         const auto id = web::ParseId(ctx.Param("id"));
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         auto o = d.openings->Get(*ctx.Who(), id);
         if (!o) return web::Failure(d.pages, ctx, o.error());
         if (!o->own) return d.pages.Error(ctx, 404, "error.not_found");
         return ShowForm(d, ctx, o->employer_id, id, ValuesOf(*o), nullptr);
       }});
  router.Add(
      {"POST", "/org/openings/{id}/edit", Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
         const auto id = web::ParseId(ctx.Param("id"));
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         auto o = d.openings->Get(*ctx.Who(), id);
         if (!o) return web::Failure(d.pages, ctx, o.error());
         auto done =
             d.openings->Update(*ctx.Who(), ctx.Actor(), id, ReadInput(ctx, o->employer_id));
         if (!done) {
           const auto code = done.error().code;
           if (code == core::ErrorCode::kInvalidInput) {
             return ShowForm(d, ctx, o->employer_id, id, ctx.form, &done.error(), 422);
           }
           if (code == core::ErrorCode::kConflict) {
             return ShowForm(d, ctx, o->employer_id, id, ctx.form, &done.error(), 409);
           }
           return web::Failure(d.pages, ctx, done.error());
         }
         return web::SeeOther(Path(id, "?done=updated"));
       }});
  router.Add(
      {"POST", "/org/openings/{id}/status", Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
         const auto id = web::ParseId(ctx.Param("id"));
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         const bool open = ctx.Form("status") == "open";
         auto done = d.openings->SetOpen(*ctx.Who(), ctx.Actor(), id,
                                         web::ParseInt(ctx.Form("version")), open);
         if (!done) {
           if (done.error().code == core::ErrorCode::kConflict) {
             return ShowOpening(d, ctx, id, &done.error(), 409);
           }
           return web::Failure(d.pages, ctx, done.error());
         }
         return web::SeeOther(Path(id, open ? "?done=reopened" : "?done=closed"));
       }});
}

}  // namespace tsunagu::employment::employers::handlers
