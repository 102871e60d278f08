#include "notify/outbox.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::notify {
namespace {

// Associated data per column: a ciphertext moved to another column does not decrypt.
constexpr std::string_view kRecipientAd = "mail_outbox:recipient";
constexpr std::string_view kSubjectAd = "mail_outbox:subject";
constexpr std::string_view kBodyAd = "mail_outbox:body";
constexpr std::string_view kAttachmentsAd = "mail_outbox:attachments";
constexpr std::size_t kMaxKindLength = 64;
// How long a claim keeps other processes away from a message: long enough for every message of
// a batch to hit the SMTP timeout, short enough that a crashed sender's claims come back soon.
constexpr std::int64_t kLeaseBaseSeconds = 60;
constexpr std::int64_t kLeasePerMessageSeconds = 25;
constexpr int kWorkerBatch = 20;

bool ValidKind(const std::string& kind) {
  if (kind.empty() || kind.size() > kMaxKindLength) return false;
  return std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

// One attachment a line: base64(filename) SP base64(content type) SP base64(data).
std::string SerializeAttachments(const std::vector<Attachment>& attachments) {
  std::string out;
  for (const Attachment& a : attachments) {
    out += crypto::Base64Encode(a.filename);
    out += ' ';
    out += crypto::Base64Encode(a.content_type);
    out += ' ';
    out += crypto::Base64Encode(a.data);
    out += '\n';
  }
  return out;
}

std::optional<std::vector<Attachment>> ParseAttachments(std::string_view text) {
  std::vector<Attachment> out;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;
    const std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos) return std::nullopt;
    auto filename = crypto::Base64Decode(line.substr(0, sp1));
    auto content_type = crypto::Base64Decode(line.substr(sp1 + 1, sp2 - sp1 - 1));
    auto data = crypto::Base64Decode(line.substr(sp2 + 1));
    if (!filename || !content_type || !data) return std::nullopt;
    out.push_back(Attachment{std::move(*filename), std::move(*content_type), std::move(*data)});
  }
  return out;
}

std::int64_t RetryDelaySeconds(int attempts) {
  const int doublings = std::clamp(attempts - 1, 0, 16);
  return std::min(Outbox::kFirstRetrySeconds << doublings, Outbox::kMaxRetrySeconds);
}

}  // namespace

struct Outbox::Claimed {
  long long id = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  std::string attachments;
  std::string kind;
  int attempts = 0;  // including the one about to be made
};

Outbox::Outbox(storage::Database& db, const crypto::FieldCipher& cipher, const core::Clock& clock,
               core::MailConfig config)
    : db_(db), cipher_(cipher), clock_(clock), sender_(std::move(config)) {}

Outbox::~Outbox() {
  StopWorker();
}

void Outbox::Enqueue(soci::session& s, const MailMessage& message, const std::string& kind) {
  if (!ValidateMessage(message) || !ValidKind(kind)) {
    throw storage::Abort{core::Error::Invalid("error.mail_invalid")};
  }
  const std::string recipient = cipher_.Encrypt(message.to, kRecipientAd);
  const std::string subject = cipher_.Encrypt(message.subject, kSubjectAd);
  const std::string body = cipher_.Encrypt(message.text_body, kBodyAd);
  const std::string attachments =
      message.attachments.empty()
          ? std::string()
          : cipher_.Encrypt(SerializeAttachments(message.attachments), kAttachmentsAd);
  const long long now = clock_.NowSeconds();
  s << "INSERT INTO mail_outbox (recipient, subject, body, attachments, kind, created_at, "
       "attempts, next_attempt_at) VALUES (:r, :s, :b, :a, :k, :c, 0, :n)",
      soci::use(recipient), soci::use(subject), soci::use(body), soci::use(attachments),
      soci::use(kind), soci::use(now), soci::use(now);
}

int Outbox::DeliverDue(int max_messages) {
  if (!sender_.configured()) {
    if (!warned_unconfigured_.exchange(true)) {
      spdlog::warn("mail: no smtp_url configured; outgoing mail stays in the outbox");
    }
    return 0;
  }
  if (max_messages < 1) return 0;
  const long long now = clock_.NowSeconds();
  const long long lease_until = now + kLeaseBaseSeconds + kLeasePerMessageSeconds * max_messages;
  const int limit = max_messages;
  std::string select =
      "SELECT id, recipient, subject, body, attachments, kind, attempts FROM mail_outbox "
      "WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now "
      "ORDER BY next_attempt_at, id LIMIT :n";
  // SKIP LOCKED: a second process passes over rows another one is claiming instead of queueing
  // behind it. On SQLite, BEGIN IMMEDIATE already makes the claim exclusive.
  if (db_.is_postgresql()) select += " FOR UPDATE SKIP LOCKED";

  core::Result<std::vector<Claimed>> claimed =
      db_.Write<std::vector<Claimed>>([&](soci::session& s) {
        std::vector<Claimed> rows;
        {
          soci::rowset<soci::row> rs = (s.prepare << select, soci::use(now), soci::use(limit));
          for (const soci::row& r : rs) {
            Claimed c;
            c.id = storage::GetInt(r, 0);
            c.recipient = storage::GetText(r, 1);
            c.subject = storage::GetText(r, 2);
            c.body = storage::GetText(r, 3);
            c.attachments = storage::GetText(r, 4);
            c.kind = storage::GetText(r, 5);
            c.attempts = static_cast<int>(storage::GetInt(r, 6)) + 1;
            rows.push_back(std::move(c));
          }
        }
        // Counting the attempt at claim time means a message that crashes the sender still
        // runs out of attempts instead of being retried for ever.
        for (const Claimed& c : rows) {
          s << "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :lease "
               "WHERE id = :id",
              soci::use(lease_until), soci::use(c.id);
        }
        return rows;
      });
  if (!claimed) return 0;
  int sent = 0;
  for (const Claimed& c : *claimed) DeliverOne(c, sent);
  return sent;
}

void Outbox::DeliverOne(const Claimed& c, int& sent) {
  auto give_up = [&](std::string_view why) {
    const long long at = clock_.NowSeconds();
    spdlog::error("mail: outbox message {} ({}) given up after {} attempt(s): {}", c.id, c.kind,
                  c.attempts, why);
    (void)db_.WriteVoid([&](soci::session& s) {
      s << "UPDATE mail_outbox SET failed_at = :at WHERE id = :id AND sent_at IS NULL",
          soci::use(at), soci::use(c.id);
    });
  };

  MailMessage message;
  {
    auto to = cipher_.Decrypt(c.recipient, kRecipientAd);
    auto subject = cipher_.Decrypt(c.subject, kSubjectAd);
    auto body = cipher_.Decrypt(c.body, kBodyAd);
    if (!to || !subject || !body) return give_up("stored message does not decrypt");
    message.to = std::move(to).value();
    message.subject = std::move(subject).value();
    message.text_body = std::move(body).value();
    if (!c.attachments.empty()) {
      auto serialized = cipher_.Decrypt(c.attachments, kAttachmentsAd);
      if (!serialized) return give_up("stored attachments do not decrypt");
      auto attachments = ParseAttachments(*serialized);
      if (!attachments) return give_up("stored attachments are malformed");
      message.attachments = std::move(*attachments);
    }
  }

  const core::Status result = sender_.Send(message, clock_.NowSeconds());
  const long long now = clock_.NowSeconds();
  if (result) {
    // The body and attachments may hold live secrets (invitation links): keep them no longer
    // than needed. The row itself stays as a record that mail of this kind went out.
    auto marked = db_.WriteVoid([&](soci::session& s) {
      s << "UPDATE mail_outbox SET sent_at = :now, body = '', attachments = '' WHERE id = :id",
          soci::use(now), soci::use(c.id);
    });
    if (!marked) {
      spdlog::error("mail: outbox message {} was sent but not marked; it may be sent again", c.id);
    }
    ++sent;
    return;
  }
  if (result.error().code == core::ErrorCode::kInvalidInput) {
    return give_up("message refused before sending");
  }
  if (c.attempts >= kMaxAttempts) return give_up("SMTP delivery kept failing");
  const long long next = now + RetryDelaySeconds(c.attempts);
  spdlog::warn("mail: outbox message {} ({}) attempt {} failed; next try in {} s", c.id, c.kind,
               c.attempts, next - now);
  (void)db_.WriteVoid([&](soci::session& s) {
    s << "UPDATE mail_outbox SET next_attempt_at = :next WHERE id = :id AND sent_at IS NULL",
        soci::use(next), soci::use(c.id);
  });
}

void Outbox::StartWorker(std::chrono::milliseconds poll) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (worker_.joinable()) return;
  stop_ = false;
  worker_ = std::thread([this, poll] { WorkerLoop(poll); });
}

void Outbox::StopWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void Outbox::Wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    wake_ = true;
  }
  wake_cv_.notify_all();
}

void Outbox::WorkerLoop(std::chrono::milliseconds poll) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    wake_ = false;
    lock.unlock();
    int sent = 0;
    try {
      sent = DeliverDue(kWorkerBatch);
    } catch (const std::exception& e) {
      spdlog::error("mail: outbox worker error: {}", e.what());
    }
    lock.lock();
    if (sent == kWorkerBatch) continue;  // a full batch: more may be due right now
    wake_cv_.wait_for(lock, poll, [this] { return stop_ || wake_; });
  }
}

int Outbox::PendingCount() {
  auto count = db_.Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        soci::into(n);
    return n;
  });
  return count ? static_cast<int>(*count) : -1;
}

}  // namespace tsunagu::notify
