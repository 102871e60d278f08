// The transfer's view of a database: tables, columns and foreign keys read from SQLite itself,
// and the order tables are filled in.
#include "transfer/schema.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>

namespace tsunagu::transfer {
namespace {

Table T(const std::string& name, std::vector<std::string> refs) {
  Table t;
  t.name = name;
  t.references = std::move(refs);
  return t;
}

std::vector<std::string> Names(const std::vector<Table>& tables) {
  std::vector<std::string> out;
  for (const auto& t : tables) out.push_back(t.name);
  return out;
}

TEST(TransferSchema, ParentsComeBeforeTheirChildren) {
  std::vector<std::string> cycle;
  auto ordered =
      OrderByForeignKeys({T("membership", {"app_user", "organization"}), T("app_user", {}),
                          T("audit_event", {}), T("organization", {}), T("session", {"app_user"})},
                         cycle);
  EXPECT_TRUE(cycle.empty());
  // Ready tables are taken by name: the order is the same on every run.
  EXPECT_EQ(Names(ordered), (std::vector<std::string>{"app_user", "audit_event", "organization",
                                                      "membership", "session"}));
  auto at = [&](const std::string& n) {
    auto names = Names(ordered);
    return std::find(names.begin(), names.end(), n) - names.begin();
  };
  EXPECT_LT(at("organization"), at("membership"));
  EXPECT_LT(at("app_user"), at("membership"));
  EXPECT_LT(at("app_user"), at("session"));
  EXPECT_EQ(ordered.size(), 5u);
}

TEST(TransferSchema, ACycleIsNamedNotGuessed) {
  std::vector<std::string> cycle;
  auto ordered = OrderByForeignKeys({T("a", {"b"}), T("b", {"a"}), T("c", {})}, cycle);
  EXPECT_EQ(Names(ordered), std::vector<std::string>{"c"});
  EXPECT_EQ(cycle, (std::vector<std::string>{"a", "b"}));
}

TEST(TransferSchema, ColumnKindsFollowTheDeclaredTypes) {
  EXPECT_EQ(KindOf("INTEGER"), ColumnKind::kInteger);
  EXPECT_EQ(KindOf("BIGINT"), ColumnKind::kInteger);
  EXPECT_EQ(KindOf("bigint"), ColumnKind::kInteger);
  EXPECT_EQ(KindOf("TEXT"), ColumnKind::kText);
  EXPECT_EQ(KindOf("character varying"), ColumnKind::kText);
  EXPECT_EQ(KindOf("BLOB"), ColumnKind::kUnsupported);
  EXPECT_EQ(KindOf("bytea"), ColumnKind::kUnsupported);
  EXPECT_EQ(KindOf("REAL"), ColumnKind::kUnsupported);
  EXPECT_EQ(Quote("user"), "\"user\"");
  EXPECT_EQ(Quote("a\"b"), "\"a\"\"b\"");
}

TEST(TransferSchema, ReadsTablesColumnsKeysAndReferencesFromSqlite) {
  soci::session s(soci::sqlite3, ":memory:");
  s << "CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)";
  s << "CREATE TABLE child (parent_id BIGINT NOT NULL REFERENCES parent (id), "
       "seq INTEGER NOT NULL, up BIGINT REFERENCES child (seq), note TEXT, "
       "PRIMARY KEY (parent_id, seq))";
  auto tables = ReadTables(s, storage::Engine::kSqlite);
  ASSERT_EQ(Names(tables), (std::vector<std::string>{"child", "parent"}));  // no sqlite_sequence
  const Table& child = tables[0];
  ASSERT_EQ(child.columns.size(), 4u);
  EXPECT_EQ(child.columns[0].name, "parent_id");
  EXPECT_EQ(child.columns[0].kind, ColumnKind::kInteger);
  EXPECT_EQ(child.columns[3].kind, ColumnKind::kText);
  EXPECT_EQ(child.primary_key, (std::vector<std::string>{"parent_id", "seq"}));
  EXPECT_EQ(child.references, std::vector<std::string>{"parent"});  // itself left out
  EXPECT_EQ(tables[1].primary_key, std::vector<std::string>{"id"});
  std::vector<std::string> cycle;
  EXPECT_EQ(Names(OrderByForeignKeys(tables, cycle)),
            (std::vector<std::string>{"parent", "child"}));
}

}  // namespace
}  // namespace tsunagu::transfer
