// AuditLog::AppendRead: the read events of concurrent requests of one process appended in one
// write transaction (group commit, as SQLite's writers share a commit in storage::Database).
//
// A request that finds no append under way takes the open batch and appends it; requests that
// come meanwhile add their events to the next batch and wait. When an append ends, its members
// are told the outcome and one member of the next batch, woken, appends that one. Each member
// returns only when its own event is committed (or with the error that stopped it).
//
// On PostgreSQL a batch is first written as one statement after the head the group's last
// append left, if the head is still there (a compare-and-set on its row, AppendPostgresOnHead):
// while nothing else appends, a turn is one round trip instead of four (BEGIN, the head's
// lock, the events, COMMIT). When another append moved the head (a write transaction, another
// server), nothing is written and the batch is appended under the head's lock as before.
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "audit/audit_log.hpp"
#include "audit/postgres_append.hpp"

namespace tsunagu::audit {
namespace {

class ReadGroup {
 public:
  core::Status Append(storage::Database& db, PendingEvent event) {
    std::unique_lock<std::mutex> lock(m_);
    if (!open_ || open_->items.size() >= kMaxBatch) {
      if (open_) full_.push_back(std::move(open_));
      open_ = std::make_shared<Batch>();
    }
    std::shared_ptr<Batch> mine = open_;
    mine->items.push_back(std::move(event));
    // Woken when the batch is done, or when it is next and nobody is appending. Each batch has
    // its own condition: an append's end wakes its own members and one member of the next
    // batch, not every waiting request (with one condition for all, most woke only to sleep
    // again).
    mine->woken.wait(lock, [&] { return mine->done || (!appending_ && Next() == mine); });
    if (!mine->done) {
      appending_ = true;
      if (!full_.empty() && full_.front() == mine) {
        full_.erase(full_.begin());
      } else {
        open_.reset();
      }
      lock.unlock();
      core::Status st = AppendBatch(db, mine->items);
      lock.lock();
      mine->done = true;
      if (!st) mine->error = st.error();
      appending_ = false;
      stats_.events += static_cast<std::int64_t>(mine->items.size());
      stats_.transactions += 1;
      mine->woken.notify_all();
      if (std::shared_ptr<Batch> next = Next()) next->woken.notify_one();
    }
    if (mine->error) return *mine->error;
    return core::Ok{};
  }

  ReadGroupStats Stats() {
    std::lock_guard<std::mutex> lock(m_);
    ReadGroupStats out = stats_;
    out.appending = appending_;
    for (const auto& batch : full_) out.waiting += static_cast<std::int64_t>(batch->items.size());
    if (open_) out.waiting += static_cast<std::int64_t>(open_->items.size());
    return out;
  }

 private:
  // Bounds one transaction's statement (thirteen values an event) and a member's wait.
  static constexpr std::size_t kMaxBatch = 64;

  struct Batch {
    std::vector<PendingEvent> items;
    std::condition_variable woken;
    bool done = false;
    std::optional<core::Error> error;
  };

  // Appends one batch (only the member appending calls it: known_ needs no lock).
  core::Status AppendBatch(storage::Database& db, const std::vector<PendingEvent>& items) {
    const crypto::SecretKey* key = db.chain_key();
    if (db.is_postgresql() && key != nullptr && known_) {
      const detail::ChainHead expected = *known_;
      known_.reset();
      int tries = 0;
      auto on_head = db.Read<std::optional<detail::ChainHead>>(
          [&](soci::session& s) -> std::optional<detail::ChainHead> {
            if (++tries > 1) {
              // The try before may have committed before its answer was lost: then the head
              // is exactly the one these events leave (their keyed hash), and they are not
              // written again.
              const detail::ChainHead now = detail::ReadHead(s);
              if (now == detail::HeadAfter(*key, items, expected)) return now;
            }
            return detail::AppendPostgresOnHead(s, *key, items, expected);
          });
      if (!on_head) return on_head.error();
      if (*on_head) {
        known_ = **on_head;
        return core::Ok{};
      }
    }
    std::optional<detail::ChainHead> left;
    core::Status st = db.WriteVoid([&](soci::session& s) {
      const crypto::SecretKey* current = storage::Database::CurrentChainKey();
      if (db.is_postgresql() && current != nullptr) {
        left = detail::AppendPostgresLocked(s, *current, items);
      } else {
        AuditLog::AppendAll(s, items);  // SQLite; or the error of a database without a key
      }
    });
    if (st) known_ = left;
    return st;
  }

  // The batch to append next: the oldest full one, else the open one.
  std::shared_ptr<Batch> Next() const { return full_.empty() ? open_ : full_.front(); }

  std::mutex m_;
  std::shared_ptr<Batch> open_;               // taking events
  std::vector<std::shared_ptr<Batch>> full_;  // closed at kMaxBatch, oldest first
  bool appending_ = false;
  ReadGroupStats stats_;
  // PostgreSQL: the head this group's last append left, if it knows it.
  std::optional<detail::ChainHead> known_;
};

// One group per database of this process. A database's group is left in place when the
// database is closed: it holds no connection, and nothing waits in it by then.
ReadGroup& GroupOf(const storage::Database& db) {
  static std::mutex m;
  static std::map<const storage::Database*, std::unique_ptr<ReadGroup>> groups;
  std::lock_guard<std::mutex> lock(m);
  auto& group = groups[&db];
  if (!group) group = std::make_unique<ReadGroup>();
  return *group;
}

}  // namespace

core::Status AuditLog::AppendRead(storage::Database& db, const Actor& actor, const Event& event,
                                  std::int64_t now) {
  return GroupOf(db).Append(db, PendingEvent{actor, event, now});
}

ReadGroupStats AuditLog::ReadStats(const storage::Database& db) {
  return GroupOf(db).Stats();
}

}  // namespace tsunagu::audit
