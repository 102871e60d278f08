#include "core/monitoring_config.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <set>

namespace tsunagu::core {
namespace {

Error ConfigError(const std::string& what) {
  return Error{ErrorCode::kInvalidInput, "config: " + what, {}};
}

void EnvOverride(const char* name, std::string& out) {
  if (const char* v = std::getenv(name); v && *v) out = v;
}

}  // namespace

Result<MonitoringConfig> LoadMonitoringConfig(const std::filesystem::path& file,
                                              const Config& config) {
  MonitoringConfig m;
  if (!file.empty() && std::filesystem::exists(file)) {
    toml::table root;
    try {
      root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
      return ConfigError(file.string() + ": " + std::string(e.description()));
    }
    if (auto* s = root["metrics"].as_table()) {
      if (auto v = (*s)["listen"].value<std::string>()) m.metrics_listen = *v;
      if (auto v = (*s)["token"].value<std::string>()) m.metrics_token = *v;
    }
    if (auto* s = root["log"].as_table()) {
      if (auto v = (*s)["format"].value<std::string>()) m.log_format = *v;
    }
  }
  EnvOverride("TSUNAGU_METRICS_LISTEN", m.metrics_listen);
  EnvOverride("TSUNAGU_METRICS_TOKEN", m.metrics_token);
  EnvOverride("TSUNAGU_LOG_FORMAT", m.log_format);

  if (m.log_format != "text" && m.log_format != "json") {
    return ConfigError("[log] format must be \"text\" or \"json\"");
  }
  static const std::set<std::string> kLevels = {"trace", "debug", "info", "warn", "error", "off"};
  if (!kLevels.count(config.log_level)) {
    return ConfigError("[log] level must be one of trace, debug, info, warn, error, off");
  }
  if (!m.metrics_listen.empty()) {
    auto metrics = ParseListen(m.metrics_listen);
    if (!metrics) {
      return ConfigError("[metrics] listen must be HOST:PORT, e.g. \"127.0.0.1:9464\"");
    }
    // Port 0 (tests) picks a free port, so two of them never meet.
    auto server = ParseListen(config.server.listen);
    if (server && metrics->second != 0 && *metrics == *server) {
      return ConfigError(
          "[metrics] listen must differ from [server] listen: /metrics is never served on the "
          "public address");
    }
  }
  return m;
}

}  // namespace tsunagu::core
