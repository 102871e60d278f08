// The forms staff use to add and edit directory entries (issue 15): a directory organisation
// (name, ふりがな, description, website, e-mail) and a service (its organisation, category,
// what it offers, to whom, at what cost, how to apply, where, when, and its public telephone).
// Errors come back at the top and by each field, with everything typed kept.
#include "web/forms.hpp"

#include <vector>

#include "directory/handlers/routes.hpp"
#include "directory/handlers/view.hpp"

namespace tsunagu::directory::handlers {
namespace {

struct FieldSpec {
  const char* name;
  const char* type;  // "text", "email", "url", "tel" or "area" (a textarea)
  int max;
  bool required;
  bool hint;  // a hint under the label: "directory.form.<name>_hint"
};

constexpr FieldSpec kOrganizationFields[] = {{"name", "text", 100, true, false},
                                             {"furigana", "text", 100, false, true},
                                             {"description", "area", 2000, false, false},
                                             {"website", "url", 500, false, true},
                                             {"email", "email", 254, false, false}};

// After the organisation and the category, which have their own controls.
constexpr FieldSpec kServiceFields[] = {
    {"name", "text", 100, true, false},          {"furigana", "text", 100, false, true},
    {"description", "area", 2000, false, false}, {"eligibility", "area", 500, false, true},
    {"fees", "area", 500, false, true},          {"application", "area", 1000, false, true},
    {"schedule", "text", 200, false, true},      {"phone", "tel", 30, false, true},
    {"email", "email", 254, false, false},       {"url", "url", 500, false, false},
    {"postal_code", "text", 8, false, true},     {"prefecture", "text", 10, false, true},
    {"municipality", "text", 50, false, false},  {"address", "text", 200, false, false},
    {"access", "area", 500, false, true}};

template <std::size_t N>
void AddFields(const Deps& deps, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const FieldSpec (&specs)[N],
               const std::function<std::string(const std::string&)>& value,
               const core::Error* error) {
  for (const auto& spec : specs) {
    const std::string name = spec.name;
    auto* field = dict.AddSectionDictionary("FIELD");
    field->SetValue("NAME", name);
    field->SetValue("LABEL", deps.pages.T(ctx, "directory.field." + name));
    field->SetValue("VALUE", value(name));
    field->SetIntValue("MAX", spec.max);
    if (!spec.required) field->ShowSection("OPTIONAL");
    std::string described;
    if (spec.hint) {
      field->AddSectionDictionary("HINT")->SetValue(
          "TEXT", deps.pages.T(ctx, "directory.form." + name + "_hint"));
      described = name + "-hint";
    }
    if (error) {
      for (const auto& f : error->fields) {
        if (f.field != name) continue;
        field->AddSectionDictionary("ERROR")->SetValue("MESSAGE", deps.pages.T(ctx, f.message_key));
        field->ShowSection("INVALID");
        described += (described.empty() ? "" : " ") + name + "-error";
        break;
      }
    }
    if (!described.empty()) field->SetValueAndShowSection("IDS", described, "DESCRIBED");
    if (std::string_view(spec.type) == "area") {
      field->ShowSection("AREA");
    } else {
      field->SetValueAndShowSection("TYPE", spec.type, "INPUT");
    }
  }
}

bool HasFieldError(const core::Error* error, const std::string& field) {
  if (!error) return false;
  for (const auto& f : error->fields) {
    if (f.field == field) return true;
  }
  return false;
}

OrganizationInput ReadOrganization(const web::RequestContext& ctx) {
  OrganizationInput in;
  in.name = ctx.Form("name");
  in.furigana = ctx.Form("furigana");
  in.description = ctx.Form("description");
  in.website = ctx.Form("website");
  in.email = ctx.Form("email");
  return in;
}

ServiceInput ReadService(const web::RequestContext& ctx) {
  ServiceInput in;
  in.organization_id = web::ParseId(ctx.Form("organization"));
  in.name = ctx.Form("name");
  in.furigana = ctx.Form("furigana");
  in.description = ctx.Form("description");
  in.category = ctx.Form("category");
  in.eligibility = ctx.Form("eligibility");
  in.fees = ctx.Form("fees");
  in.application = ctx.Form("application");
  in.url = ctx.Form("url");
  in.email = ctx.Form("email");
  in.prefecture = ctx.Form("prefecture");
  in.municipality = ctx.Form("municipality");
  in.address = ctx.Form("address");
  in.postal_code = ctx.Form("postal_code");
  in.access = ctx.Form("access");
  in.phone = ctx.Form("phone");
  in.schedule = ctx.Form("schedule");
  return in;
}

std::string ServiceValue(const ServiceInput& s, const std::string& name) {
  if (name == "name") return s.name;
  if (name == "furigana") return s.furigana;
  if (name == "description") return s.description;
  if (name == "eligibility") return s.eligibility;
  if (name == "fees") return s.fees;
  if (name == "application") return s.application;
  if (name == "schedule") return s.schedule;
  if (name == "phone") return s.phone;
  if (name == "email") return s.email;
  if (name == "url") return s.url;
  if (name == "postal_code") return s.postal_code;
  if (name == "prefecture") return s.prefecture;
  if (name == "municipality") return s.municipality;
  if (name == "address") return s.address;
  if (name == "access") return s.access;
  return "";
}

std::string OrganizationValue(const OrganizationInput& o, const std::string& name) {
  if (name == "name") return o.name;
  if (name == "furigana") return o.furigana;
  if (name == "description") return o.description;
  if (name == "website") return o.website;
  if (name == "email") return o.email;
  return "";
}

// id 0: a new organisation. On error, `shown` is what was posted.
http::Response OrganizationForm(const Deps& deps, web::RequestContext& ctx, std::int64_t id,
                                const OrganizationInput& shown, const core::Error* error) {
  ctemplate::TemplateDictionary dict("directory_organization_form");
  dict.SetValue("ACTION", id ? "/directory/manage/organizations/" + std::to_string(id)
                             : std::string("/directory/manage/organizations"));
  dict.SetValue("HEADING", deps.pages.T(ctx, id ? "directory.organization.edit"
                                                : "directory.organization.new"));
  AddFields(
      deps, ctx, dict, kOrganizationFields,
      [&](const std::string& name) { return OrganizationValue(shown, name); }, error);
  if (error) deps.pages.AddErrors(dict, ctx, *error);
  return deps.pages.Render(ctx, "directory/organization_form",
                           id ? "directory.organization.edit" : "directory.organization.new", dict,
                           error ? web::StatusFor(error->code) : 200);
}

http::Response ServiceForm(const Deps& deps, web::RequestContext& ctx, std::int64_t id,
                           const ServiceInput& shown, const std::string& status,
                           const core::Error* error) {
  auto organizations = deps.directory->OwnOrganizations(*ctx.Who());
  if (!organizations) return web::Failure(deps.pages, ctx, organizations.error());
  ctemplate::TemplateDictionary dict("directory_service_form");
  dict.SetValue("ACTION", id ? "/directory/manage/services/" + std::to_string(id)
                             : std::string("/directory/manage/services"));
  const char* heading = id ? "directory.service.edit" : "directory.service.new";
  dict.SetValue("HEADING", deps.pages.T(ctx, heading));
  for (const auto& o : *organizations) {
    auto* option = dict.AddSectionDictionary("ORGANIZATION");
    option->SetIntValue("ID", static_cast<long>(o.id));
    option->SetValue("NAME", o.name);
    if (o.id == shown.organization_id) option->ShowSection("SELECTED");
  }
  for (auto code : kCategories) {
    auto* option = dict.AddSectionDictionary("CATEGORY");
    option->SetValue("CODE", std::string(code));
    option->SetValue("LABEL", CategoryLabel(deps, ctx, std::string(code)));
    if (code == shown.category) option->ShowSection("SELECTED");
  }
  for (const char* field : {"organization", "category"}) {
    if (!HasFieldError(error, field)) continue;
    for (const auto& f : error->fields) {
      if (f.field == field) {
        dict.AddSectionDictionary(std::string("ERR_") +
                                  (field[0] == 'o' ? "ORGANIZATION" : "CATEGORY"))
            ->SetValue("MESSAGE", deps.pages.T(ctx, f.message_key));
      }
    }
  }
  AddFields(
      deps, ctx, dict, kServiceFields,
      [&](const std::string& name) { return ServiceValue(shown, name); }, error);
  if (id) {
    auto* state = dict.AddSectionDictionary("STATUS");
    state->SetIntValue("ID", static_cast<long>(id));
    state->ShowSection(status == "active" ? "ACTIVE" : "INACTIVE");
  }
  if (error) deps.pages.AddErrors(dict, ctx, *error);
  return deps.pages.Render(ctx, "directory/service_form", heading, dict,
                           error ? web::StatusFor(error->code) : 200);
}

template <typename T>
http::Response AfterSave(const Deps& deps, web::RequestContext& ctx, const core::Result<T>& done,
                         const char* code,
                         const std::function<http::Response(const core::Error&)>& again) {
  if (done) return web::SeeOther(std::string("/directory/manage?done=") + code);
  if (done.error().code == core::ErrorCode::kInvalidInput) return again(done.error());
  return web::Failure(deps.pages, ctx, done.error());
}

}  // namespace

void AddFormRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  const std::string orgs = "/directory/manage/organizations";
  const std::string services = "/directory/manage/services";
  router.Add({"GET", orgs + "/new", Permission::kOrgCoordinate, [deps](web::RequestContext& ctx) {
                return OrganizationForm(deps, ctx, 0, {}, nullptr);
              }});
  router.Add({"POST", orgs, Permission::kOrgCoordinate, [deps](web::RequestContext& ctx) {
                const auto in = ReadOrganization(ctx);
                return AfterSave(
                    deps, ctx, deps.directory->CreateOrganization(*ctx.Who(), ctx.Actor(), in),
                    "organization_created",
                    [&](const core::Error& e) { return OrganizationForm(deps, ctx, 0, in, &e); });
              }});
  router.Add({"GET", orgs + "/{id}", Permission::kOrgCoordinate, [deps](web::RequestContext& ctx) {
                const std::int64_t id = IdParam(ctx);
                if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
                auto org = deps.directory->OrganizationToEdit(*ctx.Who(), id);
                if (!org) return web::Failure(deps.pages, ctx, org.error());
                return OrganizationForm(deps, ctx, id, *org, nullptr);
              }});
  router.Add({"POST", orgs + "/{id}", Permission::kOrgCoordinate, [deps](web::RequestContext& ctx) {
                const std::int64_t id = IdParam(ctx);
                if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
                const auto in = ReadOrganization(ctx);
                return AfterSave(
                    deps, ctx, deps.directory->UpdateOrganization(*ctx.Who(), ctx.Actor(), id, in),
                    "organization_saved",
                    [&](const core::Error& e) { return OrganizationForm(deps, ctx, id, in, &e); });
              }});
  router.Add(
      {"GET", services + "/new", Permission::kOrgCoordinate, [deps](web::RequestContext& ctx) {
         ServiceInput blank;
         blank.organization_id = web::ParseId(ctx.request.Query("organization").value_or(""));
         return ServiceForm(deps, ctx, 0, blank, "", nullptr);
       }});
  router.Add({"POST", services, Permission::kOrgCoordinate, [deps](web::RequestContext& ctx) {
                const auto in = ReadService(ctx);
                return AfterSave(
                    deps, ctx, deps.directory->CreateService(*ctx.Who(), ctx.Actor(), in),
                    "service_created",
                    [&](const core::Error& e) { return ServiceForm(deps, ctx, 0, in, "", &e); });
              }});
  router.Add(
      {"GET", services + "/{id}", Permission::kOrgCoordinate, [deps](web::RequestContext& ctx) {
         const std::int64_t id = IdParam(ctx);
         if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
         auto service = deps.directory->ServiceToEdit(*ctx.Who(), id);
         if (!service) return web::Failure(deps.pages, ctx, service.error());
         return ServiceForm(deps, ctx, id, *service, service->status, nullptr);
       }});
  router.Add(
      {"POST", services + "/{id}", Permission::kOrgCoordinate, [deps](web::RequestContext& ctx) {
         const std::int64_t id = IdParam(ctx);
         if (id <= 0) return deps.pages.Error(ctx, 404, "error.not_found");
         auto current = deps.directory->ServiceToEdit(*ctx.Who(), id);
         if (!current) return web::Failure(deps.pages, ctx, current.error());
         const auto in = ReadService(ctx);
         return AfterSave(deps, ctx, deps.directory->UpdateService(*ctx.Who(), ctx.Actor(), id, in),
                          "service_saved", [&](const core::Error& e) {
                            return ServiceForm(deps, ctx, id, in, current->status, &e);
                          });
       }});
}

}  // namespace tsunagu::directory::handlers
