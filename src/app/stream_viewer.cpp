#include "app/stream_viewer.hpp"

#include <utility>

#include "auth/session_check.hpp"

namespace tsunagu::app {

live::Viewer StreamViewer(const Services& sv, const web::RequestContext& ctx,
                          std::function<bool(const auth::Principal&)> allowed) {
  live::Viewer viewer;
  if (!ctx.principal) return viewer;
  viewer.user_id = ctx.principal->user_id;
  const auth::Principal who = *ctx.principal;
  const std::int64_t session_id = ctx.session ? ctx.session->id : 0;
  viewer.session_id = session_id;
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
