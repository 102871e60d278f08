// The harness itself: the test clock never comes from the machine, absence checks and canary
// checks can fail, so the tests built on them prove something.
#include "harness.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "notify/outbox.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

void Queue(TestServer& t, const std::string& to, const std::string& body) {
  notify::MailMessage m;
  m.to = to;
  m.subject = "harness";
  m.text_body = body;
  ASSERT_TRUE(
      t.app().db().WriteVoid([&](soci::session& s) { t.app().outbox().Enqueue(s, m, "test"); }));
  t.app().outbox().Wake();
}

TEST(Harness, TheClockStartsWhereTheRunSaysNeverAtTheMachinesTime) {
  EXPECT_EQ(ParseTestNow("2027-03-28T03:00:00"), JapanTime({2027, 3, 28}, 3, 0));
  EXPECT_EQ(ParseTestNow("2027-03-28T03:00:00+09:00"), JapanTime({2027, 3, 28}, 3, 0));
  EXPECT_EQ(ParseTestNow("2027-03-27T18:00:00Z"), JapanTime({2027, 3, 28}, 3, 0));
  EXPECT_EQ(ParseTestNow("2019-04-30T10:59:50-05:00"), JapanTime({2019, 5, 1}, 0, 59) + 50);
  EXPECT_EQ(ParseTestNow("@1556636390"), 1556636390);
  EXPECT_EQ(JapanTime({2019, 5, 1}, 0, 0), 1556636400);  // 令和 began at midnight JST
  for (const char* bad : {"", "2027-03-28", "2027-02-30T00:00:00", "2027-03-28T24:00:00",
                          "2027-03-28T03:00:00+9", "@12x", "tomorrow"}) {
    EXPECT_EQ(ParseTestNow(bad), std::nullopt) << bad;
  }
  TestServer t;
  EXPECT_EQ(t.clock().NowSeconds(), TestStartSeconds());
  const char* set = std::getenv("TSUNAGU_TEST_NOW");
  if (set == nullptr || *set == '\0') {
    EXPECT_EQ(TestStartSeconds(), JapanTime({2026, 6, 10}, 10, 0));
  } else {
    EXPECT_EQ(TestStartSeconds(), ParseTestNow(set));
  }
  ServerOptions at;
  at.start_http = false;
  at.now = JapanTime({2028, 2, 29}, 23, 59);
  TestServer leap(at);
  EXPECT_EQ(core::DateFromUnixSeconds(leap.clock().NowSeconds()), (core::Date{2028, 2, 29}));
}

// A name in a header (here the address) is seen by the canary checks, not only the decoded
// subject and text.
TEST(Harness, CanaryChecksSeeTheRawHeaders) {
  TestServer t;
  const std::string address = "header-canary-7q@example.jp";
  Queue(t, address, "本文");
  ASSERT_FALSE(MailSink::Get().WaitFor(address).empty());
  EXPECT_THAT(MailSink::Get().AllRaw(), HasSubstr("To: " + address));
  EXPECT_THAT(MailSink::Get().AllRaw(), HasSubstr("本文"));  // and the decoded text
}

// NoMailFor fails when the mail came (even though nobody waited for it) and passes when not.
TEST(Harness, AnAbsenceCheckSeesAMailThatCame) {
  TestServer t;
  const std::string address = "absence-check-7q@example.jp";
  Queue(t, address, "来てしまったメール");
  EXPECT_FALSE(t.NoMailFor(address));
  ASSERT_THAT(MailSink::Get().WaitFor(address, 1000), HasSubstr("来てしまったメール"));
  EXPECT_TRUE(t.NoMailFor(address));
  EXPECT_TRUE(t.NoMailFor("never-written-to-7q@example.jp"));
}

}  // namespace
}  // namespace tsunagu::testing
