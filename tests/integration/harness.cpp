#include "harness.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "app/body_limits.hpp"
#include "app/demo.hpp"
#include "auth/totp.hpp"
#include "core/config.hpp"
#include "crypto/field_cipher.hpp"
#include "crypto/random.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::testing {
namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::filesystem::path MakeTempDir(const std::string& prefix) {
  std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

std::string RunCommand(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("popen failed: " + cmd);
  char buf[512];
  while (fgets(buf, sizeof buf, p)) out += buf;
  if (pclose(p) != 0) throw std::runtime_error("command failed: " + cmd);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string DecodeMailText(const std::string& raw) {
  std::string out;
  // Subject line (RFC 2047 base64 words) first, then every base64 text part.
  auto subject_pos = raw.find("\nSubject: ");
  if (subject_pos != std::string::npos) {
    auto end = raw.find("\r\n", subject_pos + 1);
    while (end != std::string::npos && end + 2 < raw.size() &&
           (raw[end + 2] == ' ' || raw[end + 2] == '\t')) {
      end = raw.find("\r\n", end + 2);
    }
    std::string subject = raw.substr(subject_pos + 10, end - subject_pos - 10);
    std::size_t pos = 0;
    while ((pos = subject.find("=?UTF-8?B?", pos)) != std::string::npos) {
      auto close = subject.find("?=", pos + 10);
      if (close == std::string::npos) break;
      if (auto d = crypto::Base64Decode(subject.substr(pos + 10, close - pos - 10))) out += *d;
      pos = close + 2;
    }
    out += "\n";
  }
  std::size_t pos = 0;
  const std::string marker = "Content-Transfer-Encoding: base64";
  while ((pos = raw.find(marker, pos)) != std::string::npos) {
    auto start = raw.find("\r\n\r\n", pos);
    if (start == std::string::npos) break;
    start += 4;
    auto end = raw.find("\r\n--", start);
    std::string b64;
    for (std::size_t i = start; i < (end == std::string::npos ? raw.size() : end); ++i) {
      if (!std::isspace(static_cast<unsigned char>(raw[i]))) b64 += raw[i];
    }
    if (auto d = crypto::Base64Decode(b64)) out += *d;
    pos = start;
  }
  return out;
}

}  // namespace

bool UsingPostgresql() {
  const char* v = std::getenv("TSUNAGU_TEST_DB");
  return v && std::string(v) == "postgresql";
}

// --- HttpResult / Client -----------------------------------------------------------------

std::string HttpResult::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::vector<std::string> HttpResult::Headers(const std::string& lower_name) const {
  std::vector<std::string> out;
  auto range = headers.equal_range(lower_name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += http::PercentEncode(k) + "=" + http::PercentEncode(v);
  }
  return out;
}

std::string ExtractCsrf(const std::string& html) {
  const std::string marker = "name=\"csrf_token\" value=\"";
  auto pos = html.find(marker);
  if (pos == std::string::npos) return {};
  pos += marker.size();
  return html.substr(pos, html.find('"', pos) - pos);
}

std::string TextBetween(const std::string& s, const std::string& from, const std::string& to) {
  auto i = s.find(from);
  if (i == std::string::npos) return {};
  i += from.size();
  std::string out = s.substr(i, s.find(to, i) - i);
  while (!out.empty() && (out.back() == '\r' || out.back() == ' ')) out.pop_back();
  return out;
}

EventReader Client::OpenEvents(const std::string& target) {
  std::string cookie;
  for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
  return EventReader(port_, "GET " + target +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                                "Cookie: " +
                                cookie + "\r\n\r\n");
}

EventReader::EventReader(std::uint16_t port, const std::string& request) {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd_);
    throw std::runtime_error("connect failed");
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    auto n = send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
}

EventReader::EventReader(EventReader&& other) noexcept
    : fd_(other.fd_), eof_(other.eof_), received_(std::move(other.received_)) {
  other.fd_ = -1;
}

EventReader::~EventReader() {
  if (fd_ >= 0) close(fd_);
}

bool EventReader::WaitFor(const std::string& text, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (received_.find(text) == std::string::npos) {
    if (eof_ || std::chrono::steady_clock::now() >= deadline) return false;
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 20) <= 0) continue;
    char buf[16384];
    auto n = recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      eof_ = true;
      continue;
    }
    received_.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

std::string Client::ReadEvents(const std::string& target, int timeout_ms) {
  std::string cookie;
  for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
  return Raw("GET " + target +
                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: " + cookie +
                 "\r\n\r\n",
             timeout_ms);
}

std::string Client::Raw(const std::string& bytes, int timeout_ms) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port_);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    throw std::runtime_error("connect failed");
  }
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    auto n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (e.g. 413): read what it answered
    sent += static_cast<std::size_t>(n);
  }
  std::string out;
  char buf[16384];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    int remaining = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         deadline - std::chrono::steady_clock::now())
                                         .count());
    if (poll(&p, 1, std::max(remaining, 1)) <= 0) break;
    auto n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  return out;
}

HttpResult Client::Request(const std::string& method, const std::string& target,
                           const std::string& body,
                           std::vector<std::pair<std::string, std::string>> headers) {
  std::string req = method + " " + target +
                    " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) +
                    "\r\nConnection: close\r\n";
  if (!cookies_.empty()) {
    std::string c;
    for (const auto& [k, v] : cookies_) c += (c.empty() ? "" : "; ") + k + "=" + v;
    req += "Cookie: " + c + "\r\n";
  }
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST") {
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  std::string raw = Raw(req, 15000);
  HttpResult r;
  auto head_end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || head_end == std::string::npos) return r;
  r.status = std::stoi(raw.substr(9, 3));
  std::istringstream head(raw.substr(0, head_end));
  std::string line;
  std::getline(head, line);
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = Lower(line.substr(0, colon));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers.emplace(name, value);
    if (name == "set-cookie") {
      auto eq = value.find('=');
      auto semi = value.find(';');
      std::string cname = value.substr(0, eq);
      std::string cvalue =
          value.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
      if (value.find("Max-Age=0") != std::string::npos || cvalue.empty()) {
        cookies_.erase(cname);
      } else {
        cookies_[cname] = cvalue;
      }
    }
  }
  r.body = raw.substr(head_end + 4);
  return r;
}

HttpResult Client::Get(const std::string& target,
                       const std::vector<std::pair<std::string, std::string>>& headers) {
  return Request("GET", target, "", headers);
}

HttpResult Client::Post(const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& fields,
                        const std::vector<std::pair<std::string, std::string>>& headers) {
  auto h = headers;
  h.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  return Request("POST", target, FormEncode(fields), h);
}

HttpResult Client::Submit(const std::string& page,
                          std::vector<std::pair<std::string, std::string>> fields,
                          const std::string& target) {
  auto form = Get(page);
  fields.emplace_back("csrf_token", ExtractCsrf(form.body));
  return Post(target.empty() ? page : target, fields);
}

// --- MailSink ------------------------------------------------------------------------------

MailSink& MailSink::Get() {
  static MailSink sink;
  return sink;
}

MailSink::MailSink() {
  dir_ = MakeTempDir("tsunagu-mail-");
  port_ = static_cast<std::uint16_t>(
      std::stoi(RunCommand(core::SourceDir() + "/scripts/start-smtp " + dir_.string())));
}

MailSink::~MailSink() {
  std::system(
      (core::SourceDir() + "/scripts/stop-smtp " + dir_.string() + " >/dev/null 2>&1").c_str());
}

std::string MailSink::WaitFor(const std::string& to, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (std::find(seen_.begin(), seen_.end(), f.string()) != seen_.end()) continue;
      auto eml = f;
      eml.replace_extension(".eml");
      if (!std::filesystem::exists(eml)) continue;
      if (ReadFile(f).find("\"" + to + "\"") == std::string::npos) continue;
      seen_.push_back(f.string());
      return DecodeMailText(ReadFile(eml));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return {};
}

std::string MailSink::AllRaw() const {
  std::string all;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    if (e.path().extension() != ".eml") continue;
    const std::string raw = ReadFile(e.path());
    all += raw + "\n" + DecodeMailText(raw) + "\n";
  }
  return all;
}

int MailSink::Unread(const std::string& to) const {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    if (e.path().extension() != ".json") continue;
    if (std::find(seen_.begin(), seen_.end(), e.path().string()) != seen_.end()) continue;
    if (ReadFile(e.path()).find("\"" + to + "\"") != std::string::npos) ++n;
  }
  return n;
}

// --- The test clock ------------------------------------------------------------------------

std::int64_t JapanTime(const core::Date& date, int hour, int minute) {
  return std::int64_t{core::DaysBetween({1970, 1, 1}, date)} * 86400 + hour * 3600 + minute * 60 -
         9 * 3600;
}

// "2027-03-28T03:00:00" (JST), "…Z", "…+09:00", "…-05:00" or "@1838041200".
std::optional<std::int64_t> ParseTestNow(const std::string& text) {
  if (!text.empty() && text[0] == '@') {
    try {
      std::size_t used = 0;
      const long long v = std::stoll(text.substr(1), &used);
      if (used + 1 == text.size()) return v;
    } catch (...) {
    }
    return std::nullopt;
  }
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) !=
          6 ||
      used != 19) {
    return std::nullopt;
  }
  const auto date = core::ParseIsoDate(text.substr(0, 10));
  if (!date || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  const std::string zone = text.substr(19);
  int offset_minutes = 9 * 60;
  if (zone == "Z") {
    offset_minutes = 0;
  } else if (!zone.empty()) {
    int zh = 0, zm = 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') ||
        std::sscanf(zone.c_str() + 1, "%2d:%2d", &zh, &zm) != 2) {
      return std::nullopt;
    }
    offset_minutes = (zone[0] == '-' ? -1 : 1) * (zh * 60 + zm);
  }
  return std::int64_t{core::DaysBetween({1970, 1, 1}, *date)} * 86400 + h * 3600 + mi * 60 + sec -
         offset_minutes * 60;
}

std::int64_t TestStartSeconds() {
  static const std::int64_t start = [] {
    const char* v = std::getenv("TSUNAGU_TEST_NOW");
    if (!v || !*v) return JapanTime({2026, 6, 10}, 10, 0);
    const auto parsed = ParseTestNow(v);
    if (!parsed) {
      std::fprintf(stderr, "TSUNAGU_TEST_NOW=%s is not a time like 2027-03-28T03:00:00\n", v);
      std::exit(2);
    }
    return *parsed;
  }();
  return start;
}

// --- TestServer ----------------------------------------------------------------------------

TestServer::TestServer(ServerOptions options) : clock_(options.now.value_or(TestStartSeconds())) {
  dir_ = MakeTempDir("tsunagu-it-");
  postgresql_ = UsingPostgresql();
  if (postgresql_) {
    const char* base = std::getenv("TSUNAGU_TEST_PG_URL");
    if (!base) throw std::runtime_error("TSUNAGU_TEST_PG_URL is not set (scripts/run-tests)");
    static std::atomic<int> counter{0};
    pg_database_ = "it_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    soci::session admin(soci::postgresql, storage::PostgresConninfo(base));
    admin << "CREATE DATABASE " + pg_database_;
    std::string url = base;
    db_url_ = url.substr(0, url.rfind('/') + 1) + pg_database_;
  } else {
    db_url_ = "sqlite:" + (dir_ / "test.db").string();
  }
  if (auto st = crypto::Keyring::GenerateFile(dir_ / "keys.toml"); !st) {
    throw std::runtime_error("key file: " + st.error().message_key);
  }
  config_.database.url = db_url_;
  config_.database.pool_size = 8;
  config_.security.key_file = (dir_ / "keys.toml").string();
  config_.security.fast_password_hashing = true;
  config_.server.cookie_secure = options.cookie_secure;
  // Tests change rows directly and read the pages back at once: pages are rendered every time,
  // except where a test turns the cache on (PublicCache.*).
  config_.server.public_cache_seconds = 0;
  config_.mail.smtp_url = MailSink::Get().url();
  config_.mail.from = "tsunagu-test@example.jp";
  if (options.configure) options.configure(config_);
  auto app = app::App::Create(config_, clock_);
  if (!app) throw std::runtime_error("App::Create: " + app.error().message_key);
  app_ = std::move(*app);
  app_->bus().Listen();
  app_->outbox().StartWorker(std::chrono::milliseconds(50));
  if (options.start_http) {
    http::ServerOptions so;
    so.host = "127.0.0.1";
    so.port = 0;
    so.worker_threads = 8;
    so.read_timeout = std::chrono::seconds(3);
    so.max_body_bytes = config_.server.max_body_bytes;
    so.body_limit_for = [this](const http::Request& r) { return app::BodyLimitFor(config_, r); };
    app::App* a = app_.get();
    so.admit = [a](http::Request& r) { return a->Admit(r); };
    server_ = std::make_unique<http::Server>(
        so, [a](http::Request& r) { return a->Handle(r); },
        [a](int status, const http::Request& r) { return a->HandleServerError(status, r); });
    port_ = server_->Start();
    config_.server.public_url = "http://127.0.0.1:" + std::to_string(port_);
  }
}

TestServer::~TestServer() {
  if (server_) server_->Stop();
  server_.reset();
  app_.reset();
  if (postgresql_) {
    try {
      soci::session admin(soci::postgresql,
                          storage::PostgresConninfo(std::getenv("TSUNAGU_TEST_PG_URL")));
      admin << "DROP DATABASE IF EXISTS " + pg_database_ + " WITH (FORCE)";
    } catch (...) {
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::int64_t TestServer::CreateOrg(const std::string& name, const std::string& kind) {
  auto id = sv().orgs.CreateOrganization({0, 0, "test", "test"}, kind, name);
  if (!id) throw std::runtime_error("CreateOrg: " + id.error().message_key);
  return *id;
}

std::int64_t TestServer::CreateUser(const UserSpec& spec) {
  auto id = sv().accounts.CreateUserWithPassword({0, 0, "test", "test"}, spec.email, spec.name,
                                                 kPassword, spec.system_admin);
  if (!id) throw std::runtime_error("CreateUser: " + id.error().message_key);
  if (auto st = sv().accounts.EnrollKnownSecret(*id, kTotpSecret); !st) {
    throw std::runtime_error("EnrollKnownSecret failed");
  }
  if (spec.org_id) {
    auto m =
        sv().orgs.AddMember({0, 0, "test", "test"}, spec.org_id, *id, spec.role, spec.profession);
    if (!m) throw std::runtime_error("AddMember: " + m.error().message_key);
  }
  return *id;
}

std::string TestServer::TotpNow() const {
  return auth::TotpCodeAt(kTotpSecret, clock_.NowSeconds());
}

std::string TestServer::SqliteBeside() const {
  return "db=" + app_->db().sqlite_path() + " timeout=10";
}

bool TestServer::NoMailFor(const std::string& to) {
  static std::atomic<int> markers{0};
  const std::string marker =
      "marker-" + std::to_string(getpid()) + "-" + std::to_string(++markers) + "@example.jp";
  notify::MailMessage message;
  message.to = marker;
  message.subject = "marker";
  message.text_body = "Sent after what the test waits not to see.";
  auto queued = app_->db().WriteVoid(
      [&](soci::session& s) { app_->outbox().Enqueue(s, message, "test_marker"); });
  if (!queued) throw std::runtime_error("could not queue the marker mail");
  app_->outbox().Wake();
  if (MailSink::Get().WaitFor(marker, 20000).empty()) {
    ADD_FAILURE() << "the marker mail never arrived, so the absence of mail to " << to
                  << " proves nothing";
    return false;
  }
  return MailSink::Get().Unread(to) == 0;
}

Client TestServer::LoginAs(const std::string& email) {
  Client c = NewClient();
  auto r = c.Submit("/login", {{"email", email}, {"password", kPassword}, {"next", "/"}});
  if (r.status != 303) throw std::runtime_error("login step 1 failed: " + std::to_string(r.status));
  // Each login uses a fresh time step, as a person would wait for the next code.
  clock_.Advance(30);
  r = c.Submit("/login/code", {{"code", TotpNow()}, {"next", "/"}});
  if (r.status != 303) throw std::runtime_error("login step 2 failed: " + std::to_string(r.status));
  return c;
}

std::string Today(TestServer& t) {
  return core::ToIso(core::DateFromUnixSeconds(t.clock().NowSeconds()));
}

std::string InDays(TestServer& t, int days) {
  return core::ToIso(core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), days));
}

std::int64_t UnixAtJst(core::Date d, int minutes) {
  return static_cast<std::int64_t>(core::DaysBetween({1970, 1, 1}, d)) * 86400 - 9 * 3600 +
         std::int64_t{minutes} * 60;
}

}  // namespace tsunagu::testing
