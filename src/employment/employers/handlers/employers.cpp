// The organisation's employers: the list (search by name or ふりがな, industry, 市町村, practice;
// paged), one employer's page (its contacts for the keeper's staff, its openings), the form
// that adds or changes one, archiving, and adding or removing contact people. A stale edit
// (409) shows the form again with what was typed and says that someone changed it.
#include <cctype>

#include "employment/employers/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::employers::handlers {
namespace {

constexpr const char* kTextFields[] = {"name",    "furigana",      "municipality",
                                       "address", "attitude_note", "version"};

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Path(std::int64_t id, const std::string& tail = "") {
  return "/org/employers/" + std::to_string(id) + tail;
}

EmployerInput ReadInput(const web::RequestContext& ctx) {
  EmployerInput in;
  in.name = ctx.Form("name");
  in.furigana = ctx.Form("furigana");
  in.industry = ctx.Form("industry");
  in.size_band = ctx.Form("size_band");
  in.municipality = ctx.Form("municipality");
  in.address = ctx.Form("address");
  in.practices = ctx.FormValues("practices");
  in.attitude_note = ctx.Form("attitude_note");
  in.share_partners = ctx.Form("share_partners") == "1";
  in.version = web::ParseInt(ctx.Form("version"));
  return in;
}

Values ValuesOf(const Employer& e) {
  Values v;
  v.emplace("name", e.name);
  v.emplace("furigana", e.furigana);
  v.emplace("industry", e.industry);
  v.emplace("size_band", e.size_band);
  v.emplace("municipality", e.municipality);
  v.emplace("address", e.address);
  for (const auto& p : e.practices) v.emplace("practices", p);
  v.emplace("attitude_note", e.attitude_note);
  if (e.share_partners) v.emplace("share_partners", "1");
  v.emplace("version", std::to_string(e.version));
  return v;
}

void AddOptions(const Deps& d, const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
                const std::string& section, const std::string& prefix, auto codes,
                const std::string& chosen) {
  for (auto code : codes) {
    auto* o = dict.AddSectionDictionary(section);
    o->SetValue("VALUE", std::string(code));
    o->SetValue("LABEL", d.pages.T(ctx, prefix + std::string(code)));
    if (chosen == code) o->ShowSection("SELECTED");
  }
}

http::Response ShowForm(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                        const Values& values, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("employers_form");
  dict.SetValue("ACTION", id == 0 ? "/org/employers/new" : Path(id, "/edit"));
  const std::string title = id == 0 ? "employers.form.new_title" : "employers.form.edit_title";
  dict.SetValue("HEADING", d.pages.T(ctx, title));
  for (const char* f : kTextFields) dict.SetValue("V_" + Upper(f), Value(values, f));
  if (id != 0) dict.ShowSection("EDITING");
  AddOptions(d, ctx, dict, "INDUSTRY", "employers.industry.", kIndustries,
             Value(values, "industry"));
  AddOptions(d, ctx, dict, "SIZE_BAND", "employers.size.", kSizeBands, Value(values, "size_band"));
  std::vector<std::string> chosen;
  auto [from, to] = values.equal_range("practices");
  for (auto it = from; it != to; ++it) chosen.push_back(it->second);
  web::AddChoices(d.pages, ctx, dict, "PRACTICE", "practices", "employers.practice.", kPractices,
                  chosen);
  if (Value(values, "share_partners") == "1") dict.ShowSection("SHARE_CHECKED");
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "employers/form", title, dict, status);
}

http::Response ShowList(const Deps& d, web::RequestContext& ctx) {
  EmployerQuery q;
  q.text = ctx.request.Query("q").value_or("");
  q.industry = ctx.request.Query("industry").value_or("");
  q.municipality = ctx.request.Query("municipality").value_or("");
  q.practice = ctx.request.Query("practice").value_or("");
  q.archived = ctx.request.Query("archived").value_or("") == "1";
  q.page = std::max(1, web::ParseInt(ctx.request.Query("page").value_or("1")));
  auto page = d.employers->Search(*ctx.Who(), q);
  if (!page) return web::Failure(d.pages, ctx, page.error());
  ctemplate::TemplateDictionary dict("employers_list");
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "archived" || done == "restored") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "employers.done." + done), "NOTICE");
  }
  dict.SetValue("Q", q.text);
  dict.SetValue("MUNICIPALITY", q.municipality);
  AddOptions(d, ctx, dict, "INDUSTRY", "employers.industry.", kIndustries, q.industry);
  AddOptions(d, ctx, dict, "PRACTICE", "employers.practice.", kPractices, q.practice);
  if (q.archived) dict.ShowSection("ARCHIVED_CHECKED");
  dict.SetIntValue("TOTAL", page->total);
  if (page->rows.empty()) dict.ShowSection("NONE");
  for (const auto& e : page->rows) {
    auto* row = dict.AddSectionDictionary("EMPLOYER");
    row->SetIntValue("ID", e.id);
    row->SetValue("NAME", e.name);
    row->SetValue("FURIGANA", e.furigana);
    row->SetValue("INDUSTRY",
                  e.industry.empty() ? "" : d.pages.T(ctx, "employers.industry." + e.industry));
    row->SetValue("SIZE",
                  e.size_band.empty() ? "" : d.pages.T(ctx, "employers.size." + e.size_band));
    row->SetValue("AREA", e.municipality);
    row->SetValue("PRACTICES", PracticeLabels(d.pages, ctx, e.practices));
    row->SetIntValue("OPENINGS", e.open_openings);
    if (!e.own) row->SetValueAndShowSection("KEEPER", e.organization_name, "PARTNER");
  }
  const int pages = (page->total + kPageSize - 1) / kPageSize;
  auto link = [&](int n) {
    std::string url = "/org/employers?page=" + std::to_string(n);
    for (const auto& [k, v] : {std::pair<std::string, std::string>{"q", q.text},
                               {"industry", q.industry},
                               {"municipality", q.municipality},
                               {"practice", q.practice}}) {
      if (!v.empty()) url += "&" + k + "=" + http::PercentEncode(v);
    }
    if (q.archived) url += "&archived=1";
    return url;
  };
  if (pages > 1) {
    auto* pager = dict.AddSectionDictionary("PAGER");
    pager->SetIntValue("PAGE", page->page);
    pager->SetIntValue("PAGES", pages);
    if (page->page > 1) pager->SetValueAndShowSection("PREV_URL", link(page->page - 1), "PREV");
    if (page->page < pages) pager->SetValueAndShowSection("NEXT_URL", link(page->page + 1), "NEXT");
  }
  return d.pages.Render(ctx, "employers/list", "employers.list.title", dict);
}

http::Response ShowEmployer(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                            const Values& values, const core::Error* error, int status = 200) {
  auto e = d.employers->Get(*ctx.Who(), id);
  if (!e) return web::Failure(d.pages, ctx, e.error());
  ctemplate::TemplateDictionary dict("employers_show");
  dict.SetIntValue("ID", e->id);
  dict.SetIntValue("EMPLOYER_ID", e->id);
  dict.SetValue("NAME", e->name);
  dict.SetValue("FURIGANA", e->furigana);
  dict.SetValue("INDUSTRY",
                e->industry.empty() ? "" : d.pages.T(ctx, "employers.industry." + e->industry));
  dict.SetValue("SIZE",
                e->size_band.empty() ? "" : d.pages.T(ctx, "employers.size." + e->size_band));
  dict.SetValue("AREA", e->municipality);
  dict.SetValue("ADDRESS", e->address);
  dict.SetValue("PRACTICES", PracticeLabels(d.pages, ctx, e->practices));
  dict.SetValue("KEEPER", e->organization_name);
  dict.SetIntValue("VERSION", e->version);
  dict.SetValue("STATUS", d.pages.T(ctx, "employers.status." + e->status));
  if (e->own) {
    dict.ShowSection("OWN");
    dict.SetValue("ATTITUDE_NOTE", e->attitude_note);
    dict.SetValue("SHARED", d.pages.T(ctx, e->share_partners ? "employers.show.shared_yes"
                                                             : "employers.show.shared_no"));
    if (e->status == "active") {
      dict.ShowSection("ACTIVE");
    } else {
      dict.ShowSection("ARCHIVED");
    }
    auto contacts = d.employers->Contacts(*ctx.Who(), ctx.Actor(), id);
    if (!contacts) return web::Failure(d.pages, ctx, contacts.error());
    if (contacts->empty()) dict.ShowSection("NO_CONTACTS");
    for (const auto& c : *contacts) {
      auto* row = dict.AddSectionDictionary("CONTACT");
      row->SetIntValue("ID", c.id);
      row->SetValue("NAME", c.name);
      row->SetValue("ROLE", c.role);
      row->SetValue("PHONE", c.phone);
      row->SetValue("EMAIL", c.email);
    }
    for (const char* f : {"contact_name", "contact_role", "contact_phone", "contact_email"}) {
      dict.SetValue("V_" + Upper(f), Value(values, f));
    }
  } else {
    dict.ShowSection("PARTNER");
  }
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "created" || done == "updated" || done == "contact_added" ||
      done == "contact_removed" || done == "opening_created") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "employers.done." + done), "NOTICE");
  }
  OpeningQuery q;
  q.employer_id = id;
  auto openings = d.openings->List(*ctx.Who(), q);
  if (!openings) return web::Failure(d.pages, ctx, openings.error());
  if (openings->empty()) dict.ShowSection("NO_OPENINGS");
  for (const auto& o : *openings)
    FillOpening(d.pages, ctx, *dict.AddSectionDictionary("OPENING"), o);
  if (error) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "employers/show",
                        web::Title{"employers.show.title", {{"name", e->name}}}, dict, status);
}

http::Response Save(const Deps& d, web::RequestContext& ctx, std::int64_t id) {
  const EmployerInput input = ReadInput(ctx);
  if (id == 0) {
    auto made = d.employers->Create(*ctx.Who(), ctx.Actor(), input);
    if (!made) {
      if (made.error().code == core::ErrorCode::kInvalidInput) {
        return ShowForm(d, ctx, 0, ctx.form, &made.error(), 422);
      }
      return web::Failure(d.pages, ctx, made.error());
    }
    return web::SeeOther(Path(*made, "?done=created"));
  }
  auto done = d.employers->Update(*ctx.Who(), ctx.Actor(), id, input);
  if (!done) {
    const auto code = done.error().code;
    if (code == core::ErrorCode::kInvalidInput)
      return ShowForm(d, ctx, id, ctx.form, &done.error(), 422);
    if (code == core::ErrorCode::kConflict)
      return ShowForm(d, ctx, id, ctx.form, &done.error(), 409);
    return web::Failure(d.pages, ctx, done.error());
  }
  return web::SeeOther(Path(id, "?done=updated"));
}

std::int64_t IdOf(const web::RequestContext& ctx, const char* name = "id") {
  return web::ParseId(ctx.Param(name));
}

}  // namespace

void AddEmployerRoutes(app::Router& router, const Deps& d) {
  using auth::Permission;
  router.Add({"GET", "/org/employers", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return ShowList(d, ctx); }});
  router.Add({"GET", "/org/employers/new", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return ShowForm(d, ctx, 0, {}, nullptr); }});
  router.Add({"POST", "/org/employers/new", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return Save(d, ctx, 0); }});
  router.Add({"GET", "/org/employers/{id}", Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
                const auto id = IdOf(ctx);
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                return ShowEmployer(d, ctx, id, {}, nullptr);
              }});
  router.Add(
      {"GET", "/org/employers/{id}/edit", Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
         const auto id = IdOf(ctx);
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         auto e = d.employers->Get(*ctx.Who(), id);
         if (!e) return web::Failure(d.pages, ctx, e.error());
         if (!e->own) return d.pages.Error(ctx, 404, "error.not_found");
         return ShowForm(d, ctx, id, ValuesOf(*e), nullptr);
       }});
  router.Add(
      {"POST", "/org/employers/{id}/edit", Permission::kOrgCounsel, [d](web::RequestContext& ctx) {
         const auto id = IdOf(ctx);
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         return Save(d, ctx, id);
       }});
  router.Add({"POST", "/org/employers/{id}/archive", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = IdOf(ctx);
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                const bool archive = ctx.Form("archived") == "1";
                auto done = d.employers->SetArchived(*ctx.Who(), ctx.Actor(), id,
                                                     web::ParseInt(ctx.Form("version")), archive);
                if (!done) return web::Failure(d.pages, ctx, done.error());
                return web::SeeOther(archive ? "/org/employers?done=archived"
                                             : "/org/employers?done=restored");
              }});
  router.Add({"POST", "/org/employers/{id}/contacts", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = IdOf(ctx);
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                ContactInput in{ctx.Form("contact_name"), ctx.Form("contact_role"),
                                ctx.Form("contact_phone"), ctx.Form("contact_email")};
                auto done = d.employers->AddContact(*ctx.Who(), ctx.Actor(), id, in);
                if (!done) {
                  if (done.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowEmployer(d, ctx, id, ctx.form, &done.error(), 422);
                  }
                  return web::Failure(d.pages, ctx, done.error());
                }
                return web::SeeOther(Path(id, "?done=contact_added#contacts"));
              }});
  router.Add({"POST", "/org/employers/{id}/contacts/{contact}/remove", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = IdOf(ctx);
                const auto contact = IdOf(ctx, "contact");
                if (id <= 0 || contact <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto done = d.employers->RemoveContact(*ctx.Who(), ctx.Actor(), id, contact);
                if (!done) return web::Failure(d.pages, ctx, done.error());
                return web::SeeOther(Path(id, "?done=contact_removed#contacts"));
              }});
}

}  // namespace tsunagu::employment::employers::handlers
