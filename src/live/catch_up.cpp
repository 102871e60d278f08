#include "live/catch_up.hpp"

#include <charconv>
#include <utility>

namespace tsunagu::live {

std::optional<std::int64_t> ParseMark(const std::optional<std::string>& seen) {
  if (!seen || seen->empty()) return std::nullopt;
  std::int64_t value = 0;
  const char* end = seen->data() + seen->size();
  const auto [ptr, ec] = std::from_chars(seen->data(), end, value);
  if (ec != std::errc() || ptr != end || value < 0) return std::nullopt;
  return value;
}

std::shared_ptr<http::EventStream> OpenStream(
    Hub& hub, const StreamFor& what, std::optional<std::int64_t> seen,
    const std::function<std::optional<std::int64_t>()>& mark, Viewer viewer) {
  auto stream = hub.Subscribe(what.topic, std::move(viewer));
  if (!stream) return nullptr;
  // A first event tells the page (and a test) that the stream is open.
  stream->Send("ready", what.ready_data);
  if (seen) {
    const auto now = mark();
    if (!now || *now != *seen) stream->Send(what.changed_event, "catch-up");
  }
  return stream;
}

}  // namespace tsunagu::live
