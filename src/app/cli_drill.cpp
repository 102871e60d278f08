#include "app/cli_drill.hpp"

#include <algorithm>
#include <iostream>

#include "crypto/field_cipher.hpp"
#include "ops/restore_drill.hpp"
#include "storage/backup.hpp"

namespace tsunagu::app {

int RunRestoreDrill(const core::Config& config, const DrillFlags& flags, const CliText& text) {
  auto fail = [&](const core::Error& error) {
    std::cerr << text.Say("cli.error_prefix", {{"message", text.Explain(error)}}) << "\n";
    return 1;
  };
  auto keyring = crypto::Keyring::LoadFile(config.security.key_file);
  if (!keyring) {
    return fail(core::Error{core::ErrorCode::kInvalidInput,
                            "drill.error.key_file",
                            {{"path", config.security.key_file}}});
  }
  const crypto::FieldCipher cipher(std::move(*keyring));

  ops::DrillOptions options;
  options.backup_file = flags.backup_file;
  options.backup_key = storage::DeriveBackupKey(cipher);
  options.key_file = config.security.key_file;
  options.into_url = flags.into;
  if (flags.compare) options.compare_url = config.database.url;
  options.on_table = [&text](const std::string& table, std::int64_t rows) {
    std::cerr << text.Say("drill.table", {{"table", table}, {"rows", std::to_string(rows)}})
              << "\n";
  };
  auto report = ops::RunRestoreDrill(options);
  if (!report) return fail(report.error());

  auto n = [](auto v) { return std::to_string(v); };
  std::cout << text.Say("drill.restored",
                        {{"tables", n(report->tables)}, {"rows", n(report->rows)}})
            << "\n";
  std::cout << (report->chain_ok
                    ? text.Say("drill.chain_ok", {{"events", n(report->audit_events)}})
                    : text.Say("drill.chain_broken", {{"events", n(report->audit_events)}}))
            << "\n";
  std::cout << text.Say("drill.fields", {{"decrypted", n(report->fields_decrypted)},
                                         {"sampled", n(report->fields_sampled)}})
            << "\n";
  if (report->compared) {
    for (const auto& m : report->count_mismatches) {
      std::cout << text.Say("drill.count_mismatch", {{"table", m.table},
                                                     {"restored", n(m.restored)},
                                                     {"compared", n(m.compared)}})
                << "\n";
    }
    // Tables of the restored copy whose count differs (a table only in the compared database
    // is a mismatch too, but not one of the restored tables).
    const auto differing =
        std::count_if(report->count_mismatches.begin(), report->count_mismatches.end(),
                      [](const auto& m) { return m.restored >= 0; });
    std::cout << text.Say("drill.parity", {{"same", n(report->tables - differing)},
                                           {"tables", n(report->tables)},
                                           {"matched", n(report->fields_matched)},
                                           {"sampled", n(report->fields_sampled)}})
              << "\n";
  }
  std::cout << text.Say(report->ok() ? "drill.passed" : "drill.failed") << "\n";
  return report->ok() ? 0 : 1;
}

}  // namespace tsunagu::app
