// Moving a whole Tsunagu database from one engine to the other (`tsunagu transfer`), e.g. from
// the embedded SQLite default to PostgreSQL when an organisation outgrows one machine.
//
// The target is migrated to the source's schema version, then every table is copied in foreign
// key order inside ONE target transaction (all or nothing), ids kept, PostgreSQL identity
// sequences advanced past the copied ids, encrypted fields copied as stored (the same key file
// serves both). Before the commit every table's row count is compared with the source's; after
// it the audit chain is verified on the target with the key file.
//
// Errors carry their message's placeholders in `fields` (field = placeholder name,
// message_key = its value); the keys are in web/messages/*.transfer.toml.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tsunagu::transfer {

struct Options {
  std::string from_url;  // sqlite:PATH or postgresql://...
  std::string to_url;
  std::filesystem::path key_file;        // the audit chain is verified with it
  std::filesystem::path migrations_dir;  // sql/migrations
  std::size_t batch_rows = 500;          // rows read and written at a time
  // Called after each table is copied (inside the transaction): counts only, never contents.
  std::function<void(const std::string& table, std::int64_t rows)> on_table;
};

struct Report {
  int schema_version = 0;
  std::int64_t tables = 0;
  std::int64_t rows = 0;
  std::int64_t audit_events = 0;  // verified on the target
};

core::Result<Report> Run(const Options& options);

}  // namespace tsunagu::transfer
