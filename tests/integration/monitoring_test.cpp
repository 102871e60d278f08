// Monitoring (issue 17 point 3): /metrics only on its own listen address, every series moving
// with what it measures, and the access log's request id the one sent back as X-Request-Id.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "app/metrics_endpoint.hpp"
#include "harness.hpp"
#include "notify/outbox.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The value of one series (its name and labels exactly as written); 0 when it is absent.
double Sample(const std::string& scrape, const std::string& series) {
  const std::string needle = "\n" + series + " ";
  const auto at = ("\n" + scrape).find(needle);
  if (at == std::string::npos) return 0;
  return std::strtod(scrape.c_str() + at + needle.size() - 1, nullptr);
}

TEST(Monitoring, MetricsAreServedOnlyOnTheirOwnAddress) {
  TestServer t;
  auto visitor = t.NewClient();
  EXPECT_EQ(visitor.Get("/metrics").status, 404) << "never on the public port";
  EXPECT_EQ(visitor.Get("/metrics?x=1", {{"Authorization", "Bearer x"}}).status, 404);

  app::MetricsEndpoint metrics(t.app(), "");
  Client scraper(metrics.Start("127.0.0.1", 0));
  auto r = scraper.Get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_THAT(r.body, HasSubstr("# HELP tsunagu_http_requests_total "));
  EXPECT_THAT(r.body, HasSubstr("# TYPE tsunagu_http_requests_total counter\n"));
  EXPECT_THAT(r.body, HasSubstr("# TYPE tsunagu_http_request_duration_seconds histogram\n"));
  EXPECT_GE(Sample(r.body,
                   "tsunagu_http_requests_total{method=\"GET\",route=\"unmatched\",code=\"404\"}"),
            2)
      << "the two refused /metrics requests, by pattern, not by path";
  EXPECT_EQ(scraper.Get("/").status, 404);
  EXPECT_EQ(scraper.Get("/healthz").status, 404);
  EXPECT_EQ(scraper.Request("DELETE", "/metrics", "", {}).status, 405);
}

TEST(Monitoring, ATokenGuardsTheMetricsWhenSet) {
  TestServer t;
  app::MetricsEndpoint metrics(t.app(), "scrape-token-0123456789");
  Client scraper(metrics.Start("127.0.0.1", 0));
  auto none = scraper.Get("/metrics");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.Header("www-authenticate"), "Bearer");
  EXPECT_THAT(none.body, Not(HasSubstr("tsunagu_")));
  EXPECT_EQ(scraper.Get("/metrics", {{"Authorization", "Bearer scrape-token-012345678"}}).status,
            401);
  EXPECT_EQ(scraper.Get("/metrics", {{"Authorization", "scrape-token-0123456789"}}).status, 401);
  auto ok = scraper.Get("/metrics", {{"Authorization", "Bearer scrape-token-0123456789"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_THAT(ok.body, HasSubstr("tsunagu_database_up 1\n"));
}

TEST(Monitoring, EachSeriesMovesWithWhatItMeasures) {
  ServerOptions options;
  options.configure = [](core::Config& c) {
    c.security.lockout_threshold = 2;
    c.mail.smtp_url = "";  // mail stays queued: the outbox has a depth and an age
  };
  TestServer t(options);
  app::MetricsEndpoint metrics(t.app(), "");
  Client scraper(metrics.Start("127.0.0.1", 0));
  auto scrape = [&] {
    auto r = scraper.Get("/metrics");
    EXPECT_EQ(r.status, 200);
    return r.body;
  };
  const std::string before = scrape();
  auto moved = [&](const std::string& after, const std::string& series) {
    return Sample(after, series) - Sample(before, series);
  };

  // Requests, by route pattern and status.
  auto visitor = t.NewClient();
  auto login_page = visitor.Get("/login");
  ASSERT_EQ(login_page.status, 200);
  EXPECT_EQ(visitor.Get("/no/such/page").status, 404);

  // Failed logins, then the lock they cause (threshold 2), then a refusal while locked.
  auto org = t.CreateOrg("監視テスト病院");
  t.CreateUser({"monitor@example.jp", "監視", "admin", "nurse", org});
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(t.NewClient()
                  .Submit("/login", {{"email", "monitor@example.jp"}, {"password", "wrong-pw-1"}})
                  .status,
              401);
  }
  EXPECT_NE(
      t.NewClient()
          .Submit("/login", {{"email", "monitor@example.jp"}, {"password", TestServer::kPassword}})
          .status,
      303)
      << "the account is locked";

  // An open live stream.
  auto world = BuildSharingWorld(t);
  ASSERT_GT(world.case_id, 0);
  auto nurse = t.LoginAs(world.nurse_email);
  std::string during;
  {
    auto tab = nurse.OpenEvents("/cases/" + std::to_string(world.case_id) + "/events");
    ASSERT_TRUE(tab.WaitFor("event: ready"));
    during = scrape();
  }
  EXPECT_EQ(moved(during, "tsunagu_event_streams_open"), 1);
  EXPECT_EQ(moved(during, "tsunagu_event_streams_total"), 1);

  // A clock round, then a queued mail; two minutes pass.
  EXPECT_EQ(t.app().jobs().RunOnce(), 0);
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    t.app().outbox().Enqueue(s, {"queued@example.jp", "件名", "本文", {}},
                                             "monitoring_test");
                  })
                  .ok());
  t.clock().Advance(120);

  // SQLite: a write while another connection (another process, in production) holds the lock.
  if (!t.is_postgresql()) {
    soci::session other(soci::sqlite3, t.SqliteBeside());
    other << "BEGIN IMMEDIATE";
    std::thread release([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      other << "COMMIT";
    });
    auto waited = t.app().db().WriteVoid(
        [](soci::session& s) { s << "UPDATE mail_outbox SET attempts = attempts WHERE 1 = 0"; });
    release.join();
    EXPECT_TRUE(waited.ok());
  }

  std::string after = scrape();
  EXPECT_GE(
      moved(after, "tsunagu_http_requests_total{method=\"GET\",route=\"/login\",code=\"200\"}"), 1);
  EXPECT_GE(
      moved(after, "tsunagu_http_requests_total{method=\"GET\",route=\"unmatched\",code=\"404\"}"),
      1);
  EXPECT_GE(
      moved(after, "tsunagu_http_requests_total{method=\"POST\",route=\"/login\",code=\"401\"}"),
      2);
  EXPECT_GE(
      moved(after, "tsunagu_http_request_duration_seconds_count{route=\"/login\",class=\"2xx\"}"),
      1);
  EXPECT_GE(moved(after,
                  "tsunagu_http_request_duration_seconds_bucket{route=\"/login\",class="
                  "\"2xx\",le=\"+Inf\"}"),
            1);
  EXPECT_THAT(after, Not(HasSubstr("/no/such/page")));
  EXPECT_GE(moved(after, "tsunagu_login_failures_total{step=\"password\"}"), 2);
  EXPECT_GE(moved(after, "tsunagu_login_lockouts_total{scope=\"account\"}"), 1);
  EXPECT_GE(moved(after, "tsunagu_login_failures_total{step=\"throttled\"}"), 1);
  if (t.is_postgresql()) {
    EXPECT_GE(
        moved(after, "tsunagu_db_transactions_total{engine=\"postgresql\",outcome=\"commit\"}"), 5);
    EXPECT_GE(moved(after, "tsunagu_db_transaction_duration_seconds_count{engine=\"postgresql\"}"),
              5);
  } else {  // busy waits are SQLite's
    EXPECT_GE(moved(after, "tsunagu_db_transactions_total{engine=\"sqlite\",outcome=\"commit\"}"),
              5);
    EXPECT_GE(moved(after, "tsunagu_db_transaction_duration_seconds_count{engine=\"sqlite\"}"), 5);
    EXPECT_GT(moved(after, "tsunagu_db_transaction_duration_seconds_sum{engine=\"sqlite\"}"), 0);
    EXPECT_GE(moved(after, "tsunagu_db_busy_waits_total{engine=\"sqlite\"}"), 1);
    EXPECT_GE(moved(after, "tsunagu_db_busy_wait_seconds_total{engine=\"sqlite\"}"), 0.1);
    EXPECT_GE(Sample(after,
                     "tsunagu_db_transaction_duration_seconds_bucket{engine=\"sqlite\","
                     "le=\"+Inf\"}") -
                  Sample(after,
                         "tsunagu_db_transaction_duration_seconds_bucket{engine=\"sqlite\","
                         "le=\"0.25\"}"),
              1)
        << "the transaction that waited 300 ms for the lock";
  }
  EXPECT_GE(Sample(after, "tsunagu_mail_outbox_depth"), 1);
  EXPECT_GE(Sample(after, "tsunagu_mail_outbox_oldest_age_seconds"), 120);
  EXPECT_GE(Sample(after, "tsunagu_job_lag_seconds{job=\"day_notices\"}"), 120)
      << "no round has run for two minutes";
  EXPECT_GE(moved(after, "tsunagu_job_runs_total{job=\"day_notices\",outcome=\"ok\"}"), 1);
  EXPECT_EQ(Sample(after, "tsunagu_database_up"), 1);

  // The stream closed: the gauge is back (the server notices the closed socket at once).
  double open = 1;
  for (int i = 0; i < 50 && open != 0; ++i) {
    open = moved(scrape(), "tsunagu_event_streams_open");
    if (open != 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(open, 0);

  // A clock round brings the lag down.
  EXPECT_EQ(t.app().jobs().RunOnce(), 0);
  EXPECT_EQ(Sample(scrape(), "tsunagu_job_lag_seconds{job=\"day_notices\"}"), 0);
}

TEST(Monitoring, TheAccessLogCarriesTheRequestIdSentBack) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::info);
  spdlog::set_default_logger(logger);
  std::string id;
  {
    TestServer t;
    auto r = t.NewClient().Get("/login");
    id = r.Header("x-request-id");
  }
  spdlog::set_default_logger(previous);
  ASSERT_FALSE(id.empty());
  EXPECT_THAT(captured.str(), HasSubstr("access id=" + id + " GET /login status=200 ms="));
}

}  // namespace
}  // namespace tsunagu::testing
