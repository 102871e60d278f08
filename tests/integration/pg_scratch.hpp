// An empty PostgreSQL database of a test's own on the run's server (TSUNAGU_TEST_PG_URL),
// dropped at the end: a target for `tsunagu transfer` and for restore drills.
#pragma once

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "storage/database.hpp"

namespace tsunagu::testing {

class PgScratchDatabase {
 public:
  explicit PgScratchDatabase(const std::string& prefix) {
    static std::atomic<int> counter{0};
    const char* url = std::getenv("TSUNAGU_TEST_PG_URL");
    if (url == nullptr) throw std::runtime_error("TSUNAGU_TEST_PG_URL is not set");
    base_ = url;
    name_ = prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    soci::session admin(soci::postgresql, storage::PostgresConninfo(base_));
    admin << "CREATE DATABASE " + name_;
    url_ = base_.substr(0, base_.rfind('/') + 1) + name_;
  }
  ~PgScratchDatabase() {
    try {
      soci::session admin(soci::postgresql, storage::PostgresConninfo(base_));
      admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } catch (...) {
    }
  }
  PgScratchDatabase(const PgScratchDatabase&) = delete;
  PgScratchDatabase& operator=(const PgScratchDatabase&) = delete;
  const std::string& url() const { return url_; }

 private:
  std::string base_;
  std::string name_;
  std::string url_;
};

}  // namespace tsunagu::testing
