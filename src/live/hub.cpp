#include "live/hub.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

namespace tsunagu::live {
namespace {

// Topics nobody publishes to again would otherwise keep their dead entries for ever; a full
// sweep every so many subscriptions bounds the map by the streams actually open.
constexpr std::size_t kSweepEvery = 256;

template <typename E>
bool Gone(const E& entry) {
  const auto stream = entry.stream.lock();
  return !stream || stream->closed();
}

// A check that throws or cannot reach the database counts as "no": a stream fails closed
// (the browser reconnects, and the page's own GET decides again).
template <typename W>
bool StillAllowed(const W& watch) {
  if (!watch || !watch->viewer.still_allowed) return true;
  try {
    return watch->viewer.still_allowed();
  } catch (const std::exception& e) {
    spdlog::warn("live: a stream's access check failed: {}", e.what());
    return false;
  }
}

}  // namespace

Hub::~Hub() {
  Stop();
}

void Hub::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (timer_.joinable() && timer_.get_id() != std::this_thread::get_id()) timer_.join();
}

void Hub::Prune(Streams& streams) {
  streams.erase(std::remove_if(streams.begin(), streams.end(), Gone<Entry>), streams.end());
}

void Hub::SweepLocked() {
  for (auto it = topics_.begin(); it != topics_.end();) {
    Prune(it->second);
    it = it->second.empty() ? topics_.erase(it) : std::next(it);
  }
  subscribes_since_sweep_ = 0;
}

std::size_t Hub::OpenOfViewerLocked(std::int64_t user_id) const {
  std::size_t n = 0;
  for (const auto& [topic, streams] : topics_) {
    for (const auto& e : streams) {
      if (e.watch && e.watch->viewer.user_id == user_id && !Gone(e)) ++n;
    }
  }
  return n;
}

void Hub::StartTimerLocked() {
  if (timer_.joinable() || stopping_) return;
  timer_ = std::thread([this] { TimerLoop(); });
}

void Hub::TimerLoop() {
  const auto interval = std::max(limits_.recheck, std::chrono::seconds(1));
  std::unique_lock lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, interval, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    Recheck();
    lock.lock();
  }
}

std::shared_ptr<http::EventStream> Hub::Subscribe(const std::string& topic, Viewer viewer) {
  auto stream = std::make_shared<http::EventStream>();
  auto watch = std::make_shared<Watch>(Watch{std::move(viewer), std::chrono::steady_clock::now()});
  std::lock_guard lock(mu_);
  if (++subscribes_since_sweep_ >= kSweepEvery) SweepLocked();
  if (watch->viewer.user_id != 0 &&
      OpenOfViewerLocked(watch->viewer.user_id) >= limits_.max_per_viewer) {
    return nullptr;
  }
  Streams& streams = topics_[topic];
  Prune(streams);
  streams.push_back({stream, std::move(watch)});
  StartTimerLocked();
  return stream;
}

void Hub::SendChecked(const std::vector<Target>& targets, const std::string& event,
                      const std::string& data, bool one_topic) {
  // The check runs before each event: a viewer who lost the right to see gets the stream
  // closed instead of the event. Each check reads the database: on one topic it runs once per
  // check key.
  std::map<std::string, bool> allowed_by_key;
  for (const auto& t : targets) {
    const std::string key = one_topic && t.watch ? t.watch->viewer.check_key : std::string();
    bool allowed = false;
    if (key.empty()) {
      allowed = StillAllowed(t.watch);
    } else {
      auto [it, first] = allowed_by_key.try_emplace(key, false);
      if (first) it->second = StillAllowed(t.watch);
      allowed = it->second;
    }
    if (!allowed) {
      t.stream->Close();
      continue;
    }
    t.stream->Send(event, data);
  }
}

void Hub::Deliver(const std::string& topic, const std::string& event, const std::string& data) {
  std::vector<Target> targets;
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
    for (const auto& e : it->second) {
      if (auto stream = e.stream.lock()) targets.push_back({std::move(stream), e.watch});
    }
  }
  // Outside the lock: checks read the database and sending wakes each connection, and
  // subscribers should not wait on that. A stream that refuses (closed meanwhile) is pruned on
  // the next call.
  SendChecked(targets, event, data, true);
}

void Hub::DeliverToAll(const std::string& event, const std::string& data) {
  std::vector<Target> targets;
  {
    std::lock_guard lock(mu_);
    SweepLocked();
    for (const auto& [topic, streams] : topics_) {
      for (const auto& e : streams) {
        if (auto stream = e.stream.lock()) targets.push_back({std::move(stream), e.watch});
      }
    }
  }
  SendChecked(targets, event, data, false);
}

void Hub::Recheck() {
  std::vector<Target> targets;
  {
    std::lock_guard lock(mu_);
    SweepLocked();
    for (const auto& [topic, streams] : topics_) {
      for (const auto& e : streams) {
        if (auto stream = e.stream.lock()) targets.push_back({std::move(stream), e.watch});
      }
    }
  }
  const auto now = std::chrono::steady_clock::now();
  for (const auto& t : targets) {
    const bool expired = t.watch && now - t.watch->opened >= limits_.max_lifetime;
    if (expired || !StillAllowed(t.watch)) t.stream->Close();
  }
}

std::size_t Hub::Subscribers(const std::string& topic) const {
  std::lock_guard lock(mu_);
  auto it = topics_.find(topic);
  if (it == topics_.end()) return 0;
  return static_cast<std::size_t>(
      std::count_if(it->second.begin(), it->second.end(), [](const auto& e) { return !Gone(e); }));
}

std::size_t Hub::Topics() const {
  std::lock_guard lock(mu_);
  return topics_.size();
}

}  // namespace tsunagu::live
