#include "auth/sessions.hpp"

#include "crypto/random.hpp"
#include "orgs/org_store.hpp"
#include "storage/row.hpp"

namespace tsunagu::auth {

std::string SessionStore::Create(soci::session& s, std::int64_t user_id,
                                 std::int64_t organization_id, const std::string& stage) {
  std::string token = crypto::RandomToken(32);
  std::string hash = crypto::HashToken(token);
  std::string csrf = crypto::RandomToken(32);
  long long now = clock_.NowSeconds();
  long long expires = now + (stage == "full" ? policy_.absolute_seconds : policy_.pending_seconds);
  long long user = user_id;
  long long org = organization_id;
  soci::indicator org_ind = organization_id ? soci::i_ok : soci::i_null;
  // A full session starts right after the password and a code were entered: that counts as a
  // confirmation for the next few minutes.
  long long reauth = now;
  soci::indicator reauth_ind = stage == "full" ? soci::i_ok : soci::i_null;
  s << "INSERT INTO user_session (token_hash, user_id, organization_id, stage, csrf_token, "
       "created_at, last_seen_at, expires_at, reauth_at) VALUES (:h, :u, :o, :st, :c, :n, :n2, "
       ":e, :r)",
      soci::use(hash), soci::use(user), soci::use(org, org_ind), soci::use(stage), soci::use(csrf),
      soci::use(now), soci::use(now), soci::use(expires), soci::use(reauth, reauth_ind);
  return token;
}

namespace {

constexpr const char* kSessionColumns =
    "s.id, s.user_id, s.organization_id, s.stage, s.csrf_token, s.created_at, s.last_seen_at, "
    "s.expires_at, s.reauth_at";
constexpr std::size_t kSessionColumnCount = 9;

Session ReadSession(const soci::row& r) {
  Session x;
  x.id = storage::GetInt(r, 0);
  x.user_id = storage::GetInt(r, 1);
  x.organization_id = storage::GetInt(r, 2);
  x.stage = storage::GetText(r, 3);
  x.csrf_token = storage::GetText(r, 4);
  x.created_at = storage::GetInt(r, 5);
  x.last_seen_at = storage::GetInt(r, 6);
  x.expires_at = storage::GetInt(r, 7);
  x.reauth_at = storage::GetInt(r, 8);
  return x;
}

}  // namespace

core::Result<std::optional<SignedIn>> SessionStore::FindSignedIn(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::optional<SignedIn>{};
  std::string hash = crypto::HashToken(token);
  auto found = db_.Read<std::optional<SignedIn>>([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT " << kSessionColumns << ", "
                   << orgs::OrgStore::kUserMembershipsColumns
                   << " FROM user_session s JOIN app_user u ON u.id = s.user_id "
                   << orgs::OrgStore::kUserMembershipsJoin
                   << " WHERE s.token_hash = :h ORDER BY m.name",
         soci::use(hash));
    std::optional<Session> session;
    std::optional<orgs::UserMemberships> user;
    for (const auto& r : rows) {
      if (!session) session = ReadSession(r);
      orgs::OrgStore::ReadUserMembershipsRow(r, kSessionColumnCount, user);
    }
    if (!session || !user) return std::optional<SignedIn>{};
    return std::optional<SignedIn>{SignedIn{*session, std::move(*user)}};
  });
  if (!found) return found.error();
  if (!found->has_value()) return found;
  auto admitted = Admit((*found)->session);
  if (!admitted) return admitted.error();
  if (!admitted->has_value()) return std::optional<SignedIn>{};
  (*found)->session = **admitted;
  return found;
}

core::Result<std::optional<Session>> SessionStore::Admit(Session session) {
  const std::int64_t now = clock_.NowSeconds();
  const bool idle = session.stage == "full" && now - session.last_seen_at > policy_.idle_seconds;
  if (now >= session.expires_at || idle) {
    auto st = db_.WriteVoid([&](soci::session& s) { Destroy(s, session.id); });
    if (!st) return st.error();
    return std::optional<Session>{};
  }
  // Writing last_seen on every request would serialise all readers on SQLite; a minute's
  // precision is enough for a 30-minute idle limit.
  if (now - session.last_seen_at >= 60) {
    long long at = now;
    long long id = session.id;
    auto st = db_.WriteVoid([&](soci::session& s) {
      s << "UPDATE user_session SET last_seen_at = :n WHERE id = :id", soci::use(at), soci::use(id);
    });
    if (!st) return st.error();
    session.last_seen_at = now;
  }
  return std::optional<Session>{session};
}

void SessionStore::Destroy(soci::session& s, std::int64_t session_id) {
  long long id = session_id;
  s << "DELETE FROM user_session WHERE id = :id", soci::use(id);
}

void SessionStore::DestroyAllForUser(soci::session& s, std::int64_t user_id) {
  long long id = user_id;
  s << "DELETE FROM user_session WHERE user_id = :id", soci::use(id);
}

void SessionStore::MarkConfirmed(soci::session& s, std::int64_t session_id) {
  long long id = session_id;
  long long now = clock_.NowSeconds();
  s << "UPDATE user_session SET reauth_at = :n WHERE id = :id", soci::use(now), soci::use(id);
}

bool SessionStore::RecentlyConfirmed(const Session& session) const {
  return session.reauth_at > 0 &&
         clock_.NowSeconds() - session.reauth_at <= policy_.confirm_seconds;
}

void SessionStore::SetOrganization(soci::session& s, std::int64_t session_id, std::int64_t org_id) {
  long long id = session_id;
  long long org = org_id;
  s << "UPDATE user_session SET organization_id = :o WHERE id = :id", soci::use(org), soci::use(id);
}

}  // namespace tsunagu::auth
