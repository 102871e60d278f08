// The directory as data (issue 15): Open Referral HSDS 3.0's required API endpoints under
// /directory/hsds/ (the index, a paginated and searchable list of services, one service), the
// profile of the extension fields, and a CSV for Excel. Public, like the pages: the directory
// holds no personal data. Field names are HSDS's; ids are HSDS's UUIDs (directory/hsds_id.hpp);
// what HSDS has no field for travels in the fields the profile documents (docs/decisions.md).
#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <optional>

#include "api/json.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "directory/handlers/routes.hpp"
#include "directory/handlers/view.hpp"
#include "directory/hsds_id.hpp"
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
  return json::object{{"id", HsdsId(HsdsKind::kOrganization, o.id)},
                      {"name", o.name},
                      {"furigana", o.furigana},
                      {"description", o.description},
                      {"website", o.website},
                      {"email", o.email}};
}

// A service has at most one phone, schedule, location, address and service_at_location: each
// takes the service's number in its own kind of id.
json::object HsdsService(const Deps& deps, const Service& s) {
  const std::string id = HsdsId(HsdsKind::kService, s.id);
  const std::string location_id = HsdsId(HsdsKind::kLocation, s.id);
  json::object out{{"id", id},
                   {"organization_id", HsdsId(HsdsKind::kOrganization, s.organization_id)},
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
    phones.push_back(json::object{{"id", HsdsId(HsdsKind::kPhone, s.id)},
                                  {"service_id", id},
                                  {"number", core::NormalizePhone(s.phone)},
                                  {"type", "voice"},
                                  {"description", s.phone}});
  }
  out["phones"] = std::move(phones);
  json::array schedules;
  if (!s.schedule.empty()) {
    schedules.push_back(json::object{{"id", HsdsId(HsdsKind::kSchedule, s.id)},
                                     {"service_id", id},
                                     {"description", s.schedule}});
  }
  out["schedules"] = std::move(schedules);
  json::array at_locations;
  const bool has_address = !s.prefecture.empty() || !s.municipality.empty() || !s.address.empty() ||
                           !s.postal_code.empty();
  if (has_address || !s.access.empty()) {
    json::object location{{"id", location_id},
                          {"location_type", "physical"},
                          {"name", s.organization.name},
                          {"transportation", s.access}};
    json::array addresses;
    if (has_address) {
      addresses.push_back(json::object{{"id", HsdsId(HsdsKind::kAddress, s.id)},
                                       {"location_id", location_id},
                                       {"address_1", s.address},
                                       {"city", s.municipality},
                                       {"state_province", s.prefecture},
                                       {"postal_code", s.postal_code},
                                       {"country", "JP"},
                                       {"address_type", "physical"}});
    }
    location["addresses"] = std::move(addresses);
    at_locations.push_back(json::object{{"id", HsdsId(HsdsKind::kServiceAtLocation, s.id)},
                                        {"service_id", id},
                                        {"location_id", location_id},
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
                                        {"profile", base + "/profile"},
                                        {"openapi_url", kHsdsOpenApi},
                                        {"services_url", base + "/services"},
                                        {"html_url", deps.public_url + "/directory"}});
}

// The Japanese profile: what this API adds to HSDS 3.0 and how it fills HSDS's fields.
http::Response Profile(const Deps& deps) {
  auto field = [](const char* object, const char* name, const char* description) {
    return json::object{{"object", object}, {"field", name}, {"description", description}};
  };
  return api::JsonResponse(json::object{
      {"name", "Tsunagu Japanese profile of HSDS 3.0"},
      {"version", "3.0"},
      {"extends", kHsdsOpenApi},
      {"html_url", deps.public_url + "/directory"},
      {"added_fields",
       json::array{
           field("service", "furigana", "The name's reading in hiragana (ふりがな), for search."),
           field("organization", "furigana", "The name's reading in hiragana (ふりがな)."),
           field("service", "category",
                 "Tsunagu's category code (fertility, employment, my_karte, disaster, hospitals, "
                 "second_opinion, trusted_info, labor_and_law, hello_work, other)."),
           field("service", "category_label", "The category's Japanese label."),
       }},
      {"conventions",
       json::array{
           "ids are UUIDs (RFC 9562 version 8) that carry the record's kind and number",
           "address.state_province is the prefecture (都道府県), address.city the municipality "
           "(市区町村), address.address_1 the rest; country is JP",
           "phone.number holds digits only; phone.description the number as written",
           "schedules carry opening hours as description text",
       }}});
}

// modified_after: "2026-12-01" (midnight in Japan) or "2026-12-01T09:30:00Z" /
// "…+09:00" (seconds optional). nullopt when malformed.
std::optional<std::int64_t> ParseModifiedAfter(std::string_view text) {
  const auto date = core::ParseIsoDate(text.substr(0, 10));
  if (!date) return std::nullopt;
  const std::int64_t days = core::DaysBetween(core::Date{1970, 1, 1}, *date);
  constexpr std::int64_t kJstOffset = std::int64_t{9} * 3600;
  if (text.size() == 10) return days * 86400 - kJstOffset;
  auto two = [&](std::size_t at) -> int {
    if (at + 2 > text.size() || !std::isdigit(static_cast<unsigned char>(text[at])) ||
        !std::isdigit(static_cast<unsigned char>(text[at + 1]))) {
      return -1;
    }
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
  };
  if (text[10] != 'T' || text.size() < 16 || text[13] != ':') return std::nullopt;
  const int hour = two(11);
  const int minute = two(14);
  int second = 0;
  std::size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    second = two(at + 1);
    at += 3;
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  int offset_minutes = 0;
  const std::string_view zone = text.substr(std::min(at, text.size()));
  if (zone == "Z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const int oh = two(at + 1);
    const int om = two(at + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return std::nullopt;
    offset_minutes = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const std::int64_t seconds_of_day = std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 +
                                      second - std::int64_t{offset_minutes} * 60;
  return days * 86400 + seconds_of_day;
}

// HSDS's /services: `page` and `per_page`, and the filters `search` (the directory's search:
// every word, ひらがな/カタカナ and width folded), `organization_id` (an HSDS organization id)
// and `modified_after`. Malformed parameters are a 400 problem.
http::Response Services(const Deps& deps, web::RequestContext& ctx) {
  const int page = PageParam(ctx, "page", 1);
  int per_page = PageParam(ctx, "per_page", kDefaultPerPage);
  if (page == 0 || per_page == 0) return Problem(deps, 400, "directory.error.page");
  per_page = std::min(per_page, kMaxPerPage);
  const std::string search = ctx.request.Query("search").value_or("");
  const std::string org_param = ctx.request.Query("organization_id").value_or("");
  const std::string modified_param = ctx.request.Query("modified_after").value_or("");
  std::optional<std::int64_t> organization;
  if (!org_param.empty()) {
    organization = ParseHsdsId(HsdsKind::kOrganization, org_param);
    if (!organization) return Problem(deps, 400, "directory.error.hsds_parameter");
  }
  std::optional<std::int64_t> modified_after;
  if (!modified_param.empty()) {
    modified_after = ParseModifiedAfter(modified_param);
    if (!modified_after) return Problem(deps, 400, "directory.error.hsds_parameter");
  }
  auto found = deps.directory->Search(search);
  if (!found) return Problem(deps, 500, "error.internal");
  std::vector<Service> matching;
  for (auto& s : *found) {
    if (organization && s.organization_id != *organization) continue;
    if (modified_after && s.updated_at < *modified_after) continue;
    matching.push_back(std::move(s));
  }
  // Pages follow the ids, so that a client walking the pages meets every service once.
  std::sort(matching.begin(), matching.end(),
            [](const Service& a, const Service& b) { return a.id < b.id; });
  const auto total = static_cast<std::int64_t>(matching.size());
  const std::int64_t pages = (total + per_page - 1) / per_page;
  json::array contents;
  const std::int64_t first = static_cast<std::int64_t>(page - 1) * per_page;
  for (std::int64_t i = first; i < total && i < first + per_page; ++i) {
    contents.push_back(HsdsService(deps, matching[static_cast<std::size_t>(i)]));
  }
  return api::JsonResponse(json::object{{"total_items", total},
                                        {"total_pages", pages},
                                        {"page_number", page},
                                        {"size", contents.size()},
                                        {"first_page", page == 1},
                                        {"last_page", page >= pages},
                                        {"empty", contents.empty()},
                                        {"contents", std::move(contents)}});
}

http::Response OneService(const Deps& deps, web::RequestContext& ctx) {
  const auto id = ParseHsdsId(HsdsKind::kService, ctx.Param("id"));
  if (!id) return Problem(deps, 404, "error.not_found");
  auto service = deps.directory->Find(*id);
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
  router.Add({"GET", "/directory/hsds/profile", Permission::kPublic,
              [deps](web::RequestContext&) { return Profile(deps); }});
  router.Add({"GET", "/directory/hsds/services", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Services(deps, ctx); }});
  router.Add({"GET", "/directory/hsds/services/{id}", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return OneService(deps, ctx); }});
  router.Add({"GET", "/directory/export.csv", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Csv(deps, ctx); }});
}

}  // namespace tsunagu::directory::handlers
