#include "ops/log_format.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "http/message.hpp"

namespace tsunagu::ops {
namespace {

thread_local RequestLog* current_request = nullptr;

void AppendEscaped(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
}

class JsonFormatter : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line;
    line.reserve(160 + msg.payload.size());
    const auto since_epoch = msg.time.time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
    const std::time_t t = seconds.count();
    std::tm tm{};
    gmtime_r(&t, &tm);
    char ts[64];  // room for any int the compiler sees, not only a calendar's
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(millis));
    line += "{\"ts\":\"";
    line += ts;
    line += "\",\"level\":\"";
    const auto level = spdlog::level::to_string_view(msg.level);
    line.append(level.data(), level.size());
    line += "\",\"msg\":";
    AppendJsonString(line, std::string_view(msg.payload.data(), msg.payload.size()));
    if (const RequestLog* r = current_request) {
      line += ",\"request_id\":";
      AppendJsonString(line, r->request_id);
      line += ",\"route\":";
      AppendJsonString(line, r->route);
      line += ",\"method\":";
      AppendJsonString(line, r->method);
      if (r->status > 0) {
        line += ",\"status\":";
        line += std::to_string(r->status);
      }
      if (r->ms >= 0) {
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.3f", r->ms);
        line += ",\"ms\":";
        line += ms;
      }
    }
    line += "}\n";
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

}  // namespace

RequestLogScope::RequestLogScope(RequestLog& log) : saved_(current_request) {
  current_request = &log;
}
RequestLogScope::~RequestLogScope() {
  current_request = saved_;
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  if (http::IsValidUtf8(text)) {
    AppendEscaped(out, text);
  } else {
    // Not UTF-8 (an exception's text can carry anything): ASCII kept, the rest replaced.
    for (char ch : text) {
      if (static_cast<unsigned char>(ch) < 0x80) {
        AppendEscaped(out, std::string_view(&ch, 1));
      } else {
        out += "\xEF\xBF\xBD";
      }
    }
  }
  out += '"';
}

std::unique_ptr<spdlog::formatter> MakeJsonFormatter() {
  return std::make_unique<JsonFormatter>();
}

void ConfigureLogging(const std::string& level, const std::string& format) {
  spdlog::set_level(spdlog::level::from_str(level));
  if (format == "json") spdlog::set_formatter(MakeJsonFormatter());
}

void LogAccess(RequestLog& log, int status, double ms) {
  log.status = status;
  log.ms = ms;
  spdlog::info("access id={} {} {} status={} ms={:.3f}", log.request_id, log.method, log.route,
               status, ms);
}

}  // namespace tsunagu::ops
