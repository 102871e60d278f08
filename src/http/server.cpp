#include "http/server.hpp"

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

#include "metrics/instruments.hpp"

namespace tsunagu::http {
namespace {

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

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return AsciiLower(x) == AsciiLower(y);
         });
}

bool ContainsTokenIgnoreCase(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (EqualsIgnoreCase(item, token)) return true;
  }
  return false;
}

bool IsTokenChar(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b <= 0x20 || b >= 0x7F) return false;
  return std::string_view("\"(),/:;<=>?@[\\]{}").find(c) == std::string_view::npos;
}

// Header values from handlers may carry user input (a redirect target): CR or LF would let
// it inject headers, so such a response is refused rather than sent.
bool IsValidHeader(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), IsTokenChar)) return false;
  return std::none_of(value.begin(), value.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && c != '\t') || b == 0x7F;
  });
}

bool IsBodylessStatus(int status) {
  return status / 100 == 1 || status == 204 || status == 304;
}

// Splits the request target into a decoded path and query. Returns false when either part
// is not valid percent-encoding or not valid UTF-8.
bool FillPathAndQuery(Request& req) {
  std::string_view target = req.target;
  if (!target.starts_with('/')) {
    // absolute-form (RFC 9112 §3.2.2): keep only the path and query.
    const std::size_t scheme_end = target.find("://");
    if (scheme_end == std::string_view::npos) return false;
    const std::string_view scheme = target.substr(0, scheme_end);
    if (!EqualsIgnoreCase(scheme, "http") && !EqualsIgnoreCase(scheme, "https")) return false;
    const std::size_t path_start = target.find_first_of("/?", scheme_end + 3);
    target = path_start == std::string_view::npos ? std::string_view{} : target.substr(path_start);
  }
  const std::size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  if (raw_path.empty()) raw_path = "/";
  auto path = PercentDecode(raw_path, false);
  // A NUL has no business in a path and is a classic way to fool file-system code.
  if (!path || !IsValidUtf8(*path) || path->find('\0') != std::string::npos) return false;
  req.path = std::move(*path);
  if (question != std::string_view::npos) {
    auto query = ParseForm(target.substr(question + 1));
    if (!query) return false;
    req.query = std::move(*query);
  }
  return true;
}

Response FallbackResponse(int status) {
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

Session::Session(tcp::socket socket, ServerCore& core, bool over_limit)
    : core_(core),
      stream_(std::move(socket)),
      deadline_(stream_.get_executor()),
      over_limit_(over_limit),
      heartbeat_(stream_.get_executor()) {
  if (!over_limit_) ++core_.active_connections();
  core_.Register(this);
  beast::error_code ec;
  const auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_address_ = endpoint.address().to_string();
  stream_.socket().set_option(tcp::no_delay(true), ec);
}

Session::~Session() {
  if (events_counted_) metrics::Get().event_streams_open.With({}).Add(-1);
  if (events_) {
    events_->Detach();
    events_->Close();
  }
  core_.Unregister(this);
  if (!over_limit_) --core_.active_connections();
}

void Session::CloseAfterStop() {
  if (events_) {
    events_->Detach();
    events_->Close();
  }
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.socket().close(ec);
}

void Session::Start() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Begin(); });
}

void Session::Begin() {
  if (over_limit_) {
    Request partial;
    partial.remote_address = remote_address_;
    Dispatch(std::move(partial), 503, ReplyContext{});
    return;
  }
  // The first request gets read_timeout from the moment of accept; later ones first wait
  // up to keep_alive_timeout for their first byte.
  ReadRequest();
}

void Session::WaitForRequest() {
  if (buffer_.size() > 0) {
    ReadRequest();  // a pipelined request is already here
    return;
  }
  stream_.expires_after(core_.options().keep_alive_timeout);
  stream_.async_read_some(buffer_.prepare(kIdleReadBytes),
                          [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                            // Timeout, close or reset while idle: nothing to answer.
                            if (ec) return self->Close();
                            self->buffer_.commit(bytes);
                            self->ReadRequest();
                          });
}

void Session::ReadRequest() {
  const ServerOptions& options = core_.options();
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(options.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
  if (options.body_limit_for) {
    // Decided in OnHeader for this request. The parser checks a declared length as soon as
    // the header ends, so the default must not be applied first.
    parser_->body_limit(boost::none);
  } else {
    parser_->body_limit(static_cast<std::uint64_t>(options.max_body_bytes));
  }

  // Our own timer rather than the stream's expiry: the stream closes the socket on
  // timeout, and a slow client should still learn that it was too slow (408).
  stream_.expires_never();
  reading_ = true;
  timed_out_ = false;
  const std::uint64_t generation = ++read_generation_;
  deadline_.expires_after(options.read_timeout);
  deadline_.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
    self->OnDeadline(generation, ec);
  });
  bhttp::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
}

void Session::OnDeadline(std::uint64_t generation, beast::error_code ec) {
  if (ec || generation != read_generation_ || !reading_) return;
  timed_out_ = true;
  beast::error_code ignored;
  stream_.socket().cancel(ignored);
}

void Session::StopDeadline() {
  reading_ = false;
  deadline_.cancel();
}

void Session::OnHeader(beast::error_code ec) {
  if (ec) return OnReadError(ec);
  first_request_ = false;
  if (core_.options().body_limit_for && !ApplyBodyLimit()) {
    StopDeadline();
    return DispatchError(413);
  }
  if (NeedsAdmission()) return Admit();
  AfterAdmission();
}

bool Session::NeedsAdmission() const {
  const ServerOptions& options = core_.options();
  if (!options.admit || parser_->is_done()) return false;
  const auto length = parser_->content_length();
  return !length || *length > options.admit_above;
}

void Session::Admit() {
  Request req = PartialRequest();
  // A target that does not decode is answered 400 once the request is complete.
  if (!FillPathAndQuery(req)) return AfterAdmission();
  ReplyContext context;
  context.version = parser_->get().version() == 10 ? 10 : 11;
  context.head = parser_->get().method() == bhttp::verb::head;
  asio::post(core_.workers(), [self = shared_from_this(), req = std::move(req), context]() mutable {
    std::optional<Outgoing> refused;
    try {
      refused = self->core_.Admit(req, context);
    } catch (...) {
      // Allocation failure only: give up on this one connection.
      asio::post(self->stream_.get_executor(), [self] { self->Close(); });
      return;
    }
    asio::post(self->stream_.get_executor(), [self, refused = std::move(refused)]() mutable {
      if (!refused) return self->AfterAdmission();
      // The body stays unread: answer, then close (Linger drains a little of what is still
      // coming so that the answer is not lost to a reset).
      self->StopDeadline();
      self->parser_.reset();
      self->Write(std::move(*refused));
    });
  });
}

void Session::AfterAdmission() {
  // The read deadline ran on while the application decided.
  if (timed_out_) {
    StopDeadline();
    return DispatchError(408);
  }
  const auto& header = parser_->get();
  if (!parser_->is_done() &&
      ContainsTokenIgnoreCase(header[bhttp::field::expect], "100-continue") &&
      header.version() >= 11) {
    // Clients such as curl wait for this before sending a large body.
    asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = shared_from_this()](beast::error_code write_ec, std::size_t) {
                        if (write_ec) return self->OnReadError(write_ec);
                        self->ReadBody();
                      });
    return;
  }
  ReadBody();
}

bool Session::ApplyBodyLimit() {
  std::size_t limit = core_.options().max_body_bytes;
  Request req = PartialRequest();
  // A target that does not decode gets the default here and its 400 once it is complete.
  if (FillPathAndQuery(req)) {
    try {
      limit = core_.options().body_limit_for(req);
    } catch (...) {
      limit = core_.options().max_body_bytes;
    }
  }
  if (const auto length = parser_->content_length(); length && *length > limit) return false;
  parser_->body_limit(static_cast<std::uint64_t>(limit));
  return true;
}

void Session::ReadBody() {
  if (parser_->is_done()) return OnBody({});
  bhttp::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnBody(ec); });
}

void Session::OnBody(beast::error_code ec) {
  if (ec) return OnReadError(ec);
  StopDeadline();
  DispatchRequest();
}

void Session::OnReadError(beast::error_code ec) {
  const bool timed_out = timed_out_;
  StopDeadline();
  const bool got_some = (parser_ && parser_->got_some()) || buffer_.size() > 0;
  if (timed_out) {
    if (got_some) return DispatchError(408);
    return Close();
  }
  if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
    return DispatchError(431);
  }
  if (ec == bhttp::error::body_limit) return DispatchError(413);
  // The client went away (or closed between requests): nobody to answer.
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
      ec.category() != bhttp::make_error_code(bhttp::error::end_of_stream).category()) {
    return Close();
  }
  DispatchError(400);
}

Request Session::PartialRequest() const {
  Request req;
  req.remote_address = remote_address_;
  // Even when the header failed a limit, the start line and the fields parsed so far are
  // valid, and the responder may use them (Accept-Language, say).
  if (parser_ && parser_->got_some()) {
    const auto& header = parser_->get();
    req.method = std::string(header.method_string());
    req.target = std::string(header.target());
    for (const auto& field : header) {
      req.headers.Add(std::string(field.name_string()), std::string(field.value()));
    }
  }
  return req;
}

void Session::DispatchError(int status) {
  ReplyContext context;
  if (parser_ && parser_->got_some()) {
    context.version = parser_->get().version() == 10 ? 10 : 11;
    context.head = parser_->get().method() == bhttp::verb::head;
  }
  Dispatch(PartialRequest(), status, context);
}

void Session::DispatchRequest() {
  auto& message = parser_->get();
  ReplyContext context;
  context.version = message.version() == 10 ? 10 : 11;
  context.keep_alive = message.keep_alive();
  context.head = message.method() == bhttp::verb::head;

  Request req;
  req.method = std::string(message.method_string());
  req.target = std::string(message.target());
  for (const auto& field : message) {
    req.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  req.body = std::move(message.body());
  req.remote_address = remote_address_;

  // HTTP/1.1 requires exactly one Host header (RFC 9112 §3.2); other major versions are
  // not HTTP/1 at all (an HTTP/2 preface, say).
  const auto host_count = message.count(bhttp::field::host);
  const bool host_ok = context.version == 10 ? host_count <= 1 : host_count == 1;
  const bool version_ok = message.version() / 10 == 1;
  if (!version_ok || !host_ok || !FillPathAndQuery(req)) {
    Request partial = std::move(req);
    partial.path.clear();
    partial.query.clear();
    partial.body.clear();
    return Dispatch(std::move(partial), 400, context);
  }
  Dispatch(std::move(req), 0, context);
}

void Session::Dispatch(Request req, int error_status, ReplyContext context) {
  parser_.reset();
  asio::post(core_.workers(),
             [self = shared_from_this(), req = std::move(req), error_status, context]() mutable {
               try {
                 Outgoing out = self->core_.Produce(req, error_status, context);
                 asio::post(self->stream_.get_executor(), [self, out = std::move(out)]() mutable {
                   self->Write(std::move(out));
                 });
               } catch (...) {
                 // Only allocation failure gets here; an exception leaving a pool thread would
                 // end the process, so give up on this one connection instead.
                 asio::post(self->stream_.get_executor(), [self] { self->Close(); });
               }
             });
}

void Session::Write(Outgoing out) {
  stream_.expires_after(kWriteTimeout);
  const bool close = out.close;
  events_ = std::move(out.events);
  std::visit(
      [&](auto& message) {
        using Message = std::decay_t<decltype(message)>;
        out_ = std::move(message);
        bhttp::async_write(stream_, std::get<Message>(out_),
                           [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
                             self->OnWrite(close, ec);
                           });
      },
      out.message);
}

void Session::OnWrite(bool close, beast::error_code ec) {
  out_ = std::monostate{};
  if (events_) {
    if (ec) return EndEvents();
    return StartEvents();
  }
  if (ec) return Close();
  if (close) return Linger();
  WaitForRequest();
}

void Session::Linger() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) return Close();
  stream_.expires_after(
      std::min<std::chrono::steady_clock::duration>(kLingerTimeout, core_.options().read_timeout));
  buffer_.clear();
  stream_.async_read_some(
      asio::buffer(linger_buffer_),
      [self = shared_from_this()](beast::error_code read_ec, std::size_t bytes) {
        self->OnLingerRead(read_ec, bytes);
      });
}

void Session::OnLingerRead(beast::error_code ec, std::size_t bytes) {
  lingered_bytes_ += bytes;
  if (ec || lingered_bytes_ >= kLingerMaxBytes) return Close();
  stream_.async_read_some(asio::buffer(linger_buffer_),
                          [self = shared_from_this()](beast::error_code read_ec, std::size_t more) {
                            self->OnLingerRead(read_ec, more);
                          });
}

void Session::StartEvents() {
  // From here on the socket is used directly with our own timers: Beast's stream timeout
  // covers reads and writes together and would end a healthy idle stream.
  stream_.expires_never();
  auto& m = metrics::Get();
  m.event_streams.With({}).Inc();
  m.event_streams_open.With({}).Add(1);
  events_counted_ = true;
  std::weak_ptr<Session> weak = weak_from_this();
  auto executor = stream_.get_executor();
  // Weak, so that a stream kept by the application does not keep a closed connection alive.
  events_->Attach([weak, executor] {
    asio::post(executor, [weak] {
      if (auto self = weak.lock()) self->PumpEvents();
    });
  });
  ReadWhileStreaming();
  ScheduleHeartbeat();
  PumpEvents();  // whatever was queued before the header went out
}

void Session::ReadWhileStreaming() {
  stream_.socket().async_read_some(asio::buffer(linger_buffer_),
                                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                     // The stream is one-way: what the client sends is dropped, and
                                     // its end (close or reset) ends the stream at once instead of
                                     // at the next failed write.
                                     if (ec) return self->EndEvents();
                                     self->ReadWhileStreaming();
                                   });
}

void Session::PumpEvents() {
  if (events_ended_) return;
  if (events_writing_) {
    // A client dropped for not reading would not finish this write either: end it now
    // rather than at the write timeout. Otherwise the write's completion takes the rest.
    if (events_->dropped()) EndEvents();
    return;
  }
  EventStream::Pending pending = events_->Take();
  if (pending.bytes.empty()) {
    if (pending.closed) EndEvents();
    return;
  }
  events_out_ = std::move(pending.bytes);
  events_writing_ = true;
  events_write_started_ = std::chrono::steady_clock::now();
  asio::async_write(stream_.socket(), asio::buffer(events_out_),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      self->OnEventsWritten(ec);
                    });
}

void Session::OnEventsWritten(beast::error_code ec) {
  events_writing_ = false;
  events_out_.clear();
  if (ec) return EndEvents();
  PumpEvents();
}

void Session::ScheduleHeartbeat() {
  const auto heartbeat = core_.options().sse_heartbeat;
  heartbeat_.expires_after(heartbeat.count() > 0
                               ? std::chrono::steady_clock::duration(heartbeat)
                               : std::chrono::steady_clock::duration(kWriteTimeout));
  heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (!ec) self->OnHeartbeat();
  });
}

void Session::OnHeartbeat() {
  if (events_ended_) return;
  // A write still pending after this long: the peer stopped reading (or vanished).
  if (events_writing_ &&
      std::chrono::steady_clock::now() - events_write_started_ >= kWriteTimeout) {
    return EndEvents();
  }
  if (core_.options().sse_heartbeat.count() > 0) events_->SendComment("ping");
  ScheduleHeartbeat();
}

void Session::EndEvents() {
  if (events_ended_) return;
  events_ended_ = true;
  if (events_counted_) {
    metrics::Get().event_streams_open.With({}).Add(-1);
    events_counted_ = false;
  }
  events_->Detach();
  events_->Close();
  heartbeat_.cancel();
  Close();
}

void Session::Close() {
  StopDeadline();
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
}

}  // namespace

struct Server::Impl {
  ServerCore core;
  Impl(ServerOptions options, Handler handler, ErrorResponder on_error)
      : core(std::move(options), std::move(handler), std::move(on_error)) {}
};

Server::Server(ServerOptions options, Handler handler, ErrorResponder on_error)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(on_error))) {}

Server::~Server() = default;

std::uint16_t Server::Start() {
  return impl_->core.Start();
}

void Server::Wait(bool handle_signals) {
  impl_->core.Wait(handle_signals);
}

void Server::Stop() {
  impl_->core.Stop();
}

}  // namespace tsunagu::http
