#include "http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tsunagu::http {
namespace {

using namespace std::chrono_literals;
using namespace std::string_literals;

// A blocking client socket with a receive timeout, so a server bug fails the test instead
// of hanging it.
class Client {
 public:
  explicit Client(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{};
    tv.tv_sec = 15;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  struct Reply {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
  };

  // Reads one response; status 0 when the connection ended before a full response.
  Reply Read(bool head_request = false) {
    Reply reply;
    std::size_t header_end;
    while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return reply;
    }
    const std::string head = pending_.substr(0, header_end);
    pending_.erase(0, header_end + 4);
    std::size_t line_end = head.find("\r\n");
    const std::string status_line = head.substr(0, line_end);
    if (status_line.size() < 12) return reply;
    while (line_end != std::string::npos) {
      const std::size_t start = line_end + 2;
      line_end = head.find("\r\n", start);
      const std::string line = head.substr(start, line_end - start);
      const std::size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      reply.headers[name] = value;
    }
    const int status = std::stoi(status_line.substr(9, 3));
    std::size_t length = 0;
    if (auto it = reply.headers.find("content-length"); it != reply.headers.end()) {
      length = std::stoul(it->second);
    }
    if (!head_request && status != 304 && status != 204) {
      while (pending_.size() < length) {
        if (!Fill()) return reply;
      }
      reply.body = pending_.substr(0, length);
      pending_.erase(0, length);
    }
    reply.status = status;
    return reply;
  }

  // True when the server closed the connection (EOF or reset) within the receive timeout.
  bool ClosedByServer() {
    char buf[256];
    while (true) {
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET;
    }
  }

 private:
  bool Fill() {
    char buf[4096];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    pending_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string pending_;
};

std::string Get(std::string_view target, std::string_view extra_headers = {}) {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers) +
         "\r\n";
}

class ServerTest : public ::testing::Test {
 protected:
  static ServerOptions TestOptions() {
    ServerOptions options;
    options.port = 0;
    options.io_threads = 2;
    options.worker_threads = 2;
    options.max_header_bytes = 2048;
    options.max_body_bytes = 1024;
    options.read_timeout = 1s;
    options.keep_alive_timeout = 2s;
    options.max_connections = 8;
    return options;
  }

  void StartServer(ServerOptions options = TestOptions()) {
    server_ = std::make_unique<Server>(
        options, [this](Request& req) { return Handle(req); },
        [this](int status, const Request& partial) {
          ++errors_;
          std::lock_guard lock(mu_);
          last_error_method_ = partial.method;
          Response res = Response::Text(status, "error " + std::to_string(status));
          res.headers.Set("X-Error", "1");
          return res;
        });
    port_ = server_->Start();
    ASSERT_NE(port_, 0);
  }

  void SetUp() override { StartServer(); }

  Response Handle(Request& req) {
    if (req.path == "/throw") throw std::runtime_error("boom");
    if (req.path == "/throw-int") throw 42;
    if (req.path == "/inject") {
      Response res = Response::Text(200, "x");
      res.headers.Set("X-Bad", "a\r\nSet-Cookie: evil=1");
      return res;
    }
    if (req.path == "/file") {
      Response res = Response::Text(200, "");
      res.headers.Set("Content-Type", "text/css; charset=utf-8");
      res.file_path = file_path_;
      return res;
    }
    if (req.path == "/missing-file") {
      Response res;
      res.file_path = "/nonexistent/tsunagu/file.css";
      return res;
    }
    if (req.path == "/no-content") {
      Response res;
      res.status = 204;
      return res;
    }
    if (req.path == "/close") {
      Response res = Response::Text(200, "bye");
      res.headers.Set("Connection", "close");
      return res;
    }
    if (req.path == "/slow") std::this_thread::sleep_for(200ms);
    std::string body = req.method + " " + req.path + " " + req.remote_address;
    for (const auto& [key, value] : req.query) body += " q:" + key + "=" + value;
    if (auto ua = req.Header("user-agent")) body += " ua:" + std::string(*ua);
    if (!req.body.empty()) body += " body:" + req.body;
    Response res = Response::Text(200, body);
    res.headers.Add("Set-Cookie", "a=1");
    res.headers.Add("Set-Cookie", "b=2");
    return res;
  }

  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::atomic<int> errors_{0};
  std::mutex mu_;
  std::string last_error_method_;  // guarded by mu_
  std::string file_path_;
};

TEST_F(ServerTest, GetReturnsHandlerResponse) {
  Client client(port_);
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(
      client.Send(Get("/hello/%E3%81%82?x=1&name=%E5%B1%B1+%E7%94%B0", "User-Agent: t\r\n")));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "GET /hello/あ 127.0.0.1 q:name=山 田 q:x=1 ua:t");
  EXPECT_EQ(reply.headers.at("content-length"), std::to_string(reply.body.size()));
  EXPECT_EQ(reply.headers.at("content-type"), "text/plain; charset=utf-8");
}

TEST_F(ServerTest, PostWithBody) {
  Client client(port_);
  ASSERT_TRUE(client.Send(
      "POST /submit HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: 11\r\n\r\nname=value&"));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "POST /submit 127.0.0.1 body:name=value&");
}

TEST_F(ServerTest, ChunkedPostBody) {
  Client client(port_);
  ASSERT_TRUE(
      client.Send("POST /c HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "POST /c 127.0.0.1 body:abcde");
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/one")));
  const auto first = client.Read();
  ASSERT_TRUE(client.Send(Get("/two")));
  const auto second = client.Read();
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "GET /one 127.0.0.1");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, "GET /two 127.0.0.1");
}

TEST_F(ServerTest, PipelinedRequestsAnsweredInOrder) {
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/slow") + Get("/fast")));
  EXPECT_EQ(client.Read().body, "GET /slow 127.0.0.1");
  EXPECT_EQ(client.Read().body, "GET /fast 127.0.0.1");
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAlive) {
  {
    Client client(port_);
    ASSERT_TRUE(client.Send("GET /old HTTP/1.0\r\n\r\n"));
    const auto reply = client.Read();
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(client.ClosedByServer());
  }
  {
    Client client(port_);
    ASSERT_TRUE(client.Send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    EXPECT_EQ(client.Read().status, 200);
    ASSERT_TRUE(client.Send("GET /b HTTP/1.0\r\n\r\n"));
    EXPECT_EQ(client.Read().body, "GET /b 127.0.0.1");
  }
}

TEST_F(ServerTest, ConnectionCloseFromClientOrHandler) {
  {
    Client client(port_);
    ASSERT_TRUE(client.Send(Get("/x", "Connection: close\r\n")));
    const auto reply = client.Read();
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.headers.at("connection"), "close");
    EXPECT_TRUE(client.ClosedByServer());
  }
  {
    Client client(port_);
    ASSERT_TRUE(client.Send(Get("/close")));
    const auto reply = client.Read();
    EXPECT_EQ(reply.body, "bye");
    EXPECT_TRUE(client.ClosedByServer());
  }
}

TEST_F(ServerTest, RepeatedHeadersAreKept) {
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/x")));
  // The reply map keeps the last one; the raw count is checked through the body length.
  const auto reply = client.Read();
  EXPECT_EQ(reply.headers.at("set-cookie"), "b=2");
}

TEST_F(ServerTest, HeadHasLengthButNoBody) {
  Client client(port_);
  ASSERT_TRUE(client.Send("HEAD /h HTTP/1.1\r\nHost: test\r\n\r\n"));
  const auto head = client.Read(/*head_request=*/true);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers.at("content-length"),
            std::to_string(std::string("HEAD /h 127.0.0.1").size()));
  // If a body had been sent, it would be parsed as the next response's status line.
  ASSERT_TRUE(client.Send(Get("/after")));
  EXPECT_EQ(client.Read().body, "GET /after 127.0.0.1");
}

TEST_F(ServerTest, NoContentHasNoBody) {
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/no-content")));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 204);
  EXPECT_EQ(reply.headers.count("content-length"), 0u);
  ASSERT_TRUE(client.Send(Get("/after")));
  EXPECT_EQ(client.Read().body, "GET /after 127.0.0.1");
}

TEST_F(ServerTest, ServesFiles) {
  file_path_ = (std::filesystem::temp_directory_path() /
                ("tsunagu_server_test_" + std::to_string(::getpid()) + ".css"))
                   .string();
  const std::string content(100000, 'x');
  std::ofstream(file_path_, std::ios::binary) << content;
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/file")));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers.at("content-length"), "100000");
  EXPECT_EQ(reply.headers.at("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(reply.body, content);
  ASSERT_TRUE(client.Send("HEAD /file HTTP/1.1\r\nHost: t\r\n\r\n"));
  const auto head = client.Read(true);
  EXPECT_EQ(head.headers.at("content-length"), "100000");
  ASSERT_TRUE(client.Send(Get("/missing-file")));
  EXPECT_EQ(client.Read().status, 500);
  std::filesystem::remove(file_path_);
}

TEST_F(ServerTest, OversizeHeaderGives431) {
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/x", "X-Big: " + std::string(4000, 'a') + "\r\n")));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 431);
  EXPECT_EQ(reply.body, "error 431");
  EXPECT_EQ(reply.headers.at("x-error"), "1");
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(ServerTest, OversizeBodyGives413FromContentLength) {
  Client client(port_);
  // Only the header is sent: the limit must be enforced before the body arrives.
  ASSERT_TRUE(
      client.Send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 1000000\r\n\r\n"));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 413);
  std::lock_guard lock(mu_);
  EXPECT_EQ(last_error_method_, "POST") << "the error responder sees the parsed header";
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(ServerTest, OversizeBodyGives413WhenSent) {
  Client client(port_);
  ASSERT_TRUE(client.Send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 2000\r\n\r\n" +
                          std::string(2000, 'b')));
  EXPECT_EQ(client.Read().status, 413);
}

TEST_F(ServerTest, OversizeChunkedBodyGives413) {
  Client client(port_);
  std::string request = "POST /upload HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) request += "200\r\n" + std::string(512, 'c') + "\r\n";
  request += "0\r\n\r\n";
  ASSERT_TRUE(client.Send(request));
  EXPECT_EQ(client.Read().status, 413);
}

TEST_F(ServerTest, GarbageRequestLineGives400) {
  Client client(port_);
  ASSERT_TRUE(client.Send("THIS IS NOT HTTP\r\n\r\n"));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.body, "error 400");
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(ServerTest, MalformedRequestsGive400) {
  for (const std::string& request : std::vector<std::string>{
           std::string("GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: "
                       "chunked\r\n\r\n0\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nBad Header: x\r\nHost: t\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\n\r\n"),  // no Host
           std::string("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
           std::string("GET / HTTP/2.0\r\nHost: t\r\n\r\n"),
           "GET /a\0b HTTP/1.1\r\nHost: t\r\n\r\n"s,
           std::string("GET nopath HTTP/1.1\r\nHost: t\r\n\r\n"),
           std::string("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n"),
       }) {
    Client client(port_);
    ASSERT_TRUE(client.Send(request));
    EXPECT_EQ(client.Read().status, 400) << request;
  }
}

TEST_F(ServerTest, BadPathOrQueryGives400) {
  for (const std::string_view target :
       {"/%FF", "/%C0%AF", "/%ED%A0%80", "/%zz", "/a%2", "/%00", "/x?q=%FF", "/x?q=%", "/\xFF"}) {
    Client client(port_);
    ASSERT_TRUE(client.Send(Get(target)));
    const auto reply = client.Read();
    EXPECT_EQ(reply.status, 400) << target;
    EXPECT_TRUE(client.ClosedByServer()) << target;
  }
}

TEST_F(ServerTest, AbsoluteFormTarget) {
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("http://test/abs?x=1")));
  EXPECT_EQ(client.Read().body, "GET /abs 127.0.0.1 q:x=1");
}

TEST_F(ServerTest, HandlerExceptionGives500AndServerCarriesOn) {
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/throw")));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 500);
  EXPECT_EQ(reply.body, "error 500");
  // The request was read completely, so the connection stays usable.
  ASSERT_TRUE(client.Send(Get("/throw-int")));
  EXPECT_EQ(client.Read().status, 500);
  ASSERT_TRUE(client.Send(Get("/ok")));
  EXPECT_EQ(client.Read().status, 200);

  Client another(port_);
  ASSERT_TRUE(another.Send(Get("/ok")));
  EXPECT_EQ(another.Read().status, 200);
}

TEST_F(ServerTest, HeaderInjectionIsRefused) {
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/inject")));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 500);
  EXPECT_EQ(reply.headers.count("x-bad"), 0u);
  EXPECT_EQ(reply.headers.count("set-cookie"), 0u);
}

TEST_F(ServerTest, ErrorResponderThatThrowsStillAnswers) {
  server_.reset();
  server_ = std::make_unique<Server>(
      TestOptions(), [](Request&) -> Response { throw std::runtime_error("x"); },
      [](int, const Request&) -> Response { throw std::runtime_error("y"); });
  port_ = server_->Start();
  Client client(port_);
  ASSERT_TRUE(client.Send(Get("/")));
  EXPECT_EQ(client.Read().status, 500);
  Client bad(port_);
  ASSERT_TRUE(bad.Send("\x01\x02\r\n\r\n"));
  EXPECT_EQ(bad.Read().status, 400);
}

TEST_F(ServerTest, ExpectContinue) {
  Client client(port_);
  ASSERT_TRUE(client.Send(
      "POST /e HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  const auto interim = client.Read();
  EXPECT_EQ(interim.status, 100);
  ASSERT_TRUE(client.Send("abc"));
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "POST /e 127.0.0.1 body:abc");
}

TEST_F(ServerTest, PartialRequestTimesOutWith408) {
  Client client(port_);
  ASSERT_TRUE(client.Send("GET /slowloris HTTP/1.1\r\nHost: te"));
  const auto start = std::chrono::steady_clock::now();
  const auto reply = client.Read();
  EXPECT_EQ(reply.status, 408);
  // The one-second read timeout, not the 15 s default: a margin a busy machine keeps.
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(ServerTest, IdleConnectionIsClosedWithoutAnswer) {
  Client client(port_);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.ClosedByServer());
  // The test's timeouts (1 s, 2 s), not the defaults (15 s, 30 s): a margin a busy machine keeps.
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_EQ(errors_.load(), 0);
}

TEST_F(ServerTest, TooManyConnectionsGives503) {
  server_.reset();
  ServerOptions options = TestOptions();
  options.max_connections = 2;
  StartServer(options);
  auto first = std::make_unique<Client>(port_);
  Client second(port_);
  ASSERT_TRUE(first->Send(Get("/1")));
  ASSERT_TRUE(second.Send(Get("/2")));
  ASSERT_EQ(first->Read().status, 200);
  ASSERT_EQ(second.Read().status, 200);
  {
    Client third(port_);
    const auto reply = third.Read();
    EXPECT_EQ(reply.status, 503);
    EXPECT_EQ(reply.body, "error 503");
    EXPECT_TRUE(third.ClosedByServer());
  }
  // The kept-alive connections still work, and once one goes a new client gets in.
  ASSERT_TRUE(second.Send(Get("/again")));
  EXPECT_EQ(second.Read().status, 200);
  ASSERT_TRUE(first->Send(Get("/bye", "Connection: close\r\n")));
  EXPECT_EQ(first->Read().status, 200);
  EXPECT_TRUE(first->ClosedByServer());
  first.reset();
  // The place is free once the server has seen the close: ask until then, not after a sleep.
  int status = 0;
  for (int attempt = 0; attempt < 200 && status != 200; ++attempt) {
    Client fourth(port_);
    status = fourth.Send(Get("/4")) ? fourth.Read().status : 0;
    if (status != 200) std::this_thread::sleep_for(25ms);
  }
  EXPECT_EQ(status, 200);
}

TEST_F(ServerTest, SurvivesRandomGarbage) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 40; ++round) {
    Client client(port_);
    std::string junk;
    const int length = static_cast<int>(rng() % 600);
    for (int i = 0; i < length; ++i) junk.push_back(static_cast<char>(rng() % 256));
    if (round % 2 == 0) junk = "GET /" + junk;
    if (round % 3 == 0) junk += "\r\n\r\n";
    client.Send(junk);
    // Do not wait on each one: closing right away also exercises the reset paths.
  }
  // The garbage connections may still count against max_connections for a moment.
  std::string body;
  for (int attempt = 0; attempt < 50 && body.empty(); ++attempt) {
    Client client(port_);
    ASSERT_TRUE(client.Send(Get("/still-alive")));
    const auto reply = client.Read();
    if (reply.status == 503) {
      std::this_thread::sleep_for(100ms);
      continue;
    }
    body = reply.body;
  }
  EXPECT_EQ(body, "GET /still-alive 127.0.0.1");
}

TEST_F(ServerTest, ManyConcurrentClients) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      Client client(port_);
      for (int i = 0; i < 20; ++i) {
        const std::string path = "/c" + std::to_string(t) + "-" + std::to_string(i);
        if (!client.Send(Get(path))) return;
        if (client.Read().body == "GET " + path + " 127.0.0.1") ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 120);
}

TEST(ServerLifecycleTest, WaitReturnsAfterStopAndStopIsIdempotent) {
  ServerOptions options;
  options.port = 0;
  Server server(
      options, [](Request&) { return Response::Text(200, "ok"); },
      [](int status, const Request&) { return Response::Text(status, "e"); });
  const std::uint16_t port = server.Start();
  EXPECT_NE(port, 0);
  EXPECT_EQ(server.Start(), port);
  std::thread stopper([&] {
    std::this_thread::sleep_for(100ms);
    server.Stop();
  });
  server.Wait(false);
  stopper.join();
  server.Stop();
  Client client(port);
  EXPECT_FALSE(client.connected()) << "the port is released after Stop";
}

TEST(ServerLifecycleTest, StopFromHandlerEndsWait) {
  ServerOptions options;
  options.port = 0;
  Server* self = nullptr;
  Server server(
      options,
      [&self](Request&) {
        self->Stop();
        return Response::Text(200, "stopping");
      },
      nullptr);
  self = &server;
  const std::uint16_t port = server.Start();
  std::thread client_thread([port] {
    Client client(port);
    client.Send(Get("/stop"));
    client.Read();
  });
  server.Wait(false);
  client_thread.join();
}

TEST(ServerLifecycleTest, BindFailureThrows) {
  ServerOptions options;
  options.port = 0;
  Server first(
      options, [](Request&) { return Response{}; }, nullptr);
  options.port = first.Start();
  Server second(
      options, [](Request&) { return Response{}; }, nullptr);
  EXPECT_THROW(second.Start(), std::system_error);
}

TEST(ServerLifecycleTest, DestructorWithoutStart) {
  Server server(
      ServerOptions{}, [](Request&) { return Response{}; }, nullptr);
}

}  // namespace
}  // namespace tsunagu::http
