#include "auth/session_check.hpp"

#include <string>

namespace tsunagu::auth {

core::Result<bool> SessionStillHolds(storage::Database& db, const core::Clock& clock,
                                     const SessionPolicy& policy, std::int64_t session_id,
                                     const Principal& who) {
  if (session_id <= 0 || who.user_id <= 0 || who.stage != "full") return false;
  const long long now = clock.NowSeconds();
  const long long idle_from = now - policy.idle_seconds;
  const long long sid = session_id;
  const long long uid = who.user_id;
  const long long org = who.organization_id;
  const std::string role = who.role ? std::string(RoleName(*who.role)) : std::string();
  return db.Read<bool>([&](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM user_session us JOIN app_user u ON u.id = us.user_id "
         "WHERE us.id = :sid AND us.user_id = :uid AND us.stage = 'full' AND us.expires_at > :now "
         "AND us.last_seen_at >= :idle AND u.status <> 'disabled' "
         "AND COALESCE(us.organization_id, 0) = :org AND (:org2 = 0 OR EXISTS (SELECT 1 FROM "
         "membership m JOIN organization o ON o.id = m.organization_id WHERE m.user_id = "
         "us.user_id AND m.organization_id = :org3 AND m.role = :role AND o.status = 'active'))",
        soci::use(sid), soci::use(uid), soci::use(now), soci::use(idle_from), soci::use(org),
        soci::use(org), soci::use(org), soci::use(role), soci::into(n);
    return n == 1;
  });
}

}  // namespace tsunagu::auth
