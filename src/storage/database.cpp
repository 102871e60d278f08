#include "storage/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <string_view>

#include "metrics/instruments.hpp"
#include "storage/connection_health.hpp"

namespace tsunagu::storage {
namespace {

// SQLite's busy handler, as its own default (`timeout=10`: waits of growing length, 10 s in
// all) but counted for monitoring: a wait here means another process (a second server on the
// same file, a CLI command, a backup) holds the write lock.
int CountedBusyWait(void* /*unused*/, int count) {
  static constexpr int kDelaysMs[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  static constexpr int kTotals[] = {0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228};
  static constexpr int kSteps = sizeof kDelaysMs / sizeof kDelaysMs[0];
  static constexpr int kTimeoutMs = 10000;
  int delay = 0;
  int waited = 0;
  if (count < kSteps) {
    delay = kDelaysMs[count];
    waited = kTotals[count];
  } else {
    delay = kDelaysMs[kSteps - 1];
    waited = kTotals[kSteps - 1] + delay * (count - (kSteps - 1));
  }
  if (waited + delay > kTimeoutMs) {
    delay = kTimeoutMs - waited;
    if (delay <= 0) return 0;
  }
  auto& m = metrics::Get();
  if (count == 0) m.db_busy_waits.With({"sqlite"}).Inc();
  m.db_busy_wait_seconds.With({"sqlite"}).Inc(delay / 1000.0);
  sqlite_api::sqlite3_sleep(delay);
  return 1;
}

// Write transactions on SQLite, timed from their BEGIN to the end of their COMMIT or
// ROLLBACK (the sync to disk included) from SQLite's own statement timings. A transaction runs
// on one thread from BEGIN to its end (Database::Write), so the start is kept per thread.
thread_local std::int64_t transaction_began_ns = -1;

std::int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int TimeTransactions(unsigned /*mask*/, void* /*unused*/, void* statement, void* elapsed) {
  const char* sql = sqlite_api::sqlite3_sql(static_cast<sqlite_api::sqlite3_stmt*>(statement));
  if (sql == nullptr) return 0;
  const std::string_view text(sql);
  if (text.rfind("BEGIN", 0) == 0) {
    transaction_began_ns = NowNs() - *static_cast<sqlite_api::sqlite3_int64*>(elapsed);
    return 0;
  }
  const bool commit = text.rfind("COMMIT", 0) == 0;
  if (!commit && text.rfind("ROLLBACK", 0) != 0) return 0;
  if (transaction_began_ns < 0) return 0;
  const double seconds = static_cast<double>(NowNs() - transaction_began_ns) / 1e9;
  transaction_began_ns = -1;
  auto& m = metrics::Get();
  m.db_transactions.With({"sqlite", commit ? "commit" : "rollback"}).Inc();
  m.db_transaction_time.With({"sqlite"}).Observe(seconds);
  return 0;
}

std::string QuoteConninfo(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string Unpercent(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

}  // namespace

// SOCI's PostgreSQL backend parses its connect string as key=value pairs and mangles libpq
// URIs, so the URI is turned into a keyword/value conninfo here.
std::string PostgresConninfo(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string params;
  if (auto q = rest.find('?'); q != std::string::npos) {
    params = rest.substr(q + 1);
    rest.resize(q);
  }
  std::string dbname;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    dbname = rest.substr(slash + 1);
    rest.resize(slash);
  }
  std::string user, password;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (auto colon = cred.find(':'); colon != std::string::npos) {
      user = cred.substr(0, colon);
      password = cred.substr(colon + 1);
    } else {
      user = cred;
    }
  }
  std::string host = rest, port;
  if (auto colon = rest.rfind(':');
      colon != std::string::npos && rest.find(']') == std::string::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  std::string out;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += QuoteConninfo(Unpercent(value));
  };
  add("host", host);
  add("port", port);
  add("dbname", dbname);
  add("user", user);
  add("password", password);
  std::size_t pos = 0;
  while (pos < params.size()) {
    auto amp = params.find('&', pos);
    std::string kv = params.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    if (auto eq = kv.find('='); eq != std::string::npos) {
      std::string key = kv.substr(0, eq);
      add(key.c_str(), kv.substr(eq + 1));
    }
    if (amp == std::string::npos) break;
    pos = amp + 1;
  }
  return out;
}

core::Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  if (pool_size < 1) pool_size = 1;
  Engine engine;
  std::string sqlite_path;
  if (url.rfind("sqlite:", 0) == 0) {
    engine = Engine::kSqlite;
    sqlite_path = url.substr(7);
    if (sqlite_path.empty()) return core::Error::Invalid("config: empty sqlite path");
    auto parent = std::filesystem::path(sqlite_path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    engine = Engine::kPostgresql;
  } else {
    return core::Error::Invalid("config: database URL must start with sqlite: or postgresql://");
  }
  try {
    return std::unique_ptr<Database>(new Database(engine, url, sqlite_path, pool_size));
  } catch (const std::exception& e) {
    spdlog::error("cannot open database: {}", e.what());
    return core::Error{core::ErrorCode::kUnavailable, "error.database_unavailable", {}};
  }
}

Database::Database(Engine engine, std::string url, std::string sqlite_path, int pool_size)
    : engine_(engine),
      url_(std::move(url)),
      sqlite_path_(std::move(sqlite_path)),
      pool_(std::make_unique<soci::connection_pool>(pool_size)),
      pool_size_(pool_size) {
  for (int i = 0; i < pool_size; ++i) {
    soci::session& s = pool_->at(i);
    if (engine_ == Engine::kSqlite) {
      // timeout: busy handler waits up to 10 s for the write lock before SQLITE_BUSY (replaced
      // below by the same waits, counted).
      s.open(soci::sqlite3, "db=" + sqlite_path_ + " timeout=10");
      // WAL lets readers run beside the writer; synchronous=FULL makes every commit durable
      // across power loss, which bookings and records need (SECURITY.md rule 12).
      s << "PRAGMA journal_mode=WAL";
      s << "PRAGMA synchronous=FULL";
      s << "PRAGMA foreign_keys=ON";
      auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
      sqlite_api::sqlite3_busy_handler(backend->conn_, CountedBusyWait, nullptr);
      sqlite_api::sqlite3_trace_v2(backend->conn_, SQLITE_TRACE_PROFILE, TimeTransactions, nullptr);
    } else {
      s.open(soci::postgresql, PostgresConninfo(url_));
      s << "SET client_min_messages TO WARNING";
    }
  }
  // A restart of PostgreSQL must not need a restart of this server (connection_health.hpp).
  if (engine_ == Engine::kPostgresql) WatchPool(this, *pool_, static_cast<std::size_t>(pool_size));
}

Database::~Database() {
  if (engine_ == Engine::kPostgresql) StopWatching(this);
}

void Database::Begin(soci::session& s) {
  if (engine_ == Engine::kSqlite) {
    // BEGIN IMMEDIATE takes the write lock up front; a deferred transaction that later
    // upgrades can fail with SQLITE_BUSY without waiting.
    s << "BEGIN IMMEDIATE";
    // Let SOCI know a transaction is open so commit()/rollback() issue the right SQL.
    // (session::begin() would send a plain BEGIN.)
  } else {
    s.begin();
  }
}

bool Database::IsRetryable(const std::exception& e) {
  if (const auto* se = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    int code = se->result() & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
  }
  if (const auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pe->sqlstate();
    return state == "40001" || state == "40P01";  // serialization failure, deadlock
  }
  return false;
}

core::Error DatabaseError(const std::exception& e) {
  // SOCI appends the bound values (' with :name="..."') to its messages: cut them off, they
  // may be personal data (SECURITY.md: nothing personal in logs).
  std::string message = e.what();
  if (auto cut = message.find(" with :"); cut != std::string::npos) message.resize(cut);
  // PostgreSQL's DETAIL line quotes the conflicting key values: drop it too.
  while (true) {
    auto detail = message.find("DETAIL:");
    if (detail == std::string::npos) break;
    auto end = message.find('\n', detail);
    message.erase(detail, end == std::string::npos ? std::string::npos : end - detail + 1);
  }
  for (char& c : message) {
    if (c == '\n') c = ' ';
  }
  spdlog::error("database error: {}", message);
  if (IsConnectionLost(e)) {
    // The request is answered 503 (App::Handle) and the pool is repaired in the background.
    NoteConnectionLost();
    return core::Error{core::ErrorCode::kUnavailable, "error.database_unavailable", {}};
  }
  if (const auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    if (pe->sqlstate() == "23505") return core::Error::Conflict("error.duplicate");
  }
  if (const auto* se = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    if (se->result() == SQLITE_CONSTRAINT) return core::Error::Conflict("error.duplicate");
  }
  if (message.find("UNIQUE constraint failed") != std::string::npos) {
    return core::Error::Conflict("error.duplicate");
  }
  return core::Error::Internal();
}

}  // namespace tsunagu::storage
