// In-process test server on port 0, a small HTTP client over loopback, the SMTP sink and a
// fresh database per test on the engine named by TSUNAGU_TEST_DB (sqlite | postgresql).
// Every server's clock starts at TestStartSeconds() (TSUNAGU_TEST_NOW), never at the machine's
// time: fixtures make the dates they need relative to it.
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
#include "core/wareki.hpp"
#include "http/server.hpp"

namespace tsunagu::testing {

struct HttpResult {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string Header(const std::string& lower_name) const;
  std::vector<std::string> Headers(const std::string& lower_name) const;
};

class EventReader;

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
  // Opens an event stream as a browser's EventSource would and keeps it open; wait on it with
  // EventReader::WaitFor (e.g. for "event: ready", which a page's stream sends once the hub
  // has it as a subscriber).
  EventReader OpenEvents(const std::string& target);

  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  std::uint16_t port_;
  std::map<std::string, std::string> cookies_;
};

// A kept-open connection reading an event stream (Client::OpenEvents).
class EventReader {
 public:
  EventReader(std::uint16_t port, const std::string& request);
  ~EventReader();
  EventReader(EventReader&& other) noexcept;
  EventReader& operator=(EventReader&&) = delete;
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;
  // Waits until what was received contains `text`; false when the timeout passes first or the
  // server closes the stream without it.
  bool WaitFor(const std::string& text, int timeout_ms = 10000);
  // Everything the server sent, headers included.
  const std::string& received() const { return received_; }

 private:
  int fd_ = -1;
  bool eof_ = false;
  std::string received_;
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
  // Every message received so far, for leak checks: the raw message (all headers, the MIME
  // parts as sent) followed by its decoded subject and text.
  std::string AllRaw() const;
  // How many received messages to `to` no WaitFor has taken yet (no waiting: see
  // TestServer::NoMailFor for an absence check).
  int Unread(const std::string& to) const;
  ~MailSink();

 private:
  MailSink();
  std::filesystem::path dir_;
  std::uint16_t port_ = 0;
  std::vector<std::string> seen_;
};

struct ServerOptions {
  bool start_http = true;
  // Changes the configuration before the app starts (short intervals, small limits).
  std::function<void(core::Config&)> configure;
  // The clock's start (Unix seconds); TestStartSeconds() when unset.
  std::optional<std::int64_t> now;
  // The production setting: __Host- cookies with Secure, and HSTS.
  bool cookie_secure = false;
};

// When every TestServer's clock starts: TSUNAGU_TEST_NOW if set, as "2027-03-28T03:00:00" (a
// time in Japan), with an explicit zone ("…Z", "…+09:00"), or "@<Unix seconds>"; otherwise a
// fixed ordinary weekday, 2026-06-10 10:00 JST. Never the machine's clock. An unreadable value
// stops the run.
std::int64_t TestStartSeconds();
// Reads a TSUNAGU_TEST_NOW value; nullopt when it is none of the forms above.
std::optional<std::int64_t> ParseTestNow(const std::string& text);
// Unix seconds of `date` at hh:mm in Japan.
std::int64_t JapanTime(const core::Date& date, int hour, int minute);

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
  // SOCI's connect string for a second connection to the SQLite file, as another process
  // would open it: it waits for the write lock as the server's own connections do (10 s), so
  // the outbox's worker or a previous request's write does not fail a test's BEGIN IMMEDIATE.
  std::string SqliteBeside() const;

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
  // An absence check without sleeping: queues a marker message behind everything queued so
  // far, waits until it has arrived (the outbox sends in order), then says whether nothing to
  // `to` arrived that no WaitFor has taken. Fails the test when the marker never arrives.
  bool NoMailFor(const std::string& to);

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

// The test clock's date (JST), and the date `days` later, as ISO text for forms.
std::string Today(TestServer& t);
std::string InDays(TestServer& t, int days);
// Unix seconds at `minutes` past midnight JST on `d`: for setting the clock inside a day, so a
// test never depends on how near midnight its start date lies.
std::int64_t UnixAtJst(core::Date d, int minutes);

// Which engine this run uses.
bool UsingPostgresql();

}  // namespace tsunagu::testing
