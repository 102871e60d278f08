#include "api/idempotency.hpp"

#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::api {

bool IsValidIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > kIdempotencyKeyMax) return false;
  for (const unsigned char c : key) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

std::string RequestFingerprint(std::string_view method, std::string_view path,
                               std::string_view body) {
  std::string text;
  text.reserve(method.size() + path.size() + body.size() + 2);
  text.append(method).append(" ").append(path).append("\n").append(body);
  return crypto::HashToken(text);
}

core::Result<IdempotencyClaim> IdempotencyStore::Claim(const std::string& raw_token,
                                                       const std::string& key,
                                                       const std::string& fingerprint) {
  const std::string token_hash = crypto::HashToken(raw_token);
  return db_.Write<IdempotencyClaim>([&](soci::session& s) {
    const long long now = clock_.NowSeconds();
    s << "DELETE FROM api_idempotency WHERE expires_at <= :n", soci::use(now);
    IdempotencyClaim claim;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT id FROM api_token WHERE token_hash = :h", soci::use(token_hash));
      for (const auto& r : rows) claim.token_id = storage::GetInt(r, 0);
    }
    if (claim.token_id == 0) {
      throw storage::Abort{core::Error::Unauthorized("api.error.token_not_found")};
    }
    long long token_id = claim.token_id;
    const long long expires = now + kIdempotencyKeepSeconds;
    // Of parallel requests with one key, one inserts; the others wait for its commit here
    // (PostgreSQL) or for the write lock (SQLite), then find its row.
    soci::statement insert =
        (s.prepare << "INSERT INTO api_idempotency (token_id, idem_key, request_hash, status, "
                      "created_at, expires_at) VALUES (:t, :k, :h, 0, :n, :e) "
                      "ON CONFLICT (token_id, idem_key) DO NOTHING",
         soci::use(token_id), soci::use(key), soci::use(fingerprint), soci::use(now),
         soci::use(expires));
    insert.execute(true);
    if (insert.get_affected_rows() == 1) return claim;

    std::string stored_hash;
    std::string content_type;
    std::string body;
    int status = 0;
    long long created = 0;
    s << "SELECT request_hash, status, content_type, body, created_at FROM api_idempotency "
         "WHERE token_id = :t AND idem_key = :k",
        soci::use(token_id), soci::use(key), soci::into(stored_hash), soci::into(status),
        soci::into(content_type), soci::into(body), soci::into(created);
    if (stored_hash != fingerprint) {
      claim.outcome = IdempotencyClaim::Outcome::kMismatch;
      return claim;
    }
    if (status != 0) {
      claim.outcome = IdempotencyClaim::Outcome::kReplay;
      claim.answer = {status, std::move(content_type), std::move(body)};
      return claim;
    }
    if (created <= now - kIdempotencyAbandonedSeconds) {
      // Its server died before answering: the key is free again, for one taker.
      soci::statement take =
          (s.prepare << "UPDATE api_idempotency SET created_at = :n, expires_at = :e "
                        "WHERE token_id = :t AND idem_key = :k AND status = 0 AND created_at = :c",
           soci::use(now), soci::use(expires), soci::use(token_id), soci::use(key),
           soci::use(created));
      take.execute(true);
      if (take.get_affected_rows() == 1) return claim;
    }
    claim.outcome = IdempotencyClaim::Outcome::kInProgress;
    return claim;
  });
}

core::Status IdempotencyStore::Finish(std::int64_t token_id, const std::string& key,
                                      const std::string& fingerprint, const StoredAnswer& answer) {
  return db_.WriteVoid([&](soci::session& s) {
    long long t = token_id;
    s << "UPDATE api_idempotency SET status = :s, content_type = :c, body = :b "
         "WHERE token_id = :t AND idem_key = :k AND request_hash = :h AND status = 0",
        soci::use(answer.status), soci::use(answer.content_type), soci::use(answer.body),
        soci::use(t), soci::use(key), soci::use(fingerprint);
  });
}

core::Status IdempotencyStore::Release(std::int64_t token_id, const std::string& key,
                                       const std::string& fingerprint) {
  return db_.WriteVoid([&](soci::session& s) {
    long long t = token_id;
    s << "DELETE FROM api_idempotency "
         "WHERE token_id = :t AND idem_key = :k AND request_hash = :h AND status = 0",
        soci::use(t), soci::use(key), soci::use(fingerprint);
  });
}

}  // namespace tsunagu::api
