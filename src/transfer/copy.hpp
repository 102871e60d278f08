// Copies one table's rows from a source session to a target session in batches.
#pragma once

#include <soci/soci.h>

#include <cstdint>

#include "storage/database.hpp"
#include "transfer/schema.hpp"

namespace tsunagu::transfer {

// Reads the rows of `table` (the target's description: its columns, by name, are read from
// the source) in primary-key order, `batch_rows` at a time, and inserts them into the target
// with the same values, NULLs included. SQLite sources are read with one stepping statement,
// PostgreSQL sources through a cursor, so neither holds the table in memory. Both sessions
// must be inside a transaction. Returns the number of rows copied; throws on database errors.
std::int64_t CopyRows(soci::session& source, storage::Engine source_engine, soci::session& target,
                      const Table& table, std::size_t batch_rows);

std::int64_t CountRows(soci::session& s, const std::string& table);

// PostgreSQL: moves each identity column's sequence to the column's largest value, so the
// next row the application adds gets a new id. Does nothing on an empty table.
void AdvanceSequences(soci::session& target, const Table& table);

// Columns the target's triggers keep (a case's timeline count and mark, 0040_timeline_counts;
// its details mark, 0041_case_details_mark) moved again while the rows that feed them were
// copied: sets them back to the source's values, so the copy holds what the source held. Call
// after every table is copied.
void RestoreTriggerKept(soci::session& source, soci::session& target);

}  // namespace tsunagu::transfer
