// `tsunagu doctor --config FILE`: checks a deployment before (and after) it serves, and says
// what is wrong in plain sentences from the message catalogues (web/messages/*.ops.toml): the
// key file, the database and its migrations, the mail relay, public_url with cookie_secure and
// trusted_proxies, and the clock against the database server's.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/i18n.hpp"

namespace tsunagu::ops {

// One line of the report: a message key under "doctor." and its {placeholders}.
struct Finding {
  bool ok = true;
  std::string key;
  std::vector<std::pair<std::string, std::string>> args;
};

struct DoctorOptions {
  std::filesystem::path migrations_dir;  // sql/migrations of the build
  std::string config_file;               // named in the advice ("--config FILE")
  // Further apart than this, this machine's clock and the database server's disagree on
  // expiries, TOTP codes and the day's jobs.
  std::int64_t max_clock_skew_seconds = 5;
  long smtp_timeout_ms = 10000;
};

// Runs every check against the configuration as loaded (file, then environment). `clock` is
// this machine's clock (the CLI's, so --clock-offset can stand for a machine that is off).
std::vector<Finding> CheckDeployment(const core::Config& config, const core::Clock& clock,
                                     const DoctorOptions& options);

// One line per finding ("[OK] …" or "[要対応] …"), then a summary line; returns the exit
// status: 0 when every finding is OK, 1 otherwise.
int PrintFindings(const std::vector<Finding>& findings, const core::Catalog& catalog,
                  std::string_view lang, std::ostream& out);

// The whole command: loads the catalogues from config.web_dir, runs the checks, prints the
// report to `out` (problems reading the catalogues to `err`) and returns the exit status.
int RunDoctor(const core::Config& config, const core::Clock& clock, std::string_view lang_flag,
              const DoctorOptions& options, std::ostream& out, std::ostream& err);

// The operator's language for the report and for every CLI message (app::CliLanguage): `flag`
// ("ja" or "en") when given, else English when TSUNAGU_LANG, LC_ALL, LC_MESSAGES or LANG (the
// first one set) starts with "en", else Japanese.
std::string OperatorLanguage(std::string_view flag);

// A database or mail URL fit to print: a password in it ("user:secret@", "password=…")
// replaced by "***".
std::string RedactUrl(const std::string& url);

}  // namespace tsunagu::ops
