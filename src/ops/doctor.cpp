#include "ops/doctor.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <ostream>

#include "crypto/field_cipher.hpp"
#include "ops/doctor_checks.hpp"

namespace tsunagu::ops {
namespace {

std::string OctalMode(unsigned mode) {
  std::string out = "0000";
  for (int i = 3; i >= 1; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>('0' + (mode & 7U));
    mode >>= 3U;
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The host of an http(s) URL, without brackets or port; empty when there is none.
std::string UrlHost(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
    rest.remove_prefix(at + 1);
  }
  if (!rest.empty() && rest.front() == '[') {
    const std::size_t close = rest.find(']');
    return close == std::string_view::npos ? std::string{} : std::string(rest.substr(1, close - 1));
  }
  return std::string(rest.substr(0, rest.find(':')));
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || StartsWith(host, "127.");
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::string RedactUrl(const std::string& url) {
  std::string out = url;
  const std::size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const std::size_t start = scheme + 3;
    const std::size_t end = out.find_first_of("/?#", start);
    const std::size_t at = out.rfind('@', end == std::string::npos ? std::string::npos : end);
    if (at != std::string::npos && at > start) {
      const std::size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (std::size_t pos = out.find("password="); pos != std::string::npos;
       pos = out.find("password=", pos + 1)) {
    const std::size_t value = pos + 9;
    const std::size_t end = out.find('&', value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

std::string OperatorLanguage(std::string_view flag) {
  if (flag == "ja" || flag == "en") return std::string(flag);
  for (const char* name : {"TSUNAGU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return StartsWith(value, "en") ? "en" : "ja";
  }
  return std::string(core::kDefaultLanguage);
}

Finding CheckKeyFile(const core::Config& config) {
  const std::string& path = config.security.key_file;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {false, "doctor.key.missing", {{"path", path}}};
  if (!S_ISREG(st.st_mode)) return {false, "doctor.key.not_file", {{"path", path}}};
  const unsigned mode = st.st_mode & 07777U;
  const std::string octal = OctalMode(mode);
  if (mode != 0600U && mode != 0400U) {
    return {false, "doctor.key.mode", {{"path", path}, {"mode", octal}}};
  }
  auto keyring = crypto::Keyring::LoadFile(path);
  if (!keyring) {
    const bool invalid = keyring.error().message_key == "error.keyfile_invalid";
    return {false, invalid ? "doctor.key.invalid" : "doctor.key.unreadable", {{"path", path}}};
  }
  return {true,
          "doctor.key.ok",
          {{"path", path}, {"mode", octal}, {"count", std::to_string(keyring->KeyIds().size())}}};
}

void CheckPublicUrl(const core::Config& config, std::vector<Finding>& out) {
  const std::string& url = config.server.public_url;
  const bool secure = config.server.cookie_secure;
  const std::string host = UrlHost(url);
  if (StartsWith(url, "https://") && !host.empty()) {
    out.push_back(secure ? Finding{true, "doctor.url.https_ok", {{"url", url}}}
                         : Finding{false, "doctor.url.https_cookie_insecure", {{"url", url}}});
    const auto& proxies = config.server.trusted_proxies;
    out.push_back(proxies.empty()
                      ? Finding{false, "doctor.proxy.missing", {}}
                      : Finding{true, "doctor.proxy.ok", {{"proxies", JoinList(proxies)}}});
    return;
  }
  if (!StartsWith(url, "http://") || host.empty()) {
    out.push_back({false, "doctor.url.invalid", {{"url", url}}});
    return;
  }
  if (IsLoopback(host)) {
    out.push_back({true, "doctor.url.http_loopback", {{"url", url}}});
    return;
  }
  out.push_back({false,
                 secure ? "doctor.url.http_public" : "doctor.url.http_public_insecure",
                 {{"url", url}}});
}

std::vector<Finding> CheckDeployment(const core::Config& config, const core::Clock& clock,
                                     const DoctorOptions& options) {
  std::vector<Finding> out;
  out.push_back(CheckKeyFile(config));
  CheckDatabase(config, clock, options, out);
  out.push_back(CheckMail(config, options));
  CheckPublicUrl(config, out);
  return out;
}

int PrintFindings(const std::vector<Finding>& findings, const core::Catalog& catalog,
                  std::string_view lang, std::ostream& out) {
  int problems = 0;
  for (const auto& f : findings) {
    if (!f.ok) ++problems;
    out << "[" << catalog.Get(lang, f.ok ? "doctor.ok" : "doctor.problem") << "] "
        << catalog.Format(lang, f.key, f.args) << "\n";
  }
  if (problems == 0) {
    out << catalog.Get(lang, "doctor.summary_ok") << "\n";
    return 0;
  }
  out << catalog.Format(lang, "doctor.summary_problems", {{"count", std::to_string(problems)}})
      << "\n";
  return 1;
}

int RunDoctor(const core::Config& config, const core::Clock& clock, std::string_view lang_flag,
              const DoctorOptions& options, std::ostream& out, std::ostream& err) {
  const std::string dir = config.web_dir + "/messages";
  auto catalog = core::Catalog::LoadDirectory(dir);
  if (!catalog) {
    // Without the catalogues there is no sentence to print: the server would not start either.
    err << "tsunagu doctor: cannot read the message catalogues in " << dir << " ("
        << catalog.error().message_key << "): set [paths] web_dir\n";
    return 1;
  }
  return PrintFindings(CheckDeployment(config, clock, options), *catalog,
                       OperatorLanguage(lang_flag), out);
}

}  // namespace tsunagu::ops
