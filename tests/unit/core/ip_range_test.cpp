#include "core/ip_range.hpp"

#include <gtest/gtest.h>

namespace tsunagu::core {
namespace {

bool In(const char* range, const char* address) {
  auto r = IpRange::Parse(range);
  auto a = ParseIpAddress(address);
  return r && a && r->Contains(*a);
}

TEST(IpRange, MatchesIpv4AndIpv6Ranges) {
  EXPECT_TRUE(In("127.0.0.1", "127.0.0.1"));
  EXPECT_FALSE(In("127.0.0.1", "127.0.0.2"));
  EXPECT_TRUE(In("10.0.0.0/8", "10.255.1.2"));
  EXPECT_FALSE(In("10.0.0.0/8", "11.0.0.1"));
  EXPECT_TRUE(In("192.168.4.0/22", "192.168.7.255"));
  EXPECT_FALSE(In("192.168.4.0/22", "192.168.8.0"));
  EXPECT_TRUE(In("0.0.0.0/0", "203.0.113.9"));
  EXPECT_TRUE(In("2001:db8::/32", "2001:db8:cafe::17"));
  EXPECT_FALSE(In("2001:db8::/32", "2001:db9::1"));
  EXPECT_TRUE(In("::1", "::1"));
  EXPECT_FALSE(In("10.0.0.0/8", "::1")) << "families never match";
  // A dual-stack socket reports IPv4 peers as IPv4-mapped IPv6.
  EXPECT_TRUE(In("127.0.0.1", "::ffff:127.0.0.1"));
}

TEST(IpRange, RefusesMalformedEntries) {
  for (const char* bad :
       {"", "localhost", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.1/8", "10.0.0.0/8/8",
        "300.1.1.1", "::1/129", "[::1]", "10.0.0.0 /8", "fe80::1%eth0", "2001:db8::1/32"}) {
    EXPECT_FALSE(IpRange::Parse(bad)) << bad;
  }
}

TEST(IpAddress, PrintsTheCanonicalForm) {
  EXPECT_EQ(ParseIpAddress("2001:DB8:0:0::1")->ToString(), "2001:db8::1");
  EXPECT_EQ(ParseIpAddress("::ffff:192.0.2.1")->ToString(), "192.0.2.1");
  EXPECT_FALSE(ParseIpAddress("192.0.2.1:80"));
  EXPECT_FALSE(ParseIpAddress("not-an-ip"));
}

}  // namespace
}  // namespace tsunagu::core
