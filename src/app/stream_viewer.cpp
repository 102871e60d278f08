#include "app/stream_viewer.hpp"

#include <string>
#include <utility>

#include "auth/policy.hpp"
#include "auth/session_check.hpp"

namespace tsunagu::app {

live::Viewer StreamViewer(const Services& sv, const web::RequestContext& ctx,
                          std::function<bool(const auth::Principal&)> allowed) {
  live::Viewer viewer;
  if (!ctx.principal) return viewer;
  viewer.user_id = ctx.principal->user_id;
  const auth::Principal who = *ctx.principal;
  const std::int64_t session_id = ctx.session ? ctx.session->id : 0;
  // The check below depends on the session and on the organisation and role it was opened
  // for (a session can switch organisation between two tabs), and on the topic's record.
  if (session_id > 0) {
    viewer.check_key = std::to_string(session_id) + ":" + std::to_string(who.organization_id) +
                       ":" + (who.role ? std::string(auth::RoleName(*who.role)) : std::string());
  }
  storage::Database& db = sv.db;
  const core::Clock& clock = sv.clock;
  const auth::SessionPolicy policy = sv.sessions.policy();
  viewer.still_allowed = [&db, &clock, policy, session_id, who, allowed = std::move(allowed)] {
    auto holds = auth::SessionStillHolds(db, clock, policy, session_id, who);
    return holds.ok() && *holds && allowed(who);
  };
  return viewer;
}

}  // namespace tsunagu::app
