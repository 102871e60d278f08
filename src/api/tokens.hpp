// Personal API tokens: shown once, stored hashed, revocable, acting with the user's own rights
// in one organisation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::api {

struct TokenInfo {
  std::int64_t id = 0;
  std::string name;
  std::string prefix;  // first characters, to recognise a token without storing it
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;  // 0: no expiry
  std::int64_t last_used_at = 0;
  std::int64_t revoked_at = 0;
};

struct CreatedToken {
  std::int64_t id = 0;
  std::string token;  // the only time the raw value exists outside the client
};

class TokenService {
 public:
  TokenService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  core::Result<CreatedToken> Create(const audit::Actor& actor, std::int64_t user_id,
                                    std::int64_t organization_id, const std::string& name,
                                    int valid_days);
  core::Result<std::vector<TokenInfo>> ListForUser(std::int64_t user_id);
  // Revokes one of the user's own tokens; another user's token answers NotFound.
  core::Status Revoke(const audit::Actor& actor, std::int64_t user_id, std::int64_t token_id);
  // Principal for a raw bearer token, or Unauthorized. Checks the user and membership are
  // still active, so suspension or removal takes effect on the next call.
  core::Result<auth::Principal> Authenticate(const std::string& raw_token);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace tsunagu::api
