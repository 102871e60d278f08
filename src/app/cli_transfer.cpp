#include "app/cli_transfer.hpp"

#include <iostream>

#include "transfer/transfer.hpp"

namespace tsunagu::app {

int RunTransfer(const core::Config& config, const std::string& from, const std::string& to,
                const CliText& text) {
  transfer::Options options;
  options.from_url = from;
  options.to_url = to;
  options.key_file = config.security.key_file;
  options.migrations_dir = core::SourceDir() + "/sql/migrations";
  options.on_table = [&text](const std::string& table, std::int64_t rows) {
    std::cerr << text.Say("transfer.progress", {{"table", table}, {"rows", std::to_string(rows)}})
              << "\n";
  };
  auto report = transfer::Run(options);
  if (!report) {
    std::cerr << text.Say("cli.error_prefix", {{"message", text.Explain(report.error())}}) << "\n";
    return 1;
  }
  std::cout << text.Say("transfer.done", {{"tables", std::to_string(report->tables)},
                                          {"rows", std::to_string(report->rows)},
                                          {"version", std::to_string(report->schema_version)},
                                          {"events", std::to_string(report->audit_events)}})
            << "\n";
  return 0;
}

}  // namespace tsunagu::app
