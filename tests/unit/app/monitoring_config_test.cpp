// [metrics] and [log] settings (docs/operations.md "Monitoring").
#include "core/monitoring_config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace tsunagu::core {
namespace {

std::filesystem::path WriteConfig(const std::string& text) {
  auto p = std::filesystem::temp_directory_path() /
           ("cfg-monitoring-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(p) << text;
  return p;
}

// Both loaders, as `serve` runs them.
Result<MonitoringConfig> Load(const std::string& text) {
  const auto file = WriteConfig(text);
  auto config = LoadConfig(file, true);
  if (!config) return config.error();
  return LoadMonitoringConfig(file, *config);
}

TEST(MonitoringConfig, MetricsAreOffUnlessAListenAddressIsGiven) {
  auto m = Load("[server]\nlisten = \"127.0.0.1:8080\"\n");
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->metrics_listen.empty());
  EXPECT_TRUE(m->metrics_token.empty());
  EXPECT_EQ(m->log_format, "text");
}

TEST(MonitoringConfig, ReadsMetricsAndLogSettings) {
  auto m = Load(
      "[metrics]\nlisten = \"127.0.0.1:9464\"\ntoken = \"t0k\"\n"
      "[log]\nlevel = \"warn\"\nformat = \"json\"\n");
  ASSERT_TRUE(m.ok()) << m.error().message_key;
  EXPECT_EQ(m->metrics_listen, "127.0.0.1:9464");
  EXPECT_EQ(m->metrics_token, "t0k");
  EXPECT_EQ(m->log_format, "json");
}

TEST(MonitoringConfig, RefusesWhatCannotWork) {
  EXPECT_FALSE(Load("[log]\nformat = \"xml\"\n").ok());
  EXPECT_FALSE(Load("[log]\nlevel = \"loud\"\n").ok());
  EXPECT_FALSE(Load("[metrics]\nlisten = \"9464\"\n").ok());
  EXPECT_FALSE(Load("[metrics]\nport = 9464\n").ok()) << "unknown key";
  auto same = Load("[server]\nlisten = \"0.0.0.0:8080\"\n[metrics]\nlisten = \"0.0.0.0:8080\"\n");
  ASSERT_FALSE(same.ok()) << "never on the public address";
  EXPECT_NE(same.error().message_key.find("[metrics] listen"), std::string::npos);
  EXPECT_TRUE(
      Load("[server]\nlisten = \"127.0.0.1:0\"\n[metrics]\nlisten = \"127.0.0.1:0\"\n").ok())
      << "port 0 picks a free port for each (tests)";
}

}  // namespace
}  // namespace tsunagu::core

namespace tsunagu::core {
namespace {

TEST(MonitoringConfig, TheDeploymentExampleLoads) {
  const std::string file = SourceDir() + "/deploy/tsunagu.example.toml";
  auto config = LoadConfig(file, true);
  ASSERT_TRUE(config.ok()) << config.error().message_key;
  auto m = LoadMonitoringConfig(file, *config);
  ASSERT_TRUE(m.ok()) << m.error().message_key;
  EXPECT_EQ(m->log_format, "json");
  EXPECT_EQ(m->metrics_listen, "10.0.0.11:9464");
  EXPECT_NE(m->metrics_listen, config->server.listen);
  EXPECT_FALSE(m->metrics_token.empty());
}

}  // namespace
}  // namespace tsunagu::core
