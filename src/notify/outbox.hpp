// Transactional outbox for e-mail: a message is stored in the same transaction as the change
// that causes it and delivered later by a worker with retries, so a crash or an SMTP outage loses
// nothing (SECURITY.md rule 12). Address, subject, body and attachments are stored encrypted
// (rule 5): they may carry personal data and secrets such as invitation links.
#pragma once

#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/mail.hpp"
#include "storage/database.hpp"

namespace tsunagu::notify {

class Outbox {
 public:
  static constexpr int kMaxAttempts = 10;
  static constexpr std::int64_t kFirstRetrySeconds = 30;
  static constexpr std::int64_t kMaxRetrySeconds = 3600;

  Outbox(storage::Database& db, const crypto::FieldCipher& cipher, const core::Clock& clock,
         core::MailConfig config);
  ~Outbox();  // stops the worker
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  // Stores the message inside the caller's open transaction (call it from a Database::Write
  // body). An invalid message (see ValidateMessage) or a kind outside [a-z0-9_.-]{1,64} throws
  // storage::Abort with "error.mail_invalid", rolling back the whole change rather than
  // committing it without its mail. `kind` is a label for operators ("invitation"): never
  // personal data. Call Wake() after the commit.
  void Enqueue(soci::session& s, const MailMessage& message, const std::string& kind);

  // Claims up to max_messages due messages, sends them and records the outcome; returns how
  // many were sent. A claim pushes next_attempt_at forward as a lease inside a short transaction
  // (FOR UPDATE SKIP LOCKED on PostgreSQL, the write lock on SQLite), so two processes never send
  // the same message. Sent: sent_at set, body and attachments blanked. Failed: retried after 30 s,
  // 1 min, 2 min ... at most 1 h; after kMaxAttempts attempts failed_at is set. With no
  // smtp_url it changes nothing and returns 0 (warning logged once).
  int DeliverDue(int max_messages = 20);

  // A background thread that calls DeliverDue every `poll` and whenever Wake() is called.
  void StartWorker(std::chrono::milliseconds poll = std::chrono::milliseconds(500));
  void StopWorker();  // waits for a delivery in progress to finish
  void Wake();

  // Messages neither sent nor given up on; -1 when the database cannot be read.
  int PendingCount();

 private:
  struct Claimed;
  void DeliverOne(const Claimed& claimed, int& sent);
  void WorkerLoop(std::chrono::milliseconds poll);

  storage::Database& db_;
  const crypto::FieldCipher& cipher_;
  const core::Clock& clock_;
  SmtpSender sender_;
  std::atomic<bool> warned_unconfigured_{false};

  std::mutex mutex_;
  std::condition_variable wake_cv_;
  bool wake_ = false;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace tsunagu::notify
