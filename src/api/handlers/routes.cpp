#include "api/handlers/routes.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "api/json.hpp"

namespace tsunagu::api::handlers {

// Each builds the handler of one endpoint (one file per resource). A null handler makes
// Router::Validate refuse to start the server.
app::RouteHandler MakeOpenapi(app::Services& sv);
app::RouteHandler MakeMe(app::Services& sv);
app::RouteHandler MakeOrganization(app::Services& sv);
app::RouteHandler MakeMembers(app::Services& sv);
app::RouteHandler MakeListTokens(app::Services& sv);
app::RouteHandler MakeRevokeToken(app::Services& sv);

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
};

constexpr ScopeNeed kOwnAccount{};
constexpr ScopeNeed kOrganizationRead{"organization", Access::kRead};

// The one list of API endpoints: AddRoutes and ApiRoutes both read it.
constexpr Endpoint kEndpoints[] = {
    {"GET", "/api/v1/openapi.json", Permission::kPublic, kOwnAccount, &MakeOpenapi},
    {"GET", "/api/v1/me", Permission::kSignedIn, kOwnAccount, &MakeMe},
    {"GET", "/api/v1/organization", Permission::kOrgMember, kOrganizationRead, &MakeOrganization},
    {"GET", "/api/v1/organization/members", Permission::kOrgMember, kOrganizationRead,
     &MakeMembers},
    // A token may always see and revoke its person's tokens: that only ever narrows access.
    {"GET", "/api/v1/tokens", Permission::kSignedIn, kOwnAccount, &MakeListTokens},
    {"DELETE", "/api/v1/tokens/{id}", Permission::kSignedIn, kOwnAccount, &MakeRevokeToken},
};

// Problems and answers in the person's language unless the call asks for one (?lang= or
// Accept-Language), so an integrator's script without headers reads what its owner reads.
void UsePersonsLanguage(web::RequestContext& ctx) {
  if (!ctx.user || ctx.request.Query("lang") || ctx.request.Header("Accept-Language")) return;
  ctx.lang = ctx.user->language == "en" ? "en" : "ja";
}

// The handler behind the scope check. Null (the server refuses to start) when the handler is
// missing or the declaration is inconsistent: a scope on a public route, or an unknown domain.
app::RouteHandler Guarded(const Endpoint& e, app::Services& sv) {
  app::RouteHandler inner = e.make(sv);
  if (!inner) return nullptr;
  const bool needs_scope = !e.scope.domain.empty() || e.scope.access != Access::kNone;
  if (needs_scope && (!IsScopeDomain(e.scope.domain) || e.scope.access == Access::kNone ||
                      e.permission == Permission::kPublic)) {
    return nullptr;
  }
  return [&sv, need = e.scope, inner = std::move(inner)](web::RequestContext& ctx) {
    UsePersonsLanguage(ctx);
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
    return inner(ctx);
  };
}

}  // namespace

void AddRoutes(app::Router& router, app::Services& services) {
  for (const auto& e : kEndpoints) {
    router.Add({e.method, e.pattern, e.permission, Guarded(e, services), /*api=*/true});
  }
}

std::vector<ApiRoute> ApiRoutes() {
  std::vector<ApiRoute> out;
  for (const auto& e : kEndpoints) out.push_back({e.method, e.pattern, e.permission, e.scope});
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
