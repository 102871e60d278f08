#include "core/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "audit/audit_log.hpp"

namespace tsunagu::core {
namespace {

std::filesystem::path Write(const std::string& text) {
  auto p = std::filesystem::temp_directory_path() / ("cfg-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(p) << text;
  return p;
}

TEST(Config, ReadsTheFileAndRefusesUnknownKeys) {
  auto p = Write(
      "[server]\nlisten = \"0.0.0.0:9000\"\ncookie_secure = false\n[database]\nurl = "
      "\"sqlite:/tmp/x.db\"\n");
  auto c = LoadConfig(p, true);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->server.listen, "0.0.0.0:9000");
  EXPECT_FALSE(c->server.cookie_secure);
  EXPECT_EQ(c->database.url, "sqlite:/tmp/x.db");
  auto bad = Write("[server]\nlistne = \"typo\"\n");
  EXPECT_FALSE(LoadConfig(bad, true).ok());
  EXPECT_FALSE(LoadConfig("/nonexistent/file.toml", true).ok());
  EXPECT_TRUE(LoadConfig("/nonexistent/file.toml", false).ok());
}

TEST(Config, ReadsTrustedProxiesAndNamesABadEntry) {
  auto p = Write("[server]\ntrusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\", \"fd00::/8\"]\n");
  auto c = LoadConfig(p, true);
  ASSERT_TRUE(c.ok()) << c.error().message_key;
  EXPECT_EQ(c->server.trusted_proxies,
            (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8", "fd00::/8"}));
  EXPECT_TRUE(LoadConfig(Write("[server]\n"), true)->server.trusted_proxies.empty())
      << "no proxy is trusted unless configured";
  auto bad =
      LoadConfig(Write("[server]\ntrusted_proxies = [\"10.0.0.0/8\", \"10.0.0.0/33\"]\n"), true);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message_key.find("'10.0.0.0/33'"), std::string::npos)
      << bad.error().message_key;
  EXPECT_FALSE(LoadConfig(Write("[server]\ntrusted_proxies = \"10.0.0.0/8\"\n"), true).ok());
  EXPECT_FALSE(LoadConfig(Write("[server]\ntrusted_proxies = [\"proxy.internal\"]\n"), true).ok());
}

TEST(Config, ParsesListenAddresses) {
  auto a = ParseListen("127.0.0.1:18080");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->first, "127.0.0.1");
  EXPECT_EQ(a->second, 18080);
  auto v6 = ParseListen("[::1]:0");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->first, "::1");
  EXPECT_FALSE(ParseListen("localhost").ok());
  EXPECT_FALSE(ParseListen("h:99999").ok());
}

TEST(AuditChain, HashDependsOnEveryFieldAndThePredecessor) {
  audit::StoredEvent e;
  e.seq = 1;
  e.prev_hash = std::string(64, '0');
  e.action = "user.login";
  const std::string h = audit::ChainHash(e);
  EXPECT_EQ(h.size(), 64u);
  auto changed = e;
  changed.detail = "{\"x\":1}";
  EXPECT_NE(audit::ChainHash(changed), h);
  changed = e;
  changed.prev_hash = std::string(64, '1');
  EXPECT_NE(audit::ChainHash(changed), h);
  changed = e;
  changed.ip = "10.0.0.1";
  EXPECT_NE(audit::ChainHash(changed), h);
}

}  // namespace
}  // namespace tsunagu::core
