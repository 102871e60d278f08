#include "live/postgres_bus.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace tsunagu::live {
namespace {

using Clock = std::chrono::steady_clock;

// Reconnecting: soon at first (a restart or fail-over), then no more often than this.
constexpr std::chrono::milliseconds kFirstRetry{200};
constexpr std::chrono::milliseconds kMaxRetry{10000};
constexpr std::chrono::seconds kConnectTimeout{10};
// poll() wakes this often even with nothing to read, as a second way to notice Stop().
constexpr int kPollMillis = 1000;
// A peer that vanishes without a FIN would leave LISTEN deaf for hours; TCP keepalives find
// it within about a minute.
constexpr const char* kListenerOptions =
    " application_name=tsunagu_live keepalives=1 keepalives_idle=30 keepalives_interval=10"
    " keepalives_count=3";

enum class Ready { kSocket, kWake, kTimeout, kError };

// Waits for `events` on the libpq socket or for the wake eventfd.
Ready WaitFor(int socket, short events, int wake_fd, int timeout_ms) {
  pollfd fds[2] = {{socket, events, 0}, {wake_fd, POLLIN, 0}};
  const int n = ::poll(fds, 2, timeout_ms);
  if (n < 0) return errno == EINTR ? Ready::kTimeout : Ready::kError;
  if (n == 0) return Ready::kTimeout;
  if (fds[1].revents != 0) return Ready::kWake;
  return Ready::kSocket;
}

std::string ErrorText(const PGconn* conn) {
  std::string text = conn ? PQerrorMessage(conn) : "out of memory";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  return text;
}

// libpq prints server notices (and the FATAL of a terminated session) on stderr by default;
// they belong in the log, and carry no payload.
void LogNotice(void*, const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  spdlog::debug("live: PostgreSQL says: {}", text);
}

}  // namespace

PostgresBus::PostgresBus(Hub& hub, storage::Database& db)
    : hub_(hub), db_(db), conninfo_(storage::PostgresConninfo(db.url()) + kListenerOptions) {
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake_fd_ < 0) throw std::runtime_error("live: eventfd failed");
}

PostgresBus::~PostgresBus() {
  Stop();
  ::close(wake_fd_);
}

bool PostgresBus::Start(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  if (stop_) return false;
  if (!thread_.joinable()) thread_ = std::thread([this] { Run(); });
  cv_.wait_for(lock, wait, [this] { return listening_ || stop_; });
  if (!listening_) spdlog::warn("live: not yet listening on PostgreSQL; still trying");
  return listening_;
}

void PostgresBus::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(wake_fd_, &one, sizeof one);
  if (thread_.joinable()) thread_.join();
}

bool PostgresBus::listening() const {
  std::lock_guard lock(mu_);
  return listening_;
}

bool PostgresBus::Stopping() {
  std::lock_guard lock(mu_);
  return stop_;
}

void PostgresBus::SetListening(bool listening) {
  {
    std::lock_guard lock(mu_);
    listening_ = listening;
  }
  cv_.notify_all();
}

std::string PostgresBus::Encode(std::string_view topic, std::string_view event,
                                std::string_view data) {
  std::string out;
  out.reserve(topic.size() + event.size() + data.size() + 2);
  out.append(topic).append(" ").append(event).append(" ").append(data);
  return out;
}

std::optional<PostgresBus::Message> PostgresBus::Decode(std::string_view payload) {
  const std::size_t first = payload.find(' ');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = payload.find(' ', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  Message m{std::string(payload.substr(0, first)),
            std::string(payload.substr(first + 1, second - first - 1)),
            std::string(payload.substr(second + 1))};
  if (!IsPublishable(m.topic, m.event, m.data)) return std::nullopt;
  return m;
}

void PostgresBus::Publish(const std::string& topic, const std::string& event,
                          const std::string& data) {
  if (!AdmitForPublish(topic, event, data)) return;
  const std::string payload = Encode(topic, event, data);
  // Autocommit on its own session: the notification leaves at once (NOTIFY inside a
  // transaction would wait for its commit, and Publish is called after commits anyway).
  auto sent = db_.Read<bool>([&](soci::session& s) {
    int one = 0;
    s << "SELECT 1 FROM pg_notify('" + std::string(kChannel) + "', :payload)", soci::use(payload),
        soci::into(one);
    return true;
  });
  if (!sent)
    spdlog::warn("live: could not publish an update (the page will be stale until the next)");
}

void PostgresBus::Run() {
  auto retry = kFirstRetry;
  bool listened_before = false;
  while (!Stopping()) {
    PGconn* conn = PQconnectStart(conninfo_.c_str());
    bool connected = false;
    if (conn && PQstatus(conn) != CONNECTION_BAD) {
      PQsetNoticeProcessor(conn, LogNotice, nullptr);
      // Non-blocking connect, so that Stop() need not wait for a server that does not answer.
      const auto deadline = Clock::now() + kConnectTimeout;
      PostgresPollingStatusType state = PGRES_POLLING_WRITING;
      while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED &&
             Clock::now() < deadline) {
        const short events = state == PGRES_POLLING_READING ? POLLIN : POLLOUT;
        const Ready ready = WaitFor(PQsocket(conn), events, wake_fd_, kPollMillis);
        if (ready == Ready::kWake || ready == Ready::kError) break;
        if (ready == Ready::kSocket) state = PQconnectPoll(conn);
      }
      connected = state == PGRES_POLLING_OK;
    }
    if (connected && !Stopping()) {
      PGresult* result = PQexec(conn, (std::string("LISTEN ") + kChannel).c_str());
      connected = PQresultStatus(result) == PGRES_COMMAND_OK;
      PQclear(result);
    }
    if (connected && !Stopping()) {
      SetListening(true);
      retry = kFirstRetry;
      // What was published while the listener was away is lost: every open page re-fetches.
      if (listened_before) hub_.DeliverToAll("resync", "listener");
      listened_before = true;
      while (!Stopping()) {
        // Notifications may already be buffered (they can arrive with any result).
        while (PGnotify* note = PQnotifies(conn)) {
          const std::string payload = note->extra ? note->extra : "";
          PQfreemem(note);
          try {
            if (auto m = Decode(payload)) {
              hub_.Deliver(m->topic, m->event, m->data);
            } else {
              spdlog::warn("live: ignored a malformed notification ({} bytes)", payload.size());
            }
          } catch (const std::exception& e) {
            spdlog::error("live: delivery failed: {}", e.what());
          }
        }
        const Ready ready = WaitFor(PQsocket(conn), POLLIN, wake_fd_, kPollMillis);
        if (ready == Ready::kWake || ready == Ready::kError) break;
        if (ready == Ready::kSocket && PQconsumeInput(conn) == 0) break;
        if (PQstatus(conn) != CONNECTION_OK) break;
      }
      SetListening(false);
    }
    if (Stopping()) {
      PQfinish(conn);
      break;
    }
    spdlog::warn("live: PostgreSQL listener connection failed or lost ({}); retrying in {} ms",
                 ErrorText(conn), retry.count());
    PQfinish(conn);
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, retry, [this] { return stop_; });
    }
    retry = std::min(retry * 2, kMaxRetry);
  }
}

}  // namespace tsunagu::live
