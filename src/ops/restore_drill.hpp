// `tsunagu restore-drill --in BACKUP`: proves that a backup can be restored, before the day it is
// needed (docs/operations.md, "Restore drill").
//
// The backup is restored into an EMPTY scratch database (a temporary SQLite file by default, or
// an empty PostgreSQL database named with --into: never the live one), then:
//   - every table's row count is read on the restored copy;
//   - the audit chain is verified there with the key file (the key file and the backup belong
//     together);
//   - a sample of encrypted fields of each kind (names on bookings and clients, consultation
//     summaries, timeline entries), spread evenly over the rows, is decrypted with the key file;
//   - with --compare (the database the backup was taken from, while nothing writes to it):
//     every table's row count and every sampled field's plain text must be the same there:
//     100% parity, or the drill fails.
// Only counts and table names are reported, never contents. The scratch SQLite file is removed.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tsunagu::ops {

struct DrillOptions {
  std::filesystem::path backup_file;
  std::array<unsigned char, 32> backup_key{};  // storage::DeriveBackupKey of the key file
  std::filesystem::path key_file;              // decrypts the samples, verifies the chain
  // An empty database to restore into; empty: a temporary SQLite file (SQLite backups).
  std::string into_url;
  // The database the backup was taken from; empty: no comparison.
  std::string compare_url;
  std::size_t samples_per_kind = 25;
  // Called for each table of the restored copy: counts only.
  std::function<void(const std::string& table, std::int64_t rows)> on_table;
};

// A table whose row count differs between the restored copy and --compare.
struct CountMismatch {
  std::string table;
  std::int64_t restored = 0;
  std::int64_t compared = -1;  // -1: the table is missing there
};

struct DrillReport {
  std::int64_t tables = 0;
  std::int64_t rows = 0;
  bool chain_ok = false;
  std::int64_t audit_events = 0;
  std::string chain_problem;
  int fields_sampled = 0;    // encrypted values read on the restored copy
  int fields_decrypted = 0;  // of them, decrypted with the key file
  bool compared = false;
  std::vector<CountMismatch> count_mismatches;
  int fields_matched = 0;  // sampled values whose plain text is the same in --compare

  bool ok() const {
    return chain_ok && fields_decrypted == fields_sampled &&
           (!compared || (count_mismatches.empty() && fields_matched == fields_sampled));
  }
};

// Errors: "drill.error.*" keys (web/messages/*.ops.toml) with their placeholders in `fields`.
core::Result<DrillReport> RunRestoreDrill(const DrillOptions& options);

}  // namespace tsunagu::ops
