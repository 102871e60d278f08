#include "api/handlers/routes.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <memory>

#include "api/handlers/idempotent.hpp"
#include "api/json.hpp"
#include "api/rate_limit.hpp"
#include "crypto/random.hpp"

namespace tsunagu::api::handlers {

// Each builds the handler of one endpoint (one file per resource). A null handler makes
// Router::Validate refuse to start the server.
app::RouteHandler MakeOpenapi(app::Services& sv);
app::RouteHandler MakeMe(app::Services& sv);
app::RouteHandler MakeOrganization(app::Services& sv);
app::RouteHandler MakeMembers(app::Services& sv);
app::RouteHandler MakeListTokens(app::Services& sv);
app::RouteHandler MakeRevokeToken(app::Services& sv);
app::RouteHandler MakePublicDays(app::Services& sv);
app::RouteHandler MakeCreateBooking(app::Services& sv);
app::RouteHandler MakeCancelBooking(app::Services& sv);
// api-reads
app::RouteHandler MakeListClients(app::Services& sv);
app::RouteHandler MakeGetClient(app::Services& sv);
app::RouteHandler MakeListCases(app::Services& sv);
app::RouteHandler MakeGetCase(app::Services& sv);
app::RouteHandler MakeListReferrals(app::Services& sv);
app::RouteHandler MakeGetReferral(app::Services& sv);
extern const OperationDoc kListClientsDoc;
extern const OperationDoc kGetClientDoc;
extern const OperationDoc kListCasesDoc;
extern const OperationDoc kGetCaseDoc;
extern const OperationDoc kListReferralsDoc;
extern const OperationDoc kGetReferralDoc;
app::RouteHandler MakePublicEvents(app::Services& sv);
app::RouteHandler MakeListRegistrations(app::Services& sv);
app::RouteHandler MakeCreateRegistration(app::Services& sv);
extern const OperationDoc kPublicEventsDoc;
extern const OperationDoc kListRegistrationsDoc;
extern const OperationDoc kCreateRegistrationDoc;
app::RouteHandler MakeListBookings(app::Services& sv);
app::RouteHandler MakeYearlyFigures(app::Services& sv);
app::RouteHandler MakeListRecords(app::Services& sv);

namespace {

using auth::Permission;

struct Endpoint {
  const char* method;
  const char* pattern;
  Permission permission;
  // Before the handler so that no entry can leave it out: every API route says which token
  // scope it needs, or {} for the token's own account and public routes.
  ScopeNeed scope;
  app::RouteHandler (*make)(app::Services&);
  const OperationDoc& doc;  // the route's part of the OpenAPI document
};

constexpr ScopeNeed kOwnAccount{};
constexpr ScopeNeed kOrganizationRead{"organization", Access::kRead};
constexpr ScopeNeed kBookingsWrite{"bookings", Access::kWrite};
constexpr ScopeNeed kBookingsRead{"bookings", Access::kRead};
constexpr ScopeNeed kReportsRead{"reports", Access::kRead};
constexpr ScopeNeed kRecordsRead{"records", Access::kRead};

constexpr OperationDoc kOpenapiDoc{
    "getOpenapiDocument",   "meta", "This OpenAPI document", "", 200, "The OpenAPI 3.1 document",
    R"({"type": "object"})"};
constexpr OperationDoc kMeDoc{"getMe",
                              "account",
                              "The user the token acts for, with the organisation and role",
                              "",
                              200,
                              "The token's user",
                              R"({"$ref": "#/components/schemas/Me"})"};
constexpr OperationDoc kOrganizationDoc{"getOrganization",
                                        "organization",
                                        "The token's organisation",
                                        "",
                                        200,
                                        "The organisation",
                                        R"({"$ref": "#/components/schemas/Organization"})"};
constexpr OperationDoc kMembersDoc{
    "listOrganizationMembers",
    "organization",
    "Colleagues in the token's organisation",
    "Members of the token's organisation, sorted by display name, without e-mail addresses. "
    "Suspended accounts are left out.",
    200,
    "The members",
    R"({"type": "array", "items": {"$ref": "#/components/schemas/Member"}})"};
constexpr OperationDoc kListTokensDoc{
    "listTokens",
    "tokens",
    "The caller's own API tokens",
    "Every token of the caller, in any organisation, newest first, revoked and expired ones "
    "included, with their scopes. The secret value is never shown again after creation; "
    "`prefix` recognises a token.",
    200,
    "The tokens",
    R"({"type": "array", "items": {"$ref": "#/components/schemas/Token"}})"};
constexpr OperationDoc kRevokeTokenDoc{
    "revokeToken",
    "tokens",
    "Revoke one of the caller's own tokens",
    "Takes effect on the next request, also when the token revokes itself. A token of another "
    "user, an unknown id and an already revoked token all answer 404.",
    204,
    "Revoked",
    "",
    "",
    R"j([{"name": "id", "in": "path", "required": true,
         "description": "The token's id (`id` in the token list)",
         "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j"};

constexpr OperationDoc kPublicDaysDoc{
    "listPublicDays",
    "public",
    "A published programme's open consultation days with free places",
    "No token. What the public booking page shows: the next days open for booking (at most "
    "60), each with its slots and the places still free. An unpublished or unknown programme "
    "answers 404. Book through the public booking page or, as a coordinator, the bookings API.",
    200,
    "The open days",
    R"({"$ref": "#/components/schemas/PublicDays"})",
    "",
    R"j([{"name": "id", "in": "path", "required": true,
         "description": "The programme's id (as in the public booking page /book/{id})",
         "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j"};

constexpr OperationDoc kCreateBookingDoc{
    "createBooking",
    "bookings",
    "Book a place for a caller (coordinators)",
    "For the programme's coordinators (事務局), e.g. a hospital's phone line or back office: "
    "the same as the day board's \"book for a caller\" form. The place is taken in the "
    "database (409 when the slot is full, also when another booking took the last place at the "
    "same moment); the person gets the confirmation e-mail, in `person_language`, when an "
    "e-mail address is given. Field rules and codes are those of the booking form.",
    201,
    "Booked",
    R"({"$ref": "#/components/schemas/BookingCreated"})",
    R"({"$ref": "#/components/schemas/BookingCreate"})",
    R"j([{"name": "id", "in": "path", "required": true,
         "description": "The programme's id",
         "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j",
    R"({"409": {"$ref": "#/components/responses/Conflict"}})"};

constexpr OperationDoc kCancelBookingDoc{
    "cancelBooking",
    "bookings",
    "Cancel a booking for the person (coordinators)",
    "The day board's cancel: the place goes back and is offered to the first person waiting, "
    "in the same transaction. Cancelling a cancelled booking changes nothing and answers 204 "
    "again, so a retry is safe; a booking that is no longer booked (attended, no-show) answers "
    "409 board.error.not_booked. A booking of another programme or organisation answers 404.",
    204,
    "Cancelled",
    "",
    "",
    R"j([{"name": "id", "in": "path", "required": true, "description": "The programme's id",
          "schema": {"type": "integer", "format": "int64", "minimum": 1}},
         {"name": "booking_id", "in": "path", "required": true,
          "description": "The booking's id (`id` of the booking answer)",
          "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j",
    R"({"409": {"$ref": "#/components/responses/Conflict"}})"};

// api-reads: clients, cases and referrals under the pages' RecordAccess rules (reads_docs.cpp).
constexpr ScopeNeed kCasesRead{"cases", Access::kRead};
constexpr ScopeNeed kEventsRead{"events", Access::kRead};
constexpr ScopeNeed kEventsWrite{"events", Access::kWrite};
constexpr OperationDoc kListBookingsDoc{
    "listBookings",
    "bookings",
    "A programme's bookings (coordinators)",
    "For the programme's coordinators (事務局): the bookings of its days, as the day board shows "
    "them to coordinators (names and contacts included; each page read is audited), ordered by "
    "day, slot time (the waiting list after the slots) and id, a page at a time. Filters: "
    "`from` and `to` (days, inclusive, YYYY-MM-DD; 400 api.list.date) and `status` (400 "
    "api.list.status). Another organisation's programme answers 404.",
    200,
    "A page of bookings",
    R"({"$ref": "#/components/schemas/BookingList"})",
    "",
    R"j([{"name": "id", "in": "path", "required": true, "description": "The programme's id",
          "schema": {"type": "integer", "format": "int64", "minimum": 1}},
         {"name": "from", "in": "query", "required": false,
          "description": "First day (inclusive)", "schema": {"type": "string", "format": "date"}},
         {"name": "to", "in": "query", "required": false,
          "description": "Last day (inclusive)", "schema": {"type": "string", "format": "date"}},
         {"name": "status", "in": "query", "required": false,
          "schema": {"$ref": "#/components/schemas/BookingStatus"}},
         {"$ref": "#/components/parameters/Limit"},
         {"$ref": "#/components/parameters/Cursor"}])j",
    R"({"400": {"$ref": "#/components/responses/BadQuery"}})"};

constexpr OperationDoc kYearlyFiguresDoc{
    "getYearlyFigures",
    "reports",
    "Yearly figures of the organisation's consultation programmes (coordinators)",
    "For coordinators (事務局): per programme of the token's organisation, the numbers of its "
    "yearly report page (/programs/{id}/report) for one fiscal year (年度, April to March): days "
    "held, consultations (attended bookings), placements, records, the target, and the "
    "distributions in code-table order. No person is named.",
    200,
    "The figures",
    R"({"$ref": "#/components/schemas/YearlyFigures"})",
    "",
    R"j([{"name": "year", "in": "query", "required": false,
          "description": "Fiscal year (2026 = April 2026 to March 2027); default the current one; outside 2000-2100 is 400 api.list.year",
          "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}},
         {"name": "program_id", "in": "query", "required": false,
          "description": "Only this programme (404 when it is not the organisation's)",
          "schema": {"type": "integer", "format": "int64", "minimum": 1}}])j",
    R"({"400": {"$ref": "#/components/responses/BadQuery"},
        "404": {"$ref": "#/components/responses/NotFound"}})"};

constexpr OperationDoc kListRecordsDoc{
    "listRecords",
    "records",
    "The organisation's consultation records",
    "For those who write records (counsellors, coordinators, admins; not viewers): the "
    "consultation records (相談記録) of the token organisation's programmes, also those written "
    "by partner staff on its days, never another organisation's. What the record page shows, "
    "the summary and the information given included; each record read is audited like an "
    "opened record page. Ordered by the consultation day, then id, a page at a time; `from` "
    "and `to` filter by the day (inclusive, YYYY-MM-DD; 400 api.list.date).",
    200,
    "A page of records",
    R"({"$ref": "#/components/schemas/RecordList"})",
    "",
    R"j([{"name": "from", "in": "query", "required": false,
          "description": "First consultation day (inclusive)",
          "schema": {"type": "string", "format": "date"}},
         {"name": "to", "in": "query", "required": false,
          "description": "Last consultation day (inclusive)",
          "schema": {"type": "string", "format": "date"}},
         {"$ref": "#/components/parameters/Limit"},
         {"$ref": "#/components/parameters/Cursor"}])j",
    R"({"400": {"$ref": "#/components/responses/BadQuery"}})"};

// The one list of API endpoints: AddRoutes, ApiRoutes and the OpenAPI document read it.
const Endpoint kEndpoints[] = {
    {"GET", "/api/v1/openapi.json", Permission::kPublic, kOwnAccount, &MakeOpenapi, kOpenapiDoc},
    {"GET", "/api/v1/me", Permission::kSignedIn, kOwnAccount, &MakeMe, kMeDoc},
    {"GET", "/api/v1/organization", Permission::kOrgMember, kOrganizationRead, &MakeOrganization,
     kOrganizationDoc},
    {"GET", "/api/v1/organization/members", Permission::kOrgMember, kOrganizationRead, &MakeMembers,
     kMembersDoc},
    // A token may always see and revoke its person's tokens: that only ever narrows access.
    {"GET", "/api/v1/tokens", Permission::kSignedIn, kOwnAccount, &MakeListTokens, kListTokensDoc},
    {"DELETE", "/api/v1/tokens/{id}", Permission::kSignedIn, kOwnAccount, &MakeRevokeToken,
     kRevokeTokenDoc},
    {"GET", "/api/v1/public/programs/{id}/days", Permission::kPublic, kOwnAccount, &MakePublicDays,
     kPublicDaysDoc},
    {"POST", "/api/v1/programs/{id}/bookings", Permission::kOrgCoordinate, kBookingsWrite,
     &MakeCreateBooking, kCreateBookingDoc},
    {"POST", "/api/v1/programs/{id}/bookings/{booking_id}/cancel", Permission::kOrgCoordinate,
     kBookingsWrite, &MakeCancelBooking, kCancelBookingDoc},
    // api-reads
    {"GET", "/api/v1/clients", Permission::kOrgCounsel, kCasesRead, &MakeListClients,
     kListClientsDoc},
    {"GET", "/api/v1/clients/{id}", Permission::kOrgCounsel, kCasesRead, &MakeGetClient,
     kGetClientDoc},
    {"GET", "/api/v1/cases", Permission::kOrgCounsel, kCasesRead, &MakeListCases, kListCasesDoc},
    {"GET", "/api/v1/cases/{id}", Permission::kOrgCounsel, kCasesRead, &MakeGetCase, kGetCaseDoc},
    {"GET", "/api/v1/referrals", Permission::kOrgCounsel, kCasesRead, &MakeListReferrals,
     kListReferralsDoc},
    {"GET", "/api/v1/referrals/{id}", Permission::kOrgCounsel, kCasesRead, &MakeGetReferral,
     kGetReferralDoc},
    {"GET", "/api/v1/public/events", Permission::kPublic, kOwnAccount, &MakePublicEvents,
     kPublicEventsDoc},
    {"GET", "/api/v1/events/{id}/registrations", Permission::kOrgCounsel, kEventsRead,
     &MakeListRegistrations, kListRegistrationsDoc},
    {"POST", "/api/v1/events/{id}/registrations", Permission::kOrgCounsel, kEventsWrite,
     &MakeCreateRegistration, kCreateRegistrationDoc},
    // Issue 17 point 4, second round (api-infra): lists for coordinators.
    {"GET", "/api/v1/programs/{id}/bookings", Permission::kOrgCoordinate, kBookingsRead,
     &MakeListBookings, kListBookingsDoc},
    {"GET", "/api/v1/reports/yearly", Permission::kOrgCoordinate, kReportsRead, &MakeYearlyFigures,
     kYearlyFiguresDoc},
    {"GET", "/api/v1/records", Permission::kOrgCounsel, kRecordsRead, &MakeListRecords,
     kListRecordsDoc},
};

// Problems and answers in the person's language unless the call asks for one (?lang= or
// Accept-Language), so an integrator's script without headers reads what its owner reads.
void UsePersonsLanguage(web::RequestContext& ctx) {
  if (!ctx.user || ctx.request.Query("lang") || ctx.request.Header("Accept-Language")) return;
  ctx.lang = ctx.user->language == "en" ? "en" : "ja";
}

// A GET answer's strong ETag (a hash of its bytes, so equal answers match on any server), and
// 304 without a body when the caller already holds it (If-None-Match, RFC 9110 §13.1.2). The
// handler still runs: the answer must be the current one to compare it.
http::Response WithEtag(const web::RequestContext& ctx, http::Response r) {
  const std::string etag = "\"" + crypto::HashToken(r.body).substr(0, 32) + "\"";
  r.headers.Set("ETag", etag);
  auto held = ctx.request.Header("If-None-Match");
  if (!held) return r;
  bool match = *held == "*";
  for (std::string_view rest = *held; !match && !rest.empty();) {
    const auto comma = rest.find(',');
    std::string_view one = rest.substr(0, comma);
    while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
    while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
    if (one.rfind("W/", 0) == 0) one.remove_prefix(2);  // weak comparison for GET
    match = one == etag;
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  if (!match) return r;
  http::Response not_modified;
  not_modified.status = 304;
  not_modified.headers.Set("ETag", etag);
  if (auto cache = r.headers.Get("Cache-Control")) {
    not_modified.headers.Set("Cache-Control", std::string(*cache));
  }
  return not_modified;
}

// The handler behind the scope check. Null (the server refuses to start) when the handler is
// missing or the declaration is inconsistent: a scope on a public route, or an unknown domain.
app::RouteHandler Guarded(const Endpoint& e, app::Services& sv,
                          const std::shared_ptr<TokenRateLimit>& limit,
                          const std::shared_ptr<IdempotencyStore>& keys) {
  app::RouteHandler inner = e.make(sv);
  if (!inner) return nullptr;
  const bool needs_scope = !e.scope.domain.empty() || e.scope.access != Access::kNone;
  if (needs_scope && (!IsScopeDomain(e.scope.domain) || e.scope.access == Access::kNone ||
                      e.permission == Permission::kPublic)) {
    return nullptr;
  }
  return [&sv, limit, keys, need = e.scope, inner = std::move(inner)](web::RequestContext& ctx) {
    UsePersonsLanguage(ctx);
    if (ctx.principal && ctx.principal->via_api_token) {
      auto auth = ctx.request.Header("Authorization");
      // Keyed by the token's hash: the raw token is never kept.
      const std::string key = crypto::HashToken(auth ? *auth : std::string_view());
      if (const int wait = limit->Take(key); wait > 0) {
        auto r = ProblemResponse(sv.catalog, ctx.lang, 429, "api.error.rate_limited");
        r.headers.Set("Retry-After", std::to_string(wait));
        return r;
      }
    }
    if (!need.domain.empty() && ctx.principal && ctx.principal->via_api_token) {
      auto auth = ctx.request.Header("Authorization");
      auto scopes = ScopesOfToken(sv.db, auth ? std::string(auth->substr(7)) : std::string());
      if (!scopes) return ProblemFor(sv.catalog, ctx.lang, scopes.error());
      if (!scopes->Allows(need.domain, need.access)) {
        boost::json::value body = ProblemBody(sv.catalog, ctx.lang, 403, "api.error.scope");
        body.as_object()["required_scope"] = ScopeName(need);
        return http::Response::Json(403, ToJson(body), "application/problem+json");
      }
    }
    // Keys are per token; a POST without one runs as before.
    if (ctx.request.method == "POST" && ctx.principal && ctx.principal->via_api_token) {
      if (auto key = ctx.request.Header("Idempotency-Key")) {
        auto auth = ctx.request.Header("Authorization");
        const std::string raw = auth ? std::string(auth->substr(7)) : std::string();
        return RunIdempotent(sv, *keys, ctx, raw, *key, inner);
      }
    }
    http::Response r = inner(ctx);
    if (ctx.request.method == "GET" && r.status == 200) return WithEtag(ctx, std::move(r));
    return r;
  };
}

}  // namespace

void AddRoutes(app::Router& router, app::Services& services) {
  // One count for the routes of this server, shared by their handlers.
  auto limit = std::make_shared<TokenRateLimit>(services.clock);
  auto keys = std::make_shared<IdempotencyStore>(services.db, services.clock);
  for (const auto& e : kEndpoints) {
    router.Add(
        {e.method, e.pattern, e.permission, Guarded(e, services, limit, keys), /*api=*/true});
  }
}

std::vector<ApiRoute> ApiRoutes() {
  std::vector<ApiRoute> out;
  for (const auto& e : kEndpoints)
    out.push_back({e.method, e.pattern, e.permission, e.scope, e.doc});
  return out;
}

std::vector<std::string> ApiPaths() {
  std::vector<std::string> out;
  for (const auto& e : kEndpoints) {
    if (std::find(out.begin(), out.end(), e.pattern) == out.end()) out.emplace_back(e.pattern);
  }
  return out;
}

}  // namespace tsunagu::api::handlers
