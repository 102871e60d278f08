#include "core/config.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <map>
#include <set>

#include "core/ip_range.hpp"

namespace tsunagu::core {

const std::string& SourceDir() {
  static const std::string dir = TSUNAGU_SOURCE_DIR;
  return dir;
}

namespace {

Error ConfigError(const std::string& what) {
  // Config errors go to the operator's terminal; the key names no personal data.
  return Error{ErrorCode::kInvalidInput, "config: " + what, {}};
}

template <typename T>
void Read(const toml::table& t, const char* key, T& out) {
  if (auto v = t[key].value<T>()) out = *v;
}

Status CheckKeys(const toml::table& t, const std::string& section,
                 const std::set<std::string>& allowed) {
  for (const auto& [k, _] : t) {
    if (!allowed.count(std::string(k.str()))) {
      return ConfigError("unknown key '" + std::string(k.str()) + "' in [" + section + "]");
    }
  }
  return OkStatus();
}

void EnvOverride(const char* name, std::string& out) {
  if (const char* v = std::getenv(name); v && *v) out = v;
}

Status CheckTrustedProxies(const std::vector<std::string>& entries) {
  for (const auto& e : entries) {
    if (!IpRange::Parse(e)) {
      return ConfigError("[server] trusted_proxies: '" + e +
                         "' is not an IP address or CIDR range such as \"10.0.0.0/8\" or "
                         "\"2001:db8::/32\"");
    }
  }
  return OkStatus();
}

}  // namespace

Result<Config> LoadConfig(const std::filesystem::path& file, bool file_required) {
  Config c;
  if (!file.empty() && std::filesystem::exists(file)) {
    toml::table root;
    try {
      root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
      return ConfigError(file.string() + ": " + std::string(e.description()));
    }
    static const std::map<std::string, std::set<std::string>> kAllowed = {
        {"server",
         {"listen", "public_url", "cookie_secure", "worker_threads", "max_body_bytes",
          "trusted_proxies", "public_cache_seconds"}},
        {"database", {"url", "pool_size"}},
        {"mail", {"smtp_url", "from", "username", "password"}},
        {"security",
         {"key_file", "session_idle_minutes", "session_absolute_hours", "invitation_valid_hours",
          "lockout_threshold", "lockout_minutes", "public_form_limit", "public_form_window_minutes",
          "public_bookings_per_address_day", "fast_password_hashing"}},
        {"live", {"recheck_seconds", "max_stream_seconds", "max_streams_per_user"}},
        {"paths", {"web_dir", "data_dir"}},
        // [log] format and [metrics] are read by LoadMonitoringConfig (monitoring_config.hpp).
        {"log", {"level", "format"}},
        {"metrics", {"listen", "token"}},
    };
    for (const auto& [k, v] : root) {
      auto it = kAllowed.find(std::string(k.str()));
      if (it == kAllowed.end() || !v.is_table()) {
        return ConfigError("unknown section [" + std::string(k.str()) + "]");
      }
      if (auto s = CheckKeys(*v.as_table(), it->first, it->second); !s) return s.error();
    }
    if (auto* s = root["server"].as_table()) {
      Read(*s, "listen", c.server.listen);
      Read(*s, "public_url", c.server.public_url);
      Read(*s, "cookie_secure", c.server.cookie_secure);
      std::int64_t n = c.server.worker_threads;
      Read(*s, "worker_threads", n);
      c.server.worker_threads = static_cast<int>(n);
      std::int64_t body = static_cast<std::int64_t>(c.server.max_body_bytes);
      Read(*s, "max_body_bytes", body);
      c.server.max_body_bytes = static_cast<std::size_t>(body);
      std::int64_t cache = c.server.public_cache_seconds;
      Read(*s, "public_cache_seconds", cache);
      if (cache < 0 || cache > 3600) {
        return ConfigError("[server] public_cache_seconds must be between 0 and 3600");
      }
      c.server.public_cache_seconds = static_cast<int>(cache);
      if (auto node = (*s)["trusted_proxies"]) {
        const auto* list = node.as_array();
        if (!list) return ConfigError("[server] trusted_proxies must be a list of strings");
        for (const auto& item : *list) {
          auto text = item.value<std::string>();
          if (!text) return ConfigError("[server] trusted_proxies must be a list of strings");
          c.server.trusted_proxies.push_back(*text);
        }
      }
    }
    if (auto* s = root["database"].as_table()) {
      Read(*s, "url", c.database.url);
      std::int64_t n = c.database.pool_size;
      Read(*s, "pool_size", n);
      c.database.pool_size = static_cast<int>(n);
    }
    if (auto* s = root["mail"].as_table()) {
      Read(*s, "smtp_url", c.mail.smtp_url);
      Read(*s, "from", c.mail.from);
      Read(*s, "username", c.mail.username);
      Read(*s, "password", c.mail.password);
    }
    if (auto* s = root["security"].as_table()) {
      Read(*s, "key_file", c.security.key_file);
      auto read_int = [&](const char* key, int& out) {
        std::int64_t n = out;
        Read(*s, key, n);
        out = static_cast<int>(n);
      };
      read_int("session_idle_minutes", c.security.session_idle_minutes);
      read_int("session_absolute_hours", c.security.session_absolute_hours);
      read_int("invitation_valid_hours", c.security.invitation_valid_hours);
      read_int("lockout_threshold", c.security.lockout_threshold);
      read_int("lockout_minutes", c.security.lockout_minutes);
      read_int("public_form_limit", c.security.public_form_limit);
      read_int("public_form_window_minutes", c.security.public_form_window_minutes);
      read_int("public_bookings_per_address_day", c.security.public_bookings_per_address_day);
      Read(*s, "fast_password_hashing", c.security.fast_password_hashing);
    }
    if (auto* s = root["live"].as_table()) {
      for (auto [key, out] : {std::pair{"recheck_seconds", &c.live.recheck_seconds},
                              std::pair{"max_stream_seconds", &c.live.max_stream_seconds},
                              std::pair{"max_streams_per_user", &c.live.max_streams_per_user}}) {
        std::int64_t n = *out;
        Read(*s, key, n);
        *out = static_cast<int>(n);
      }
    }
    if (auto* s = root["paths"].as_table()) {
      Read(*s, "web_dir", c.web_dir);
      Read(*s, "data_dir", c.data_dir);
    }
    if (auto* s = root["log"].as_table()) Read(*s, "level", c.log_level);
  } else if (file_required) {
    return ConfigError("config file not found: " + file.string());
  }

  EnvOverride("TSUNAGU_DB", c.database.url);
  EnvOverride("TSUNAGU_LISTEN", c.server.listen);
  EnvOverride("TSUNAGU_PUBLIC_URL", c.server.public_url);
  EnvOverride("TSUNAGU_KEY_FILE", c.security.key_file);
  EnvOverride("TSUNAGU_SMTP_URL", c.mail.smtp_url);
  EnvOverride("TSUNAGU_MAIL_FROM", c.mail.from);
  EnvOverride("TSUNAGU_WEB_DIR", c.web_dir);
  EnvOverride("TSUNAGU_LOG_LEVEL", c.log_level);
  // A comma-separated list, for containers configured by environment alone.
  if (const char* v = std::getenv("TSUNAGU_TRUSTED_PROXIES"); v && *v) {
    c.server.trusted_proxies.clear();
    std::string_view rest(v);
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      std::string item(rest.substr(0, comma));
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      if (!item.empty()) c.server.trusted_proxies.push_back(item);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
  }
  if (auto st = CheckTrustedProxies(c.server.trusted_proxies); !st) return st.error();
  return c;
}

Result<std::pair<std::string, std::uint16_t>> ParseListen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon + 1 >= listen.size()) {
    return ConfigError("listen must be HOST:PORT, got '" + listen + "'");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int port = 0;
  for (char ch : listen.substr(colon + 1)) {
    if (ch < '0' || ch > '9') return ConfigError("bad port in '" + listen + "'");
    port = port * 10 + (ch - '0');
    if (port > 65535) return ConfigError("bad port in '" + listen + "'");
  }
  return std::make_pair(host, static_cast<std::uint16_t>(port));
}

}  // namespace tsunagu::core
