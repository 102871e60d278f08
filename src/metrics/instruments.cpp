#include "metrics/instruments.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>

namespace tsunagu::metrics {
namespace {

// Seconds: from a cached page (well under a millisecond) to a slow report.
std::vector<double> RequestBuckets() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}
std::vector<double> DatabaseBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};
}

Instruments Make(Registry& r) {
  return Instruments{
      r.AddCounter("tsunagu_http_requests_total",
                   "HTTP requests answered, by method, route pattern and status code.",
                   {"method", "route", "code"}),
      r.AddHistogram("tsunagu_http_request_duration_seconds",
                     "Time from a complete request to its answer (headers of a stream), by route "
                     "pattern and status class.",
                     {"route", "class"}, RequestBuckets()),
      r.AddCounter("tsunagu_db_transactions_total",
                   "Write transactions by outcome (commit, rollback). On SQLite one transaction "
                   "may hold the writes of several requests that queued together (group "
                   "commit).",
                   {"engine", "outcome"}),
      r.AddHistogram("tsunagu_db_transaction_duration_seconds",
                     "Write transaction time from BEGIN to the end of COMMIT or ROLLBACK (on "
                     "SQLite the sync to disk included).",
                     {"engine"}, DatabaseBuckets()),
      r.AddCounter("tsunagu_db_busy_waits_total",
                   "SQLite: statements that found the database locked by another connection "
                   "(another process: a second server, a CLI command) and waited.",
                   {"engine"}),
      r.AddCounter("tsunagu_db_busy_wait_seconds_total", "SQLite: seconds spent in those waits.",
                   {"engine"}),
      r.AddGauge("tsunagu_event_streams_open", "Live page event streams open now."),
      r.AddCounter("tsunagu_event_streams_total", "Live page event streams opened."),
      r.AddCounter("tsunagu_login_failures_total",
                   "Failed sign-ins: step=password (wrong e-mail or password), step=code (wrong "
                   "one-time or recovery code), step=throttled (refused while the account or "
                   "address is locked), step=reauth (wrong password or code when a signed-in "
                   "person confirms a sensitive step or changes the password).",
                   {"step"}),
      r.AddCounter("tsunagu_login_lockouts_total",
                   "Temporary locks after too many failures: scope=account (one account), "
                   "scope=address (one client address).",
                   {"scope"}),
      r.AddCounter("tsunagu_job_runs_total",
                   "Rounds of each clock-driven job, by outcome (ok, error).", {"job", "outcome"}),
  };
}

struct JobClock {
  std::int64_t first_round = 0;
  std::int64_t last_success = 0;
};

std::mutex& JobClocksMutex() {
  static std::mutex mu;
  return mu;
}
std::map<std::string, JobClock, std::less<>>& JobClocks() {
  static std::map<std::string, JobClock, std::less<>> clocks;
  return clocks;
}

}  // namespace

std::string_view MethodLabel(std::string_view m) {
  static constexpr std::array<std::string_view, 7> kKnown = {"GET",   "HEAD",   "POST",   "PUT",
                                                             "PATCH", "DELETE", "OPTIONS"};
  for (auto k : kKnown) {
    if (k == m) return k;
  }
  return "other";
}

Registry& DefaultRegistry() {
  static Registry registry;
  return registry;
}

Instruments& Get() {
  static Instruments instruments = Make(DefaultRegistry());
  return instruments;
}

void ObserveRequest(std::string_view method, std::string_view route, int status,
                    std::chrono::steady_clock::duration took) {
  static constexpr std::array<std::string_view, 6> kClasses = {"1xx", "1xx", "2xx",
                                                               "3xx", "4xx", "5xx"};
  char code[4] = {'0', '0', '0', '\0'};
  if (status >= 100 && status <= 599) {
    code[0] = static_cast<char>('0' + status / 100);
    code[1] = static_cast<char>('0' + status / 10 % 10);
    code[2] = static_cast<char>('0' + status % 10);
  }
  const std::string_view cls =
      status >= 100 && status <= 599 ? kClasses[static_cast<std::size_t>(status / 100)] : "other";
  auto& m = Get();
  m.http_requests.With({MethodLabel(method), route, std::string_view(code, 3)}).Inc();
  m.http_duration.With({route, cls}).Observe(std::chrono::duration<double>(took).count());
}

void NoteJobRound(std::string_view job, std::int64_t now, bool ok) {
  Get().job_runs.With({job, ok ? "ok" : "error"}).Inc();
  std::lock_guard lock(JobClocksMutex());
  auto& clocks = JobClocks();
  auto it = clocks.find(job);
  if (it == clocks.end()) it = clocks.emplace(std::string(job), JobClock{now, 0}).first;
  if (ok) it->second.last_success = now;
}

std::vector<JobLag> JobLags(std::int64_t now) {
  std::lock_guard lock(JobClocksMutex());
  std::vector<JobLag> lags;
  for (const auto& [job, clock] : JobClocks()) {
    const std::int64_t since = clock.last_success > 0 ? clock.last_success : clock.first_round;
    lags.push_back({job, std::max<std::int64_t>(0, now - since)});
  }
  return lags;
}

}  // namespace tsunagu::metrics
