// The audit log: written with each change, hash-chained, and `audit verify` finds tampering.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "audit/audit_log.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

TEST(Audit, ChangesAreLoggedAndTheChainVerifies) {
  TestServer t;
  auto org = t.CreateOrg("監査病院");
  t.CreateUser({"audit@example.jp", "監査", "admin", "nurse", org});
  t.LoginAs("audit@example.jp");
  auto events = audit::AuditLog::ListForOrganization(t.app().db(), org, 0, 100);
  ASSERT_TRUE(events.ok());
  std::vector<std::string> actions;
  for (const auto& e : *events) actions.push_back(e.action);
  EXPECT_THAT(actions, ::testing::Contains("auth.login"));
  EXPECT_THAT(actions, ::testing::Contains("organization.create"));
  auto report = audit::AuditLog::Verify(t.app().db());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_GE(report->events_checked, 4);
}

TEST(Audit, TheTableRefusesUpdatesAndDeletes) {
  TestServer t;
  t.CreateOrg("改ざん防止");
  auto st = t.app().db().WriteVoid(
      [](soci::session& s) { s << "UPDATE audit_event SET action = 'x' WHERE seq = 1"; });
  EXPECT_FALSE(st.ok());
  auto del = t.app().db().WriteVoid(
      [](soci::session& s) { s << "DELETE FROM audit_event WHERE seq = 1"; });
  EXPECT_FALSE(del.ok());
}

// Someone with database access who drops the guard still cannot hide a change.
void DropGuard(TestServer& t) {
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    if (t.is_postgresql()) {
                      s << "DROP TRIGGER audit_event_no_change ON audit_event";
                    } else {
                      s << "DROP TRIGGER audit_event_no_update";
                      s << "DROP TRIGGER audit_event_no_delete";
                    }
                  })
                  .ok());
}

TEST(Audit, VerifyReportsTheFirstChangedEvent) {
  TestServer t;
  for (int i = 0; i < 5; ++i) t.CreateOrg("組織" + std::to_string(i));
  DropGuard(t);
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([](soci::session& s) {
                    s << "UPDATE audit_event SET detail = '{\"kind\":\"employer\"}' WHERE seq = 3";
                  })
                  .ok());
  auto report = audit::AuditLog::Verify(t.app().db());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 3);
}

TEST(Audit, VerifyReportsDeletedEvents) {
  TestServer t;
  for (int i = 0; i < 5; ++i) t.CreateOrg("削除" + std::to_string(i));
  DropGuard(t);
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([](soci::session& s) { s << "DELETE FROM audit_event WHERE seq = 2"; })
                  .ok());
  auto report = audit::AuditLog::Verify(t.app().db());
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 2);

  TestServer u;
  for (int i = 0; i < 3; ++i) u.CreateOrg("末尾" + std::to_string(i));
  DropGuard(u);
  ASSERT_TRUE(u.app()
                  .db()
                  .WriteVoid([](soci::session& s) { s << "DELETE FROM audit_event WHERE seq = 3"; })
                  .ok());
  auto tail = audit::AuditLog::Verify(u.app().db());
  EXPECT_FALSE(tail->ok) << "removing the newest event is detected through the head";
}

TEST(Audit, ParallelWritersKeepOneLinearChain) {
  TestServer t;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < 5; ++j) {
        if (t.sv()
                .orgs
                .CreateOrganization({0, 0, "t", "t"}, "hospital",
                                    "並行" + std::to_string(i) + "-" + std::to_string(j))
                .ok()) {
          ++ok;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 40);
  auto report = audit::AuditLog::Verify(t.app().db());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->events_checked, 40);
}

}  // namespace
}  // namespace tsunagu::testing
