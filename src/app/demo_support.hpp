// What the demo's loaders share (demo*.cpp): finding what an earlier run made, and acting as
// one of the demo's staff. Demo data only; the application's services never call these.
#pragma once

#include <cstdint>
#include <string>

#include "app/services.hpp"
#include "auth/policy.hpp"

namespace tsunagu::app {

// The programme of `org_id` named `name`: its id, 0 when there is none yet.
core::Result<std::int64_t> DemoProgramId(Services& sv, std::int64_t org_id, const char* name);

// The demo user with `email`, 0 when there is none.
std::int64_t DemoUserId(Services& sv, const char* email);

// The organisation named `name`, 0 when there is none.
std::int64_t DemoOrgId(Services& sv, const char* name);

// Whether `org_id` already has a community event titled `title` (what an earlier demo run made);
// true also when the database cannot say, so a rerun never makes a second one.
bool DemoEventExists(Services& sv, std::int64_t org_id, const std::string& title);

// A fully signed-in member of `org_id` with `role`, as the services see the caller.
auth::Principal DemoMember(std::int64_t user_id, std::int64_t org_id, auth::Role role);

}  // namespace tsunagu::app
