#include "storage/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string_view>
#include <thread>

#include "metrics/instruments.hpp"
#include "storage/connection_health.hpp"
#include "storage/statement_cache.hpp"

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

std::int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// One write transaction's outcome and its time from BEGIN to the end of COMMIT or ROLLBACK
// (the sync to disk included), for monitoring.
void ObserveTransaction(std::string_view engine, bool committed, std::int64_t began_ns) {
  auto& m = metrics::Get();
  m.db_transactions.With({engine, committed ? "commit" : "rollback"}).Inc();
  m.db_transaction_time.With({engine}).Observe(static_cast<double>(NowNs() - began_ns) / 1e9);
}

bool Retryable(const std::exception& e) {
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

void BackOff(int attempt) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt * attempt));
}

constexpr int kMaxWriteAttempts = 8;

// SQLite's memory statistics take one process-wide mutex on every allocation, which the
// pooled connections of a busy server then queue on (seen in `perf` under booking load).
// Nothing reads those statistics: turned off once, before the first connection opens.
void TuneSqliteLibrary() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

void OpenSqlite(soci::session& s, const std::string& path) {
  // timeout: busy handler waits up to 10 s for the write lock before SQLITE_BUSY (replaced
  // below by the same waits, counted).
  s.open(SqliteKeepingStatements(), "db=" + path + " timeout=10");
  // WAL lets readers run beside the writer; synchronous=FULL makes every commit durable
  // across power loss, which bookings and records need (SECURITY.md rule 12).
  s << "PRAGMA journal_mode=WAL";
  s << "PRAGMA synchronous=FULL";
  s << "PRAGMA foreign_keys=ON";
  s << "PRAGMA temp_store=MEMORY";
  auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
  sqlite_api::sqlite3_busy_handler(backend->conn_, CountedBusyWait, nullptr);
}

bool InTransaction(soci::session& s) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
  return sqlite_api::sqlite3_get_autocommit(backend->conn_) == 0;
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

// The writers of one SQLite database in this process (Database::Write): one connection of
// their own, taken in turns, and group commit. A writer that finds a transaction open (begun
// by a writer before it that saw it queued) runs its body in that transaction; whoever
// finishes a body with nobody left queued (or the group full) commits for all and tells the
// others, who were waiting without the turn.
struct SqliteWriter {
  // What became of one group's transaction, for the writers waiting on it.
  struct Outcome {
    std::mutex m;
    std::condition_variable decided_cv;
    bool decided = false;
    std::optional<core::Error> error;  // empty: committed
    bool again = false;                // rolled back through no fault of theirs: run again
  };

  static constexpr int kMaxGroup = 16;  // bodies per transaction: bounds a member's wait

  std::unique_ptr<soci::session> session;
  std::mutex turn;             // held while one body runs (and while a group commits)
  std::atomic<int> queued{0};  // writers waiting for `turn`
  // The open transaction (guarded by `turn`).
  bool open = false;
  int members = 0;  // bodies done in it, waiting for its commit
  std::int64_t began_ns = 0;
  std::shared_ptr<Outcome> outcome;

  core::Status Run(const std::function<void(soci::session&)>& body);

 private:
  void Begin() {
    // IMMEDIATE takes the write lock up front: another process's writer (a second server, a
    // command) makes this wait in the busy handler instead of failing at the first write.
    began_ns = NowNs();  // a wait for another process's lock counts in the transaction's time
    *session << "BEGIN IMMEDIATE";
    open = true;
    members = 0;
    outcome = std::make_shared<Outcome>();
  }

  // Undoes the body just run; false when its failure took the whole transaction with it.
  bool UndoBody() {
    try {
      *session << "ROLLBACK TO tsunagu_write";
      *session << "RELEASE tsunagu_write";
    } catch (...) {
    }
    return InTransaction(*session);
  }

  // Ends the open transaction: commits its members' bodies, or rolls back when none is left.
  void Close() {
    std::optional<core::Error> error;
    bool again = false;
    bool committed = false;
    if (members > 0 && InTransaction(*session)) {
      try {
        *session << "COMMIT";
        committed = true;
      } catch (const std::exception& e) {
        again = Retryable(e);
        error = DatabaseError(e);
      }
    } else if (members > 0) {
      // A body's failure rolled the transaction back: the others' bodies were not wrong.
      again = true;
      error = core::Error::Internal();
    }
    if (!committed && InTransaction(*session)) {
      try {
        *session << "ROLLBACK";
      } catch (...) {
      }
    }
    ObserveTransaction("sqlite", committed, began_ns);
    open = false;
    members = 0;
    auto done = std::move(outcome);
    {
      std::lock_guard<std::mutex> lock(done->m);
      done->decided = true;
      done->error = std::move(error);
      done->again = again;
    }
    done->decided_cv.notify_all();
  }
};

core::Status SqliteWriter::Run(const std::function<void(soci::session&)>& body) {
  for (int attempt = 1;; ++attempt) {
    std::unique_lock<std::mutex> my_turn(turn, std::defer_lock);
    queued.fetch_add(1);
    my_turn.lock();
    queued.fetch_sub(1);
    if (!open) {
      try {
        Begin();
      } catch (const std::exception& e) {
        open = false;
        my_turn.unlock();
        if (attempt < kMaxWriteAttempts && Retryable(e)) {
          BackOff(attempt);
          continue;
        }
        return DatabaseError(e);
      }
    }
    std::shared_ptr<Outcome> joined;    // set when the body is done and waits for the commit
    std::optional<core::Error> failed;  // this body's own failure
    bool retry = false;
    try {
      *session << "SAVEPOINT tsunagu_write";
      body(*session);
      *session << "RELEASE tsunagu_write";
      ++members;
      joined = outcome;
    } catch (const Abort& a) {
      failed = a.error;
      if (!UndoBody()) Close();
    } catch (const std::exception& e) {
      if (!UndoBody()) Close();
      if (attempt < kMaxWriteAttempts && Retryable(e)) {
        retry = true;
      } else {
        failed = DatabaseError(e);
      }
    } catch (...) {
      // Not an error of ours: undone, the others' transaction ended if need be, and passed on.
      if (!UndoBody()) Close();
      if (open && queued.load() == 0) Close();
      throw;
    }
    // Nobody queued to join: this writer ends the transaction for every member.
    if (open && (queued.load() == 0 || members >= kMaxGroup)) Close();
    my_turn.unlock();
    if (joined) {
      std::unique_lock<std::mutex> wait(joined->m);
      joined->decided_cv.wait(wait, [&] { return joined->decided; });
      if (!joined->error) return core::Ok{};
      if (joined->again && attempt < kMaxWriteAttempts) {
        wait.unlock();
        BackOff(attempt);
        continue;
      }
      return *joined->error;
    }
    if (retry) {
      BackOff(attempt);
      continue;
    }
    return *failed;
  }
}

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
  if (engine_ == Engine::kSqlite) {
    TuneSqliteLibrary();
    writer_ = std::make_unique<SqliteWriter>();
    writer_->session = std::make_unique<soci::session>();
    OpenSqlite(*writer_->session, sqlite_path_);
  }
  for (int i = 0; i < pool_size; ++i) {
    soci::session& s = pool_->at(i);
    if (engine_ == Engine::kSqlite) {
      OpenSqlite(s, sqlite_path_);
    } else {
      s.open(PostgresqlKeepingStatements(), PostgresConninfo(url_));
      s << "SET client_min_messages TO WARNING";
    }
  }
  // A restart of PostgreSQL must not need a restart of this server (connection_health.hpp).
  if (engine_ == Engine::kPostgresql) WatchPool(this, *pool_, static_cast<std::size_t>(pool_size));
}

Database::~Database() {
  if (engine_ == Engine::kPostgresql) StopWatching(this);
}

bool Database::IsRetryable(const std::exception& e) {
  return Retryable(e);
}

core::Status Database::RunWrite(const std::function<void(soci::session&)>& body) {
  if (engine_ == Engine::kSqlite) {
    ChainKeyScope chain_key(chain_key_.get());
    return writer_->Run(body);
  }
  for (int attempt = 1;; ++attempt) {
    soci::session s(*pool_);
    ChainKeyScope chain_key(chain_key_.get());
    const std::int64_t began = NowNs();
    try {
      s.begin();
      body(s);
      s.commit();
      ObserveTransaction("postgresql", true, began);
      return core::Ok{};
    } catch (const Abort& a) {
      try {
        s.rollback();
      } catch (...) {
      }
      ObserveTransaction("postgresql", false, began);
      return a.error;
    } catch (const std::exception& e) {
      try {
        s.rollback();
      } catch (...) {
      }
      ObserveTransaction("postgresql", false, began);
      if (attempt < kMaxWriteAttempts && Retryable(e)) {
        BackOff(attempt);
        continue;
      }
      return DatabaseError(e);
    }
  }
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
