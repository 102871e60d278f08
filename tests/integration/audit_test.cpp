// The audit log: written with each change, hash-chained, and `audit verify` finds tampering.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "audit/audit_log.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"
#include "storage/row.hpp"

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

// SECURITY.md rule 4: an event about a record another organisation holds is linked to that
// organisation once, never to the actor's own. PostgreSQL finds the holders inside the
// statement that writes the event, SQLite before it: both are checked here.
TEST(Audit, EachOtherHolderOfTheRecordIsLinkedOnce) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_NE(w.case_id, 0);
  auto holders_of_last = [&](const audit::Actor& actor, const audit::Event& event) {
    std::vector<std::int64_t> out;
    auto st = t.app().db().Write<std::vector<std::int64_t>>([&](soci::session& s) {
      audit::AuditLog::Append(s, actor, event, 1'800'000'000);
      std::vector<std::int64_t> linked;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT organization_id FROM audit_holder WHERE seq = (SELECT MAX(seq) "
                        "FROM audit_event) ORDER BY organization_id");
      for (const auto& r : rows) linked.push_back(storage::GetInt(r, 0));
      return linked;
    });
    EXPECT_TRUE(st.ok());
    if (st.ok()) out = *st;
    return out;
  };
  using V = std::vector<std::int64_t>;
  const audit::Actor agency{w.agency_worker.user_id, w.agency, "", ""};
  const audit::Actor hospital{w.nurse.user_id, w.hospital, "", ""};
  const audit::Actor stranger{w.stranger_admin.user_id, w.stranger, "", ""};
  const audit::Actor system{0, 0, "", ""};
  const std::string case_id = std::to_string(w.case_id);
  const std::string client = std::to_string(w.client);
  const std::string referral = std::to_string(w.referral);
  // The agency runs the case of a person the hospital registered.
  EXPECT_EQ(holders_of_last(agency, {"case.read", "support_case", case_id, "{}"}), V{w.hospital});
  EXPECT_EQ(holders_of_last(hospital, {"case.read", "support_case", case_id, "{}"}), V{w.agency});
  const V both = {std::min(w.hospital, w.agency), std::max(w.hospital, w.agency)};
  EXPECT_EQ(holders_of_last(stranger, {"case.read", "support_case", case_id, "{}"}), both);
  EXPECT_EQ(holders_of_last(system, {"case.read", "support_case", case_id, "{}"}), both);
  // A client is held by the organisation that registered it, linked once.
  EXPECT_EQ(holders_of_last(agency, {"client.read", "client", client, "{}"}), V{w.hospital});
  EXPECT_EQ(holders_of_last(hospital, {"client.read", "client", client, "{}"}), V{});
  // Both ends of a referral.
  EXPECT_EQ(holders_of_last(stranger, {"referral.read", "referral", referral, "{}"}), both);
  EXPECT_EQ(holders_of_last(agency, {"referral.read", "referral", referral, "{}"}), V{w.hospital});
  // No holders: a record of another kind, a target that is not an id, a record that is gone.
  EXPECT_EQ(holders_of_last(agency, {"user.read", "app_user", "1", "{}"}), V{});
  EXPECT_EQ(holders_of_last(agency, {"case.read", "support_case", case_id + "x", "{}"}), V{});
  EXPECT_EQ(holders_of_last(agency, {"case.read", "support_case", "999999", "{}"}), V{});
  auto report = audit::AuditLog::Verify(t.app().db());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
}

}  // namespace
}  // namespace tsunagu::testing
