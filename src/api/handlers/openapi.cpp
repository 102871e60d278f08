// GET /api/v1/openapi.json: the OpenAPI 3.1 document, built once at start from the route list.
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"

namespace tsunagu::api::handlers {

core::Result<std::string> LoadOpenapiDocument(const std::string& path,
                                              const std::string& public_url) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error::Invalid("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value base = boost::json::parse(text.str(), ec);
  if (ec || !base.is_object()) return core::Error::Invalid(path + " is not a JSON object");
  auto built = BuildOpenapi(std::move(base), ApiRoutes());
  if (!built) return built.error();
  boost::json::value doc = std::move(*built);
  // Absolute server URL so tools that fetch the document elsewhere still call this server.
  doc.as_object()["servers"] = boost::json::array{boost::json::object{{"url", public_url}}};
  return ToJson(doc);
}

app::RouteHandler MakeOpenapi(app::Services& sv) {
  const std::string path = sv.config.web_dir + "/openapi/base.json";
  auto doc = LoadOpenapiDocument(path, sv.config.server.public_url);
  if (!doc) {
    spdlog::error("OpenAPI document: {}", doc.error().message_key);
    return nullptr;  // the server refuses to start rather than serve an API without its contract
  }
  return [body = std::move(*doc)](web::RequestContext&) {
    auto r = http::Response::Json(200, body);
    // The same for everyone and holds no personal data.
    r.headers.Set("Cache-Control", "public, max-age=3600");
    return r;
  };
}

}  // namespace tsunagu::api::handlers
