#include "storage/connection_health.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace tsunagu::storage {
namespace {

thread_local bool t_connection_lost = false;

// Wakes the watchers: a counter they compare with what they last saw, under one mutex.
std::mutex g_mu;
std::condition_variable g_cv;
std::uint64_t g_losses = 0;

class Watcher {
 public:
  Watcher(soci::connection_pool& pool, std::size_t size)
      : pool_(pool), size_(size), thread_([this] { Run(); }) {}
  ~Watcher() {
    {
      std::lock_guard lock(g_mu);
      stop_ = true;
    }
    g_cv.notify_all();
    thread_.join();
  }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

 private:
  void Run() {
    std::uint64_t seen = 0;
    std::unique_lock lock(g_mu);
    while (true) {
      g_cv.wait(lock, [&] { return stop_ || g_losses != seen; });
      if (stop_) return;
      seen = g_losses;
      lock.unlock();
      const bool all_connected = RepairRound();
      lock.lock();
      // Not all connected yet (the database is still down, or sessions were busy): again soon.
      if (!all_connected) {
        g_cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return stop_; });
        if (stop_) return;
        seen = g_losses - 1;  // come round once more
      }
    }
  }

  // Leases every idle session, reconnects those that lost their connection, gives them back.
  // Returns true when every session of the pool was seen connected in this round.
  bool RepairRound() {
    std::vector<std::size_t> leased;
    std::size_t pos = 0;
    while (leased.size() < size_ && pool_.try_lease(pos, 0)) leased.push_back(pos);
    bool ok = leased.size() == size_;
    int reconnected = 0;
    for (std::size_t p : leased) {
      soci::session& s = pool_.at(p);
      if (s.is_connected()) continue;
      try {
        s.reconnect();
        s << "SET client_min_messages TO WARNING";
        ++reconnected;
      } catch (const std::exception&) {
        ok = false;  // still unreachable; the next round tries again
      }
    }
    for (std::size_t p : leased) pool_.give_back(p);
    if (reconnected > 0) {
      spdlog::warn("database: {} pooled connection(s) reconnected after a lost connection",
                   reconnected);
    }
    return ok;
  }

  soci::connection_pool& pool_;
  std::size_t size_;
  bool stop_ = false;  // guarded by g_mu
  std::thread thread_;
};

std::mutex g_watchers_mu;
std::map<const void*, std::unique_ptr<Watcher>>& Watchers() {
  static std::map<const void*, std::unique_ptr<Watcher>> watchers;
  return watchers;
}

bool HasAny(std::string_view text, std::initializer_list<std::string_view> parts) {
  for (auto part : parts) {
    if (text.find(part) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

bool IsConnectionLost(const std::exception& e) {
  if (const auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    const std::string state = pe->sqlstate();
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03") {
      return true;
    }
  }
  if (dynamic_cast<const soci::soci_error*>(&e) == nullptr) return false;
  // libpq and SOCI name a dead or missing connection in these words (no SQLSTATE then).
  return HasAny(e.what(),
                {"server closed the connection", "no connection to the server", "Connection failed",
                 "could not connect to server", "Connection refused", "connection to server at",
                 "terminating connection", "Session is not connected",
                 "Cannot establish connection", "the database system is"});
}

void NoteConnectionLost() {
  t_connection_lost = true;
  {
    std::lock_guard lock(g_mu);
    ++g_losses;
  }
  g_cv.notify_all();
}

bool TakeConnectionLost() {
  const bool lost = t_connection_lost;
  t_connection_lost = false;
  return lost;
}

void WatchPool(const void* owner, soci::connection_pool& pool, std::size_t size) {
  std::lock_guard lock(g_watchers_mu);
  Watchers()[owner] = std::make_unique<Watcher>(pool, size);
}

void StopWatching(const void* owner) {
  std::unique_ptr<Watcher> watcher;
  {
    std::lock_guard lock(g_watchers_mu);
    auto it = Watchers().find(owner);
    if (it == Watchers().end()) return;
    watcher = std::move(it->second);
    Watchers().erase(it);
  }
  watcher.reset();  // joins, outside the registry's lock
}

}  // namespace tsunagu::storage
