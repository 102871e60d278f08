// The HTTP server: Beast and Asio live only in src/http (connection.hpp, session.cpp, server.cpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace tsunagu::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (tests)
  int io_threads = 1;
  int worker_threads = 8;  // handlers may block on the database
  // Limits: a slow or hostile client must not hold resources (SECURITY.md rule 10).
  std::size_t max_header_bytes = std::size_t{16} * 1024;
  std::size_t max_body_bytes = std::size_t{1024} * 1024;
  std::chrono::seconds read_timeout{15};
  std::chrono::seconds keep_alive_timeout{30};
  std::size_t max_connections = 1024;  // event streams count too: each holds a socket
  // An idle event stream gets a comment this often, so proxies do not close it for silence
  // and a dead peer shows up as a failed write.
  std::chrono::milliseconds sse_heartbeat{std::chrono::seconds(20)};
  // When set, called once the headers are read (method, target, path, query and headers
  // filled; no body) to give this request's body limit instead of max_body_bytes: uploads
  // need more than forms, and only their routes should accept it.
  std::function<std::size_t(const Request&)> body_limit_for;
  // When set, a request announcing a body larger than admit_above bytes (or chunked) is first
  // shown to this function with its headers only (method, target, path, query, headers; no
  // body), on a worker thread. A response it returns is sent instead and the connection closed:
  // the body is never read, so nobody can make the server take in an upload to a route they
  // may not use. nullopt lets the request go on as usual.
  std::function<std::optional<Response>(Request&)> admit;
  std::size_t admit_above = std::size_t{64} * 1024;
};

// What the server calls for each complete, well-formed request. It runs on a worker thread.
using Handler = std::function<Response(Request&)>;

// Called when the server itself must answer before the handler can (malformed request,
// oversize header or body, too many connections). The status is 400, 408, 413, 431 or 503;
// the request carries whatever could be read (headers may be empty), so the app can choose
// the language and format of the answer.
using ErrorResponder = std::function<Response(int status, const Request& partial)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler, ErrorResponder on_error);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the I/O and worker threads; returns the bound port. A second call
  // returns the same port. Throws std::system_error when it cannot resolve or bind: a server
  // that cannot listen is a start-up failure, not a condition to carry on from.
  std::uint16_t Start();
  // Blocks until Stop() is called or SIGINT/SIGTERM arrives (when handle_signals), then
  // stops the server. Returns at once if the server is not running.
  void Wait(bool handle_signals);
  // Idempotent; closes the listener and every connection (ending event streams) and joins
  // all threads. Called from a handler it only asks for the stop (a thread cannot join
  // itself): Wait() or the destructor then finishes it. Do not destroy the Server while another
  // thread is in Wait().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tsunagu::http
