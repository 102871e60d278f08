// The connection machinery of the HTTP server (server.cpp, session.cpp): one Session per TCP
// connection and the ServerCore that accepts them and runs the handlers. Internal to src/http:
// Beast and Asio live only here.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "http/request_target.hpp"
#include "http/server.hpp"

namespace tsunagu::http::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

using StringResponse = bhttp::response<bhttp::string_body>;
using FileResponse = bhttp::response<bhttp::file_body>;

// A response must be fully sent within this; static assets are small, and a client that
// stops reading must not hold a connection for ever.
constexpr std::chrono::seconds kWriteTimeout{60};
// After an error answer we read (and discard) what the client is still sending for a short
// while before closing: closing with unread data makes the kernel send RST, which can
// destroy our answer before the client reads it.
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::size_t kLingerMaxBytes = std::size_t{1024} * 1024;
// accept() fails in a loop when file descriptors run out; pausing lets connections close.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
constexpr std::size_t kIdleReadBytes = 4096;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

inline Response FallbackResponse(int status) {
  return Response::Text(status, std::to_string(status) + "\n");
}

struct Outgoing {
  std::variant<StringResponse, FileResponse> message;
  bool close = false;
  // Set for an event stream: message is its header, and the events follow it.
  std::shared_ptr<EventStream> events;
};

// What the response depends on besides the handler's Response.
struct ReplyContext {
  unsigned version = 11;
  bool keep_alive = false;
  bool head = false;
};

class ServerCore;

// One TCP connection. Every member function runs on the connection's strand, except the
// worker task created in Dispatch, which touches only its own captures.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerCore& core, bool over_limit);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Start();
  // Only once every server thread has been joined: nothing else touches the session then.
  void CloseAfterStop();

 private:
  void Begin();
  void WaitForRequest();
  void ReadRequest();
  void OnHeader(beast::error_code ec);
  bool NeedsAdmission() const;
  void Admit();
  void AfterAdmission();
  void ReadBody();
  void OnBody(beast::error_code ec);
  void OnReadError(beast::error_code ec);
  void OnDeadline(std::uint64_t generation, beast::error_code ec);
  void StopDeadline();
  void DispatchRequest();
  void DispatchError(int status);
  void Dispatch(Request req, int error_status, ReplyContext context);
  bool ApplyBodyLimit();
  void Write(Outgoing out);
  void OnWrite(bool close, beast::error_code ec);
  void StartEvents();
  void ReadWhileStreaming();
  void PumpEvents();
  void OnEventsWritten(beast::error_code ec);
  void ScheduleHeartbeat();
  void OnHeartbeat();
  void EndEvents();
  void Linger();
  void OnLingerRead(beast::error_code ec, std::size_t bytes);
  void Close();
  Request PartialRequest() const;

  ServerCore& core_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  asio::steady_timer deadline_;
  std::uint64_t read_generation_ = 0;
  bool reading_ = false;
  bool timed_out_ = false;
  bool first_request_ = true;
  const bool over_limit_;
  std::string remote_address_;
  std::variant<std::monostate, StringResponse, FileResponse> out_;
  std::size_t lingered_bytes_ = 0;
  std::array<char, 4096> linger_buffer_{};
  // An event stream, once its header is out: the connection then only writes.
  std::shared_ptr<EventStream> events_;
  asio::steady_timer heartbeat_;
  std::string events_out_;
  bool events_writing_ = false;
  bool events_ended_ = false;
  bool events_counted_ = false;  // in tsunagu_event_streams_open
  std::chrono::steady_clock::time_point events_write_started_;
};

class ServerCore {
 public:
  ServerCore(ServerOptions options, Handler handler, ErrorResponder on_error)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        on_error_(std::move(on_error)),
        ioc_(std::max(1, options_.io_threads)),
        acceptor_(ioc_),
        accept_retry_(ioc_) {}

  ~ServerCore() { Stop(); }

  std::uint16_t Start() {
    std::lock_guard lock(lifecycle_mu_);
    if (started_) return port_;
    if (stopped_) throw std::logic_error("tsunagu::http::Server cannot be restarted");
    beast::error_code ec;
    tcp::resolver resolver(ioc_);
    const auto endpoints =
        resolver.resolve(options_.host, std::to_string(options_.port), tcp::resolver::passive, ec);
    if (ec || endpoints.empty()) {
      throw std::system_error(ec ? ec : asio::error::host_not_found,
                              "cannot resolve listen address " + options_.host);
    }
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (!ec) port_ = acceptor_.local_endpoint(ec).port();
    if (ec) {
      beast::error_code ignored;
      acceptor_.close(ignored);  // so that a corrected retry of Start() can open it again
      throw std::system_error(
          ec, "cannot listen on " + options_.host + ":" + std::to_string(options_.port));
    }

    workers_.emplace(static_cast<std::size_t>(std::max(1, options_.worker_threads)));
    work_guard_.emplace(ioc_.get_executor());
    DoAccept();
    for (int i = 0; i < std::max(1, options_.io_threads); ++i) {
      io_threads_.emplace_back([this] { RunIo(); });
    }
    started_ = true;
    return port_;
  }

  void Wait(bool handle_signals) {
    {
      std::lock_guard lock(lifecycle_mu_);
      if (!started_ || stopped_) return;
    }
    std::optional<asio::signal_set> signals;
    if (handle_signals) {
      signals.emplace(ioc_, SIGINT, SIGTERM);
      signals->async_wait([this](beast::error_code ec, int) {
        if (!ec) RequestStop();
      });
    }
    {
      std::unique_lock lock(stop_mu_);
      stop_cv_.wait(lock, [this] { return stop_requested_; });
    }
    Stop();
  }

  void Stop() {
    RequestStop();
    // From a handler or an I/O thread, joining would wait for ourselves: leave the teardown
    // to Wait() or the destructor.
    if (InServerThread()) return;
    std::lock_guard lock(lifecycle_mu_);
    if (stopped_) return;
    stopped_ = true;
    if (!started_) return;
    ioc_.stop();
    for (auto& thread : io_threads_) thread.join();
    io_threads_.clear();
    beast::error_code ec;
    acceptor_.close(ec);
    // Handlers already running finish; their answers go nowhere because I/O has stopped.
    workers_->join();
    // The sessions live on in the stopped io_context until it is destroyed; close their
    // sockets now so clients see the end at once rather than when the Server goes away.
    std::lock_guard sessions_lock(sessions_mu_);
    for (Session* session : sessions_) session->CloseAfterStop();
  }

  const ServerOptions& options() const { return options_; }
  asio::thread_pool& workers() { return *workers_; }
  std::atomic<std::size_t>& active_connections() { return active_connections_; }

  void Register(Session* session) {
    std::lock_guard lock(sessions_mu_);
    sessions_.insert(session);
  }
  void Unregister(Session* session) {
    std::lock_guard lock(sessions_mu_);
    sessions_.erase(session);
  }

  // Runs the handler (or the error responder) and turns the result into a Beast message.
  // Never throws: whatever the application does, the client gets an answer.
  Outgoing Produce(Request& req, int error_status, const ReplyContext& context) {
    Response res;
    if (error_status == 0) {
      try {
        res = handler_(req);
      } catch (...) {
        error_status = 500;
      }
    }
    if (error_status != 0) res = ErrorResponse(error_status, req);
    const bool close_after = context.keep_alive == false || IsClosingStatus(error_status);
    Outgoing out = ToBeastWithFallback(res, req, context, close_after);
    // A stream this connection will not carry is closed, so that its publisher forgets it.
    if (res.stream && out.events != res.stream) res.stream->Close();
    return out;
  }

  // Asks options().admit about a request whose body is not read yet. Never throws: when the
  // application fails, the answer is a 500 and the body is not read either.
  std::optional<Outgoing> Admit(Request& req, const ReplyContext& context) {
    std::optional<Response> refusal;
    try {
      refusal = options_.admit(req);
    } catch (...) {
      refusal = ErrorResponse(500, req);
    }
    if (!refusal) return std::nullopt;
    return ToBeastWithFallback(*refusal, req, context, true);
  }

 private:
  // The request could not be read completely, so the connection cannot be reused.
  static bool IsClosingStatus(int status) { return status != 0 && status != 500; }

  bool InServerThread() {
    if (!started_) return false;
    if (ioc_.get_executor().running_in_this_thread()) return true;
    return workers_ && workers_->get_executor().running_in_this_thread();
  }

  void RequestStop() {
    {
      std::lock_guard lock(stop_mu_);
      stop_requested_ = true;
    }
    stop_cv_.notify_all();
  }

  void RunIo() {
    while (true) {
      try {
        ioc_.run();
        return;
      } catch (...) {
        // A stray exception from a completion handler must not end the process; the
        // connection that threw is abandoned, the others carry on.
      }
    }
  }

  void DoAccept() {
    acceptor_.async_accept(
        asio::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
          if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
          if (ec) {
            accept_retry_.expires_after(kAcceptRetryDelay);
            accept_retry_.async_wait([this](beast::error_code wait_ec) {
              if (!wait_ec) DoAccept();
            });
            return;
          }
          const bool over_limit = active_connections_.load() >= options_.max_connections;
          std::make_shared<Session>(std::move(socket), *this, over_limit)->Start();
          DoAccept();
        });
  }

  Outgoing ToBeastWithFallback(const Response& res, const Request& req, const ReplyContext& context,
                               bool close_after) {
    if (auto out = ToBeast(res, context, close_after)) return std::move(*out);
    if (auto out = ToBeast(ErrorResponse(500, req), context, close_after)) return std::move(*out);
    return std::move(*ToBeast(FallbackResponse(500), context, close_after));
  }

  Response ErrorResponse(int status, const Request& req) {
    try {
      if (on_error_) return on_error_(status, req);
    } catch (...) {
      // Fall through to the plain answer.
    }
    return FallbackResponse(status);
  }

  static std::optional<Outgoing> ToBeast(const Response& res, const ReplyContext& context,
                                         bool close_after) {
    try {
      return ToBeastOrThrow(res, context, close_after);
    } catch (...) {
      // Beast refuses some fields (too long, say): treat it like any other bad response.
      return std::nullopt;
    }
  }

  static std::optional<Outgoing> ToBeastOrThrow(const Response& res, const ReplyContext& context,
                                                bool close_after) {
    if (res.status < 200 || res.status > 599) return std::nullopt;
    bool close = close_after;
    auto fill = [&](auto& msg) {
      msg.version(context.version);
      msg.result(static_cast<unsigned>(res.status));
      for (const auto& [name, value] : res.headers.items()) {
        if (!IsValidHeader(name, value)) return false;
        // The server owns framing: a handler's idea of the length could desynchronise the
        // connection.
        if (EqualsIgnoreCase(name, "content-length") ||
            EqualsIgnoreCase(name, "transfer-encoding")) {
          continue;
        }
        if (EqualsIgnoreCase(name, "connection")) {
          if (ContainsTokenIgnoreCase(value, "close")) close = true;
          continue;
        }
        msg.insert(name, value);
      }
      msg.keep_alive(!close);
      return true;
    };

    if (res.stream && res.status == 200 && !context.head) {
      StringResponse msg;
      if (!fill(msg)) return std::nullopt;
      // The body ends when the connection does (no length, no chunking), which every
      // EventSource and proxy understands; X-Accel-Buffering stops nginx holding events back.
      msg.set(bhttp::field::content_type, "text/event-stream; charset=utf-8");
      msg.set(bhttp::field::cache_control, "no-store");
      msg.set("X-Accel-Buffering", "no");
      msg.keep_alive(false);
      return Outgoing{std::move(msg), true, res.stream};
    }

    const bool bodyless = IsBodylessStatus(res.status);
    if (!res.file_path.empty() && !bodyless) {
      bhttp::file_body::value_type file;
      beast::error_code ec;
      file.open(res.file_path.c_str(), beast::file_mode::scan, ec);
      if (ec) return std::nullopt;
      const std::uint64_t size = file.size();
      if (context.head) {
        StringResponse msg;
        if (!fill(msg)) return std::nullopt;
        msg.content_length(size);
        return Outgoing{std::move(msg), close};
      }
      FileResponse msg;
      if (!fill(msg)) return std::nullopt;
      msg.body() = std::move(file);
      msg.content_length(size);
      return Outgoing{std::move(msg), close};
    }

    StringResponse msg;
    if (!fill(msg)) return std::nullopt;
    if (!bodyless) {
      msg.content_length(res.body.size());
      if (!context.head) msg.body() = res.body;
    }
    return Outgoing{std::move(msg), close};
  }

  // Declaration order is destruction order in reverse: sessions still queued in the
  // io_context or the pool use options_, the callbacks and the counter, so those go last.
  ServerOptions options_;
  Handler handler_;
  ErrorResponder on_error_;
  std::atomic<std::size_t> active_connections_{0};
  std::mutex sessions_mu_;
  std::unordered_set<Session*> sessions_;

  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_requested_ = false;

  std::mutex lifecycle_mu_;
  // Atomic because InServerThread reads it without the mutex (a handler calling Stop()
  // must not block on a lock held by a thread that is joining that handler).
  std::atomic<bool> started_{false};
  bool stopped_ = false;
  std::uint16_t port_ = 0;

  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  asio::steady_timer accept_retry_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_guard_;
  std::optional<asio::thread_pool> workers_;
  std::vector<std::thread> io_threads_;
};

}  // namespace tsunagu::http::detail
