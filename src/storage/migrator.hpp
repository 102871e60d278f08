// Runs the numbered migrations in sql/migrations on either engine.
//
// One portable set: files are plain SQL with a few placeholders and markers:
//   {{id}}      an auto-increment 64-bit primary key column type
//   {{blob}}    a binary column type (BLOB / BYTEA)
//   -- @engine sqlite | postgresql | all    following statements apply to that engine only
//   -- @block ... -- @end                   one statement that contains semicolons (triggers)
// Statements otherwise end at a line ending in ';'.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::storage {

struct Migration {
  int version = 0;
  std::string name;
  std::vector<std::string> statements;  // already rendered for one engine
};

// Parses and renders one file's text for the engine (exposed for unit tests).
std::vector<std::string> RenderMigration(const std::string& text, Engine engine);

// The migration files in `dir` ("NNNN_name.sql"), by version, with their file names and no
// statements: what a complete database has applied (`tsunagu doctor` names the missing ones).
core::Result<std::vector<Migration>> ListMigrations(const std::filesystem::path& dir);

class Migrator {
 public:
  Migrator(Database& db, std::filesystem::path dir) : db_(db), dir_(std::move(dir)) {}
  // Applies every migration newer than the recorded version, each in its own transaction.
  // Safe to run from two processes at once (advisory lock on PostgreSQL, write lock on SQLite).
  core::Result<int> Migrate();  // returns the number applied
  core::Result<int> CurrentVersion();

 private:
  core::Result<std::vector<Migration>> Load() const;
  Database& db_;
  std::filesystem::path dir_;
};

}  // namespace tsunagu::storage
