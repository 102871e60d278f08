// Calls per API token per minute, counted in this process (issue 17 point 4). Behind a proxy
// with several servers each counts its own share, so a token gets at most servers × the limit:
// the limit protects each server and the database from one runaway integration, it is not a
// quota to bill against.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace tsunagu::api {

class TokenRateLimit {
 public:
  // 120 a minute: a booking line or a nightly export stays far below; a loop does not.
  static constexpr int kPerMinute = 120;

  explicit TokenRateLimit(const core::Clock& clock, int per_minute = kPerMinute)
      : clock_(clock), per_minute_(per_minute) {}

  // 0 when the call may go ahead (and counts it), else the seconds until the next window.
  int Take(const std::string& token_key);

 private:
  struct Window {
    std::int64_t minute = 0;
    int calls = 0;
  };
  const core::Clock& clock_;
  const int per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace tsunagu::api
