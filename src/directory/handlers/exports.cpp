// The directory as data (issue 15): Open Referral HSDS 3.0's API shapes under /directory/hsds/
// (the index, a paginated list of services, one service) and a CSV for Excel. Public, like the
// pages: the directory holds no personal data. Field names are HSDS's; what HSDS has no field
// for travels in documented extension fields (docs/decisions.md).
#include <boost/json.hpp>

#include "api/json.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "directory/handlers/routes.hpp"
#include "directory/handlers/view.hpp"
#include "reports/csv.hpp"
#include "web/forms.hpp"

namespace tsunagu::directory::handlers {
namespace {

namespace json = boost::json;

constexpr int kDefaultPerPage = 50;
constexpr int kMaxPerPage = 100;
constexpr const char* kHsdsOpenApi =
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

json::object HsdsOrganization(const Organization& o) {
  const std::string id = std::to_string(o.id);
  return json::object{{"id", id},
                      {"name", o.name},
                      {"furigana", o.furigana},
                      {"description", o.description},
                      {"website", o.website},
                      {"email", o.email}};
}

// Sub-objects take their service's id with a suffix: one service has at most one of each.
json::object HsdsService(const Deps& deps, const Service& s) {
  const std::string id = std::to_string(s.id);
  json::object out{{"id", id},
                   {"organization_id", std::to_string(s.organization_id)},
                   {"name", s.name},
                   {"furigana", s.furigana},
                   {"description", s.description},
                   {"url", s.url},
                   {"email", s.email},
                   {"status", s.status},
                   {"application_process", s.application},
                   {"fees_description", s.fees},
                   {"eligibility_description", s.eligibility},
                   {"last_modified", api::FormatIsoUtc(s.updated_at)},
                   {"category", s.category},
                   {"category_label", deps.catalog.Get("ja", "directory.category." + s.category)},
                   {"organization", HsdsOrganization(s.organization)}};
  json::array phones;
  if (!s.phone.empty()) {
    phones.push_back(json::object{{"id", id + "-phone"},
                                  {"service_id", id},
                                  {"number", core::NormalizePhone(s.phone)},
                                  {"type", "voice"},
                                  {"description", s.phone}});
  }
  out["phones"] = std::move(phones);
  json::array schedules;
  if (!s.schedule.empty()) {
    schedules.push_back(
        json::object{{"id", id + "-schedule"}, {"service_id", id}, {"description", s.schedule}});
  }
  out["schedules"] = std::move(schedules);
  json::array at_locations;
  const bool has_address = !s.prefecture.empty() || !s.municipality.empty() || !s.address.empty() ||
                           !s.postal_code.empty();
  if (has_address || !s.access.empty()) {
    json::object location{{"id", id + "-location"},
                          {"location_type", "physical"},
                          {"name", s.organization.name},
                          {"transportation", s.access}};
    json::array addresses;
    if (has_address) {
      addresses.push_back(json::object{{"id", id + "-address"},
                                       {"location_id", id + "-location"},
                                       {"address_1", s.address},
                                       {"city", s.municipality},
                                       {"state_province", s.prefecture},
                                       {"postal_code", s.postal_code},
                                       {"country", "JP"},
                                       {"address_type", "physical"}});
    }
    location["addresses"] = std::move(addresses);
    at_locations.push_back(json::object{{"id", id + "-at-location"},
                                        {"service_id", id},
                                        {"location_id", id + "-location"},
                                        {"location", std::move(location)}});
  }
  out["service_at_locations"] = std::move(at_locations);
  return out;
}

http::Response Problem(const Deps& deps, int status, const std::string& key) {
  http::Response res = api::JsonResponse(api::ProblemBody(deps.catalog, "ja", status, key), status);
  res.headers.Set("Content-Type", "application/problem+json");
  return res;
}

// A page number from the query: `fallback` when absent, 0 when malformed or below 1.
int PageParam(const web::RequestContext& ctx, const char* name, int fallback) {
  const auto text = ctx.request.Query(name);
  if (!text || text->empty()) return fallback;
  const int value = web::ParseInt(core::NormalizeNfkc(*text));
  return value < 1 ? 0 : value;
}

http::Response Index(const Deps& deps) {
  const std::string base = deps.public_url + "/directory/hsds";
  return api::JsonResponse(json::object{{"version", "3.0"},
                                        {"openapi_url", kHsdsOpenApi},
                                        {"services_url", base + "/services"},
                                        {"html_url", deps.public_url + "/directory"}});
}

http::Response Services(const Deps& deps, web::RequestContext& ctx) {
  const int page = PageParam(ctx, "page", 1);
  int per_page = PageParam(ctx, "per_page", kDefaultPerPage);
  if (page == 0 || per_page == 0) return Problem(deps, 400, "directory.error.page");
  per_page = std::min(per_page, kMaxPerPage);
  auto result = deps.directory->Page(page, per_page);
  if (!result) return Problem(deps, 500, "error.internal");
  const std::int64_t pages = (result->total + per_page - 1) / per_page;
  json::array contents;
  for (const auto& s : result->services) contents.push_back(HsdsService(deps, s));
  return api::JsonResponse(json::object{{"total_items", result->total},
                                        {"total_pages", pages},
                                        {"page_number", page},
                                        {"size", contents.size()},
                                        {"first_page", page == 1},
                                        {"last_page", page >= pages},
                                        {"empty", contents.empty()},
                                        {"contents", std::move(contents)}});
}

http::Response OneService(const Deps& deps, web::RequestContext& ctx) {
  const std::int64_t id = IdParam(ctx);
  if (id <= 0) return Problem(deps, 404, "error.not_found");
  auto service = deps.directory->Find(id);
  if (!service) {
    return Problem(deps, web::StatusFor(service.error().code), service.error().message_key);
  }
  return api::JsonResponse(HsdsService(deps, *service));
}

http::Response Csv(const Deps& deps, web::RequestContext& ctx) {
  auto services = deps.directory->Search("");
  if (!services) return web::Failure(deps.pages, ctx, services.error());
  auto t = [&](const char* key) { return deps.pages.T(ctx, std::string("directory.csv.") + key); };
  reports::CsvWriter csv(true);
  csv.Row({t("id"), t("category"), t("name"), t("furigana"), t("organization"), t("description"),
           t("eligibility"), t("fees"), t("application"), t("schedule"), t("phone"), t("email"),
           t("url"), t("postal_code"), t("prefecture"), t("municipality"), t("address"),
           t("access"), t("updated")});
  for (const auto& s : *services) {
    csv.Row({std::to_string(s.id), CategoryLabel(deps, ctx, s.category), s.name, s.furigana,
             s.organization.name, s.description, s.eligibility, s.fees, s.application, s.schedule,
             s.phone, s.email, s.url, s.postal_code, s.prefecture, s.municipality, s.address,
             s.access, core::ToIso(core::DateFromUnixSeconds(s.updated_at))});
  }
  const std::string utf8 = t("file_name") + ".csv";
  http::Response res = http::Response::Text(200, csv.str(), "text/csv; charset=utf-8");
  res.headers.Set(
      "Content-Disposition",
      "attachment; filename=\"directory.csv\"; filename*=UTF-8''" + http::PercentEncode(utf8));
  return res;
}

}  // namespace

void AddExportRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  for (const char* path : {"/directory/hsds", "/directory/hsds/"}) {
    router.Add(
        {"GET", path, Permission::kPublic, [deps](web::RequestContext&) { return Index(deps); }});
  }
  router.Add({"GET", "/directory/hsds/services", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Services(deps, ctx); }});
  router.Add({"GET", "/directory/hsds/services/{id}", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return OneService(deps, ctx); }});
  router.Add({"GET", "/directory/export.csv", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Csv(deps, ctx); }});
}

}  // namespace tsunagu::directory::handlers
