#include "api/rate_limit.hpp"

namespace tsunagu::api {

int TokenRateLimit::Take(const std::string& token_key) {
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t minute = now / 60;
  std::lock_guard<std::mutex> lock(mutex_);
  // Windows of past minutes are dropped once in a while, so the map holds the tokens of the
  // last minute only.
  if (windows_.size() > 10000) {
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = it->second.minute < minute ? windows_.erase(it) : std::next(it);
    }
  }
  Window& w = windows_[token_key];
  if (w.minute != minute) w = Window{minute, 0};
  if (w.calls >= per_minute_) return static_cast<int>(60 - now % 60);
  ++w.calls;
  return 0;
}

}  // namespace tsunagu::api
