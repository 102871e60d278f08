// The database part of `tsunagu doctor`: its own short-lived connection (no pool, no
// migrations, nothing written), so a database that is unreachable, empty or half-migrated is
// described instead of changed.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "ops/doctor_checks.hpp"
#include "storage/database.hpp"
#include "storage/migrator.hpp"

namespace tsunagu::ops {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// The first line of a driver's message (libpq's and SQLite's name no data, only the server,
// the file and what went wrong).
std::string FirstLine(const std::string& message) {
  std::string line = message.substr(0, message.find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
  return line;
}

// Seconds by which this machine's clock differs from PostgreSQL's now() (positive: ahead).
std::int64_t ClockSkew(soci::session& s, const core::Clock& clock) {
  double server = 0;
  s << "SELECT CAST(EXTRACT(EPOCH FROM now()) AS DOUBLE PRECISION)", soci::into(server);
  return clock.NowSeconds() - static_cast<std::int64_t>(std::llround(server));
}

std::set<int> AppliedVersions(soci::session& s, bool postgresql) {
  int tables = 0;
  if (postgresql) {
    s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_migration' "
         "AND table_schema = current_schema()",
        soci::into(tables);
  } else {
    s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'",
        soci::into(tables);
  }
  std::set<int> applied;
  if (tables == 0) return applied;
  soci::rowset<int> rows = (s.prepare << "SELECT version FROM schema_migration");
  for (int v : rows) applied.insert(v);
  return applied;
}

void CheckMigrations(soci::session& s, bool postgresql, const std::string& shown_url,
                     const DoctorOptions& options, std::vector<Finding>& out) {
  auto files = storage::ListMigrations(options.migrations_dir);
  if (!files || files->empty()) {
    out.push_back({false, "doctor.db.no_migrations", {{"dir", options.migrations_dir.string()}}});
    return;
  }
  const std::set<int> applied = AppliedVersions(s, postgresql);
  std::string pending;
  int count = 0;
  std::set<int> known;
  for (const auto& m : *files) {
    known.insert(m.version);
    if (applied.count(m.version) != 0U) continue;
    pending += (pending.empty() ? "" : ", ") + m.name;
    ++count;
  }
  const std::string config = options.config_file.empty() ? "FILE" : options.config_file;
  if (count > 0) {
    out.push_back({false,
                   applied.empty() ? "doctor.db.empty" : "doctor.db.pending",
                   {{"url", shown_url},
                    {"count", std::to_string(count)},
                    {"names", pending},
                    {"config", config}}});
    return;
  }
  for (int v : applied) {
    if (known.count(v) == 0U) {
      out.push_back(
          {false, "doctor.db.newer", {{"url", shown_url}, {"version", std::to_string(v)}}});
      return;
    }
  }
  out.push_back({true,
                 "doctor.db.ok",
                 {{"url", shown_url}, {"version", std::to_string(files->back().version)}}});
}

}  // namespace

void CheckDatabase(const core::Config& config, const core::Clock& clock,
                   const DoctorOptions& options, std::vector<Finding>& out) {
  const std::string& url = config.database.url;
  const std::string shown = RedactUrl(url);
  const bool postgresql = StartsWith(url, "postgresql://") || StartsWith(url, "postgres://");
  soci::session s;
  if (StartsWith(url, "sqlite:")) {
    const std::string path = url.substr(7);
    std::error_code ec;
    if (path.empty() || !std::filesystem::is_regular_file(path, ec)) {
      const std::string config_file = options.config_file.empty() ? "FILE" : options.config_file;
      out.push_back({false, "doctor.db.sqlite_missing", {{"path", path}, {"config", config_file}}});
      return;
    }
    const auto dir = std::filesystem::absolute(path, ec).parent_path();
    if (::access(dir.c_str(), W_OK) != 0 || ::access(path.c_str(), R_OK | W_OK) != 0) {
      out.push_back({false, "doctor.db.sqlite_readonly", {{"path", path}}});
      return;
    }
    try {
      s.open(soci::sqlite3, "db=" + path + " timeout=10");
    } catch (const std::exception& e) {
      out.push_back(
          {false, "doctor.db.unreachable", {{"url", shown}, {"reason", FirstLine(e.what())}}});
      return;
    }
  } else if (postgresql) {
    std::string conninfo = storage::PostgresConninfo(url);
    if (conninfo.find("connect_timeout") == std::string::npos) conninfo += " connect_timeout=10";
    try {
      s.open(soci::postgresql, conninfo);
    } catch (const std::exception& e) {
      out.push_back(
          {false, "doctor.db.unreachable", {{"url", shown}, {"reason", FirstLine(e.what())}}});
      return;
    }
  } else {
    out.push_back({false, "doctor.db.bad_url", {{"url", shown}}});
    return;
  }

  try {
    CheckMigrations(s, postgresql, shown, options, out);
    if (!postgresql) {
      out.push_back({true, "doctor.clock.sqlite", {}});
      return;
    }
    const std::int64_t skew = ClockSkew(s, clock);
    const std::int64_t limit = options.max_clock_skew_seconds;
    out.push_back(
        {std::llabs(skew) <= limit,
         std::llabs(skew) <= limit ? "doctor.clock.ok"
         : skew > 0                ? "doctor.clock.ahead"
                                   : "doctor.clock.behind",
         {{"seconds", std::to_string(std::llabs(skew))}, {"limit", std::to_string(limit)}}});
  } catch (const std::exception& e) {
    out.push_back(
        {false, "doctor.db.query_failed", {{"url", shown}, {"reason", FirstLine(e.what())}}});
  }
}

}  // namespace tsunagu::ops
