#include "app/scheduled_jobs.hpp"

#include <spdlog/spdlog.h>

#include "metrics/instruments.hpp"

namespace tsunagu::app {

int ScheduledJobs::RunOnce(core::Date today) {
  int failed = 0;
  for (const auto& job : jobs_) {
    auto done = job.run(today);
    metrics::NoteJobRound(job.name, clock_.NowSeconds(), done.ok());
    if (!done) {
      ++failed;
      spdlog::warn("scheduled job {}: {}", job.name, done.error().message_key);
    } else if (*done > 0) {
      spdlog::info("scheduled job {}: {}", job.name, *done);
    }
  }
  return failed;
}

void ScheduledJobs::Start(std::chrono::seconds interval) {
  if (worker_.joinable()) return;
  stop_ = false;
  worker_ = std::thread([this, interval] {
    std::unique_lock lock(mu_);
    while (!stop_) {
      lock.unlock();
      RunOnce();
      lock.lock();
      cv_.wait_for(lock, interval, [this] { return stop_; });
    }
  });
}

void ScheduledJobs::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

}  // namespace tsunagu::app
