#include "api/tokens.hpp"

#include "api/json.hpp"
#include "api/scopes.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "orgs/org_store.hpp"
#include "storage/row.hpp"

namespace tsunagu::api {

using storage::Abort;

namespace {
constexpr const char* kTokenPrefix = "tsu_";
constexpr int kMaxValidDays = 366;
}  // namespace

core::Result<CreatedToken> TokenService::Create(const audit::Actor& actor, std::int64_t user_id,
                                                std::int64_t organization_id,
                                                const std::string& name, int valid_days) {
  // Callers that choose no scope get what every token could reach before scopes existed.
  return CreateScopedToken(db_, clock_, actor, user_id, organization_id, name, valid_days,
                           Scopes::Legacy());
}

core::Result<CreatedToken> CreateScopedToken(storage::Database& db, const core::Clock& clock,
                                             const audit::Actor& actor, std::int64_t user_id,
                                             std::int64_t organization_id,
                                             const std::string& name_in, int valid_days,
                                             const Scopes& scopes) {
  std::string name = core::Trim(core::NormalizeNfkc(name_in));
  std::vector<core::FieldError> errors;
  if (name.empty() || core::CountCodePoints(name) > 80) {
    errors.push_back({"name", "tokens.error.name"});
  }
  if (valid_days < 1 || valid_days > kMaxValidDays) {
    errors.push_back({"valid_days", "tokens.error.valid_days"});
  }
  if (scopes.Empty()) errors.push_back({"scopes", "api.scope.error.none"});
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock.NowSeconds();
  CreatedToken created;
  created.token = kTokenPrefix + crypto::RandomToken(32);
  std::string hash = crypto::HashToken(created.token);
  std::string prefix = created.token.substr(0, 10);
  std::string scope_text = scopes.Format();
  return db.Write<CreatedToken>([&](soci::session& s) {
    if (!orgs::OrgStore::FindMembership(s, user_id, organization_id)) {
      throw Abort{core::Error::NotFound()};
    }
    long long u = user_id;
    long long o = organization_id;
    long long at = now;
    long long expires = now + static_cast<long long>(valid_days) * 86400;
    long long id = 0;
    s << "INSERT INTO api_token (user_id, organization_id, name, token_hash, token_prefix, "
         "created_at, expires_at, scopes) VALUES (:u, :o, :n, :h, :p, :t, :e, :s) RETURNING id",
        soci::use(u), soci::use(o), soci::use(name), soci::use(hash), soci::use(prefix),
        soci::use(at), soci::use(expires), soci::use(scope_text), soci::into(id);
    created.id = id;
    // The scopes are names of domains, nothing personal.
    audit::AuditLog::Append(s, actor,
                            {"api_token.create", "api_token", std::to_string(id),
                             "{\"scopes\":" + JsonString(scope_text) + "}", organization_id},
                            now);
    return created;
  });
}

core::Result<std::vector<TokenInfo>> TokenService::ListForUser(std::int64_t user_id) {
  return db_.Read<std::vector<TokenInfo>>([&](soci::session& s) {
    std::vector<TokenInfo> out;
    long long u = user_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT t.id, t.name, t.token_prefix, t.organization_id, o.name, "
                      "t.created_at, t.expires_at, t.last_used_at, t.revoked_at FROM api_token t "
                      "JOIN organization o ON o.id = t.organization_id WHERE t.user_id = :u "
                      "ORDER BY t.id DESC",
         soci::use(u));
    for (const auto& r : rows) {
      TokenInfo t;
      t.id = storage::GetInt(r, 0);
      t.name = storage::GetText(r, 1);
      t.prefix = storage::GetText(r, 2);
      t.organization_id = storage::GetInt(r, 3);
      t.organization_name = storage::GetText(r, 4);
      t.created_at = storage::GetInt(r, 5);
      t.expires_at = storage::GetInt(r, 6);
      t.last_used_at = storage::GetInt(r, 7);
      t.revoked_at = storage::GetInt(r, 8);
      out.push_back(std::move(t));
    }
    return out;
  });
}

core::Status TokenService::Revoke(const audit::Actor& actor, std::int64_t user_id,
                                  std::int64_t token_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long at = now;
    long long id = token_id;
    long long u = user_id;
    soci::statement st = (s.prepare << "UPDATE api_token SET revoked_at = :n WHERE id = :id AND "
                                       "user_id = :u AND revoked_at IS NULL",
                          soci::use(at), soci::use(id), soci::use(u));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::NotFound()};
    audit::AuditLog::Append(
        s, actor, {"api_token.revoke", "api_token", std::to_string(token_id), "{}", -1}, now);
  });
}

core::Result<auth::Principal> TokenService::Authenticate(const std::string& raw_token) {
  if (raw_token.rfind(kTokenPrefix, 0) != 0 || raw_token.size() > 100) {
    return core::Error::Unauthorized("api.error.token");
  }
  std::string hash = crypto::HashToken(raw_token);
  const long long now = clock_.NowSeconds();
  auto found = db_.Read<std::optional<auth::Principal>>(
      [&](soci::session& s) -> std::optional<auth::Principal> {
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT t.id, t.user_id, t.organization_id, m.role, u.is_system_admin, "
                          "t.last_used_at FROM api_token t JOIN app_user u ON u.id = t.user_id "
                          "JOIN membership m ON m.user_id = t.user_id AND m.organization_id = "
                          "t.organization_id JOIN organization o ON o.id = t.organization_id "
                          "WHERE t.token_hash = :h AND t.revoked_at IS NULL AND (t.expires_at "
                          "IS NULL OR t.expires_at > :n) AND u.status = 'active' AND o.status = "
                          "'active'",
             soci::use(hash), soci::use(now));
        for (const auto& r : rows) {
          auth::Principal p;
          p.user_id = storage::GetInt(r, 1);
          p.organization_id = storage::GetInt(r, 2);
          p.role = auth::ParseRole(storage::GetText(r, 3));
          p.is_system_admin = storage::GetInt(r, 4) != 0;
          p.stage = "full";
          p.via_api_token = true;
          // Last use is recorded with minute precision to keep reads from becoming writes.
          if (now - storage::GetInt(r, 5) >= 60) {
            long long id = storage::GetInt(r, 0);
            s << "UPDATE api_token SET last_used_at = :n WHERE id = :id", soci::use(now),
                soci::use(id);
          }
          return p;
        }
        return std::nullopt;
      });
  if (!found) return found.error();
  if (!*found) return core::Error::Unauthorized("api.error.token");
  return **found;
}

}  // namespace tsunagu::api
