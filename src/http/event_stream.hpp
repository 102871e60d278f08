// A Server-Sent Events stream (HTML Living Standard §9.2), Beast-free: the application queues
// events from any thread, and the server writes them to the one connection that owns it.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace tsunagu::http {

class EventStream {
 public:
  // A client that stops reading must not make the server hold its events for ever: past this
  // many unsent bytes the stream is closed and the client dropped (it reconnects and
  // re-fetches, which is what a live page does after any gap).
  static constexpr std::size_t kDefaultMaxPendingBytes = std::size_t{256} * 1024;

  explicit EventStream(std::size_t max_pending_bytes = kDefaultMaxPendingBytes)
      : max_pending_bytes_(max_pending_bytes) {}
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // Queues one event. CR and LF are removed from the event name, and data is split on line
  // breaks into one `data:` line each, so neither can add fields of its own. Returns false
  // once the stream is closed (connection gone, server stopped, or the queue overflowed).
  bool Send(std::string_view event, std::string_view data);
  // Queues a comment (": text"), which clients ignore; used for heartbeats.
  bool SendComment(std::string_view text);
  // Ends the stream: what is already queued is still written, then the connection closes.
  void Close();
  bool closed() const;
  // Closed because the queue overflowed: nothing more is written to this client.
  bool dropped() const;

  // --- for the server that owns the connection ------------------------------------------
  // wake is called (under the stream's lock, so it must only post work elsewhere) when bytes
  // are queued into an empty queue or when the stream closes.
  void Attach(std::function<void()> wake);
  // After Detach returns, wake is never called again.
  void Detach();
  struct Pending {
    std::string bytes;
    bool closed = false;
  };
  // Takes everything queued so far.
  Pending Take();

  // The wire form of one event, exposed for tests.
  static std::string Format(std::string_view event, std::string_view data);
  static std::string FormatComment(std::string_view text);

 private:
  bool Enqueue(std::string bytes);

  const std::size_t max_pending_bytes_;
  mutable std::mutex mu_;
  std::string pending_;
  bool closed_ = false;
  bool dropped_ = false;
  std::function<void()> wake_;
};

}  // namespace tsunagu::http
