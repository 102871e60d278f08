// The audit log: written with each change, hash-chained, and `audit verify` finds tampering.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <thread>

#include "audit/audit_log.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"
#include "storage/database.hpp"
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

// Read events (AuditLog::AppendRead) that arrive while an append waits for the chain's head
// are appended together, in one transaction, once it is free; each caller returns only when
// its own event is committed. The head is held here by another connection: a row lock on
// PostgreSQL, the write lock on SQLite (another process's writer).
TEST(Audit, ReadEventsThatWaitForTheChainShareOneTransaction) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_NE(w.case_id, 0);
  storage::Database& db = t.app().db();
  const audit::ReadGroupStats before = audit::AuditLog::ReadStats(db);
  const audit::Actor hospital{w.nurse.user_id, w.hospital, "", ""};
  const audit::Actor agency{w.agency_worker.user_id, w.agency, "", ""};
  const audit::Actor stranger{w.stranger_admin.user_id, w.stranger, "", ""};
  const std::string case_id = std::to_string(w.case_id);
  // Events of several kinds of record in one batch, each linked to its own record's holders.
  const std::vector<std::pair<audit::Actor, audit::Event>> events = {
      {hospital, {"case.read", "support_case", case_id, "{}"}},
      {hospital, {"case.read", "support_case", case_id, "{}"}},
      {stranger, {"referral.read", "referral", std::to_string(w.referral), "{}"}},
      {agency, {"client.read", "client", std::to_string(w.client), "{}"}},
      {hospital, {"user.read", "app_user", "1", "{}"}},
      {stranger, {"case.read", "support_case", case_id, "{}"}},
  };
  auto read_event = [&](int i) {
    audit::Actor a = events[i].first;
    a.request_id = "held-" + std::to_string(i);
    return audit::AuditLog::AppendRead(db, a, events[i].second, 1'800'000'000);
  };
  auto wait_for = [&](const std::function<bool(const audit::ReadGroupStats&)>& done) {
    for (int i = 0; i < 500 && !done(audit::AuditLog::ReadStats(db)); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done(audit::AuditLog::ReadStats(db));
  };

  std::unique_ptr<soci::session> other;
  if (t.is_postgresql()) {
    other = std::make_unique<soci::session>(soci::postgresql, storage::PostgresConninfo(db.url()));
    *other << "BEGIN";
    *other << "UPDATE audit_head SET seq = seq WHERE id = 1";
  } else {
    other = std::make_unique<soci::session>(soci::sqlite3, t.SqliteBeside());
    *other << "BEGIN IMMEDIATE";
  }
  std::vector<core::Status> results(6, core::OkStatus());
  std::vector<std::thread> threads;
  threads.emplace_back([&] { results[0] = read_event(0); });
  ASSERT_TRUE(wait_for([](const auto& s) { return s.appending && s.waiting == 0; }));
  for (int i = 1; i < 6; ++i) threads.emplace_back([&, i] { results[i] = read_event(i); });
  const bool queued = wait_for([](const auto& s) { return s.waiting == 5; });
  *other << "COMMIT";
  for (auto& th : threads) th.join();
  ASSERT_TRUE(queued);
  for (const auto& r : results) EXPECT_TRUE(r.ok());

  const audit::ReadGroupStats after = audit::AuditLog::ReadStats(db);
  EXPECT_EQ(after.events - before.events, 6);
  EXPECT_EQ(after.transactions - before.transactions, 2);
  EXPECT_EQ(after.waiting, 0);
  // Each event once, each linked to its record's other holders.
  auto linked = db.Read<std::map<std::string, std::vector<std::int64_t>>>([&](soci::session& s) {
    std::map<std::string, std::vector<std::int64_t>> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT e.request_id, h.organization_id FROM audit_event e LEFT JOIN "
                      "audit_holder h ON h.seq = e.seq WHERE e.request_id LIKE 'held-%' ORDER BY "
                      "e.request_id, h.organization_id");
    for (const auto& r : rows) {
      auto& orgs = out[storage::GetText(r, 0)];
      if (!storage::IsNull(r, 1)) orgs.push_back(storage::GetInt(r, 1));
    }
    return out;
  });
  ASSERT_TRUE(linked.ok());
  using V = std::vector<std::int64_t>;
  const V both = {std::min(w.hospital, w.agency), std::max(w.hospital, w.agency)};
  const std::map<std::string, V> expected = {{"held-0", V{w.agency}}, {"held-1", V{w.agency}},
                                             {"held-2", both},        {"held-3", V{w.hospital}},
                                             {"held-4", V{}},         {"held-5", both}};
  EXPECT_EQ(*linked, expected);
  auto report = audit::AuditLog::Verify(db);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
}

// PostgreSQL: while nothing else appends, a read event is written in one statement after the
// head the read group's last append left (one update of the head in its own transaction);
// once another append moved the head, nothing is written that way and the event is appended
// under the head's lock (two updates of the head in one transaction). The chain stays whole.
TEST(Audit, ReadEventsFollowTheGroupsOwnHeadInOneStatementUntilAnotherAppendMovesIt) {
  TestServer t;
  if (!t.is_postgresql()) GTEST_SKIP() << "SQLite appends every event in its write transaction";
  auto w = BuildSharingWorld(t);
  ASSERT_NE(w.case_id, 0);
  storage::Database& db = t.app().db();
  // Each update of the head, with the transaction that made it.
  ASSERT_TRUE(db.WriteVoid([](soci::session& s) {
                  s << "CREATE TABLE head_turns (n SERIAL, tx BIGINT, old_seq BIGINT, new_seq "
                       "BIGINT)";
                  s << "CREATE FUNCTION note_head_turn() RETURNS trigger LANGUAGE plpgsql AS $$ "
                       "BEGIN INSERT INTO head_turns (tx, old_seq, new_seq) VALUES "
                       "(txid_current(), OLD.seq, NEW.seq); RETURN NEW; END $$";
                  s << "CREATE TRIGGER note_head_turn AFTER UPDATE ON audit_head FOR EACH ROW "
                       "EXECUTE FUNCTION note_head_turn()";
                }).ok());
  int made = 0;
  auto write_event = [&] {
    ASSERT_TRUE(
        t.sv()
            .orgs
            .CreateOrganization({0, 0, "t", "t"}, "hospital", "頭の確認" + std::to_string(++made))
            .ok());
  };
  const audit::Actor agency{w.agency_worker.user_id, w.agency, "", ""};
  int reads = 0;
  auto read_event = [&] {
    audit::Actor a = agency;
    a.request_id = "head-" + std::to_string(++reads);
    ASSERT_TRUE(
        audit::AuditLog::AppendRead(
            db, a, {"case.read", "support_case", std::to_string(w.case_id), "{}"}, 1'800'000'000)
            .ok());
  };
  write_event();
  ASSERT_TRUE(db.WriteVoid([](soci::session& s) { s << "DELETE FROM head_turns"; }).ok());
  read_event();   // the group does not know the head: under the lock
  read_event();   // after its own: one statement
  read_event();   // again
  write_event();  // another append moves the head
  read_event();   // the group's head is gone: under the lock
  read_event();   // one statement again

  auto turns = db.Read<std::vector<int>>([](soci::session& s) {
    std::vector<int> out;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT COUNT(*) FROM head_turns GROUP BY tx "
                                                 "ORDER BY MIN(n)");
    for (const auto& r : rows) out.push_back(static_cast<int>(storage::GetInt(r, 0)));
    return out;
  });
  ASSERT_TRUE(turns.ok());
  EXPECT_EQ(*turns, (std::vector<int>{2, 1, 1, 2, 2, 1}));
  auto events = db.Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(DISTINCT request_id) + COUNT(*) FROM audit_event WHERE request_id LIKE "
         "'head-%'",
        soci::into(n);
    return n;
  });
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(*events, 2 * reads) << "each read event once";
  auto report = audit::AuditLog::Verify(db);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
}

// Many readers and writers at once: every read event is appended once, the chain stays
// linear, and no reader returns before its event is stored.
TEST(Audit, ConcurrentReadsAndWritesKeepOneLinearChain) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_NE(w.case_id, 0);
  storage::Database& db = t.app().db();
  const audit::Actor agency{w.agency_worker.user_id, w.agency, "", ""};
  constexpr int kReaders = 12;
  constexpr int kReads = 15;
  std::atomic<int> missing{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kReaders; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < kReads; ++j) {
        audit::Actor a = agency;
        a.request_id = "many-" + std::to_string(i) + "-" + std::to_string(j);
        if (!audit::AuditLog::AppendRead(
                 db, a, {"client.read", "client", std::to_string(w.client), "{}"}, 1'800'000'000)
                 .ok()) {
          ++failed;
          continue;
        }
        // Committed before AppendRead returned: visible to any other connection now.
        auto seen = db.Read<long long>([&](soci::session& s) {
          long long n = 0;
          s << "SELECT COUNT(*) FROM audit_event WHERE request_id = :r", soci::use(a.request_id),
              soci::into(n);
          return n;
        });
        if (!seen.ok() || *seen != 1) ++missing;
      }
    });
  }
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < 5; ++j) {
        if (!t.sv()
                 .orgs
                 .CreateOrganization({0, 0, "t", "t"}, "hospital",
                                     "読書中" + std::to_string(i) + "-" + std::to_string(j))
                 .ok()) {
          ++failed;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(missing.load(), 0);
  auto counts = db.Read<std::pair<long long, long long>>([&](soci::session& s) {
    long long events = 0;
    long long linked = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE request_id LIKE 'many-%'", soci::into(events);
    s << "SELECT COUNT(*) FROM audit_event e JOIN audit_holder h ON h.seq = e.seq WHERE "
         "e.request_id LIKE 'many-%'",
        soci::into(linked);
    return std::make_pair(events, linked);
  });
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->first, kReaders * kReads);
  EXPECT_EQ(counts->second, kReaders * kReads);  // each to the hospital, which registered them
  auto report = audit::AuditLog::Verify(db);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
}

// SECURITY.md rule 4: a case page is shown only once its read is in the audit log. With the
// log refusing case.read events (a trigger), neither the running organisation's view (read
// first, its event appended by the read group) nor a partner's (one write transaction) comes
// back, nor its timeline alone; other events are still written.
TEST(Audit, ACaseIsNotShownWhenItsReadCannotBeAudited) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_NE(w.case_id, 0);
  ASSERT_TRUE(t.sv().cases.Get(w.agency_worker, {}, w.case_id).ok());
  ASSERT_TRUE(t.sv().cases.Get(w.nurse, {}, w.case_id).ok());
  const bool pg = t.is_postgresql();
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    if (pg) {
                      s << "CREATE FUNCTION refuse_case_read() RETURNS trigger LANGUAGE plpgsql "
                           "AS $$ BEGIN IF NEW.action = 'case.read' OR NEW.action = "
                           "'case.timeline_read' THEN RAISE EXCEPTION 'refused'; END IF; RETURN "
                           "NEW; END $$";
                      s << "CREATE TRIGGER refuse_case_read BEFORE INSERT ON audit_event FOR EACH "
                           "ROW EXECUTE FUNCTION refuse_case_read()";
                    } else {
                      s << "CREATE TRIGGER refuse_case_read BEFORE INSERT ON audit_event WHEN "
                           "NEW.action IN ('case.read', 'case.timeline_read') BEGIN SELECT "
                           "RAISE(ABORT, 'refused'); END";
                    }
                  })
                  .ok());
  EXPECT_FALSE(t.sv().cases.Get(w.agency_worker, {}, w.case_id).ok()) << "running organisation";
  EXPECT_FALSE(t.sv().cases.Get(w.nurse, {}, w.case_id).ok()) << "partner";
  EXPECT_FALSE(t.sv().cases.Timeline(w.agency_worker, {}, w.case_id).ok()) << "timeline";
  EXPECT_TRUE(t.sv().cases.LiveMark(w.agency_worker, w.case_id).ok()) << "not audited";
  auto report = audit::AuditLog::Verify(t.app().db());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
}

}  // namespace
}  // namespace tsunagu::testing
