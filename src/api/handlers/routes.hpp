// The JSON API under /api/v1/: bearer tokens, problem+json errors (app::App::Dispatch).
#pragma once

#include <string>
#include <vector>

#include "api/openapi.hpp"
#include "api/scopes.hpp"
#include "app/router.hpp"
#include "app/services.hpp"
#include "auth/policy.hpp"
#include "core/result.hpp"

namespace tsunagu::api::handlers {

void AddRoutes(app::Router& router, app::Services& services);

// The API routes AddRoutes registers, without handlers, with their documentation: the OpenAPI
// document is built from them, and tests call each one.
using ApiRoute = Operation;
std::vector<ApiRoute> ApiRoutes();
std::vector<std::string> ApiPaths();  // distinct patterns, in registration order

// The OpenAPI document: the base at `path` (web/openapi/base.json) with the paths built from
// ApiRoutes() and `servers` set to `public_url`, as compact JSON text (what GET
// /api/v1/openapi.json serves).
core::Result<std::string> LoadOpenapiDocument(const std::string& path,
                                              const std::string& public_url);

}  // namespace tsunagu::api::handlers
