#include "cases/handlers/timeline_cache.hpp"

#include <utility>

namespace tsunagu::cases::handlers {
namespace {

std::size_t SizeOf(const std::string& key, const RenderedEntries& entries) {
  return key.size() + entries.html.size() + sizeof(RenderedEntries);
}

}  // namespace

std::string TimelineCache::Key(const TimelineStamp& stamp, std::size_t shown,
                               const std::string& lang) {
  return std::to_string(stamp.case_id) + ':' + std::to_string(stamp.mark) + ':' +
         std::to_string(stamp.total) + ':' + std::to_string(stamp.viewer_org) + ':' +
         (stamp.sees_documents ? 'd' : '-') + ':' + std::to_string(shown) + ':' + lang;
}

std::shared_ptr<const RenderedEntries> TimelineCache::Find(const std::string& key) {
  const std::int64_t now = clock_.NowSeconds();
  std::lock_guard lock(mutex_);
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  auto pos = it->second;
  // A clock set back counts as old too: nothing is kept on a time that cannot be trusted.
  if (now - pos->at >= kMaxAgeSeconds || now < pos->at) {
    Drop(pos);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, pos);
  return pos->entries;
}

void TimelineCache::Keep(const std::string& key, std::shared_ptr<const RenderedEntries> entries) {
  if (!entries) return;
  const std::size_t size = SizeOf(key, *entries);
  if (size > max_bytes_) return;
  const std::int64_t now = clock_.NowSeconds();
  std::lock_guard lock(mutex_);
  if (auto it = by_key_.find(key); it != by_key_.end()) Drop(it->second);
  lru_.push_front({key, std::move(entries), now});
  by_key_.emplace(key, lru_.begin());
  bytes_ += size;
  while (bytes_ > max_bytes_) Drop(std::prev(lru_.end()));
}

void TimelineCache::Drop(std::list<Kept>::iterator it) {
  bytes_ -= SizeOf(it->key, *it->entries);
  by_key_.erase(it->key);
  lru_.erase(it);
}

std::size_t TimelineCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t TimelineCache::size() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

}  // namespace tsunagu::cases::handlers
