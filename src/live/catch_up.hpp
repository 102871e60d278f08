// A live page must not miss a change made between its rendering and its stream's start, or
// while its stream was away (a dropped connection, a server restart). The page is drawn with
// a mark of its record (a number that grows with every change), sends it back as ?seen= when
// it connects, and the stream tells it at once to re-fetch if the record has moved on since.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/event_stream.hpp"
#include "live/hub.hpp"

namespace tsunagu::live {

// What a page's stream is for: the topic, the data of its first "ready" event, and the event
// the page re-fetches on when it is behind.
struct StreamFor {
  std::string topic;
  std::string ready_data;
  std::string changed_event;
};

// The mark sent back by the page, when it is a whole non-negative number; nullopt otherwise
// (a client that does not track marks gets no catch-up event).
std::optional<std::int64_t> ParseMark(const std::optional<std::string>& seen);

// Subscribes to the topic and queues "ready"; then, if `seen` is set, reads the mark now
// (after subscribing, so a change is either in that mark or arrives on the stream) and queues
// `changed_event` when they differ or the mark cannot be read. The caller has already checked
// that the viewer may see the record; `viewer` is asked again for as long as the stream lasts.
// nullptr when the viewer already holds as many streams as the hub allows.
std::shared_ptr<http::EventStream> OpenStream(
    Hub& hub, const StreamFor& what, std::optional<std::int64_t> seen,
    const std::function<std::optional<std::int64_t>()>& mark, Viewer viewer = {});

}  // namespace tsunagu::live
