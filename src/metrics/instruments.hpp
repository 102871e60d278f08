// The server's own instruments, in one process-wide registry (docs/operations.md
// "Monitoring" says what each series means). Label values are never taken from what a client
// sent beyond a closed set: route patterns from the route table, status codes, HTTP methods
// folded to the standard ones.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/registry.hpp"

namespace tsunagu::metrics {

struct Instruments {
  CounterFamily& http_requests;          // {method, route, code}
  HistogramFamily& http_duration;        // {route, class}
  CounterFamily& db_transactions;        // {engine, outcome}
  HistogramFamily& db_transaction_time;  // {engine}
  CounterFamily& db_busy_waits;          // {engine} (SQLite)
  CounterFamily& db_busy_wait_seconds;   // {engine} (SQLite)
  GaugeFamily& event_streams_open;
  CounterFamily& event_streams;   // opened since start
  CounterFamily& login_failures;  // {step}
  CounterFamily& login_lockouts;  // {scope}
  CounterFamily& job_runs;        // {job, outcome}
};

Registry& DefaultRegistry();
Instruments& Get();

// The method as a label: the standard ones, anything else "other" (a client chooses it).
std::string_view MethodLabel(std::string_view method);

// One answered request: route is the route's pattern ("unmatched" when none, "/static/*"
// for static files), never the path that was asked for.
void ObserveRequest(std::string_view method, std::string_view route, int status,
                    std::chrono::steady_clock::duration took);

// Clock-driven jobs: a round of `job` ended at `now` (the server's clock), with or without
// error (counted in tsunagu_job_runs_total).
void NoteJobRound(std::string_view job, std::int64_t now, bool ok);
// Each job that has run a round in this process, and its lag at `now`: the seconds since its
// last round without error (since its first round, when none has succeeded).
struct JobLag {
  std::string job;
  std::int64_t seconds = 0;
};
std::vector<JobLag> JobLags(std::int64_t now);

}  // namespace tsunagu::metrics
