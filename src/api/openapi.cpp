#include "api/openapi.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

namespace tsunagu::api {

namespace {

boost::json::value Ref(std::string_view where, std::string_view name) {
  return boost::json::object{
      {"$ref", "#/components/" + std::string(where) + "/" + std::string(name)}};
}

std::optional<boost::json::value> ParseText(std::string_view text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::vector<std::string> PathSegments(const std::string& pattern) {
  std::vector<std::string> out;
  for (auto open = pattern.find('{'); open != std::string::npos;
       open = pattern.find('{', open + 1)) {
    out.push_back(pattern.substr(open + 1, pattern.find('}', open) - open - 1));
  }
  return out;
}

bool Declares(const boost::json::array& params, const std::string& name) {
  return std::any_of(params.begin(), params.end(), [&](const boost::json::value& p) {
    const auto* o = p.if_object();
    return o && o->contains("name") && o->at("name") == name.c_str() && o->contains("in") &&
           o->at("in") == "path";
  });
}

core::Result<boost::json::object> BuildOperation(const Operation& op) {
  const OperationDoc& d = op.doc;
  const std::string where = op.method + " " + op.pattern;
  if (d.operation_id.empty() || d.summary.empty() || d.success_description.empty()) {
    return core::Error::Invalid("OpenAPI: " + where + " lacks its operationId or summary");
  }
  boost::json::object o;
  o["operationId"] = d.operation_id;
  if (!d.tag.empty()) o["tags"] = boost::json::array{boost::json::string(d.tag)};
  o["summary"] = d.summary;
  if (!d.description.empty()) o["description"] = d.description;
  const bool is_public = op.permission == auth::Permission::kPublic;
  const std::string scope = ScopeName(op.scope);
  if (is_public) {
    o["security"] = boost::json::array();
  } else if (!scope.empty()) {
    o["security"] = boost::json::array{
        boost::json::object{{"bearerAuth", boost::json::array{boost::json::string(scope)}}}};
  }

  boost::json::array params;
  if (!d.parameters.empty()) {
    auto parsed = ParseText(d.parameters);
    if (!parsed || !parsed->is_array()) {
      return core::Error::Invalid("OpenAPI: " + where + " parameters are not a JSON array");
    }
    params = parsed->as_array();
  }
  boost::json::array all;
  for (const auto& name : PathSegments(op.pattern)) {
    if (Declares(params, name)) continue;
    all.push_back(boost::json::object{
        {"name", name},
        {"in", "path"},
        {"required", true},
        {"schema", boost::json::object{{"type", "integer"}, {"format", "int64"}, {"minimum", 1}}}});
  }
  for (auto& p : params) all.push_back(std::move(p));
  if (!is_public) {
    all.push_back(Ref("parameters", "Lang"));
    all.push_back(Ref("parameters", "AcceptLanguage"));
  }
  if (op.method == "GET") all.push_back(Ref("parameters", "IfNoneMatch"));
  const bool keyed = op.method == "POST" && !is_public;  // Idempotency-Key (api/idempotency.hpp)
  if (keyed) all.push_back(Ref("parameters", "IdempotencyKey"));
  if (!all.empty()) o["parameters"] = std::move(all);

  if (!d.request_schema.empty()) {
    auto schema = ParseText(d.request_schema);
    if (!schema) return core::Error::Invalid("OpenAPI: " + where + " request schema");
    o["requestBody"] = boost::json::object{
        {"required", true},
        {"content",
         boost::json::object{{"application/json", boost::json::object{{"schema", *schema}}}}}};
  }

  boost::json::object responses;
  boost::json::object success{{"description", d.success_description}};
  if (!d.response_schema.empty()) {
    auto schema = ParseText(d.response_schema);
    if (!schema) return core::Error::Invalid("OpenAPI: " + where + " response schema");
    success["content"] =
        boost::json::object{{"application/json", boost::json::object{{"schema", *schema}}}};
  }
  responses[std::to_string(d.success)] = std::move(success);
  // Every GET answer carries an ETag; sent back in If-None-Match, an unchanged one is 304.
  if (op.method == "GET") {
    responses[std::to_string(d.success)].as_object()["headers"] =
        boost::json::object{{"ETag", Ref("headers", "ETag")}};
    responses["304"] = Ref("responses", "NotModified");
  }
  // What the dispatcher answers before or around the handler (app::App::Dispatch).
  if (!is_public) {
    responses["401"] = Ref("responses", "Unauthorized");
    responses["429"] = Ref("responses", "TooManyRequests");
    if (!scope.empty() || op.permission != auth::Permission::kSignedIn) {
      responses["403"] = Ref("responses", "Forbidden");
    }
    if (!d.request_schema.empty() || keyed) {
      responses["400"] = Ref("responses", "BadRequest");
      responses["422"] = Ref("responses", "Invalid");
    }
    // Another request with the same Idempotency-Key is still running.
    if (keyed) responses["409"] = Ref("responses", "Conflict");
  }
  if (!PathSegments(op.pattern).empty()) responses["404"] = Ref("responses", "NotFound");
  if (!d.responses.empty()) {
    auto extra = ParseText(d.responses);
    if (!extra || !extra->is_object()) {
      return core::Error::Invalid("OpenAPI: " + where + " responses are not a JSON object");
    }
    for (const auto& [status, response] : extra->as_object()) responses[status] = response;
  }
  responses["500"] = Ref("responses", "InternalError");
  if (!is_public) responses["503"] = Ref("responses", "Unavailable");
  o["responses"] = std::move(responses);
  return o;
}

}  // namespace

core::Result<boost::json::value> BuildOpenapi(boost::json::value base,
                                              const std::vector<Operation>& operations) {
  if (!base.is_object()) return core::Error::Invalid("OpenAPI: the base is not a JSON object");
  boost::json::object paths;
  for (const auto& op : operations) {
    auto built = BuildOperation(op);
    if (!built) return built.error();
    auto& item = paths[op.pattern];
    if (!item.is_object()) item = boost::json::object();
    item.as_object()[Lower(op.method)] = std::move(*built);
  }
  base.as_object()["paths"] = std::move(paths);
  return base;
}

}  // namespace tsunagu::api
