#include "live/hub.hpp"

#include <algorithm>

namespace tsunagu::live {
namespace {

// Topics nobody publishes to again would otherwise keep their dead entries for ever; a full
// sweep every so many subscriptions bounds the map by the streams actually open.
constexpr std::size_t kSweepEvery = 256;

bool Gone(const std::weak_ptr<http::EventStream>& weak) {
  const auto stream = weak.lock();
  return !stream || stream->closed();
}

}  // namespace

void Hub::Prune(Streams& streams) {
  streams.erase(std::remove_if(streams.begin(), streams.end(), Gone), streams.end());
}

void Hub::SweepLocked() {
  for (auto it = topics_.begin(); it != topics_.end();) {
    Prune(it->second);
    it = it->second.empty() ? topics_.erase(it) : std::next(it);
  }
  subscribes_since_sweep_ = 0;
}

std::shared_ptr<http::EventStream> Hub::Subscribe(const std::string& topic) {
  auto stream = std::make_shared<http::EventStream>();
  std::lock_guard lock(mu_);
  if (++subscribes_since_sweep_ >= kSweepEvery) SweepLocked();
  Streams& streams = topics_[topic];
  Prune(streams);
  streams.push_back(stream);
  return stream;
}

void Hub::Deliver(const std::string& topic, const std::string& event, const std::string& data) {
  std::vector<std::shared_ptr<http::EventStream>> targets;
  {
    std::lock_guard lock(mu_);
    auto it = topics_.find(topic);
    if (it == topics_.end()) return;
    Prune(it->second);
    if (it->second.empty()) {
      topics_.erase(it);
      return;
    }
    targets.reserve(it->second.size());
    for (const auto& weak : it->second) {
      if (auto stream = weak.lock()) targets.push_back(std::move(stream));
    }
  }
  // Outside the lock: sending wakes each connection, and subscribers should not wait on that.
  // A stream that refuses (closed meanwhile) is pruned on the next call.
  for (const auto& stream : targets) stream->Send(event, data);
}

void Hub::DeliverToAll(const std::string& event, const std::string& data) {
  std::vector<std::shared_ptr<http::EventStream>> targets;
  {
    std::lock_guard lock(mu_);
    SweepLocked();
    for (const auto& [topic, streams] : topics_) {
      for (const auto& weak : streams) {
        if (auto stream = weak.lock()) targets.push_back(std::move(stream));
      }
    }
  }
  for (const auto& stream : targets) stream->Send(event, data);
}

std::size_t Hub::Subscribers(const std::string& topic) const {
  std::lock_guard lock(mu_);
  auto it = topics_.find(topic);
  if (it == topics_.end()) return 0;
  return static_cast<std::size_t>(
      std::count_if(it->second.begin(), it->second.end(), [](const auto& w) { return !Gone(w); }));
}

std::size_t Hub::Topics() const {
  std::lock_guard lock(mu_);
  return topics_.size();
}

}  // namespace tsunagu::live
