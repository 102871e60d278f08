// `tsunagu transfer --from URL --to URL`: the command's side of transfer::Run.
#pragma once

#include <string>

#include "app/cli_text.hpp"
#include "core/config.hpp"

namespace tsunagu::app {

// Moves every table from `from` to `to` (see transfer/transfer.hpp), printing each table's
// row count on stderr and a closing sentence on stdout. Returns the process's exit status.
int RunTransfer(const core::Config& config, const std::string& from, const std::string& to,
                const CliText& text);

}  // namespace tsunagu::app
