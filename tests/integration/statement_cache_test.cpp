// The connections' kept statements (storage/statement_cache.hpp), on both engines: a kept
// statement answers with the values of each use, several of one text can run at once, a failed
// execution does not spoil the next, literal SQL cannot grow the keeping past its bound, a kept
// SQLite statement holds no read snapshot, and a PostgreSQL reconnect starts afresh.
#include "storage/statement_cache.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "harness.hpp"
#include "storage/row.hpp"

namespace tsunagu::testing {
namespace {

// A session of the test's own on the test database, opened as the server opens its pool's.
std::unique_ptr<soci::session> OpenKeeping(storage::Database& db) {
  auto s = std::make_unique<soci::session>();
  if (db.is_postgresql()) {
    s->open(storage::PostgresqlKeepingStatements(), storage::PostgresConninfo(db.url()));
  } else {
    s->open(storage::SqliteKeepingStatements(), "db=" + db.sqlite_path() + " timeout=10");
  }
  return s;
}

void CreateProbe(soci::session& s) {
  s << "CREATE TABLE cache_probe (n INTEGER PRIMARY KEY, v TEXT NOT NULL)";
  for (int n = 1; n <= 5; ++n) {
    std::string v = "value-" + std::to_string(n);
    s << "INSERT INTO cache_probe (n, v) VALUES (:n, :v)", soci::use(n), soci::use(v);
  }
}

std::string ValueOf(soci::session& s, int n) {
  std::string v;
  soci::indicator ind = soci::i_null;
  s << "SELECT v FROM cache_probe WHERE n = :n", soci::use(n), soci::into(v, ind);
  return ind == soci::i_ok ? v : "(none)";
}

// PostgreSQL's own list of the session's named statements of a text.
long long PreparedOnServer(soci::session& s, const std::string& like) {
  long long count = 0;
  std::string pattern = like;
  s << "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE :p", soci::use(pattern),
      soci::into(count);
  return count;
}

TEST(StatementCache, AKeptStatementAnswersWithEachUsesOwnValues) {
  TestServer t;
  auto s = OpenKeeping(t.sv().db);
  CreateProbe(*s);
  const std::size_t before = storage::KeptStatements(*s);
  for (int round = 0; round < 3; ++round) {
    for (int n = 1; n <= 5; ++n) EXPECT_EQ(ValueOf(*s, n), "value-" + std::to_string(n));
    EXPECT_EQ(ValueOf(*s, 99), "(none)");
  }
  // One text, used 18 times: kept once (PostgreSQL names it at its second use).
  EXPECT_EQ(storage::KeptStatements(*s), before + 1);
  if (t.is_postgresql()) {
    EXPECT_EQ(PreparedOnServer(*s, "SELECT v FROM cache_probe WHERE n = $1"), 1);
  }
}

TEST(StatementCache, RowsetsOfOneTextOpenAtOnceEachHaveTheirOwnStatement) {
  TestServer t;
  auto s = OpenKeeping(t.sv().db);
  CreateProbe(*s);
  const std::string sql = "SELECT n FROM cache_probe WHERE n >= :from ORDER BY n";
  for (int round = 0; round < 3; ++round) {
    int from_outer = 2;
    std::vector<std::string> pairs;
    soci::rowset<soci::row> outer = (s->prepare << sql, soci::use(from_outer));
    for (const auto& o : outer) {
      int from_inner = static_cast<int>(storage::GetInt(o, 0)) + 2;
      soci::rowset<soci::row> inner = (s->prepare << sql, soci::use(from_inner));
      for (const auto& i : inner) {
        pairs.push_back(std::to_string(storage::GetInt(o, 0)) + ":" +
                        std::to_string(storage::GetInt(i, 0)));
      }
    }
    EXPECT_EQ(pairs, (std::vector<std::string>{"2:4", "2:5", "3:5"})) << "round " << round;
  }
}

TEST(StatementCache, AFailedExecutionDoesNotSpoilTheNextUseOfItsText) {
  TestServer t;
  auto& db = t.sv().db;
  auto s = OpenKeeping(db);
  CreateProbe(*s);
  const std::string insert = "INSERT INTO cache_probe (n, v) VALUES (:n, :v)";
  for (int round = 0; round < 3; ++round) {
    int taken = 1;
    std::string v = "again";
    EXPECT_THROW((*s << insert, soci::use(taken), soci::use(v)), soci::soci_error);
    int fresh = 100 + round;
    std::string w = "new-" + std::to_string(round);
    *s << insert, soci::use(fresh), soci::use(w);
    EXPECT_EQ(ValueOf(*s, fresh), w);
  }
  EXPECT_EQ(ValueOf(*s, 1), "value-1");
}

TEST(StatementCache, TextsBuiltWithLiteralsStayWithinTheBound) {
  TestServer t;
  auto s = OpenKeeping(t.sv().db);
  CreateProbe(*s);
  const int texts = static_cast<int>(storage::kMaxKept) + 60;
  for (int use = 0; use < 2; ++use) {
    for (int i = 0; i < texts; ++i) {
      int n = 1 + i % 5;
      long long got = 0;
      *s << "SELECT n + " + std::to_string(i) + " FROM cache_probe WHERE n = :n", soci::use(n),
          soci::into(got);
      ASSERT_EQ(got, n + i);
    }
  }
  EXPECT_LE(storage::KeptStatements(*s), storage::kMaxKept);
  EXPECT_GT(storage::KeptStatements(*s), storage::kMaxKept / 2);
  if (t.is_postgresql()) {
    EXPECT_LE(PreparedOnServer(*s, "SELECT n + % FROM cache_probe WHERE n = $1"),
              static_cast<long long>(storage::kMaxKept));
  }
  // Still right after the least recently used went.
  EXPECT_EQ(ValueOf(*s, 3), "value-3");
}

TEST(StatementCache, TextsWithoutParametersMayHoldSeveralCommandsOnPostgresql) {
  TestServer t;
  if (!t.is_postgresql()) GTEST_SKIP() << "SQLite's SOCI backend runs one command per text";
  auto s = OpenKeeping(t.sv().db);
  for (int round = 0; round < 3; ++round) {
    *s << "CREATE TEMP TABLE several (a INTEGER); INSERT INTO several VALUES (1), (2); "
          "DROP TABLE several";
  }
  SUCCEED();
}

TEST(StatementCache, AKeptSqliteStatementHoldsNoReadSnapshot) {
  TestServer t;
  auto& db = t.sv().db;
  if (db.is_postgresql()) GTEST_SKIP() << "a WAL snapshot is SQLite's";
  auto reader = OpenKeeping(db);
  auto writer = OpenKeeping(db);
  CreateProbe(*writer);
  for (int round = 0; round < 3; ++round) {
    // Reads only the first row of several, then lets the rowset go: the statement is kept
    // unfinished unless it was reset.
    {
      soci::rowset<soci::row> rows = (reader->prepare << "SELECT n, v FROM cache_probe ORDER BY n");
      ASSERT_NE(rows.begin(), rows.end());
    }
    std::string v = "changed-" + std::to_string(round);
    *writer << "UPDATE cache_probe SET v = :v WHERE n = 5", soci::use(v);
    EXPECT_EQ(ValueOf(*reader, 5), v) << "the reader still saw an older snapshot";
  }
}

TEST(StatementCache, APostgresqlReconnectStartsWithNoneKept) {
  TestServer t;
  auto& db = t.sv().db;
  if (!db.is_postgresql()) GTEST_SKIP() << "named statements are PostgreSQL's";
  auto s = OpenKeeping(db);
  CreateProbe(*s);
  EXPECT_EQ(ValueOf(*s, 2), "value-2");
  EXPECT_EQ(ValueOf(*s, 2), "value-2");
  ASSERT_GE(storage::KeptStatements(*s), 1U);
  long long pid = 0;
  *s << "SELECT pg_backend_pid()", soci::into(pid);
  auto other = OpenKeeping(db);
  *other << "SELECT pg_terminate_backend(:p)", soci::use(pid);
  EXPECT_THROW(ValueOf(*s, 2), soci::soci_error);
  s->reconnect();
  EXPECT_EQ(storage::KeptStatements(*s), 0U);
  for (int n = 1; n <= 5; ++n) EXPECT_EQ(ValueOf(*s, n), "value-" + std::to_string(n));
  EXPECT_EQ(PreparedOnServer(*s, "SELECT v FROM cache_probe WHERE n = $1"), 1);
}

}  // namespace
}  // namespace tsunagu::testing
