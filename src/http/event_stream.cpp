#include "http/event_stream.hpp"

#include <utility>

namespace tsunagu::http {
namespace {

// Calls line(text) for each line of s, splitting on CRLF, CR or LF as an event-stream parser
// does; an empty s is one empty line, so every event carries at least one data line.
template <typename F>
void ForEachLine(std::string_view s, F&& line) {
  while (true) {
    const std::size_t end = s.find_first_of("\r\n");
    if (end == std::string_view::npos) {
      line(s);
      return;
    }
    line(s.substr(0, end));
    const std::size_t next =
        (s[end] == '\r' && end + 1 < s.size() && s[end + 1] == '\n') ? end + 2 : end + 1;
    s.remove_prefix(next);
  }
}

}  // namespace

std::string EventStream::Format(std::string_view event, std::string_view data) {
  std::string out;
  out.reserve(event.size() + data.size() + 16);
  std::string name;
  for (char c : event) {
    if (c != '\r' && c != '\n') name += c;
  }
  // An empty name would reset the type to "message"; leaving the field out does the same.
  if (!name.empty()) {
    out += "event: ";
    out += name;
    out += '\n';
  }
  ForEachLine(data, [&](std::string_view line) {
    out += "data: ";
    out += line;
    out += '\n';
  });
  out += '\n';
  return out;
}

std::string EventStream::FormatComment(std::string_view text) {
  std::string out;
  ForEachLine(text, [&](std::string_view line) {
    out += ':';
    if (!line.empty()) {
      out += ' ';
      out += line;
    }
    out += '\n';
  });
  out += '\n';
  return out;
}

bool EventStream::Send(std::string_view event, std::string_view data) {
  return Enqueue(Format(event, data));
}

bool EventStream::SendComment(std::string_view text) {
  return Enqueue(FormatComment(text));
}

bool EventStream::Enqueue(std::string bytes) {
  std::lock_guard lock(mu_);
  if (closed_) return false;
  if (pending_.size() + bytes.size() > max_pending_bytes_) {
    // The client is not reading: drop it rather than grow (it reconnects and re-fetches).
    pending_.clear();
    closed_ = true;
    dropped_ = true;
    if (wake_) wake_();
    return false;
  }
  const bool was_empty = pending_.empty();
  pending_ += bytes;
  // A non-empty queue already has a wake-up (or a write) on its way that will take it all.
  if (was_empty && wake_) wake_();
  return true;
}

void EventStream::Close() {
  std::lock_guard lock(mu_);
  if (closed_) return;
  closed_ = true;
  if (wake_) wake_();
}

bool EventStream::closed() const {
  std::lock_guard lock(mu_);
  return closed_;
}

bool EventStream::dropped() const {
  std::lock_guard lock(mu_);
  return dropped_;
}

void EventStream::Attach(std::function<void()> wake) {
  std::lock_guard lock(mu_);
  wake_ = std::move(wake);
}

void EventStream::Detach() {
  std::lock_guard lock(mu_);
  wake_ = nullptr;
}

EventStream::Pending EventStream::Take() {
  std::lock_guard lock(mu_);
  Pending out;
  out.bytes = std::move(pending_);
  pending_.clear();
  out.closed = closed_;
  return out;
}

}  // namespace tsunagu::http
