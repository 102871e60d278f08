#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace tsunagu::core {

// Injected everywhere time matters, so tests can move time (session expiry, TOTP, lockout).
class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual std::int64_t NowSeconds() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t NowSeconds() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t now) : now_(now) {}
  std::int64_t NowSeconds() const override { return now_.load(); }
  void Advance(std::int64_t seconds) { now_ += seconds; }
  void Set(std::int64_t now) { now_ = now; }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace tsunagu::core
