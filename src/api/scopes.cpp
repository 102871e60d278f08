#include "api/scopes.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::api {

namespace {

constexpr std::string_view kRead = "read";
constexpr std::string_view kWrite = "write";

// Reads one stored value; NULL is a token from before scopes.
Scopes FromColumn(const soci::row& r, std::size_t column) {
  if (r.get_indicator(column) == soci::i_null) return Scopes::Legacy();
  // A value this program cannot read grants nothing rather than guessing.
  return Scopes::Parse(r.get<std::string>(column)).value_or(Scopes());
}

}  // namespace

bool IsScopeDomain(std::string_view domain) {
  return std::find(kScopeDomains.begin(), kScopeDomains.end(), domain) != kScopeDomains.end();
}

std::optional<Scopes> Scopes::Parse(std::string_view text) {
  Scopes out;
  while (!text.empty()) {
    const auto space = text.find(' ');
    const std::string_view item = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    const auto colon = item.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view domain = item.substr(0, colon);
    const std::string_view access = item.substr(colon + 1);
    if (!IsScopeDomain(domain) || out.Of(domain) != Access::kNone) return std::nullopt;
    if (access == kRead) {
      out.Grant(domain, Access::kRead);
    } else if (access == kWrite) {
      out.Grant(domain, Access::kWrite);
    } else {
      return std::nullopt;
    }
  }
  return out;
}

Scopes Scopes::Legacy() {
  Scopes s;
  s.Grant("organization", Access::kRead);
  return s;
}

void Scopes::Grant(std::string_view domain, Access access) {
  if (access == Access::kNone) {
    if (auto it = grants_.find(domain); it != grants_.end()) grants_.erase(it);
    return;
  }
  grants_[std::string(domain)] = access;
}

Access Scopes::Of(std::string_view domain) const {
  auto it = grants_.find(domain);
  return it == grants_.end() ? Access::kNone : it->second;
}

std::string Scopes::Format() const {
  std::string out;
  for (std::string_view domain : kScopeDomains) {
    const Access a = Of(domain);
    if (a == Access::kNone) continue;
    if (!out.empty()) out += ' ';
    out.append(domain).append(":").append(a == Access::kWrite ? kWrite : kRead);
  }
  return out;
}

std::string ScopeName(const ScopeNeed& need) {
  if (need.domain.empty() || need.access == Access::kNone) return {};
  return std::string(need.domain) + ":" +
         std::string(need.access == Access::kWrite ? kWrite : kRead);
}

core::Result<std::map<std::int64_t, Scopes>> ScopesOfUserTokens(storage::Database& db,
                                                                std::int64_t user_id) {
  return db.Read<std::map<std::int64_t, Scopes>>([&](soci::session& s) {
    std::map<std::int64_t, Scopes> out;
    long long u = user_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, scopes FROM api_token WHERE user_id = :u", soci::use(u));
    for (const auto& r : rows) out[storage::GetInt(r, 0)] = FromColumn(r, 1);
    return out;
  });
}

core::Result<Scopes> ScopesOfToken(storage::Database& db, const std::string& raw_token) {
  const std::string hash = crypto::HashToken(raw_token);
  return db.Read<Scopes>([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT scopes FROM api_token WHERE token_hash = :h", soci::use(hash));
    for (const auto& r : rows) return FromColumn(r, 0);
    return Scopes();
  });
}

}  // namespace tsunagu::api
