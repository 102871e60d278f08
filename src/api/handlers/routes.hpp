// The JSON API under /api/v1/: bearer tokens, problem+json errors (app::App::Dispatch).
#pragma once

#include <string>
#include <vector>

#include "api/scopes.hpp"
#include "app/router.hpp"
#include "app/services.hpp"
#include "auth/policy.hpp"
#include "core/result.hpp"

namespace tsunagu::api::handlers {

void AddRoutes(app::Router& router, app::Services& services);

// The API routes AddRoutes registers, without handlers: a test compares them with the
// OpenAPI document (web/openapi/openapi.json) so the two cannot drift apart.
struct ApiRoute {
  std::string method;
  std::string pattern;
  auth::Permission permission;
  ScopeNeed scope;  // what a token needs besides the permission (empty domain: nothing)
};
std::vector<ApiRoute> ApiRoutes();
std::vector<std::string> ApiPaths();  // distinct patterns, in registration order

// The OpenAPI document at `path`, checked to be a JSON object, with `servers` set to
// `public_url`, as compact JSON text (what GET /api/v1/openapi.json serves).
core::Result<std::string> LoadOpenapiDocument(const std::string& path,
                                              const std::string& public_url);

}  // namespace tsunagu::api::handlers
