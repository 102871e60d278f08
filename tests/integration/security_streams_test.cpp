// Live streams end with the right to see (issue 12, item 7; SECURITY.md rule 7): an open
// /cases/{id}/events or /referrals/{id}/events stream is re-checked with the page's own rule
// on every event and on a timer, so a withdrawal, a logout, a disabled account or an expired
// session ends it; a stream has a maximum lifetime; one account holds at most so many streams.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "harness.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;
using SteadyClock = std::chrono::steady_clock;

// One browser tab's EventSource: a raw connection with the client's cookies, read as the
// server writes. Every wait is for an observable state with a deadline.
class Watcher {
 public:
  Watcher(std::uint16_t port, Client& client, const std::string& target) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return;
    std::string cookie;
    for (const auto& [k, v] : client.cookies()) {
      cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    }
    const std::string request = "GET " + target +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                                "Cookie: " +
                                cookie + "\r\n\r\n";
    ::send(fd_, request.data(), request.size(), MSG_NOSIGNAL);
  }
  ~Watcher() {
    if (fd_ >= 0) ::close(fd_);
  }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Waits until what was received contains `text`.
  bool WaitFor(const std::string& text, std::chrono::milliseconds timeout = 10s) {
    const auto deadline = SteadyClock::now() + timeout;
    while (received_.find(text) == std::string::npos) {
      if (SteadyClock::now() >= deadline || !ReadSome(20)) break;
    }
    return received_.find(text) != std::string::npos;
  }
  // Waits until the server ends the connection.
  bool WaitForEnd(std::chrono::milliseconds timeout) {
    const auto deadline = SteadyClock::now() + timeout;
    while (!eof_ && SteadyClock::now() < deadline) ReadSome(20);
    return eof_;
  }
  const std::string& received() const { return received_; }
  int Status() const {
    return received_.size() >= 12 ? std::atoi(received_.substr(9, 3).c_str()) : 0;
  }

 private:
  bool ReadSome(int timeout_ms) {
    if (eof_ || fd_ < 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return true;
    char buf[8192];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    received_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool eof_ = false;
  std::string received_;
};

std::string CaseEvents(const SharingWorld& w) {
  return "/cases/" + std::to_string(w.case_id) + "/events";
}

// A stream's event names after its "ready" (the stream's own start).
std::string AfterReady(const std::string& received) {
  const auto at = received.find("event: ready");
  return at == std::string::npos ? std::string() : received.substr(at + 12);
}

// Re-checks only when an event is published (the timer far away): the event path alone ends
// the stream.
ServerOptions EventPathOnly() {
  ServerOptions o;
  o.configure = [](core::Config& c) { c.live.recheck_seconds = 3600; };
  return o;
}

ServerOptions FastTimer() {
  ServerOptions o;
  o.configure = [](core::Config& c) { c.live.recheck_seconds = 1; };
  return o;
}

TEST(SecurityStreams, WithdrawingTheConsentEndsThePartnersStreamBeforeTheNextEvent) {
  TestServer t(EventPathOnly());
  auto w = BuildSharingWorld(t);
  ASSERT_GT(w.case_id, 0);
  auto hospital = t.LoginAs(w.nurse_email);
  Watcher tab(t.port(), hospital, CaseEvents(w));
  ASSERT_TRUE(tab.WaitFor("event: ready")) << tab.received();

  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, w.consent, "").ok());
  auto added = t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id,
                                     {"interview", Today(t), "撤回後の記録", {}});
  ASSERT_TRUE(added.ok());

  EXPECT_TRUE(tab.WaitForEnd(10s)) << "the stream outlived the consent: " << tab.received();
  EXPECT_THAT(AfterReady(tab.received()), Not(HasSubstr("event: timeline")));
}

TEST(SecurityStreams, StillAllowedStreamsKeepGettingEvents) {
  TestServer t(FastTimer());
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  Watcher tab(t.port(), hospital, CaseEvents(w));
  ASSERT_TRUE(tab.WaitFor("event: ready"));
  auto added = t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id,
                                     {"interview", Today(t), "共有中の記録", {}});
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(tab.WaitFor("event: timeline\ndata: " + std::to_string(*added))) << tab.received();
  // Several timer rounds pass; the stream stays.
  EXPECT_FALSE(tab.WaitForEnd(2500ms));
}

TEST(SecurityStreams, LoggingOutEndsTheStreamOnTheTimerWithoutAnyEvent) {
  TestServer t(FastTimer());
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  Watcher tab(t.port(), hospital, CaseEvents(w));
  ASSERT_TRUE(tab.WaitFor("event: ready"));

  ASSERT_EQ(hospital.Submit("/", {}, "/logout").status, 303);
  // Nothing is published: only the timer can notice.
  EXPECT_TRUE(tab.WaitForEnd(10s)) << "the stream outlived the logout";
  EXPECT_THAT(AfterReady(tab.received()), Not(HasSubstr("event:")));
}

TEST(SecurityStreams, AnExpiredSessionEndsTheStream) {
  TestServer t(FastTimer());
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  Watcher tab(t.port(), hospital, CaseEvents(w));
  ASSERT_TRUE(tab.WaitFor("event: ready"));
  // Idle past the session's limit: an open page alone does not keep the session alive.
  t.clock().Advance(31 * 60);
  EXPECT_TRUE(tab.WaitForEnd(10s)) << "the stream outlived the session";
}

TEST(SecurityStreams, DisablingTheAccountEndsItsReferralStream) {
  TestServer t(EventPathOnly());
  auto w = BuildSharingWorld(t, true, false);
  ASSERT_GT(w.referral, 0);
  auto hospital = t.LoginAs(w.nurse_email);
  Watcher tab(t.port(), hospital, "/referrals/" + std::to_string(w.referral) + "/events");
  ASSERT_TRUE(tab.WaitFor("event: ready")) << tab.received();

  ASSERT_TRUE(t.sv().accounts.DisableUser({0, 0, "test", "test"}, w.nurse.user_id).ok());
  ASSERT_TRUE(t.sv().referrals.Accept(w.agency_worker, {}, w.referral, 1).ok());

  EXPECT_TRUE(tab.WaitForEnd(10s)) << "the stream outlived the account: " << tab.received();
  EXPECT_THAT(AfterReady(tab.received()), Not(HasSubstr("event: referral")));
}

TEST(SecurityStreams, AStreamEndsAtItsMaximumLifetime) {
  ServerOptions o;
  o.configure = [](core::Config& c) {
    c.live.recheck_seconds = 1;
    c.live.max_stream_seconds = 2;
  };
  TestServer t(o);
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  Watcher tab(t.port(), hospital, CaseEvents(w));
  ASSERT_TRUE(tab.WaitFor("event: ready"));
  // Access still holds; the browser's EventSource reconnects (with ?seen= to catch up).
  EXPECT_TRUE(tab.WaitForEnd(10s)) << "the stream has no end";
  Watcher again(t.port(), hospital, CaseEvents(w));
  EXPECT_TRUE(again.WaitFor("event: ready"));
}

TEST(SecurityStreams, OneAccountHoldsAtMostTwentyStreams) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  std::vector<std::unique_ptr<Watcher>> tabs;
  for (int i = 0; i < 20; ++i) {
    tabs.push_back(std::make_unique<Watcher>(t.port(), hospital, CaseEvents(w)));
    ASSERT_TRUE(tabs.back()->WaitFor("event: ready")) << "stream " << i + 1;
  }
  Watcher one_too_many(t.port(), hospital, CaseEvents(w));
  ASSERT_TRUE(one_too_many.WaitFor("\r\n\r\n"));
  EXPECT_EQ(one_too_many.Status(), 429) << one_too_many.received();
  EXPECT_THAT(one_too_many.received(), Not(HasSubstr("event: ready")));

  // Another person is not held back by this one.
  auto agency = t.LoginAs(w.agency_email);
  Watcher other(t.port(), agency, CaseEvents(w));
  EXPECT_TRUE(other.WaitFor("event: ready"));

  // A tab closed gives its place back.
  tabs.pop_back();
  bool reopened = false;
  const auto deadline = SteadyClock::now() + 10s;
  while (!reopened && SteadyClock::now() < deadline) {
    Watcher retry(t.port(), hospital, CaseEvents(w));
    ASSERT_TRUE(retry.WaitFor("\r\n\r\n"));
    reopened = retry.WaitFor("event: ready", 500ms);
  }
  EXPECT_TRUE(reopened);
}

}  // namespace
}  // namespace tsunagu::testing
