// One TCP connection of the HTTP server: reading a request (header first, then a body
// within its route's limit), handing it to a worker, writing the answer, and an event stream.
#include "http/connection.hpp"
#include "metrics/instruments.hpp"

namespace tsunagu::http::detail {

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

}  // namespace tsunagu::http::detail
