// Asking again, later, whether a request's sign-in still holds: for what outlives one request
// (an open live stream). The same conditions as a new request's session lookup, read only.
#pragma once

#include <cstdint>

#include "auth/policy.hpp"
#include "auth/sessions.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::auth {

// True while session `session_id` is still a full sign-in of `who`: not ended (logout,
// password change, account disabled), not idle past the policy's limit nor past its absolute
// expiry, the user not disabled, and the same active organisation with the same role in it.
// Reading does not count as activity: a page left open does not keep its session alive.
core::Result<bool> SessionStillHolds(storage::Database& db, const core::Clock& clock,
                                     const SessionPolicy& policy, std::int64_t session_id,
                                     const Principal& who);

}  // namespace tsunagu::auth
