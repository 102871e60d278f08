// Database::Write under parallel writers, on both engines: every body's answer is its own
// (an Abort or a failed statement undoes only that body), what a caller was told is committed
// is there at once for every reader, and on SQLite writers that queued share one commit.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

#include "harness.hpp"
#include "metrics/instruments.hpp"
#include "storage/row.hpp"

namespace tsunagu::testing {
namespace {

// A table of the test's own: each write inserts its number n, unique.
void CreateProbeTable(storage::Database& db) {
  ASSERT_TRUE(db.WriteVoid([](soci::session& s) {
                  s << "CREATE TABLE write_probe (n INTEGER PRIMARY KEY, writer INTEGER NOT NULL)";
                }).ok());
}

std::set<long long> ProbeRows(storage::Database& db) {
  auto rows = db.Read<std::set<long long>>([](soci::session& s) {
    std::set<long long> out;
    soci::rowset<soci::row> rs = (s.prepare << "SELECT n FROM write_probe");
    for (const auto& r : rs) out.insert(storage::GetInt(r, 0));
    return out;
  });
  EXPECT_TRUE(rows.ok());
  return rows ? *rows : std::set<long long>{};
}

double Committed(const char* engine) {
  return metrics::Get().db_transactions.With({engine, "commit"}).value();
}

enum class Kind { kCommit, kAbort, kDuplicate };

// Every 5th write aborts after inserting its row; every 7th (not 5th) inserts its row and then
// a row that already exists (a failed statement: error.duplicate); the others commit.
Kind KindOf(int n) {
  if (n % 5 == 0) return Kind::kAbort;
  if (n % 7 == 0) return Kind::kDuplicate;
  return Kind::kCommit;
}

TEST(WriteGroup, ParallelWritersEachGetTheirOwnAnswerAndSeeTheirCommit) {
  TestServer t;
  auto& db = t.sv().db;
  CreateProbeTable(db);
  // Row 0 exists from the start: the "duplicate" writes collide with it.
  ASSERT_TRUE(db.WriteVoid([](soci::session& s) {
                  s << "INSERT INTO write_probe (n, writer) VALUES (0, -1)";
                }).ok());

  constexpr int kThreads = 8;
  constexpr int kEach = 40;
  const char* engine = t.is_postgresql() ? "postgresql" : "sqlite";
  const double committed_before = Committed(engine);
  std::atomic<int> wrong{0}, unseen{0}, committed{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kThreads; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        const int n = 1 + w * kEach + i;
        const Kind kind = KindOf(n);
        auto r = db.Write<int>([&](soci::session& s) {
          s << "INSERT INTO write_probe (n, writer) VALUES (:n, :w)", soci::use(n), soci::use(w);
          // Long enough that the other writers queue meanwhile (SQLite: they join this
          // transaction), short enough to keep the test quick.
          std::this_thread::sleep_for(std::chrono::microseconds(300));
          if (kind == Kind::kAbort) throw storage::Abort{core::Error::Conflict("test.abort")};
          if (kind == Kind::kDuplicate)
            s << "INSERT INTO write_probe (n, writer) VALUES (0, :w)", soci::use(w);
          return n;
        });
        switch (kind) {
          case Kind::kCommit:
            if (!r || *r != n) {
              ++wrong;
              break;
            }
            ++committed;
            // Told it is committed: any other connection sees it now.
            {
              auto seen = db.Read<bool>([&](soci::session& s) {
                int found = 0;
                s << "SELECT COUNT(*) FROM write_probe WHERE n = :n", soci::use(n),
                    soci::into(found);
                return found == 1;
              });
              if (!seen || !*seen) ++unseen;
            }
            break;
          case Kind::kAbort:
            if (r || r.error().message_key != "test.abort") ++wrong;
            break;
          case Kind::kDuplicate:
            if (r || r.error().message_key != "error.duplicate") ++wrong;
            break;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(unseen.load(), 0);

  // Exactly the committed writes' rows, and row 0: nothing of an aborted or failed body.
  std::set<long long> expected{0};
  for (int n = 1; n <= kThreads * kEach; ++n) {
    if (KindOf(n) == Kind::kCommit) expected.insert(n);
  }
  EXPECT_EQ(ProbeRows(db), expected);
  EXPECT_EQ(committed.load(), static_cast<int>(expected.size()) - 1);

  const double transactions = Committed(engine) - committed_before;
  if (t.is_postgresql()) {
    // Each body its own transaction (the server's clock jobs may add a few).
    EXPECT_GE(transactions, committed.load());
  } else {
    // Group commit: the writers that queued behind each other shared a commit.
    EXPECT_LT(transactions, committed.load() / 2.0)
        << transactions << " commits for " << committed.load() << " writes";
  }
}

// SQLite: a statement that ends the whole transaction (here a trigger's RAISE(ROLLBACK)) takes
// the other bodies of its group with it; they run again and are committed once each.
TEST(WriteGroup, ATransactionEndedByOneBodyRunsTheOthersAgain) {
  TestServer t;
  if (t.is_postgresql()) GTEST_SKIP() << "SQLite's group commit";
  auto& db = t.sv().db;
  CreateProbeTable(db);
  ASSERT_TRUE(db.WriteVoid([](soci::session& s) {
                  s << "CREATE TRIGGER write_probe_poison BEFORE INSERT ON write_probe "
                       "WHEN NEW.n < 0 BEGIN SELECT RAISE(ROLLBACK, 'poisoned'); END";
                }).ok());

  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::atomic<int> runs{0}, wrong{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kThreads; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        // Every 10th write of each thread poisons its transaction.
        const int n = (i % 10 == 9) ? -(1 + w * kEach + i) : 1 + w * kEach + i;
        auto r = db.WriteVoid([&](soci::session& s) {
          ++runs;
          std::this_thread::sleep_for(std::chrono::microseconds(300));
          s << "INSERT INTO write_probe (n, writer) VALUES (:n, :w)", soci::use(n), soci::use(w);
        });
        if ((n < 0) == r.ok()) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);

  // Whether those threads' poisoned writes shared a transaction with others depends on timing,
  // so one case is made certain: a long body holds the turn while a plain write and a poisoned
  // one queue behind it. With writers queued, the long body leaves its transaction open;
  // whichever of the two runs next, the poisoned one takes that transaction down and the long
  // body runs again (and the plain one too, if it ran before).
  constexpr int kLong = 10001, kPlain = 10002, kPoisoned = -10003;
  std::atomic<int> long_runs{0};
  std::atomic<bool> long_started{false};
  std::thread long_writer([&] {
    const auto r = db.WriteVoid([&](soci::session& s) {
      ++long_runs;
      long_started = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      s << "INSERT INTO write_probe (n, writer) VALUES (:n, 100)", soci::use(kLong);
    });
    EXPECT_TRUE(r.ok());
  });
  while (!long_started) std::this_thread::yield();
  std::thread plain([&] {
    EXPECT_TRUE(db.WriteVoid([&](soci::session& s) {
                    s << "INSERT INTO write_probe (n, writer) VALUES (:n, 101)", soci::use(kPlain);
                  }).ok());
  });
  std::thread poisoned([&] {
    EXPECT_FALSE(db.WriteVoid([&](soci::session& s) {
                     s << "INSERT INTO write_probe (n, writer) VALUES (:n, 102)",
                         soci::use(kPoisoned);
                   }).ok());
  });
  long_writer.join();
  plain.join();
  poisoned.join();
  EXPECT_GE(long_runs.load(), 2);

  std::set<long long> expected = {kLong, kPlain};
  for (int w = 0; w < kThreads; ++w) {
    for (int i = 0; i < kEach; ++i) {
      if (i % 10 != 9) expected.insert(1 + w * kEach + i);
    }
  }
  EXPECT_EQ(ProbeRows(db), expected);
  EXPECT_GE(runs.load(), kThreads * kEach);
}

}  // namespace
}  // namespace tsunagu::testing
