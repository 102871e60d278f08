// The one way to reach the database: a pool of SOCI sessions and transactions with retries.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/result.hpp"
#include "crypto/secret_key.hpp"

namespace tsunagu::storage {

enum class Engine { kSqlite, kPostgresql };

struct SqliteWriter;  // database.cpp

// Thrown inside a transaction body to roll back and return a domain error from Write().
struct Abort {
  core::Error error;
};

class Database {
 public:
  // url: "sqlite:PATH" or "postgresql://..." (libpq URI).
  static core::Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const { return engine_; }
  const std::string& url() const { return url_; }
  // Path of the SQLite file (empty for PostgreSQL).
  const std::string& sqlite_path() const { return sqlite_path_; }

  // Runs body(session) in a write transaction and returns once it is committed. body may
  // throw Abort to roll back what it wrote and return an error; it must not call Write itself,
  // and it may run more than once (busy, serialization and deadlock errors are retried with
  // back-off), so it keeps its effects to the database and to what it returns.
  //
  // On SQLite the writers of this process take turns on one write connection of their own
  // (SQLite has one writer at a time anyway; a queue is fairer and far faster under load than
  // its busy handler's sleeping and polling), and bodies that queued behind each other share
  // one transaction: each runs on its caller's thread inside a SAVEPOINT of its own (an Abort
  // or error undoes only that body), and the last of them commits for all (group commit: one
  // sync to disk for several bookings). Each caller returns only after the commit that holds
  // its body, so a success is as durable as before. On PostgreSQL each body is a transaction.
  template <typename T>
  core::Result<T> Write(const std::function<T(soci::session&)>& body);
  core::Status WriteVoid(const std::function<void(soci::session&)>& body) {
    return Write<core::Ok>([&](soci::session& s) {
      body(s);
      return core::Ok{};
    });
  }
  // Runs body on a pooled session without an explicit transaction (single statements, reads).
  template <typename T>
  core::Result<T> Read(const std::function<T(soci::session&)>& body);

  // SQL fragment helpers for the few places where the dialects differ.
  bool is_postgresql() const { return engine_ == Engine::kPostgresql; }

  // The audit chain's key (audit::AuditLog, SECURITY.md rule 4), derived from the key file at
  // start-up, before any Write. While a Write body runs, CurrentChainKey() on that thread is
  // this database's key: an event appended deep inside any service is keyed without every
  // service carrying the key, and two databases in one process keep their own keys.
  void SetChainKey(crypto::SecretKey key) {
    chain_key_ = std::make_shared<const crypto::SecretKey>(std::move(key));
  }
  const crypto::SecretKey* chain_key() const { return chain_key_.get(); }
  static const crypto::SecretKey* CurrentChainKey() { return current_chain_key_; }

 private:
  Database(Engine engine, std::string url, std::string sqlite_path, int pool_size);
  // The one write path (database.cpp): body runs until a commit holds it, or fails.
  core::Status RunWrite(const std::function<void(soci::session&)>& body);
  static bool IsRetryable(const std::exception& e);

  Engine engine_;
  std::string url_;
  std::string sqlite_path_;
  std::unique_ptr<soci::connection_pool> pool_;
  int pool_size_;
  std::unique_ptr<SqliteWriter> writer_;  // the write connection and its queue (SQLite only)
  std::shared_ptr<const crypto::SecretKey> chain_key_;
  static inline thread_local const crypto::SecretKey* current_chain_key_ = nullptr;

  // Makes this database's chain key current on this thread for one Write body.
  class ChainKeyScope {
   public:
    explicit ChainKeyScope(const crypto::SecretKey* key) : saved_(current_chain_key_) {
      current_chain_key_ = key;
    }
    ~ChainKeyScope() { current_chain_key_ = saved_; }
    ChainKeyScope(const ChainKeyScope&) = delete;
    ChainKeyScope& operator=(const ChainKeyScope&) = delete;

   private:
    const crypto::SecretKey* saved_;
  };
};

// libpq keyword/value conninfo for a postgresql:// URL (exposed for tests).
std::string PostgresConninfo(const std::string& url);

// Logs the exception (no SQL parameters, which may carry personal data) and returns kInternal.
core::Error DatabaseError(const std::exception& e);

template <typename T>
core::Result<T> Database::Write(const std::function<T(soci::session&)>& body) {
  std::optional<T> result;  // the last run's answer: a body may run again after a retry
  core::Status done = RunWrite([&](soci::session& s) { result.emplace(body(s)); });
  if (!done) return done.error();
  return std::move(*result);
}

template <typename T>
core::Result<T> Database::Read(const std::function<T(soci::session&)>& body) {
  constexpr int kMaxAttempts = 4;
  for (int attempt = 1;; ++attempt) {
    soci::session s(*pool_);
    try {
      return body(s);
    } catch (const Abort& a) {
      return a.error;
    } catch (const std::exception& e) {
      if (attempt < kMaxAttempts && IsRetryable(e)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
        continue;
      }
      return DatabaseError(e);
    }
  }
}

}  // namespace tsunagu::storage
