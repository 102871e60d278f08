#include "metrics/registry.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace tsunagu::metrics {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsRegistry, CounterAndGaugeWithHelpTypeAndLabels) {
  Registry r;
  auto& requests = r.AddCounter("app_requests_total", "Requests answered.", {"route", "code"});
  auto& open = r.AddGauge("app_open", "Open now.");
  requests.With({"/cases/{id}", "200"}).Inc();
  requests.With({"/cases/{id}", "200"}).Inc(2);
  requests.With({"/login", "401"}).Inc();
  open.With({}).Set(3);
  open.With({}).Add(-1);
  EXPECT_EQ(r.Render(),
            "# HELP app_requests_total Requests answered.\n"
            "# TYPE app_requests_total counter\n"
            "app_requests_total{route=\"/cases/{id}\",code=\"200\"} 3\n"
            "app_requests_total{route=\"/login\",code=\"401\"} 1\n"
            "# HELP app_open Open now.\n"
            "# TYPE app_open gauge\n"
            "app_open 2\n");
}

TEST(MetricsRegistry, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  Registry r;
  auto& h = r.AddHistogram("app_seconds", "Time.", {"route"}, {0.1, 1});
  h.With({"/a"}).Observe(0.05);
  h.With({"/a"}).Observe(0.1);  // on the bound: counted in le="0.1"
  h.With({"/a"}).Observe(0.5);
  h.With({"/a"}).Observe(7);
  EXPECT_EQ(r.Render(),
            "# HELP app_seconds Time.\n"
            "# TYPE app_seconds histogram\n"
            "app_seconds_bucket{route=\"/a\",le=\"0.1\"} 2\n"
            "app_seconds_bucket{route=\"/a\",le=\"1\"} 3\n"
            "app_seconds_bucket{route=\"/a\",le=\"+Inf\"} 4\n"
            "app_seconds_sum{route=\"/a\"} 7.65\n"
            "app_seconds_count{route=\"/a\"} 4\n");
}

TEST(MetricsRegistry, HistogramWithoutLabelsNamesOnlyLe) {
  Registry r;
  r.AddHistogram("q_seconds", "Q.", {}, {0.5}).With({}).Observe(1);
  EXPECT_THAT(r.Render(), HasSubstr("q_seconds_bucket{le=\"0.5\"} 0\n"));
  EXPECT_THAT(r.Render(), HasSubstr("q_seconds_bucket{le=\"+Inf\"} 1\n"));
  EXPECT_THAT(r.Render(), HasSubstr("q_seconds_sum 1\nq_seconds_count 1\n"));
}

TEST(MetricsRegistry, LabelValuesAndHelpAreEscaped) {
  Registry r;
  r.AddCounter("esc_total", "Back\\slash and\nline.", {"v"}).With({"a\"b\\c\nd"}).Inc();
  const std::string text = r.Render();
  EXPECT_THAT(text, HasSubstr("# HELP esc_total Back\\\\slash and\\nline.\n"));
  EXPECT_THAT(text, HasSubstr("esc_total{v=\"a\\\"b\\\\c\\nd\"} 1\n"));
  EXPECT_EQ(EscapeLabelValue("日本語"), "日本語");
}

TEST(MetricsRegistry, ValuesUseTheTextFormatsSpelling) {
  EXPECT_EQ(FormatValue(0), "0");
  EXPECT_EQ(FormatValue(12), "12");
  EXPECT_EQ(FormatValue(0.25), "0.25");
  EXPECT_EQ(FormatValue(1.0 / 0.0), "+Inf");
  EXPECT_EQ(FormatValue(-1.0 / 0.0), "-Inf");
  EXPECT_EQ(FormatValue(0.0 / 0.0), "NaN");
}

TEST(MetricsRegistry, BadNamesAndMisuseAreRefused) {
  Registry r;
  EXPECT_THROW(r.AddCounter("1bad", "x"), std::invalid_argument);
  EXPECT_THROW(r.AddCounter("bad-name", "x"), std::invalid_argument);
  EXPECT_THROW(r.AddCounter("ok_total", "x", {"__reserved"}), std::invalid_argument);
  EXPECT_THROW(r.AddHistogram("h", "x", {"le"}, {1}), std::invalid_argument);
  EXPECT_THROW(r.AddHistogram("h2", "x", {}, {2, 1}), std::invalid_argument);
  auto& c = r.AddCounter("ok_total", "x", {"a"});
  EXPECT_THROW(r.AddGauge("ok_total", "x"), std::invalid_argument) << "duplicate name";
  EXPECT_THROW(c.With({"x", "y"}), std::invalid_argument) << "label count";
}

TEST(MetricsRegistry, ManyThreadsCountEveryIncrement) {
  Registry r;
  auto& c = r.AddCounter("par_total", "x", {"t"});
  auto& h = r.AddHistogram("par_seconds", "x", {}, {1});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const std::string label = "t" + std::to_string(t % 2);
      for (int i = 0; i < 10000; ++i) {
        c.With({label}).Inc();
        h.With({}).Observe(0.5);
      }
    });
  }
  for (auto& t : threads) t.join();
  const std::string text = r.Render();
  EXPECT_THAT(text, HasSubstr("par_total{t=\"t0\"} 20000\n"));
  EXPECT_THAT(text, HasSubstr("par_total{t=\"t1\"} 20000\n"));
  EXPECT_THAT(text, HasSubstr("par_seconds_count 40000\n"));
  EXPECT_THAT(text, HasSubstr("par_seconds_sum 20000\n"));
  EXPECT_THAT(text, Not(HasSubstr("nan")));
}

}  // namespace
}  // namespace tsunagu::metrics
