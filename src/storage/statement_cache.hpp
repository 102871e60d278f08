// SOCI backends whose connections keep the statements they prepared (database.cpp opens every
// pooled session with them).
//
// SOCI prepares a statement again on every execution: SQLite compiles the SQL each time, and
// PostgreSQL parses and plans it each time (and a rowset costs three round trips: PREPARE,
// EXECUTE, DEALLOCATE). Under load that was a quarter of a booking's CPU on SQLite and a third
// of the case page's on PostgreSQL (perf, 2026-12-07). These backends are SOCI's own with one
// difference: a connection keeps each statement, by its SQL text, for as long as the
// connection lives, and later executions of the same text reuse it.
//   - SQLite: a finished statement is reset, its bindings cleared, and kept for the next use
//     of the same text (several of one text can be in use at once; each has its own).
//   - PostgreSQL: statements with parameters (and rowsets) are prepared once per connection
//     under a name of their own; PostgreSQL then plans them as prepared statements (a generic
//     plan once it is no worse than the custom ones). Statements without parameters stay
//     one-time queries, as they may hold several commands (migrations).
// A new connection (a reconnect after PostgreSQL restarted) starts with none kept.
//
// SQL built with literals (IN lists, LIMITs, ids) makes texts that may never come again:
//   - each connection keeps at most kMaxKept texts, the least recently used going first
//     (finalized on SQLite; DEALLOCATEd on PostgreSQL unless a statement still uses it);
//   - PostgreSQL prepares a text by name only the second time the connection sees it: a text
//     run once goes as a one-time query, as before.
#pragma once

#include <soci/soci.h>

#include <cstddef>

namespace tsunagu::storage {

inline constexpr std::size_t kMaxKept = 256;

const soci::backend_factory& SqliteKeepingStatements();
const soci::backend_factory& PostgresqlKeepingStatements();

// How many statements the session's connection keeps (tests; 0 for another backend).
std::size_t KeptStatements(soci::session& s);

}  // namespace tsunagu::storage
