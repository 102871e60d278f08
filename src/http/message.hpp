// Beast-free request and response types: everything outside src/http/ sees only these,
// so only the server's translation unit pays for Beast's compile time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/event_stream.hpp"

namespace tsunagu::http {

// Header names compare case-insensitively (RFC 9110 §5.1).
class Headers {
 public:
  void Add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
  void Set(std::string_view name, std::string value);
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  std::string method;                              // upper-case, as received
  std::string target;                              // raw request target, e.g. "/login?lang=en"
  std::string path;                                // decoded path without query
  std::multimap<std::string, std::string> query;   // decoded query parameters
  std::map<std::string, std::string> path_params;  // filled by the router
  Headers headers;
  std::string body;
  std::string remote_address;  // textual IP of the peer
  bool secure = false;         // true when served over TLS or behind a trusted TLS proxy

  std::optional<std::string> Query(std::string_view name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
  std::optional<std::string_view> Header(std::string_view name) const { return headers.Get(name); }
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // When set, the server streams this file instead of body (static files).
  std::string file_path;
  // When set (with status 200), the server sends the headers and then the stream's events as
  // they are queued, until either side closes it; body is ignored.
  std::shared_ptr<EventStream> stream;

  static Response Text(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");
  static Response Html(int status, std::string body);
  static Response Json(int status, std::string body, std::string content_type = "application/json");
  static Response Redirect(std::string location, int status = 303);
};

// Parses an application/x-www-form-urlencoded body. Returns nullopt on malformed
// percent-encoding or invalid UTF-8, so callers can answer 400 instead of guessing.
std::optional<std::multimap<std::string, std::string>> ParseForm(std::string_view body);

// Percent-decodes; '+' becomes a space when plus_is_space. nullopt on a bad escape.
std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space);
std::string PercentEncode(std::string_view in);

bool IsValidUtf8(std::string_view s);

}  // namespace tsunagu::http
