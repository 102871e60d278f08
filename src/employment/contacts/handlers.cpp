#include <ctemplate/template.h>

#include <map>

#include "consultations/records.hpp"
#include "core/text.hpp"
#include "employment/contacts/contact_service.hpp"
#include "employment/contacts/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::contacts {
namespace {

using Values = std::multimap<std::string, std::string>;

std::string Value(const Values& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

std::vector<std::string> All(const Values& values, const std::string& name) {
  std::vector<std::string> out;
  auto [from, to] = values.equal_range(name);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

ContactService Service(app::Services& sv) {
  return ContactService(sv.db, sv.clock, sv.cipher);
}

core::Date Today(const app::Services& sv) {
  return core::DateFromUnixSeconds(sv.clock.NowSeconds());
}

int Number(const std::string& text) {
  const std::string t = core::Trim(core::NormalizeNfkc(text));
  return t.empty() ? 0 : web::ParseInt(t);
}

ContactInput ReadInput(const web::RequestContext& ctx) {
  ContactInput in;
  in.program_id = web::ParseId(ctx.Form("program_id"));
  in.case_id = web::ParseId(ctx.Form("case_id"));
  in.requester_kind = ctx.Form("requester_kind");
  in.channel = ctx.Form("channel");
  in.contacted_on = core::NormalizeNfkc(ctx.Form("contacted_on"));
  in.minutes = Number(ctx.Form("minutes"));
  in.topics = All(ctx.form, "topics");
  in.summary = ctx.Form("summary");
  in.employer_id = web::ParseId(ctx.Form("employer_id"));
  in.employer_name = ctx.Form("employer_name");
  in.employee_consented = ctx.Form("employee_consented") == "1";
  return in;
}

http::Response ShowForm(app::Services& sv, web::RequestContext& ctx, const Values& values,
                        const core::Error* error, int status = 200) {
  auto service = Service(sv);
  auto programs = service.Programs(*ctx.Who());
  if (!programs) return web::Failure(sv.pages, ctx, programs.error());
  auto employers = service.Employers(*ctx.Who());
  if (!employers) return web::Failure(sv.pages, ctx, employers.error());
  ctemplate::TemplateDictionary dict("contacts_form");
  const std::string case_id = Value(values, "case_id");
  if (web::ParseId(case_id) > 0) {
    auto* c = dict.AddSectionDictionary("CASE");
    c->SetValue("ID", case_id);
  }
  web::AddChoices(sv.pages, ctx, dict, "REQUESTER", "requester_kind", "contacts.requester.",
                  kRequesterKinds, {Value(values, "requester_kind")});
  web::AddChoices(sv.pages, ctx, dict, "CHANNEL", "channel", "contacts.channel.", kChannels,
                  {Value(values, "channel")});
  web::AddChoices(sv.pages, ctx, dict, "TOPIC", "topics", "record.topic.",
                  consultations::kRecordTopics, All(values, "topics"));
  dict.SetValue("V_CONTACTED_ON", Value(values, "contacted_on"));
  dict.SetValue("TODAY", core::ToIso(Today(sv)));
  dict.SetValue("V_MINUTES", Value(values, "minutes"));
  dict.SetValue("V_SUMMARY", Value(values, "summary"));
  dict.SetValue("V_EMPLOYER_NAME", Value(values, "employer_name"));
  if (Value(values, "employee_consented") == "1") dict.ShowSection("CONSENTED");
  if (!programs->empty()) {
    auto* section = dict.AddSectionDictionary("PROGRAMS");
    for (const auto& p : *programs) {
      auto* o = section->AddSectionDictionary("PROGRAM");
      o->SetIntValue("ID", p.id);
      o->SetValue("NAME", p.name);
      if (Value(values, "program_id") == std::to_string(p.id)) o->ShowSection("SELECTED");
    }
  }
  for (const auto& e : *employers) {
    auto* o = dict.AddSectionDictionary("EMPLOYER");
    o->SetIntValue("ID", e.id);
    o->SetValue("NAME", e.name);
    if (Value(values, "employer_id") == std::to_string(e.id)) o->ShowSection("SELECTED");
  }
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "contacts/form", "contacts.form.title", dict, status);
}

http::Response New(app::Services& sv, web::RequestContext& ctx) {
  Values defaults;
  defaults.emplace("requester_kind", "self");
  defaults.emplace("channel", "phone");
  defaults.emplace("contacted_on", core::ToIso(Today(sv)));
  defaults.emplace("minutes", "30");
  const std::string case_param = ctx.request.Query("case").value_or("");
  if (!case_param.empty()) {
    const auto case_id = web::ParseId(case_param);
    if (case_id <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
    if (auto ok = Service(sv).CheckCase(*ctx.Who(), case_id); !ok) {
      return web::Failure(sv.pages, ctx, ok.error());
    }
    defaults.emplace("case_id", std::to_string(case_id));
  }
  if (ctx.request.Query("kind").value_or("") == "employer") {
    defaults.erase("requester_kind");
    defaults.emplace("requester_kind", "employer");
  }
  auto programs = Service(sv).Programs(*ctx.Who());
  if (programs && !programs->empty()) {
    defaults.emplace("program_id", std::to_string(programs->front().id));
  }
  return ShowForm(sv, ctx, defaults, nullptr);
}

http::Response Create(app::Services& sv, web::RequestContext& ctx) {
  const ContactInput input = ReadInput(ctx);
  auto made = Service(sv).Create(*ctx.Who(), ctx.Actor(), input);
  if (!made) {
    if (made.error().code == core::ErrorCode::kInvalidInput) {
      return ShowForm(sv, ctx, ctx.form, &made.error(), 422);
    }
    return web::Failure(sv.pages, ctx, made.error());
  }
  const std::string month = core::Trim(input.contacted_on).substr(0, 7);
  return web::SeeOther("/org/contacts?month=" + month + "&done=created");
}

http::Response List(app::Services& sv, web::RequestContext& ctx) {
  ContactFilter filter;
  filter.month = Today(sv);
  const std::string month = ctx.request.Query("month").value_or("");
  if (auto d = core::ParseIsoDate(month + "-01"); d && month.size() == 7) filter.month = *d;
  filter.channel = ctx.request.Query("channel").value_or("");
  bool known = filter.channel.empty();
  for (auto c : kChannels) known = known || c == filter.channel;
  if (!known) filter.channel.clear();
  auto contacts = Service(sv).List(*ctx.Who(), filter);
  if (!contacts) return web::Failure(sv.pages, ctx, contacts.error());
  ctemplate::TemplateDictionary dict("contacts_list");
  const std::string shown = core::ToIso(filter.month).substr(0, 7);
  dict.SetValue("MONTH", shown);
  dict.SetValue("MONTH_LABEL", ctx.lang == "en" ? shown
                                                : std::to_string(filter.month.year) + "年" +
                                                      std::to_string(filter.month.month) + "月");
  if (ctx.request.Query("done").value_or("") == "created") {
    dict.SetValueAndShowSection("NOTICE_TEXT", sv.pages.T(ctx, "contacts.list.done_created"),
                                "NOTICE");
  }
  for (auto c : kChannels) {
    auto* o = dict.AddSectionDictionary("CHANNEL_OPTION");
    o->SetValue("CODE", std::string(c));
    o->SetValue("LABEL", sv.pages.T(ctx, "contacts.channel." + std::string(c)));
    if (filter.channel == c) o->ShowSection("SELECTED");
  }
  if (contacts->empty()) dict.ShowSection("NONE");
  int minutes = 0;
  for (const auto& c : *contacts) {
    auto* row = dict.AddSectionDictionary("CONTACT");
    row->SetIntValue("ID", c.id);
    row->SetValue("DATE", core::FormatDate(c.contacted_on, ctx.lang));
    row->SetValue("CHANNEL", sv.pages.T(ctx, "contacts.channel." + c.channel));
    row->SetValue("REQUESTER", sv.pages.T(ctx, "contacts.requester." + c.requester_kind));
    std::string topics;
    for (const auto& t : c.topics) {
      if (!topics.empty()) topics += ctx.lang == "en" ? ", " : "、";
      topics += sv.pages.T(ctx, "record.topic." + t);
    }
    row->SetValue("TOPICS", topics);
    row->SetIntValue("MINUTES", c.minutes);
    minutes += c.minutes;
    if (c.case_id != 0) row->AddSectionDictionary("CASE")->SetIntValue("CASE_ID", c.case_id);
    if (c.requester_kind == "employer") {
      row->AddSectionDictionary("EMPLOYER")->SetValue("NAME", c.employer_name);
    }
    if (c.entered_late) row->ShowSection("LATE");
  }
  dict.SetIntValue("COUNT", static_cast<long>(contacts->size()));
  dict.SetIntValue("TOTAL_MINUTES", minutes);
  return sv.pages.Render(ctx, "contacts/list", "contacts.list.title", dict);
}

http::Response Show(app::Services& sv, web::RequestContext& ctx) {
  const auto id = web::ParseId(ctx.Param("id"));
  if (id <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
  auto c = Service(sv).Get(*ctx.Who(), ctx.Actor(), id);
  if (!c) return web::Failure(sv.pages, ctx, c.error());
  ctemplate::TemplateDictionary dict("contacts_show");
  dict.SetValue("DATE", core::FormatDate(c->contacted_on, ctx.lang));
  dict.SetValue("MONTH", core::ToIso(c->contacted_on).substr(0, 7));
  dict.SetValue("CHANNEL", sv.pages.T(ctx, "contacts.channel." + c->channel));
  dict.SetValue("REQUESTER", sv.pages.T(ctx, "contacts.requester." + c->requester_kind));
  dict.SetIntValue("MINUTES", c->minutes);
  for (const auto& t : c->topics) {
    dict.AddSectionDictionary("TOPIC")->SetValue("LABEL", sv.pages.T(ctx, "record.topic." + t));
  }
  if (!c->program_name.empty()) {
    dict.SetValueAndShowSection("PROGRAM_NAME", c->program_name, "PROGRAM");
  }
  if (c->case_id != 0) dict.AddSectionDictionary("CASE")->SetIntValue("CASE_ID", c->case_id);
  if (c->requester_kind == "employer") {
    auto* e = dict.AddSectionDictionary("EMPLOYER");
    e->SetValue("NAME", c->employer_name);
    e->SetValue("CONSENT", sv.pages.T(ctx, c->employee_consented ? "contacts.show.consented"
                                                                 : "contacts.show.no_identity"));
  }
  dict.SetValue("SUMMARY", c->summary);
  if (c->entered_late) dict.ShowSection("LATE");
  dict.SetValue("RECORDED_BY", c->recorded_by_name);
  dict.SetValue("RECORDED_AT", web::DateTimeOf(ctx, c->recorded_at));
  return sv.pages.Render(ctx, "contacts/show", "contacts.show.title", dict);
}

}  // namespace

void AddRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/org/contacts", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return List(sv, ctx); }});
  router.Add({"GET", "/org/contacts/new", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return New(sv, ctx); }});
  router.Add({"POST", "/org/contacts/new", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return Create(sv, ctx); }});
  router.Add({"GET", "/org/contacts/{id}", Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return Show(sv, ctx); }});
}

}  // namespace tsunagu::employment::contacts
