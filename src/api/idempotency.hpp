// Idempotency-Key on the API's POST requests (issue 17 point 4): a client that retries a POST
// with the same key (after a timeout, a dropped connection, a crash of its own) gets the first
// answer again instead of a second booking.
//
// Rules (docs/api.md, "Retrying a POST"):
// - Keys are per token: 1 to 255 visible ASCII characters (a UUID is a good key); anything else
//   is 400 api.idempotency.key. Without the header a POST runs as before.
// - The same key with the same request (method, path and body, byte for byte) answers the
//   stored status and body again, with `Idempotent-Replayed: true`; nothing runs again.
// - The same key with another request is 422 api.idempotency.mismatch; nothing runs.
// - While the first request with a key is still running, another with the key is 409
//   api.idempotency.in_progress with Retry-After: 1 (it does not wait, and does not run). Of
//   parallel requests with one key exactly one runs; the database decides (the key's row).
// - Answers 500 and above are not kept: the key is free again, so a retry runs.
// - A key is kept 24 hours from its first use; expired keys are deleted on the next keyed
//   request. A key whose request never finished (its server died) is free again after two
//   minutes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::api {

inline constexpr std::int64_t kIdempotencyKeepSeconds = std::int64_t{24} * 60 * 60;
inline constexpr std::int64_t kIdempotencyAbandonedSeconds = 120;
inline constexpr std::size_t kIdempotencyKeyMax = 255;

bool IsValidIdempotencyKey(std::string_view key);
// What makes two requests "the same": method, path and body (hashed; the body is never kept).
std::string RequestFingerprint(std::string_view method, std::string_view path,
                               std::string_view body);

struct StoredAnswer {
  int status = 0;
  std::string content_type;
  std::string body;
};

struct IdempotencyClaim {
  enum class Outcome { kClaimed, kReplay, kInProgress, kMismatch };
  Outcome outcome = Outcome::kClaimed;
  std::int64_t token_id = 0;
  StoredAnswer answer;  // with kReplay
};

class IdempotencyStore {
 public:
  IdempotencyStore(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Claims `key` of the token for a request, or says why not. An unknown token is
  // Unauthorized. Also deletes every expired key.
  core::Result<IdempotencyClaim> Claim(const std::string& raw_token, const std::string& key,
                                       const std::string& fingerprint);
  // Keeps the answer of a claimed key for retries.
  core::Status Finish(std::int64_t token_id, const std::string& key, const std::string& fingerprint,
                      const StoredAnswer& answer);
  // Frees a claimed key whose request failed (5xx), so that a retry runs.
  core::Status Release(std::int64_t token_id, const std::string& key,
                       const std::string& fingerprint);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace tsunagu::api
