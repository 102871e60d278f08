#include "ops/log_format.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <sstream>

namespace tsunagu::ops {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

struct Captured {
  std::ostringstream out;
  std::shared_ptr<spdlog::logger> logger;
  Captured() {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    logger = std::make_shared<spdlog::logger>("json-test", sink);
    logger->set_formatter(MakeJsonFormatter());
  }
  boost::json::object Line() {
    auto v = boost::json::parse(out.str());
    out.str("");
    return v.as_object();
  }
};

TEST(LogFormat, JsonLinesHaveTimeLevelAndMessage) {
  Captured c;
  c.logger->warn("a \"quoted\" message\nwith a line break\x01");
  const std::string text = c.out.str();
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\n'), text.size() - 1) << "one line";
  auto o = c.Line();
  EXPECT_EQ(o.at("level").as_string(), "warning");
  EXPECT_EQ(o.at("msg").as_string(), "a \"quoted\" message\nwith a line break\x01");
  EXPECT_THAT(std::string(o.at("ts").as_string()),
              MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z"));
  EXPECT_FALSE(o.contains("request_id")) << "outside a request";
}

TEST(LogFormat, LinesWrittenDuringARequestCarryItsIdAndRoute) {
  Captured c;
  RequestLog request{"req-abc", "/cases/{id}", "GET"};
  {
    RequestLogScope scope(request);
    c.logger->error("database error: x");
    auto o = c.Line();
    EXPECT_EQ(o.at("request_id").as_string(), "req-abc");
    EXPECT_EQ(o.at("route").as_string(), "/cases/{id}");
    EXPECT_EQ(o.at("method").as_string(), "GET");
    EXPECT_FALSE(o.contains("status")) << "not answered yet";
    request.status = 503;
    request.ms = 12.5;
    c.logger->info("access");
    o = c.Line();
    EXPECT_EQ(o.at("status").as_int64(), 503);
    EXPECT_DOUBLE_EQ(o.at("ms").as_double(), 12.5);
  }
  c.logger->info("after");
  EXPECT_FALSE(c.Line().contains("request_id"));
}

TEST(LogFormat, TextThatIsNotUtf8StillMakesValidJson) {
  std::string out;
  AppendJsonString(out, std::string("ok \xff\xfe end"));
  EXPECT_EQ(out, "\"ok \xEF\xBF\xBD\xEF\xBF\xBD end\"");
  out.clear();
  AppendJsonString(out, "日本語\t\\");
  EXPECT_EQ(out, "\"日本語\\t\\\\\"");
}

TEST(LogFormat, TheAccessLineNamesRouteStatusAndMilliseconds) {
  std::ostringstream text;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(text);
  auto logger = std::make_shared<spdlog::logger>("text-test", sink);
  logger->set_pattern("%v");
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(logger);
  RequestLog request{"id1", "/login", "POST"};
  LogAccess(request, 401, 3.25);
  spdlog::set_default_logger(previous);
  EXPECT_EQ(text.str(), "access id=id1 POST /login status=401 ms=3.250\n");
  EXPECT_EQ(request.status, 401);
}

}  // namespace
}  // namespace tsunagu::ops
