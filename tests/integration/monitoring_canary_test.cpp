// Nothing personal in the log or the metrics (issue 17 point 3): requests carrying canary
// strings (a name, an e-mail address, a phone number and free text in a public booking, search
// query strings, a path, a sign-in with a canary user name), then the JSON log lines and the
// /metrics scrape must hold none of them, while the access lines are still there.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <sstream>

#include "app/metrics_endpoint.hpp"
#include "consultation_data.hpp"
#include "harness.hpp"
#include "ops/log_format.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kCanaries[] = {"カナリア名前ZQ",   "canary-mail-5d1e", "090-7777-4242",
                                     "カナリア自由記述", "canary-search-9f", "カナリア検索",
                                     "canary-user-3c",   "canary-pass-77",   "canary-path-41"};

// A published programme with bookable days (as in the public booking tests).
std::pair<std::int64_t, std::int64_t> MakeProgram(TestServer& t) {
  auto org = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  auto user = t.CreateUser({"jimu-canary@example.jp", "事務局", "coordinator", "clerical", org});
  auth::Principal p;
  p.user_id = user;
  p.stage = "full";
  p.organization_id = org;
  p.role = auth::Role::kCoordinator;
  const audit::Actor actor{user, org, "t", "t"};
  auto program = t.sv().consultations.CreateProgram(p, actor, "就労相談", "");
  EXPECT_TRUE(program.ok());
  EXPECT_TRUE(t.sv().consultations.SetPublished(p, actor, *program, true).ok());
  consultations::DaySettings settings;
  settings.booths = 2;
  settings.venue = "県庁 相談室";
  const int fy = core::FiscalYear(core::DateFromUnixSeconds(t.clock().NowSeconds()));
  for (int y : {fy, fy + 1}) {
    EXPECT_TRUE(
        t.sv()
            .consultations.GenerateDays(p, actor, *program, Seed001ScheduleRule(), y, settings)
            .ok());
  }
  auto open =
      t.sv().consultations.OpenDays(*program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
  EXPECT_TRUE(open.ok() && !open->empty());
  return {*program, open->front().slots.front().id};
}

TEST(MonitoringCanary, NeitherTheJsonLogNorTheMetricsCarryPersonalData) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::debug);
  logger->set_formatter(ops::MakeJsonFormatter());
  spdlog::set_default_logger(logger);
  std::string scrape;
  std::string submit_id;
  {
    TestServer t;
    app::MetricsEndpoint metrics(t.app(), "");
    Client scraper(metrics.Start("127.0.0.1", 0));
    auto [program, slot] = MakeProgram(t);
    auto c = t.NewClient();
    const std::string form = "/book/" + std::to_string(program) +
                             "/form?slot=" + std::to_string(slot) + "&ref=canary-search-9f";
    std::vector<std::pair<std::string, std::string>> fields = {
        {"slot", std::to_string(slot)},
        {"for_family", "self"},
        {"gender", "female"},
        {"age_band", "40s"},
        {"municipality", "さいたま市"},
        {"heard_from", "hospital"},
        {"diagnosis", "カナリア自由記述の診断"},
        {"treatment_status", "during"},
        {"work_status", "on_leave"},
        {"topics", "work"},
        {"name", "カナリア名前ZQ"},
        {"furigana", "かなりあ なまえ"},
        {"phone", "090-7777-4242"},
        {"email", "canary-mail-5d1e@example.jp"},
        {"notes", "カナリア自由記述です"},
        {"consent", "1"},
        {"action", "send"}};
    auto done = c.Submit(form, fields, "/book/" + std::to_string(program) + "/submit");
    EXPECT_EQ(done.status, 200) << "the booking went through, so its work was logged";
    submit_id = done.Header("x-request-id");
    EXPECT_EQ(c.Get("/directory?q=canary-search-9f").status, 200);
    EXPECT_EQ(c.Get("/directory?q=%E3%82%AB%E3%83%8A%E3%83%AA%E3%82%A2%E6%A4%9C%E7%B4%A2").status,
              200);
    EXPECT_EQ(c.Get("/book/canary-path-41?email=canary-mail-5d1e@example.jp").status, 404);
    EXPECT_EQ(t.NewClient()
                  .Submit("/login",
                          {{"email", "canary-user-3c@example.jp"}, {"password", "canary-pass-77"}})
                  .status,
              401);
    scrape = scraper.Get("/metrics").body;
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured.str();

  // Every line is one JSON object; the booking's access line has its request id and route.
  std::istringstream lines(log);
  std::string line;
  int access = 0;
  bool submit_seen = false;
  while (std::getline(lines, line)) {
    boost::system::error_code ec;
    auto value = boost::json::parse(line, ec);
    ASSERT_FALSE(ec) << "not JSON: " << line;
    const auto& o = value.as_object();
    EXPECT_TRUE(o.contains("ts") && o.contains("level") && o.contains("msg")) << line;
    if (o.at("msg").as_string().starts_with("access ")) {
      ++access;
      EXPECT_TRUE(o.contains("request_id") && o.contains("route") && o.contains("status") &&
                  o.contains("ms"))
          << line;
      if (o.at("request_id").as_string() == submit_id) {
        submit_seen = true;
        EXPECT_EQ(o.at("route").as_string(), "/book/{program_id}/submit");
        EXPECT_EQ(o.at("status").as_int64(), 200);
      }
    }
  }
  EXPECT_GE(access, 6);
  EXPECT_TRUE(submit_seen) << log;
  EXPECT_THAT(scrape, HasSubstr("tsunagu_http_requests_total"));
  for (const char* canary : kCanaries) {
    EXPECT_THAT(log, Not(HasSubstr(canary)));
    EXPECT_THAT(scrape, Not(HasSubstr(canary)));
  }
  EXPECT_THAT(log, Not(HasSubstr("canary")));
  EXPECT_THAT(log, Not(HasSubstr("カナリア")));
  EXPECT_THAT(scrape, Not(HasSubstr("canary")));
}

}  // namespace
}  // namespace tsunagu::testing
