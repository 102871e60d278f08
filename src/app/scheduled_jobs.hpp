// The work that runs by the clock rather than by a request: the notices before each
// consultation day, the questionnaire invitations after it, and the release of waiting-list
// holds that expired. One background thread runs every job in turn; each job is safe with
// several servers on one database (each claims its rows in a transaction).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"

namespace tsunagu::app {

class ScheduledJobs {
 public:
  // A named job run for a date (today in Japan); it returns how many things it did, or an
  // error that is logged (by name, never with personal data) and retried at the next round.
  struct Job {
    std::string name;
    std::function<core::Result<int>(core::Date today)> run;
  };

  ScheduledJobs(const core::Clock& clock, std::vector<Job> jobs)
      : clock_(clock), jobs_(std::move(jobs)) {}
  ~ScheduledJobs() { Stop(); }
  ScheduledJobs(const ScheduledJobs&) = delete;
  ScheduledJobs& operator=(const ScheduledJobs&) = delete;

  // Runs every job once, in order, for `today`; a failing job does not stop the others.
  // Returns how many jobs failed. `tsunagu jobs run --date` calls it for a chosen date.
  int RunOnce(core::Date today);
  int RunOnce() { return RunOnce(core::DateFromUnixSeconds(clock_.NowSeconds())); }

  void Start(std::chrono::seconds interval = std::chrono::seconds(60));
  void Stop();  // waits for a round in progress to finish

 private:
  const core::Clock& clock_;
  std::vector<Job> jobs_;
  std::thread worker_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

}  // namespace tsunagu::app
