// The OpenAPI 3.1 document built from the API's route list: each route carries its operation's
// text and schemas (OperationDoc); web/openapi/base.json holds what no route owns (info, tags,
// components). The error responses follow from the route's permission, scope and pattern, so
// the document says what the dispatcher actually does.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api/scopes.hpp"
#include "auth/policy.hpp"
#include "core/result.hpp"

namespace tsunagu::api {

struct OperationDoc {
  std::string_view operation_id;
  std::string_view tag;
  std::string_view summary;
  std::string_view description;  // optional
  int success = 200;
  std::string_view success_description;
  // JSON Schema texts (usually {"$ref": "#/components/schemas/…"}); empty: no body.
  std::string_view response_schema;
  std::string_view request_schema;
  // JSON array text of the operation's own parameters (query ones, and path ones with their
  // descriptions); a {segment} of the pattern not named here is documented as an integer id.
  std::string_view parameters;
  // JSON object text of further responses the handler gives ({"409": {"$ref": …}}).
  std::string_view responses;
};

struct Operation {
  std::string method;
  std::string pattern;
  auth::Permission permission;
  ScopeNeed scope;
  OperationDoc doc;
};

// `base` with its "paths" filled from `operations`; an operation without id, summary or success
// description, or with a JSON text that does not parse, is an error naming it.
core::Result<boost::json::value> BuildOpenapi(boost::json::value base,
                                              const std::vector<Operation>& operations);

}  // namespace tsunagu::api
