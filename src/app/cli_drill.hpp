// `tsunagu restore-drill --in BACKUP [--into URL] [--compare]`: the command's side of
// ops::RunRestoreDrill (docs/operations.md, "Restore drill").
#pragma once

#include <string>

#include "app/cli_text.hpp"
#include "core/config.hpp"

namespace tsunagu::app {

struct DrillFlags {
  std::string backup_file;
  std::string into;      // empty: a temporary SQLite file
  bool compare = false;  // compare with the configured database (nothing writing to it)
};

// Restores the backup into a scratch database and checks it, printing each table's row count on
// stderr and the findings on stdout. Returns 0 when the drill passed, 1 otherwise.
int RunRestoreDrill(const core::Config& config, const DrillFlags& flags, const CliText& text);

}  // namespace tsunagu::app
