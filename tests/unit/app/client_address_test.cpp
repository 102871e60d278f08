#include "app/client_address.hpp"

#include <gtest/gtest.h>

namespace tsunagu::app {
namespace {

std::string Resolve(const std::vector<std::string>& trusted, const std::string& peer,
                    const std::vector<std::pair<std::string, std::string>>& headers) {
  auto resolver = ClientAddress::FromConfig(trusted);
  EXPECT_TRUE(resolver.ok());
  http::Request r;
  r.remote_address = peer;
  for (const auto& [k, v] : headers) r.headers.Add(k, v);
  return resolver->Resolve(r);
}

TEST(ClientAddress, AnUntrustedPeerIsTheClient) {
  EXPECT_EQ(Resolve({}, "192.0.2.10", {{"X-Forwarded-For", "203.0.113.1"}}), "192.0.2.10");
  EXPECT_EQ(Resolve({"10.0.0.0/8"}, "192.0.2.10", {{"Forwarded", "for=203.0.113.1"}}),
            "192.0.2.10");
}

TEST(ClientAddress, ATrustedProxyNamesTheRightMostUntrustedHop) {
  const std::vector<std::string> trusted = {"127.0.0.1", "10.0.0.0/8"};
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"X-Forwarded-For", "203.0.113.1"}}), "203.0.113.1");
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"x-forwarded-for", "6.6.6.6, 203.0.113.1, 10.0.0.5"}}),
            "203.0.113.1");
  // Repeated header fields are one list, in order.
  EXPECT_EQ(Resolve(trusted, "10.1.1.1",
                    {{"X-Forwarded-For", "6.6.6.6"}, {"X-Forwarded-For", "203.0.113.2"}}),
            "203.0.113.2");
  // Every hop trusted: the left-most one.
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"X-Forwarded-For", "10.0.0.9, 10.0.0.5"}}), "10.0.0.9");
  // No header: the proxy itself.
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {}), "127.0.0.1");
  // A dual-stack socket's mapped address matches an IPv4 entry.
  EXPECT_EQ(Resolve(trusted, "::ffff:127.0.0.1", {{"X-Forwarded-For", "203.0.113.1"}}),
            "203.0.113.1");
}

TEST(ClientAddress, ReadsTheStandardForwardedHeader) {
  const std::vector<std::string> trusted = {"127.0.0.1"};
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"Forwarded", "for=192.0.2.60;proto=http;by=10.0.0.1"}}),
            "192.0.2.60");
  EXPECT_EQ(Resolve(trusted, "127.0.0.1",
                    {{"Forwarded", "for=6.6.6.6, For=\"[2001:DB8:cafe::17]:4711\""}}),
            "2001:db8:cafe::17");
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"Forwarded", "for=\"192.0.2.43:47011\""}}),
            "192.0.2.43");
  // X-Forwarded-For wins when a proxy sent both.
  EXPECT_EQ(Resolve(trusted, "127.0.0.1",
                    {{"Forwarded", "for=192.0.2.60"}, {"X-Forwarded-For", "203.0.113.7"}}),
            "203.0.113.7");
}

TEST(ClientAddress, GarbageNeverBecomesTheAddress) {
  const std::vector<std::string> trusted = {"127.0.0.1", "10.0.0.0/8"};
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"X-Forwarded-For", "<script>"}}), "127.0.0.1");
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"X-Forwarded-For", "203.0.113.1, unknown, 10.0.0.2"}}),
            "10.0.0.2");
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"Forwarded", "for=_hidden"}}), "127.0.0.1");
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"Forwarded", "proto=https"}}), "127.0.0.1");
  EXPECT_EQ(Resolve(trusted, "127.0.0.1", {{"X-Forwarded-For", ""}}), "127.0.0.1");
}

TEST(ClientAddress, ABadEntryIsRefused) {
  EXPECT_FALSE(ClientAddress::FromConfig({"10.0.0.0/40"}).ok());
  EXPECT_FALSE(ClientAddress::FromConfig({"proxy.internal"}).ok());
}

}  // namespace
}  // namespace tsunagu::app
