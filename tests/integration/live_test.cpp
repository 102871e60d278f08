// Live updates end to end: a real http::Server streaming Server-Sent Events to raw sockets,
// fed by the App's hub and bus on the engine of this run (LocalBus on SQLite, LISTEN/NOTIFY
// on PostgreSQL).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "harness.hpp"
#include "http/event_stream.hpp"
#include "http/server.hpp"
#include "live/bus.hpp"
#include "live/hub.hpp"
#include "live/postgres_bus.hpp"

namespace tsunagu::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

template <typename F>
bool Eventually(F&& condition, std::chrono::milliseconds timeout = 10000ms) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return condition();
}

// What the stream has queued once it has anything (empty after the wait when it never does).
std::string FirstQueued(http::EventStream& stream) {
  std::string got;
  EXPECT_TRUE(Eventually([&] {
    got += stream.Take().bytes;
    return !got.empty();
  }));
  return got;
}

// `aggregate` (count(*), count(pg_terminate_backend(pid)), …) over the listener connections of
// this test's database; -1 when the query fails.
int OverListeners(TestServer& t, const std::string& aggregate) {
  auto n = t.app().db().Read<int>([&](soci::session& s) {
    int out = 0;
    s << "SELECT " + aggregate +
             " FROM pg_stat_activity WHERE application_name = 'tsunagu_live' AND datname = "
             "current_database()",
        soci::into(out);
    return out;
  });
  return n ? *n : -1;
}

// One raw TCP connection reading an event stream, as a browser's EventSource would.
class SseClient {
 public:
  explicit SseClient(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~SseClient() { Close(); }
  SseClient(const SseClient&) = delete;
  SseClient& operator=(const SseClient&) = delete;

  int fd() const { return fd_; }
  bool connected() const { return connected_; }

  void SetReceiveBuffer(int bytes) {
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
  }

  bool Send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  bool Get(const std::string& target) {
    return Send("GET " + target +
                " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                "Cache-Control: no-cache\r\n\r\n");
  }

  // Reads once if something is there (or waits up to timeout_ms). False at EOF or error.
  bool ReadSome(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return true;
    char buf[16384];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    received_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  // Waits for the response header; fills status and headers (lower-case names).
  bool ReadHeader(std::chrono::milliseconds timeout = 2000ms) {
    const auto deadline = Clock::now() + timeout;
    std::size_t end;
    while ((end = received_.find("\r\n\r\n")) == std::string::npos) {
      if (Clock::now() >= deadline || !ReadSome(20)) return false;
    }
    const std::string head = received_.substr(0, end);
    received_.erase(0, end + 4);
    std::size_t line_end = head.find("\r\n");
    const std::string status_line = head.substr(0, line_end);
    if (status_line.size() >= 12) status = std::stoi(status_line.substr(9, 3));
    while (line_end != std::string::npos) {
      const std::size_t start = line_end + 2;
      line_end = head.find("\r\n", start);
      const std::string line = head.substr(start, line_end - start);
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      headers.emplace(Lower(line.substr(0, colon)), value);
    }
    return true;
  }

  // Waits until the body so far contains `text`.
  bool WaitFor(const std::string& text, std::chrono::milliseconds timeout = 10000ms) {
    const auto deadline = Clock::now() + timeout;
    while (received_.find(text) == std::string::npos) {
      if (Clock::now() >= deadline || !ReadSome(20)) return false;
    }
    return true;
  }

  // Waits until the server closes the connection.
  bool WaitForEof(std::chrono::milliseconds timeout = 10000ms) {
    const auto deadline = Clock::now() + timeout;
    while (!eof_ && Clock::now() < deadline) ReadSome(20);
    return eof_;
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  const std::string& received() const { return received_; }
  void Append(const char* data, std::size_t n) { received_.append(data, n); }

  int status = 0;
  std::multimap<std::string, std::string> headers;

 private:
  int fd_ = -1;
  bool connected_ = false;
  bool eof_ = false;
  std::string received_;
};

// A server whose one route, GET /events/TOPIC, subscribes the client to TOPIC on the App's
// hub, the way a case page's stream route will (after its authorisation check).
class LiveTest : public ::testing::Test {
 protected:
  void SetUp() override { ts_ = std::make_unique<TestServer>(ServerOptions{false}); }
  void TearDown() override {
    if (server_) server_->Stop();
    server_.reset();
    ts_.reset();
  }

  std::uint16_t StartServer(http::ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.worker_threads = 4;
    live::Hub& hub = ts_->app().hub();
    server_ = std::make_unique<http::Server>(
        options,
        [this, &hub](http::Request& req) {
          if ((req.method == "GET" || req.method == "HEAD") && req.path.rfind("/events/", 0) == 0) {
            http::Response r;
            r.headers.Set("X-Content-Type-Options", "nosniff");
            r.headers.Set("Content-Security-Policy", "default-src 'self'");
            r.headers.Set("Content-Type", "text/html");  // the server owns this one
            r.stream = hub.Subscribe(req.path.substr(8));
            std::lock_guard lock(streams_mu_);
            streams_.push_back(r.stream);
            topics_.push_back(req.path.substr(8));
            return r;
          }
          return http::Response::Text(200, std::to_string(req.body.size()));
        },
        [this](int status, const http::Request& partial) {
          std::lock_guard lock(streams_mu_);
          rejected_.emplace_back(status, partial.target);
          return http::Response::Text(status, "rejected " + std::to_string(status) + "\n");
        });
    return server_->Start();
  }

  std::vector<std::shared_ptr<http::EventStream>> Streams() {
    std::lock_guard lock(streams_mu_);
    return streams_;
  }

  // The first stream opened on `topic` (clients connect concurrently, so not by position).
  std::shared_ptr<http::EventStream> StreamOf(const std::string& topic) {
    std::lock_guard lock(streams_mu_);
    for (std::size_t i = 0; i < streams_.size(); ++i) {
      if (topics_[i] == topic) return streams_[i];
    }
    return nullptr;
  }

  live::Hub& hub() { return ts_->app().hub(); }
  live::Bus& bus() { return ts_->app().bus(); }

  std::unique_ptr<TestServer> ts_;
  std::unique_ptr<http::Server> server_;
  std::mutex streams_mu_;
  std::vector<std::shared_ptr<http::EventStream>> streams_;  // kept to check they get closed
  std::vector<std::string> topics_;                          // of streams_, in the same order
  std::vector<std::pair<int, std::string>> rejected_;
};

TEST_F(LiveTest, PublishedEventReachesTheStreamOfItsTopic) {
  const auto port = StartServer();
  SseClient watcher(port), other(port);
  ASSERT_TRUE(watcher.connected() && other.connected());
  ASSERT_TRUE(watcher.Get("/events/case:42"));
  ASSERT_TRUE(other.Get("/events/case:43"));
  ASSERT_TRUE(watcher.ReadHeader());
  ASSERT_TRUE(other.ReadHeader());

  EXPECT_EQ(watcher.status, 200);
  auto header = [&](const std::string& name) {
    auto it = watcher.headers.find(name);
    return it == watcher.headers.end() ? std::string("<absent>") : it->second;
  };
  EXPECT_EQ(header("content-type"), "text/event-stream; charset=utf-8");
  EXPECT_EQ(watcher.headers.count("content-type"), 1u);
  EXPECT_EQ(header("cache-control"), "no-store");
  EXPECT_EQ(header("x-accel-buffering"), "no");
  EXPECT_EQ(header("x-content-type-options"), "nosniff");
  EXPECT_EQ(header("content-security-policy"), "default-src 'self'");
  EXPECT_EQ(header("content-length"), "<absent>");
  EXPECT_EQ(header("transfer-encoding"), "<absent>");
  EXPECT_EQ(Lower(header("connection")), "close");
  EXPECT_EQ(hub().Subscribers("case:42"), 1u);

  const auto published = Clock::now();
  bus().Publish("case:42", "timeline", "7");
  ASSERT_TRUE(watcher.WaitFor("event: timeline\ndata: 7\n\n")) << watcher.received();
  std::printf(
      "[ live ] publish to arrival: %lld us\n",
      static_cast<long long>(
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - published).count()));
  // Another topic hears nothing: an event published to it afterwards is the first it gets.
  bus().Publish("case:43", "timeline", "99");
  ASSERT_TRUE(other.WaitFor("event: timeline\ndata: 99\n\n")) << other.received();
  EXPECT_EQ(other.received().find("data: 7"), std::string::npos) << other.received();

  // Refused by the bus: never reaches anyone.
  bus().Publish("case:42", "timeline", "山田");
  bus().Publish("case:42", "timeline", "7");
  ASSERT_TRUE(watcher.WaitFor("data: 7\n\nevent: timeline\ndata: 7\n\n"));
  EXPECT_EQ(watcher.received().find("山田"), std::string::npos);

  // The client goes away: the server notices, closes the stream, and the hub forgets it.
  const auto stream = StreamOf("case:42");
  ASSERT_NE(stream, nullptr);
  EXPECT_FALSE(stream->closed());
  watcher.Close();
  EXPECT_TRUE(Eventually([&] { return stream->closed(); })) << "stream not closed";
  EXPECT_EQ(hub().Subscribers("case:42"), 0u);
  EXPECT_FALSE(stream->Send("timeline", "8"));
  bus().Publish("case:42", "timeline", "8");
  EXPECT_EQ(hub().Subscribers("case:43"), 1u);
}

TEST_F(LiveTest, ApplicationClosingTheStreamFlushesThenEndsTheConnection) {
  const auto port = StartServer();
  SseClient c(port);
  ASSERT_TRUE(c.Get("/events/case:1"));
  ASSERT_TRUE(c.ReadHeader());
  const auto stream = Streams().at(0);
  EXPECT_TRUE(stream->Send("last", "1"));
  stream->Close();
  EXPECT_TRUE(c.WaitForEof());
  EXPECT_EQ(c.received(), "event: last\ndata: 1\n\n");
}

TEST_F(LiveTest, EventsQueuedBeforeTheHeaderAreSent) {
  const auto port = StartServer();
  // Published between the handler's return and the header going out: still delivered.
  SseClient c(port);
  ASSERT_TRUE(c.Get("/events/case:5"));
  ASSERT_TRUE(Eventually([&] { return hub().Subscribers("case:5") == 1; }));
  hub().Deliver("case:5", "timeline", "1");
  ASSERT_TRUE(c.ReadHeader());
  EXPECT_TRUE(c.WaitFor("event: timeline\ndata: 1\n\n"));
}

TEST_F(LiveTest, ServerStopEndsEveryStream) {
  const auto port = StartServer();
  SseClient a(port), b(port);
  ASSERT_TRUE(a.Get("/events/case:1"));
  ASSERT_TRUE(b.Get("/events/case:2"));
  ASSERT_TRUE(a.ReadHeader());
  ASSERT_TRUE(b.ReadHeader());
  const auto started = Clock::now();
  server_->Stop();
  // Open streams do not hold Stop until their next heartbeat (20 s by default); the margin
  // leaves room for a busy machine.
  EXPECT_LT(Clock::now() - started, 10s);
  EXPECT_TRUE(a.WaitForEof());
  EXPECT_TRUE(b.WaitForEof());
  for (const auto& s : Streams()) EXPECT_TRUE(s->closed());
  EXPECT_EQ(hub().Subscribers("case:1"), 0u);
}

TEST_F(LiveTest, HeadRequestGetsNoStream) {
  const auto port = StartServer();
  SseClient c(port);
  ASSERT_TRUE(c.Send("HEAD /events/case:1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  ASSERT_TRUE(c.ReadHeader());
  EXPECT_EQ(c.status, 200);
  ASSERT_EQ(Streams().size(), 1u);
  EXPECT_TRUE(Streams()[0]->closed());
  EXPECT_EQ(hub().Subscribers("case:1"), 0u);
}

TEST_F(LiveTest, IdleStreamGetsHeartbeatsAndOutlivesTheReadTimeouts) {
  http::ServerOptions options;
  options.sse_heartbeat = 1s;
  options.read_timeout = 1s;
  options.keep_alive_timeout = 1s;
  const auto port = StartServer(options);
  SseClient c(port);
  ASSERT_TRUE(c.Get("/events/case:9"));
  ASSERT_TRUE(c.ReadHeader());
  // Three heartbeats a second apart: past both one-second timeouts, the stream is still open
  // and still carries events.
  ASSERT_TRUE(c.WaitFor(": ping\n\n: ping\n\n: ping\n\n", 10000ms)) << c.received();
  bus().Publish("case:9", "timeline", "3");
  ASSERT_TRUE(c.WaitFor("event: timeline\ndata: 3\n\n")) << c.received();
  EXPECT_GE(std::count(c.received().begin(), c.received().end(), ':'), 3);
}

TEST_F(LiveTest, StreamsCountAgainstMaxConnections) {
  http::ServerOptions options;
  options.max_connections = 2;
  const auto port = StartServer(options);
  auto a = std::make_unique<SseClient>(port);
  SseClient b(port);
  ASSERT_TRUE(a->Get("/events/case:1"));
  ASSERT_TRUE(b.Get("/events/case:1"));
  ASSERT_TRUE(a->ReadHeader());
  ASSERT_TRUE(b.ReadHeader());
  {
    SseClient third(port);
    ASSERT_TRUE(third.Get("/events/case:1"));
    ASSERT_TRUE(third.ReadHeader());
    EXPECT_EQ(third.status, 503);
  }
  a.reset();  // one stream ends: room for another
  ASSERT_TRUE(Eventually([&] { return hub().Subscribers("case:1") == 1; }));
  bool admitted = Eventually([&] {
    SseClient next(port);
    return next.Get("/events/case:2") && next.ReadHeader() && next.status == 200;
  });
  EXPECT_TRUE(admitted);
}

TEST_F(LiveTest, ClientThatStopsReadingIsDropped) {
  http::ServerOptions options;
  options.max_connections = 1;  // so that a second client shows when the first is released
  const auto port = StartServer(options);
  SseClient slow(port);
  slow.SetReceiveBuffer(4096);
  ASSERT_TRUE(slow.Get("/events/case:1"));
  ASSERT_TRUE(slow.ReadHeader());
  const auto stream = Streams().at(0);
  const std::string chunk(60 * 1024, 'x');
  std::size_t offered = 0;
  // The kernel's buffers take a few MiB, then the stream's own bound is reached.
  while (stream->Send("big", chunk) && offered < std::size_t{256} * 1024 * 1024) {
    offered += chunk.size();
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_TRUE(stream->closed());
  EXPECT_TRUE(stream->dropped());
  EXPECT_LT(offered, std::size_t{256} * 1024 * 1024);
  EXPECT_EQ(hub().Subscribers("case:1"), 0u);
  std::printf("[ live ] slow client dropped after %zu KiB offered\n", offered / 1024);
  // The connection is released at once (not at the write timeout): another client gets in
  // although the slow one never read nor closed.
  const bool admitted = Eventually([&] {
    SseClient next(port);
    return next.Get("/events/case:2") && next.ReadHeader() && next.status == 200;
  });
  EXPECT_TRUE(admitted);
}

TEST_F(LiveTest, PerRequestBodyLimit) {
  http::ServerOptions options;
  options.max_body_bytes = 1024;
  options.body_limit_for = [](const http::Request& req) -> std::size_t {
    const std::string suffix = "/documents";
    const bool upload =
        req.path.size() >= suffix.size() &&
        req.path.compare(req.path.size() - suffix.size(), suffix.size(), suffix) == 0;
    return upload ? 10 * 1024 : 1024;
  };
  const auto port = StartServer(options);
  Client client(port);
  auto post = [&](const std::string& target, std::size_t size) {
    return client.Request("POST", target, std::string(size, 'a'),
                          {{"Content-Type", "application/octet-stream"}});
  };
  auto small = post("/cases/1/documents", 5000);
  EXPECT_EQ(small.status, 200);
  EXPECT_EQ(small.body, "5000");
  EXPECT_EQ(post("/cases/1/notes", 5000).status, 413);
  EXPECT_EQ(post("/cases/1/notes", 1000).status, 200);
  auto big = post("/cases/1/documents", 20000);
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(big.body.find("rejected 413"), std::string::npos);  // through the ErrorResponder
  {
    std::lock_guard lock(streams_mu_);
    ASSERT_FALSE(rejected_.empty());
    EXPECT_EQ(rejected_.back().first, 413);
    EXPECT_EQ(rejected_.back().second, "/cases/1/documents");
  }

  // Chunked bodies have no declared length: the limit applies as they arrive.
  auto chunked = [&](const std::string& target, std::size_t size) {
    std::string req = "POST " + target +
                      " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n";
    for (std::size_t sent = 0; sent < size; sent += 1000) {
      req += "3e8\r\n" + std::string(1000, 'b') + "\r\n";
    }
    req += "0\r\n\r\n";
    const std::string raw = client.Raw(req);
    return raw.size() >= 12 ? std::stoi(raw.substr(9, 3)) : 0;
  };
  EXPECT_EQ(chunked("/cases/1/documents", 8000), 200);
  EXPECT_EQ(chunked("/cases/1/documents", 12000), 413);
  EXPECT_EQ(chunked("/cases/1/notes", 2000), 413);
}

TEST_F(LiveTest, TwoHundredStreamsEachGetOneEvent) {
  constexpr int kClients = 200;
  const auto port = StartServer();
  std::vector<std::unique_ptr<SseClient>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::make_unique<SseClient>(port));
    ASSERT_TRUE(clients.back()->connected()) << i;
    ASSERT_TRUE(clients.back()->Get("/events/case:200")) << i;
  }
  for (auto& c : clients) {
    ASSERT_TRUE(c->ReadHeader(5000ms));
    ASSERT_EQ(c->status, 200);
  }
  ASSERT_TRUE(Eventually([&] { return hub().Subscribers("case:200") == kClients; }, 5000ms));

  const std::string expected = "event: timeline\ndata: 7\n\n";
  const auto published = Clock::now();
  bus().Publish("case:200", "timeline", "7");
  std::vector<bool> done(kClients, false);
  int remaining = kClients;
  const auto deadline = published + 30s;  // how fast is bench/'s business: here, all of them
  std::vector<pollfd> fds(kClients);
  while (remaining > 0 && Clock::now() < deadline) {
    for (int i = 0; i < kClients; ++i) fds[i] = {clients[i]->fd(), POLLIN, 0};
    if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
    for (int i = 0; i < kClients; ++i) {
      if (done[i] || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[4096];
      const auto n = ::recv(fds[i].fd, buf, sizeof buf, 0);
      if (n > 0) clients[i]->Append(buf, static_cast<std::size_t>(n));
      if (clients[i]->received().find(expected) != std::string::npos) {
        done[i] = true;
        --remaining;
      }
    }
  }
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - published);
  EXPECT_EQ(remaining, 0);
  std::printf("[ live ] %d streams: last arrival %lld ms after publish (%s)\n", kClients,
              static_cast<long long>(elapsed.count()),
              ts_->is_postgresql() ? "postgresql" : "sqlite");
  for (const auto& c : clients) {
    EXPECT_EQ(c->received().find(expected), c->received().rfind(expected));  // exactly once
  }
}

// Two processes on one PostgreSQL database: a second App on the same configuration stands
// for the second `tsunagu serve`.
TEST_F(LiveTest, PublishReachesSubscribersOfAnotherProcess) {
  if (!ts_->is_postgresql()) GTEST_SKIP() << "one process on SQLite";
  core::FakeClock clock(ts_->clock().NowSeconds());
  auto second = app::App::Create(ts_->config(), clock);
  ASSERT_TRUE(second) << second.error().message_key;
  app::App& other = **second;
  ASSERT_TRUE(other.bus().Listen());

  auto here = hub().Subscribe("case:42");
  auto there = other.hub().Subscribe("case:42");
  bus().Publish("case:42", "timeline", "7");
  const std::string expected = "event: timeline\ndata: 7\n\n";
  std::string got_here, got_there;
  EXPECT_TRUE(Eventually([&] {
    got_here += here->Take().bytes;
    got_there += there->Take().bytes;
    return got_here == expected && got_there == expected;
  }));
  EXPECT_EQ(got_there, expected);
  EXPECT_EQ(got_here, expected);  // the publishing process hears it through LISTEN too

  other.bus().Publish("case:42", "timeline", "8");
  const std::string back = "event: timeline\ndata: 8\n\n";
  got_here.clear();
  EXPECT_TRUE(Eventually([&] {
    got_here += here->Take().bytes;
    return got_here == back;
  }));
  EXPECT_EQ(got_here, back);
}

TEST_F(LiveTest, ListenerReconnectsAfterItsConnectionIsKilled) {
  if (!ts_->is_postgresql()) GTEST_SKIP() << "PostgreSQL only";
  auto* pg = dynamic_cast<live::PostgresBus*>(&bus());
  ASSERT_NE(pg, nullptr);
  ASSERT_TRUE(pg->listening());
  auto open_page = hub().Subscribe("case:7");  // a page open across the outage
  ASSERT_EQ(OverListeners(*ts_, "count(pg_terminate_backend(pid))"), 1);
  auto s = hub().Subscribe("case:1");
  // Until it has reconnected, messages are lost (the page is only stale); after, they arrive.
  std::string got;
  EXPECT_TRUE(Eventually(
      [&] {
        bus().Publish("case:1", "timeline", "1");
        std::this_thread::sleep_for(50ms);
        got += s->Take().bytes;
        return got.find("event: timeline\ndata: 1\n\n") != std::string::npos;
      },
      10000ms));
  EXPECT_TRUE(pg->listening());
  // What was published during the outage is lost, so every open page is told to re-fetch.
  EXPECT_EQ(FirstQueued(*open_page), "event: resync\ndata: listener\n\n");
}

// A one-shot command (tsunagu reminders, import, …) opens the App but serves no page: it
// publishes, and holds no listening connection of its own.
TEST_F(LiveTest, AnAppThatServesNoPagesDoesNotListen) {
  if (!ts_->is_postgresql()) GTEST_SKIP() << "PostgreSQL only";
  core::FakeClock clock(ts_->clock().NowSeconds());
  auto command = app::App::Create(ts_->config(), clock);
  ASSERT_TRUE(command) << command.error().message_key;
  auto* pg = dynamic_cast<live::PostgresBus*>(&(*command)->bus());
  ASSERT_NE(pg, nullptr);
  // What it publishes reaches the pages of the serving process; once that round trip is done,
  // the command has been up long enough for a listener of its own to show.
  auto page = hub().Subscribe("case:77");
  (*command)->bus().Publish("case:77", "timeline", "3");
  EXPECT_EQ(FirstQueued(*page), "event: timeline\ndata: 3\n\n");
  EXPECT_FALSE(pg->listening());
  EXPECT_EQ(OverListeners(*ts_, "count(*)"), 1);  // the serving App's only
}

TEST_F(LiveTest, BusStopsPromptly) {
  if (!ts_->is_postgresql()) GTEST_SKIP() << "PostgreSQL only";
  const auto started = Clock::now();
  bus().Stop();
  // Not held by the reconnect back-off (up to 10 s) nor the connect timeout (10 s); a margin a
  // busy machine keeps. How fast the wake-up is belongs to bench/.
  EXPECT_LT(Clock::now() - started, 5s);
  bus().Stop();  // idempotent
}

}  // namespace
}  // namespace tsunagu::testing
