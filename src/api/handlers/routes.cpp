#include "api/handlers/routes.hpp"

#include <algorithm>

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
  app::RouteHandler (*make)(app::Services&);
};

// The one list of API endpoints: AddRoutes and ApiRoutes both read it.
constexpr Endpoint kEndpoints[] = {
    {"GET", "/api/v1/openapi.json", Permission::kPublic, &MakeOpenapi},
    {"GET", "/api/v1/me", Permission::kSignedIn, &MakeMe},
    {"GET", "/api/v1/organization", Permission::kOrgMember, &MakeOrganization},
    {"GET", "/api/v1/organization/members", Permission::kOrgMember, &MakeMembers},
    {"GET", "/api/v1/tokens", Permission::kSignedIn, &MakeListTokens},
    {"DELETE", "/api/v1/tokens/{id}", Permission::kSignedIn, &MakeRevokeToken},
};

}  // namespace

void AddRoutes(app::Router& router, app::Services& services) {
  for (const auto& e : kEndpoints) {
    router.Add({e.method, e.pattern, e.permission, e.make(services), /*api=*/true});
  }
}

std::vector<ApiRoute> ApiRoutes() {
  std::vector<ApiRoute> out;
  for (const auto& e : kEndpoints) out.push_back({e.method, e.pattern, e.permission});
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
