#include "app/body_limits.hpp"

#include <string_view>

namespace tsunagu::app {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::size_t BodyLimitFor(const core::Config& config, const http::Request& request) {
  if (request.method == "POST" &&
      (EndsWith(request.path, "/documents") || EndsWith(request.path, "/form"))) {
    return kUploadBodyBytes;
  }
  return config.server.max_body_bytes;
}

}  // namespace tsunagu::app
