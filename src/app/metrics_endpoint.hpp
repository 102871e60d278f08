// GET /metrics for Prometheus, on its own listen address ([metrics] listen), never on the
// public one: the process-wide instruments (metrics/instruments.hpp) and what is measured at
// scrape time (mail outbox depth and age, clock-job lag, the database answering).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "http/message.hpp"
#include "http/server.hpp"

namespace tsunagu::app {

class App;

class MetricsEndpoint {
 public:
  // token: when not empty, the scrape must send "Authorization: Bearer TOKEN".
  MetricsEndpoint(App& app, std::string token);
  ~MetricsEndpoint();
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

  // Listens on host:port (0 picks a free port) and returns the port; throws std::system_error
  // when it cannot bind, like http::Server::Start.
  std::uint16_t Start(const std::string& host, std::uint16_t port);
  void Stop();

  // GET or HEAD /metrics (with "Authorization: Bearer TOKEN" when a token is set); 404 for any
  // other path, 405 for other methods, 401 without the token.
  http::Response Handle(const http::Request& request);
  // The exposition text.
  std::string Scrape();

 private:
  App& app_;
  std::string token_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace tsunagu::app
