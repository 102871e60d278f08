// What a database holds, read from the database itself (sqlite_master and PRAGMA on SQLite,
// information_schema and pg_catalog on PostgreSQL), for moving data between engines.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::transfer {

// How a column's values are carried. The migrations use only INTEGER/BIGINT and TEXT; any
// other declared type is kUnsupported, and a transfer refuses it rather than guess.
enum class ColumnKind { kInteger, kText, kUnsupported };

struct Column {
  std::string name;
  std::string declared_type;  // as the engine reports it, for the operator's message
  ColumnKind kind = ColumnKind::kUnsupported;
  bool identity = false;  // PostgreSQL identity column (its sequence is advanced after a copy)
};

struct Table {
  std::string name;
  std::vector<Column> columns;           // in the engine's column order
  std::vector<std::string> primary_key;  // for a stable row order (empty: none)
  std::vector<std::string> references;   // other tables its foreign keys point at (no self)
};

// The migrations' own bookkeeping: never copied, the target gets it from migrating.
inline constexpr const char* kMigrationTable = "schema_migration";

ColumnKind KindOf(const std::string& declared_type);

// Every ordinary table of the database, without the engine's own (sqlite_*).
std::vector<Table> ReadTables(soci::session& s, storage::Engine engine);

// Tables ordered so that every table comes after the tables its foreign keys point at (ties
// by name, so the order is stable). Returns the names of tables on a cycle in `cycle` (the
// result then holds only the tables that could be ordered).
std::vector<Table> OrderByForeignKeys(std::vector<Table> tables, std::vector<std::string>& cycle);

// "name" quoted as an SQL identifier (both engines).
std::string Quote(const std::string& identifier);

}  // namespace tsunagu::transfer
