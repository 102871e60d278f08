#include "storage/statement_cache.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <functional>
#include <iterator>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace tsunagu::storage {
namespace {

using soci::details::statement_type;

// --- SQLite -------------------------------------------------------------------------------

struct SqliteSession;

struct SqliteStatement : soci::sqlite3_statement_backend {
  explicit SqliteStatement(SqliteSession& session);
  void prepare(const std::string& query, statement_type type) override;
  void clean_up() override;

  SqliteSession& owner;
  std::string sql;  // the text stmt_ was prepared from (its key when kept)
};

struct SqliteSession : soci::sqlite3_session_backend {
  explicit SqliteSession(const soci::connection_parameters& parameters)
      : soci::sqlite3_session_backend(parameters) {}
  // Before SQLite's connection closes (the base destructor): a connection with statements left
  // would not close.
  ~SqliteSession() override {
    for (const Kept& k : lru) sqlite_api::sqlite3_finalize(k.stmt);
  }
  SqliteSession(const SqliteSession&) = delete;
  SqliteSession& operator=(const SqliteSession&) = delete;

  SqliteStatement* make_statement_backend() override { return new SqliteStatement(*this); }

  // A kept statement of this text (taken out of the keeping), or nullptr.
  sqlite_api::sqlite3_stmt* Take(const std::string& text) {
    auto it = by_text.find(text);
    if (it == by_text.end()) return nullptr;
    auto pos = it->second;
    sqlite_api::sqlite3_stmt* stmt = pos->stmt;
    by_text.erase(it);
    lru.erase(pos);
    return stmt;
  }

  // Keeps a finished statement (reset, nothing bound); the least recently used beyond
  // kMaxKept is finalized.
  void Keep(std::string text, sqlite_api::sqlite3_stmt* stmt) {
    lru.push_front({std::move(text), stmt});
    by_text.emplace(lru.front().text, lru.begin());
    if (lru.size() <= kMaxKept) return;
    auto last = std::prev(lru.end());
    auto [from, to] = by_text.equal_range(last->text);
    for (auto it = from; it != to; ++it) {
      if (it->second == last) {
        by_text.erase(it);
        break;
      }
    }
    sqlite_api::sqlite3_finalize(last->stmt);
    lru.erase(last);
  }

  struct Kept {
    std::string text;
    sqlite_api::sqlite3_stmt* stmt;
  };
  std::list<Kept> lru;  // most recently kept first
  // Several statements of one text may be kept (they were in use at the same time).
  std::unordered_multimap<std::string_view, std::list<Kept>::iterator> by_text;
};

SqliteStatement::SqliteStatement(SqliteSession& session)
    : soci::sqlite3_statement_backend(session), owner(session) {}

void SqliteStatement::prepare(const std::string& query, statement_type type) {
  clean_up();
  if (sqlite_api::sqlite3_stmt* stmt = owner.Take(query)) {
    stmt_ = stmt;
    databaseReady_ = true;
  } else {
    soci::sqlite3_statement_backend::prepare(query, type);
  }
  sql = query;
}

void SqliteStatement::clean_up() {
  if (stmt_ != nullptr) {
    // Reset ends the statement's read (a WAL reader holds its snapshot until then).
    sqlite_api::sqlite3_reset(stmt_);
    sqlite_api::sqlite3_clear_bindings(stmt_);
    owner.Keep(std::move(sql), stmt_);
    sql.clear();
    stmt_ = nullptr;
    databaseReady_ = false;
  }
  soci::sqlite3_statement_backend::clean_up();
}

struct SqliteFactory : soci::backend_factory {
  soci::details::session_backend* make_session(
      const soci::connection_parameters& parameters) const override {
    return new SqliteSession(parameters);
  }
};

// --- PostgreSQL ---------------------------------------------------------------------------

struct PostgresqlSession;

struct PostgresqlKept {
  std::string text;  // rewritten by SOCI ($1, $2, …)
  std::string name;
  int users = 0;  // statements using it now (not deallocated while any does)
};

struct PostgresqlStatement : soci::postgresql_statement_backend {
  explicit PostgresqlStatement(PostgresqlSession& session);
  ~PostgresqlStatement() override;
  PostgresqlStatement(const PostgresqlStatement&) = delete;
  PostgresqlStatement& operator=(const PostgresqlStatement&) = delete;
  void prepare(const std::string& query, statement_type type) override;

  PostgresqlSession& owner;
  PostgresqlKept* kept = nullptr;
};

struct PostgresqlSession : soci::postgresql_session_backend {
  explicit PostgresqlSession(const soci::connection_parameters& parameters)
      : soci::postgresql_session_backend(parameters, /*single_row_mode=*/false) {}
  PostgresqlStatement* make_statement_backend() override { return new PostgresqlStatement(*this); }

  // The kept statement of this text, prepared now if the text was seen before; nullptr the
  // first time (a one-time query).
  PostgresqlKept* Use(const std::string& text, int parameters) {
    if (auto it = by_text.find(text); it != by_text.end()) {
      lru.splice(lru.begin(), lru, it->second);
      ++it->second->users;
      return &*it->second;
    }
    const std::size_t hash = std::hash<std::string>{}(text);
    if (seen.insert(hash).second) {
      if (seen.size() > 16 * kMaxKept) seen = {hash};
      return nullptr;
    }
    if (lru.size() >= kMaxKept) EvictOne();
    std::string name = "tsunagu_" + std::to_string(++named);
    soci::details::postgresql_result(
        *this, PQprepare(conn_, name.c_str(), text.c_str(), parameters, nullptr))
        .check_for_errors("Cannot prepare statement.");
    lru.push_front({text, std::move(name), 1});
    by_text.emplace(lru.front().text, lru.begin());
    return &lru.front();
  }

  // The least recently used statement that nothing uses now is deallocated (a failure, in a
  // transaction already failed, leaves it on the server until the connection ends).
  void EvictOne() {
    for (auto it = lru.end(); it != lru.begin();) {
      --it;
      if (it->users > 0) continue;
      const std::string sql = "DEALLOCATE " + it->name;
      const soci::details::postgresql_result done(*this, PQexec(conn_, sql.c_str()));
      by_text.erase(it->text);
      lru.erase(it);
      return;
    }
  }

  std::list<PostgresqlKept> lru;  // most recently used first
  std::unordered_map<std::string_view, std::list<PostgresqlKept>::iterator> by_text;
  std::unordered_set<std::size_t> seen;  // hashes of the texts run once
  long long named = 0;
};

PostgresqlStatement::PostgresqlStatement(PostgresqlSession& session)
    : soci::postgresql_statement_backend(session, /*single_row_mode=*/false), owner(session) {}

PostgresqlStatement::~PostgresqlStatement() {
  if (kept == nullptr) return;
  --kept->users;
  statementName_.clear();  // the connection's: SOCI's destructor would DEALLOCATE it
}

void PostgresqlStatement::prepare(const std::string& query, statement_type type) {
  // SOCI's own prepare rewrites :name to $n; as a one-time query it sends nothing yet.
  soci::postgresql_statement_backend::prepare(query, soci::details::st_one_time_query);
  const bool repeatable = type == soci::details::st_repeatable_query;
  // Without parameters a one-time query goes by the simple protocol, which allows several
  // commands in one text (migrations); it stays so.
  if (names_.empty() && !repeatable) return;
  kept = owner.Use(query_, static_cast<int>(names_.size()));
  if (kept != nullptr) {
    statementName_ = kept->name;
  } else if (repeatable) {
    // SOCI's way: a name of this statement's own, deallocated with it.
    std::string name = owner.get_next_statement_name();
    soci::details::postgresql_result(owner, PQprepare(owner.conn_, name.c_str(), query_.c_str(),
                                                      static_cast<int>(names_.size()), nullptr))
        .check_for_errors("Cannot prepare statement.");
    statementName_ = std::move(name);
  } else {
    return;  // a one-time query (PQexecParams)
  }
  stType_ = soci::details::st_repeatable_query;
}

struct PostgresqlFactory : soci::backend_factory {
  soci::details::session_backend* make_session(
      const soci::connection_parameters& parameters) const override {
    // The connection string goes to libpq as it is (database.cpp builds it with libpq's
    // quoting; SOCI's own factory re-splits it at spaces to look for its "singlerow" key).
    return new PostgresqlSession(parameters);
  }
};

}  // namespace

const soci::backend_factory& SqliteKeepingStatements() {
  static const SqliteFactory factory;
  return factory;
}
const soci::backend_factory& PostgresqlKeepingStatements() {
  static const PostgresqlFactory factory;
  return factory;
}

std::size_t KeptStatements(soci::session& s) {
  soci::details::session_backend* backend = s.get_backend();
  if (auto* sqlite = dynamic_cast<SqliteSession*>(backend)) return sqlite->lru.size();
  if (auto* pg = dynamic_cast<PostgresqlSession*>(backend)) return pg->lru.size();
  return 0;
}

}  // namespace tsunagu::storage
