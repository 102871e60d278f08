// Routes of referrals (紹介・引継ぎ, closed loop): the work list, one referral with its live
// status and history, referring a client, and the answers of both sides. Every route needs
// kOrgCounsel; the service answers NotFound for a referral the caller's organisation is not a
// side of, shown exactly like a missing page.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::referrals::handlers {

void AddRoutes(app::Router& router, app::Services& services);

// GET /referrals, /referrals/{id}, /referrals/{id}/status (fragment), /referrals/{id}/events
// (SSE) and /clients/{id}/referrals/new (pages.cpp).
void AddPageRoutes(app::Router& router, app::Services& services);

// POST /clients/{id}/referrals/new and /referrals/{id}/accept, /decline, /start, /complete,
// /withdraw (actions.cpp).
void AddActionRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::referrals::handlers
