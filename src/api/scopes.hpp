// API token scopes (issue 17 point 4): what one token may reach, per domain, read or write.
// A scope only narrows: the policy still decides what the token's person may do.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "api/tokens.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::api {

enum class Access { kNone, kRead, kWrite };  // ordered: kWrite includes kRead

// The domains a scope names, in the order the token page lists them.
inline constexpr std::array<std::string_view, 6> kScopeDomains = {
    "organization", "bookings", "records", "cases", "reports", "events"};
bool IsScopeDomain(std::string_view domain);

class Scopes {
 public:
  // "bookings:write organization:read": domains known, access read or write, each domain once.
  // nullopt for anything else, so a stored value the program does not understand grants nothing.
  static std::optional<Scopes> Parse(std::string_view text);
  // What tokens made before scopes existed keep (the stored NULL): organization:read.
  static Scopes Legacy();

  void Grant(std::string_view domain, Access access);
  Access Of(std::string_view domain) const;
  bool Allows(std::string_view domain, Access need) const { return Of(domain) >= need; }
  bool Empty() const { return grants_.empty(); }
  // Canonical text (domains in kScopeDomains order), what Parse reads back.
  std::string Format() const;
  bool operator==(const Scopes& other) const { return grants_ == other.grants_; }

 private:
  std::map<std::string, Access, std::less<>> grants_;
};

// What one route needs of a token: empty domain for routes about the token's own account
// (me, its own tokens) and for public ones.
struct ScopeNeed {
  std::string_view domain;
  Access access = Access::kNone;
};
std::string ScopeName(const ScopeNeed& need);  // "bookings:write"; "" when none is needed

// Creates a token with `scopes` (at least one domain). TokenService::Create delegates here.
core::Result<CreatedToken> CreateScopedToken(storage::Database& db, const core::Clock& clock,
                                             const audit::Actor& actor, std::int64_t user_id,
                                             std::int64_t organization_id, const std::string& name,
                                             int valid_days, const Scopes& scopes);
// Scopes of each of the user's tokens, by token id (legacy tokens show Scopes::Legacy()).
core::Result<std::map<std::int64_t, Scopes>> ScopesOfUserTokens(storage::Database& db,
                                                                std::int64_t user_id);
// Scopes of a raw bearer token; an unknown token or an unreadable value grants nothing.
core::Result<Scopes> ScopesOfToken(storage::Database& db, const std::string& raw_token);

}  // namespace tsunagu::api
