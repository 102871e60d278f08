// Monitoring settings (docs/operations.md "Monitoring"), read from the same file as Config
// but kept out of config.hpp, which nearly every file includes: only `serve` needs them.
//
//   [metrics]
//   listen = "127.0.0.1:9464"   # GET /metrics here, never on [server] listen; empty: off
//   token = "…"                 # when set, the scrape must send "Authorization: Bearer …"
//   [log]
//   level = "info"              # trace, debug, info, warn, error, off (Config::log_level)
//   format = "text"             # or "json": one JSON object a line
//
// Environment: TSUNAGU_METRICS_LISTEN, TSUNAGU_METRICS_TOKEN, TSUNAGU_LOG_FORMAT.
#pragma once

#include <filesystem>
#include <string>

#include "core/config.hpp"
#include "core/result.hpp"

namespace tsunagu::core {

struct MonitoringConfig {
  std::string metrics_listen;
  std::string metrics_token;
  std::string log_format = "text";
};

// Reads the file when it exists, then the environment, and checks the result against the
// loaded configuration (the metrics address differs from the public one; the log level is
// one spdlog knows).
Result<MonitoringConfig> LoadMonitoringConfig(const std::filesystem::path& file,
                                              const Config& config);

}  // namespace tsunagu::core
