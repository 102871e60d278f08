#include "metrics/instruments.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

namespace tsunagu::metrics {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsInstruments, RequestsAreCountedByPatternCodeAndFoldedMethod) {
  ObserveRequest("GET", "/unit-test/{id}", 200, std::chrono::milliseconds(3));
  ObserveRequest("BREW", "/unit-test/{id}", 418, std::chrono::milliseconds(1));
  ObserveRequest("POST", "/unit-test/{id}", 503, std::chrono::seconds(20));
  const std::string text = DefaultRegistry().Render();
  EXPECT_THAT(text,
              HasSubstr("tsunagu_http_requests_total{method=\"GET\",route=\"/unit-test/{id}\","
                        "code=\"200\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("tsunagu_http_requests_total{method=\"other\",route=\"/unit-test/"
                              "{id}\",code=\"418\"} 1\n"))
      << "a method a client made up is not a label value";
  EXPECT_THAT(text, Not(HasSubstr("BREW")));
  EXPECT_THAT(text, HasSubstr("tsunagu_http_request_duration_seconds_bucket{route=\"/unit-test/"
                              "{id}\",class=\"2xx\",le=\"0.005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("tsunagu_http_request_duration_seconds_bucket{route=\"/unit-test/"
                              "{id}\",class=\"5xx\",le=\"10\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("tsunagu_http_request_duration_seconds_bucket{route=\"/unit-test/"
                              "{id}\",class=\"5xx\",le=\"+Inf\"} 1\n"));
}

TEST(MetricsInstruments, JobLagRunsFromTheLastRoundWithoutError) {
  NoteJobRound("unit_test_job", 1000, false);
  auto find = [](std::int64_t now) {
    for (const auto& lag : JobLags(now)) {
      if (lag.job == "unit_test_job") return lag.seconds;
    }
    return std::int64_t{-1};
  };
  EXPECT_EQ(find(1030), 30) << "no success yet: since its first round";
  NoteJobRound("unit_test_job", 1060, true);
  NoteJobRound("unit_test_job", 1120, false);
  EXPECT_EQ(find(1180), 120) << "failed rounds do not reset the lag";
  EXPECT_EQ(find(1000), 0) << "never negative";
  EXPECT_THAT(DefaultRegistry().Render(),
              HasSubstr("tsunagu_job_runs_total{job=\"unit_test_job\",outcome=\"error\"} 2\n"));
}

}  // namespace
}  // namespace tsunagu::metrics
