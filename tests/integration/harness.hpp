// In-process test server on port 0, a small HTTP client over loopback, the SMTP sink and a
// fresh database per test on the engine named by TSUNAGU_TEST_DB (sqlite | postgresql).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "core/clock.hpp"
#include "http/server.hpp"

namespace tsunagu::testing {

struct HttpResult {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string Header(const std::string& lower_name) const;
  std::vector<std::string> Headers(const std::string& lower_name) const;
};

// One browser-like client: keeps cookies, sends forms with the page's CSRF token.
class Client {
 public:
  explicit Client(std::uint16_t port) : port_(port) {}
  HttpResult Get(const std::string& target,
                 const std::vector<std::pair<std::string, std::string>>& headers = {});
  HttpResult Post(const std::string& target,
                  const std::vector<std::pair<std::string, std::string>>& fields,
                  const std::vector<std::pair<std::string, std::string>>& headers = {});
  // GETs `page`, takes its csrf_token and POSTs the fields to `target` (default: page).
  HttpResult Submit(const std::string& page,
                    std::vector<std::pair<std::string, std::string>> fields,
                    const std::string& target = "");
  HttpResult Request(const std::string& method, const std::string& target, const std::string& body,
                     std::vector<std::pair<std::string, std::string>> headers);
  // Sends raw bytes and reads until the server closes or the timeout passes.
  std::string Raw(const std::string& bytes, int timeout_ms = 3000);
  // GETs an event stream as a browser's EventSource would (with this client's cookies) and
  // returns everything the server sent, headers included, within timeout_ms.
  std::string ReadEvents(const std::string& target, int timeout_ms);

  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  std::uint16_t port_;
  std::map<std::string, std::string> cookies_;
};

std::string ExtractCsrf(const std::string& html);
// The text after `from` up to `to` (trailing CR and spaces dropped); empty when absent.
std::string TextBetween(const std::string& s, const std::string& from, const std::string& to);
std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields);

// The SMTP sink (scripts/start-smtp), shared by every test of the process.
class MailSink {
 public:
  static MailSink& Get();
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // Waits for a message to `to` whose subject or body contains `contains`; returns the decoded
  // text body (subject first line). Empty on timeout.
  std::string WaitFor(const std::string& to, int timeout_ms = 10000);
  // All raw message text received so far (for leak checks).
  std::string AllRaw() const;
  ~MailSink();

 private:
  MailSink();
  std::filesystem::path dir_;
  std::uint16_t port_ = 0;
  std::vector<std::string> seen_;
};

struct ServerOptions {
  bool start_http = true;
  // Changes the test configuration before the app is built (trusted proxies, limits).
  std::function<void(core::Config&)> configure;
};

class TestServer {
 public:
  explicit TestServer(ServerOptions options = {});
  ~TestServer();

  app::App& app() { return *app_; }
  app::Services& sv() { return app_->services(); }
  core::FakeClock& clock() { return clock_; }
  std::uint16_t port() const { return port_; }
  Client NewClient() { return Client(port_); }
  const core::Config& config() const { return config_; }
  const std::filesystem::path& dir() const { return dir_; }
  bool is_postgresql() const { return postgresql_; }

  // Creates an organisation and an active user with TOTP enrolled and a membership.
  struct UserSpec {
    std::string email;
    std::string name = "テスト 利用者";
    std::string role = "counselor";
    std::string profession = "nurse";
    std::int64_t org_id = 0;
    bool system_admin = false;
  };
  std::int64_t CreateOrg(const std::string& name, const std::string& kind = "hospital");
  std::int64_t CreateUser(const UserSpec& spec);
  // Logs in through the web pages; returns the client holding a full session.
  Client LoginAs(const std::string& email);
  std::string TotpNow() const;

  static constexpr const char* kPassword = "correct-horse-battery-staple-42";
  static constexpr const char* kTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

 private:
  std::filesystem::path dir_;
  std::string db_url_;
  std::string pg_database_;
  bool postgresql_ = false;
  core::Config config_;
  core::FakeClock clock_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
};

// Which engine this run uses.
bool UsingPostgresql();

}  // namespace tsunagu::testing
