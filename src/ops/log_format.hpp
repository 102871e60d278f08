// The server's log: spdlog's default logger, as text lines or JSON lines ([log] format), with
// the request being answered on the thread (its id and route pattern) on every JSON line.
// Nothing personal is ever passed to it: no paths, query strings, bodies, names or addresses.
#pragma once

#include <spdlog/formatter.h>

#include <memory>
#include <string>
#include <string_view>

namespace tsunagu::ops {

// What the log lines written while a request is answered carry (JSON fields request_id,
// route, method; status and ms once the answer is known, on the access line).
struct RequestLog {
  std::string_view request_id;
  std::string_view route;
  std::string_view method;
  int status = 0;
  double ms = -1;
};

// Makes `log` the current request of this thread for the scope's lifetime.
class RequestLogScope {
 public:
  explicit RequestLogScope(RequestLog& log);
  ~RequestLogScope();
  RequestLogScope(const RequestLogScope&) = delete;
  RequestLogScope& operator=(const RequestLogScope&) = delete;

 private:
  RequestLog* saved_;
};

// One JSON object a line: ts (UTC, milliseconds), level, msg, and the current request's
// request_id, route, method, status and ms when there is one.
std::unique_ptr<spdlog::formatter> MakeJsonFormatter();

// Applies [log] level and format to the default logger (`serve`).
void ConfigureLogging(const std::string& level, const std::string& format);

// The access line of one answered request: "access id=ID METHOD ROUTE status=S ms=M".
void LogAccess(RequestLog& log, int status, double ms);

// JSON string escaping (quotes, backslashes, control characters; bytes that are not UTF-8
// become U+FFFD).
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace tsunagu::ops
