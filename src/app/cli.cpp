#include "app/cli.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/app.hpp"
#include "app/body_limits.hpp"
#include "app/cli_drill.hpp"
#include "app/cli_text.hpp"
#include "app/cli_transfer.hpp"
#include "app/demo.hpp"
#include "app/metrics_endpoint.hpp"
#include "audit/audit_log.hpp"
#include "core/config.hpp"
#include "core/monitoring_config.hpp"
#include "crypto/random.hpp"
#include "http/server.hpp"
#include "ops/doctor.hpp"
#include "ops/log_format.hpp"
#include "orgs/org_store.hpp"
#include "storage/backup.hpp"
#include "storage/migrator.hpp"

namespace tsunagu::app {
namespace {

struct CommonFlags {
  std::string config_file;
  std::string db_url;
  std::string listen;
  std::int64_t clock_offset = 0;
};

// The system clock moved by a fixed number of seconds (`--clock-offset`, for tests only): the
// browser tests run the server, the demo data and the jobs on a date they choose, while time
// still passes as usual. The offset is whole seconds, so a test can compute TOTP codes exactly.
class ShiftedClock final : public core::Clock {
 public:
  explicit ShiftedClock(std::int64_t offset) : offset_(offset) {}
  std::int64_t NowSeconds() const override { return system_.NowSeconds() + offset_; }

 private:
  core::SystemClock system_;
  std::int64_t offset_;
};

void AddCommon(CLI::App* cmd, CommonFlags& f, bool with_listen) {
  cmd->add_option("--config", f.config_file, "TOML configuration file");
  cmd->add_option("--db", f.db_url, "database URL: sqlite:PATH or postgresql://...");
  if (with_listen) cmd->add_option("--listen", f.listen, "HOST:PORT to listen on");
  cmd->add_option("--clock-offset", f.clock_offset,
                  "tests only: act as if the clock were this many seconds ahead (or behind)");
}

core::Result<core::Config> LoadFor(const CommonFlags& f) {
  auto config = core::LoadConfig(f.config_file, !f.config_file.empty());
  if (!config) return config;
  if (!f.db_url.empty()) config->database.url = f.db_url;
  if (!f.listen.empty()) config->server.listen = f.listen;
  return config;
}

// Every error the command prints is a sentence of the catalogues (web/messages/*.cli.toml),
// in the operator's language (CliLanguage).
const CliText& Text() {
  static const CliText text(core::Config{}.web_dir);
  return text;
}

int Fail(const std::string& what) {
  std::cerr << Text().Say("cli.error_prefix", {{"message", what}}) << "\n";
  return 1;
}

int Fail(const core::Error& error) {
  return Fail(Text().Explain(error));
}

// One of the cli.* sentences, its {reason} the error's own sentence.
int Fail(const std::string& key, const core::Error& error,
         std::vector<std::pair<std::string, std::string>> args = {}) {
  args.emplace_back("reason", Text().Explain(error));
  return Fail(Text().Say(key, args));
}

// The operator at the terminal, for audit events written by CLI commands.
audit::Actor CliActor() {
  return audit::Actor{0, 0, "cli", "cli"};
}

int Serve(const CommonFlags& flags) {
  auto config = LoadFor(flags);
  if (!config) return Fail(config.error());
  auto monitoring = core::LoadMonitoringConfig(flags.config_file, *config);
  if (!monitoring) return Fail(monitoring.error());
  ops::ConfigureLogging(config->log_level, monitoring->log_format);
  auto listen = core::ParseListen(config->server.listen);
  if (!listen) return Fail(listen.error());
  ShiftedClock clock(flags.clock_offset);
  auto app = App::Create(*config, clock);
  if (!app) return Fail(app.error());
  App& a = **app;
  a.bus().Listen();
  a.outbox().StartWorker();
  a.jobs().Start();
  http::ServerOptions options;
  options.host = listen->first;
  options.port = listen->second;
  options.worker_threads = config->server.worker_threads;
  options.max_body_bytes = config->server.max_body_bytes;
  options.body_limit_for = [&c = *config](const http::Request& r) { return BodyLimitFor(c, r); };
  options.admit = [&a](http::Request& r) { return a.Admit(r); };
  http::Server server(
      options, [&a](http::Request& r) { return a.Handle(r); },
      [&a](int status, const http::Request& r) { return a.HandleServerError(status, r); });
  std::uint16_t port = 0;
  try {
    port = server.Start();
  } catch (const std::exception& e) {
    return Fail(Text().Say("cli.cannot_listen",
                           {{"address", config->server.listen}, {"reason", e.what()}}));
  }
  // Tests listen on port 0 with a public_url ending in ":0": it gets the port the system gave,
  // before anyone can know that port, so links and the Origin check name the real address.
  auto& public_url = config->server.public_url;
  if (options.port == 0 && public_url.size() > 2 &&
      public_url.compare(public_url.size() - 2, 2, ":0") == 0) {
    public_url.replace(public_url.size() - 1, 1, std::to_string(port));
  }
  spdlog::info("tsunagu listening on http://{}:{}", options.host, port);
  // /metrics on its own address, never on the public one (docs/operations.md "Monitoring").
  MetricsEndpoint metrics(a, monitoring->metrics_token);
  if (!monitoring->metrics_listen.empty()) {
    auto where = core::ParseListen(monitoring->metrics_listen);
    if (!where) return Fail(where.error());
    std::uint16_t metrics_port = 0;
    try {
      metrics_port = metrics.Start(where->first, where->second);
    } catch (const std::exception& e) {
      return Fail(Text().Say("cli.cannot_listen",
                             {{"address", monitoring->metrics_listen}, {"reason", e.what()}}));
    }
    const bool loopback =
        where->first == "127.0.0.1" || where->first == "::1" || where->first == "localhost";
    if (!loopback && monitoring->metrics_token.empty()) {
      spdlog::warn(
          "metrics are served on {} without a token: anyone who reaches it can read "
          "them ([metrics] token)",
          monitoring->metrics_listen);
    }
    spdlog::info("metrics on http://{}:{}/metrics", where->first, metrics_port);
  }
  server.Wait(true);
  metrics.Stop();
  a.jobs().Stop();
  a.outbox().StopWorker();
  spdlog::info("tsunagu stopped");
  return 0;
}

// `tsunagu jobs run`: one scheduled round as of `as_of` (today when empty), then the mail it
// queued is delivered from this process, so it works with no server running (cron).
int RunJobs(App& app, const core::Clock& clock, const std::string& as_of) {
  core::Date today = core::DateFromUnixSeconds(clock.NowSeconds());
  if (!as_of.empty()) {
    auto parsed = core::ParseIsoDate(as_of);
    if (!parsed) return Fail(Text().Say("cli.jobs_bad_date"));
    today = *parsed;
  }
  const int failed = app.jobs().RunOnce(today);
  constexpr int kBatch = 20;
  while (app.outbox().DeliverDue(kBatch) == kBatch) {
  }
  if (failed > 0) return Fail(Text().Say("cli.jobs_failed", {{"count", std::to_string(failed)}}));
  std::cout << "scheduled jobs run as of " << core::ToIso(today) << "\n";
  return 0;
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App cli{"tsunagu — 治療と仕事の両立支援 (support for working while in treatment)"};
  cli.require_subcommand(1);
  CommonFlags flags;

  auto* serve = cli.add_subcommand("serve", "migrate the database and serve HTTP");
  AddCommon(serve, flags, true);

  auto* migrate = cli.add_subcommand("migrate", "apply database migrations");
  AddCommon(migrate, flags, false);

  auto* demo = cli.add_subcommand("demo", "load demonstration organisations and accounts");
  AddCommon(demo, flags, false);

  auto* jobs = cli.add_subcommand("jobs", "work done by the clock (serve runs it every minute)");
  jobs->require_subcommand(1);
  std::string as_of;
  auto* jobs_run = jobs->add_subcommand(
      "run", "day notices, questionnaire invitations and expired holds, once, then the mail");
  AddCommon(jobs_run, flags, false);
  jobs_run->add_option("--date", as_of,
                       "run as of this date (YYYY-MM-DD, Japan), e.g. to catch up after an "
                       "outage; default today");

  auto* user = cli.add_subcommand("user", "manage user accounts");
  user->require_subcommand(1);
  std::string email, name, password_env = "TSUNAGU_PASSWORD", role = "admin",
                           profession = "clerical";
  std::int64_t org_id = 0;
  bool system_admin = false;
  auto* user_create = user->add_subcommand("create", "create an active user with a password");
  AddCommon(user_create, flags, false);
  user_create->add_option("--email", email)->required();
  user_create->add_option("--name", name)->required();
  user_create->add_option("--password-env", password_env,
                          "environment variable holding the password (default TSUNAGU_PASSWORD)");
  user_create->add_flag("--system-admin", system_admin, "may manage organisations");
  user_create->add_option("--org", org_id, "organisation id to join");
  user_create->add_option("--role", role, "role in --org: admin, coordinator, counselor, viewer");
  user_create->add_option("--profession", profession, "profession code in --org");
  auto* user_disable = user->add_subcommand("disable", "suspend a user and end all sessions");
  AddCommon(user_disable, flags, false);
  user_disable->add_option("--email", email)->required();
  auto* user_reset = user->add_subcommand("reset-mfa", "remove TOTP; re-enrolment at next login");
  AddCommon(user_reset, flags, false);
  user_reset->add_option("--email", email)->required();

  auto* org = cli.add_subcommand("org", "manage organisations");
  org->require_subcommand(1);
  std::string kind;
  auto* org_create = org->add_subcommand("create", "create an organisation");
  AddCommon(org_create, flags, false);
  org_create
      ->add_option("--kind", kind,
                   "municipality, hospital, employment_support, occupational_health, "
                   "patient_group or employer")
      ->required();
  org_create->add_option("--name", name)->required();

  std::string file;
  bool force = false;
  auto* backup = cli.add_subcommand("backup", "write an encrypted, consistent backup");
  AddCommon(backup, flags, false);
  backup->add_option("--out", file)->required();
  auto* restore = cli.add_subcommand("restore", "restore a backup into the database");
  AddCommon(restore, flags, false);
  restore->add_option("--in", file)->required();
  restore->add_flag("--force", force, "replace a non-empty SQLite database");

  DrillFlags drill_flags;
  auto* drill = cli.add_subcommand(
      "restore-drill",
      "restore a backup into an empty scratch database and check it (counts, chain, fields)");
  AddCommon(drill, flags, false);
  drill->add_option("--in", drill_flags.backup_file, "backup file")->required();
  drill->add_option("--into", drill_flags.into,
                    "an empty database to restore into (default: a temporary SQLite file)");
  drill->add_flag("--compare", drill_flags.compare,
                  "compare every table and the sampled fields with the configured database");

  std::string transfer_from, transfer_to;
  auto* transfer = cli.add_subcommand(
      "transfer", "move every table to an empty database of the other engine (SQLite, PostgreSQL)");
  transfer->add_option("--config", flags.config_file, "TOML configuration file (for the key file)");
  transfer->add_option("--from", transfer_from, "source: sqlite:PATH or postgresql://...")
      ->required();
  transfer->add_option("--to", transfer_to, "empty target: postgresql://... or sqlite:PATH")
      ->required();

  auto* audit_cmd = cli.add_subcommand("audit", "audit log tools");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "check the audit hash chain");
  AddCommon(audit_verify, flags, false);

  auto* keys = cli.add_subcommand("keys", "encryption keys");
  keys->require_subcommand(1);
  auto* keys_generate = keys->add_subcommand("generate", "write a new key file (mode 0600)");
  keys_generate->add_option("--out", file, "key file to create")->required();
  keys_generate->add_option("--config", flags.config_file);

  // `tsunagu doctor`: checks a deployment and says what is wrong (src/ops/doctor.hpp).
  std::string doctor_lang;
  auto* doctor = cli.add_subcommand("doctor", "check a deployment: key file, database, mail, URLs");
  AddCommon(doctor, flags, false);
  doctor->add_option("--lang", doctor_lang, "ja or en (default: from LANG, else ja)")
      ->check(CLI::IsMember({"ja", "en"}));

  CLI11_PARSE(cli, argc, argv);

  if (serve->parsed()) return Serve(flags);

  if (keys_generate->parsed()) {
    if (auto st = crypto::Keyring::GenerateFile(file); !st) {
      return Fail("cli.keyfile_create_failed", st.error(), {{"path", file}});
    }
    std::cout << "key file written: " << file << "\n";
    return 0;
  }

  auto config = LoadFor(flags);
  if (!config) return Fail(config.error());
  ShiftedClock clock(flags.clock_offset);

  if (transfer->parsed()) return RunTransfer(*config, transfer_from, transfer_to, Text());
  if (drill->parsed()) return RunRestoreDrill(*config, drill_flags, Text());
  if (doctor->parsed()) {
    ops::DoctorOptions options;
    options.migrations_dir = core::SourceDir() + "/sql/migrations";
    options.config_file = flags.config_file;
    return ops::RunDoctor(*config, clock, doctor_lang, options, std::cout, std::cerr);
  }

  if (migrate->parsed() || audit_verify->parsed() || restore->parsed()) {
    if (restore->parsed()) {
      auto keyring = crypto::Keyring::LoadFile(config->security.key_file);
      if (!keyring) {
        return Fail("cli.keyfile_load_failed", keyring.error(),
                    {{"path", config->security.key_file}});
      }
      crypto::FieldCipher cipher(std::move(*keyring));
      if (auto st =
              storage::Restore(config->database.url, file, storage::DeriveBackupKey(cipher), force);
          !st) {
        return Fail("cli.restore_failed", st.error());
      }
      std::cout << "restored from " << file << "\n";
      return 0;
    }
    auto db = storage::Database::Open(config->database.url, 1);
    if (!db) return Fail("cli.db_open_failed", db.error());
    storage::Migrator migrator(**db, core::SourceDir() + "/sql/migrations");
    if (migrate->parsed()) {
      auto n = migrator.Migrate();
      if (!n) return Fail("cli.migrate_failed", n.error());
      std::cout << "applied " << *n << " migration(s)\n";
      return 0;
    }
    // The chain is keyed: without the key file nobody, the operator included, can vouch for it.
    auto keyring = crypto::Keyring::LoadFile(config->security.key_file);
    if (!keyring) {
      return Fail("cli.audit_key_missing", keyring.error(), {{"path", config->security.key_file}});
    }
    (*db)->SetChainKey(audit::ChainKey(*keyring));
    auto report = audit::AuditLog::Verify(**db);
    if (!report) return Fail("cli.audit_unreadable", report.error());
    if (report->ok) {
      std::cout << "audit chain OK: " << report->events_checked << " event(s)\n";
      return 0;
    }
    std::cout << "audit chain BROKEN at event " << report->first_broken_seq << ": "
              << report->problem << " (" << report->events_checked
              << " event(s) verified before it)\n";
    return 2;
  }

  auto app = App::Create(*config, clock);
  if (!app) return Fail(app.error());
  Services& sv = (*app)->services();

  if (demo->parsed()) {
    auto st = LoadDemoData(sv);
    if (!st) return Fail("cli.demo_failed", st.error());
    std::cout << "demo data loaded\n";
    return 0;
  }

  if (jobs_run->parsed()) return RunJobs(**app, clock, as_of);

  if (backup->parsed()) {
    if (auto st = storage::Backup((*app)->db(), file, storage::DeriveBackupKey(sv.cipher)); !st) {
      return Fail("cli.backup_failed", st.error());
    }
    std::cout << "backup written: " << file << "\n";
    return 0;
  }

  if (org_create->parsed()) {
    auto id = sv.orgs.CreateOrganization(CliActor(), kind, name);
    if (!id) return Fail("cli.org_create_failed", id.error());
    std::cout << "organisation " << *id << " created\n";
    return 0;
  }

  auto find_user = [&]() -> std::int64_t {
    auto u = sv.db.Read<std::optional<orgs::User>>([&](soci::session& s) {
      return orgs::OrgStore::FindUserByEmail(s, auth::AccountService::NormalizeEmail(email));
    });
    return u && *u ? (*u)->id : 0;
  };

  if (user_create->parsed()) {
    const char* password = std::getenv(password_env.c_str());
    if (!password || !*password) {
      return Fail(Text().Say("cli.password_env", {{"name", password_env}}));
    }
    auto id = sv.accounts.CreateUserWithPassword(CliActor(), email, name, password, system_admin);
    if (!id) return Fail("cli.user_create_failed", id.error());
    if (org_id) {
      auto m = sv.orgs.AddMember(CliActor(), org_id, *id, role, profession);
      if (!m) return Fail("cli.user_join_failed", m.error());
    }
    std::cout << "user " << *id << " created; TOTP is set up at first login\n";
    return 0;
  }
  if (user_disable->parsed() || user_reset->parsed()) {
    std::int64_t id = find_user();
    if (!id) return Fail(Text().Say("cli.no_such_user"));
    auto st = user_disable->parsed() ? sv.accounts.DisableUser(CliActor(), id)
                                     : sv.accounts.ResetMfa(CliActor(), id);
    if (!st) return Fail(st.error());
    std::cout << (user_disable->parsed() ? "user disabled\n" : "two-step verification reset\n");
    return 0;
  }
  return 0;
}

}  // namespace tsunagu::app
