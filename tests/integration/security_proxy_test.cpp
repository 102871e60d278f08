// The real client address behind a TLS proxy (SECURITY.md rules 4 and 6, issue 12 item 5):
// X-Forwarded-For and Forwarded are believed only from [server] trusted_proxies, and then the
// right-most hop that is not a trusted proxy is the client. Login throttling, the public-form
// limit and the audit log all see that address.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "audit/audit_log.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

// A limit small enough to reach in a test; the shared-document page counts towards it.
constexpr int kLimit = 3;

ServerOptions Options(std::vector<std::string> trusted) {
  ServerOptions o;
  o.configure = [trusted](core::Config& c) {
    c.server.trusted_proxies = trusted;
    c.security.public_form_limit = kLimit;
  };
  return o;
}

int Open(Client& c, const std::vector<std::pair<std::string, std::string>>& headers) {
  return c.Get("/shared/no-such-link", headers).status;
}

// The address the audit log recorded for the newest failed login.
std::string LastFailedLoginIp(TestServer& t) {
  auto ip = t.app().db().Read<std::string>([](soci::session& s) {
    std::string v;
    s << "SELECT ip FROM audit_event WHERE action = 'auth.login_failed' ORDER BY seq DESC "
         "LIMIT 1",
        soci::into(v);
    return v;
  });
  return ip ? *ip : "<error>";
}

void FailLogin(TestServer& t, const std::vector<std::pair<std::string, std::string>>& headers) {
  auto c = t.NewClient();
  auto page = c.Get("/login", headers);
  auto r = c.Post("/login",
                  {{"csrf_token", ExtractCsrf(page.body)},
                   {"email", "nobody@example.jp"},
                   {"password", "not-the-password-1234"}},
                  headers);
  EXPECT_EQ(r.status, 401);
}

TEST(SecurityProxy, ForwardedHeadersFromAnUntrustedPeerAreIgnored) {
  TestServer t(Options({}));  // no trusted proxies: the default
  auto c = t.NewClient();
  // Every request claims another address; all of them come from 127.0.0.1.
  for (int i = 0; i < kLimit; ++i) {
    EXPECT_EQ(Open(c, {{"X-Forwarded-For", "203.0.113." + std::to_string(i + 1)}}), 410);
  }
  EXPECT_EQ(Open(c, {{"X-Forwarded-For", "203.0.113.99"}}), 429);
  EXPECT_EQ(Open(c, {{"Forwarded", "for=198.51.100.7"}}), 429);

  FailLogin(t, {{"X-Forwarded-For", "203.0.113.50"}, {"Forwarded", "for=198.51.100.8"}});
  EXPECT_EQ(LastFailedLoginIp(t), "127.0.0.1");
}

TEST(SecurityProxy, ThroughATrustedProxyEachClientIsCountedAlone) {
  TestServer t(Options({"127.0.0.1", "10.0.0.0/8"}));
  auto c = t.NewClient();
  // Client A reaches the limit through the proxy.
  for (int i = 0; i < kLimit; ++i) {
    EXPECT_EQ(Open(c, {{"X-Forwarded-For", "203.0.113.1"}}), 410);
  }
  EXPECT_EQ(Open(c, {{"X-Forwarded-For", "203.0.113.1"}}), 429);
  // A forged left-most entry does not help A: the right-most untrusted hop is A again (the
  // proxy appended it; 10.1.2.3 is an inner proxy and skipped).
  EXPECT_EQ(Open(c, {{"X-Forwarded-For", "192.0.2.44, 203.0.113.1, 10.1.2.3"}}), 429);
  // Client B behind the same proxy is not slowed down by A.
  EXPECT_EQ(Open(c, {{"X-Forwarded-For", "203.0.113.2"}}), 410);
  // Nor is client C, named by a standard Forwarded header (IPv6 with a port).
  EXPECT_EQ(Open(c, {{"Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https"}}), 410);

  FailLogin(t, {{"X-Forwarded-For", "192.0.2.44, 203.0.113.9"}});
  EXPECT_EQ(LastFailedLoginIp(t), "203.0.113.9");
  FailLogin(t, {{"Forwarded", "for=198.51.100.7, for=\"[2001:db8:cafe::17]:4711\""}});
  EXPECT_EQ(LastFailedLoginIp(t), "2001:db8:cafe::17");
  // Garbage instead of an address: the proxy itself is the client, never the garbage.
  FailLogin(t, {{"X-Forwarded-For", "<script>, not-an-ip"}});
  EXPECT_EQ(LastFailedLoginIp(t), "127.0.0.1");
}

TEST(SecurityProxy, LoginThrottlingPerAddressSeesTheRealClient) {
  TestServer t(Options({"127.0.0.1"}));
  // 50 failures from one client behind the proxy lock that address out...
  for (int i = 0; i < 50; ++i) {
    auto c = t.NewClient();
    auto page = c.Get("/login");
    c.Post("/login",
           {{"csrf_token", ExtractCsrf(page.body)},
            {"email", "guess" + std::to_string(i) + "@example.jp"},
            {"password", "not-the-password-1234"}},
           {{"X-Forwarded-For", "203.0.113.1"}});
  }
  auto try_from = [&](const std::string& address) {
    auto c = t.NewClient();
    auto page = c.Get("/login");
    return c
        .Post("/login",
              {{"csrf_token", ExtractCsrf(page.body)},
               {"email", "someone@example.jp"},
               {"password", "not-the-password-1234"}},
              {{"X-Forwarded-For", address}})
        .status;
  };
  EXPECT_EQ(try_from("203.0.113.1"), 429);
  // ...and only that address: the others behind the same proxy can still log in.
  EXPECT_EQ(try_from("203.0.113.2"), 401);
}

}  // namespace
}  // namespace tsunagu::testing
