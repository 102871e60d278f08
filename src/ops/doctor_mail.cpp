// The mail part of `tsunagu doctor`: one SMTP conversation without a message (greeting, EHLO,
// STARTTLS and the login when configured, NOOP, QUIT), or the folder of "file:" mail.
#include <curl/curl.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "ops/doctor_checks.hpp"

namespace tsunagu::ops {
namespace {

std::size_t Discard(char* /*data*/, std::size_t size, std::size_t count, void* /*user*/) {
  return size * count;
}

bool IsLoopbackSmtp(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return false;
  char* host = nullptr;
  if (curl_url_get(u.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK) return false;
  const std::string h = host;
  curl_free(host);
  return h == "localhost" || h == "[::1]" || h.rfind("127.", 0) == 0;
}

Finding CheckMailFolder(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    // The server creates the folder (and its parents) when it writes the first mail: fine
    // when the nearest folder that exists lets it.
    std::filesystem::path parent = std::filesystem::absolute(dir, ec).parent_path();
    while (!parent.empty() && !std::filesystem::exists(parent, ec) &&
           parent != parent.root_path()) {
      parent = parent.parent_path();
    }
    if (!parent.empty() && std::filesystem::is_directory(parent, ec) &&
        ::access(parent.c_str(), W_OK | X_OK) == 0) {
      return {true, "doctor.mail.file_later", {{"dir", dir}, {"parent", parent.string()}}};
    }
    return {false, "doctor.mail.file_missing", {{"dir", dir}}};
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    return {false, "doctor.mail.file_readonly", {{"dir", dir}}};
  }
  return {true, "doctor.mail.file_ok", {{"dir", dir}}};
}

}  // namespace

Finding CheckMail(const core::Config& config, const DoctorOptions& options) {
  const std::string& url = config.mail.smtp_url;
  if (url.empty()) return {false, "doctor.mail.none", {}};
  if (url.rfind("file:", 0) == 0) return CheckMailFolder(url.substr(5));
  const bool implicit_tls = url.rfind("smtps://", 0) == 0;
  if (!implicit_tls && url.rfind("smtp://", 0) != 0) {
    return {false, "doctor.mail.bad_url", {{"url", RedactUrl(url)}}};
  }

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {false, "doctor.mail.failed", {{"url", RedactUrl(url)}, {"reason", "curl"}}};
  // The same TLS policy as notify's SMTP delivery: smtps is TLS from the first byte, a
  // password needs STARTTLS, a relay on this machine none, any other relay STARTTLS if offered.
  long use_ssl = CURLUSESSL_TRY;
  if (!implicit_tls && IsLoopbackSmtp(url)) {
    use_ssl = CURLUSESSL_NONE;
  } else if (implicit_tls || !config.mail.username.empty()) {
    use_ssl = CURLUSESSL_ALL;
  }
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  // No recipient and no upload: libcurl sends this command instead of a message.
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "NOOP");
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Discard);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, options.smtp_timeout_ms);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, options.smtp_timeout_ms);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_USE_SSL, use_ssl);
  if (!config.mail.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, config.mail.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, config.mail.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(h);
  const std::string shown = RedactUrl(url);
  switch (rc) {
    case CURLE_OK:
      return {true, "doctor.mail.smtp_ok", {{"url", shown}}};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
      return {
          false, "doctor.mail.unreachable", {{"url", shown}, {"reason", curl_easy_strerror(rc)}}};
    case CURLE_LOGIN_DENIED:
      return {false, "doctor.mail.login", {{"url", shown}}};
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
      return {false, "doctor.mail.tls", {{"url", shown}, {"reason", curl_easy_strerror(rc)}}};
    default:
      return {false, "doctor.mail.failed", {{"url", shown}, {"reason", curl_easy_strerror(rc)}}};
  }
}

}  // namespace tsunagu::ops
