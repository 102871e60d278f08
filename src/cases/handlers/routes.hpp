// Routes of support cases (伴走支援): the case list and page, the live timeline, and the
// changes the running organisation (or, for comments, a partner) makes. Every route needs
// kOrgCounsel; the service answers NotFound for a case the caller's organisation may not see.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::cases::handlers {

void AddRoutes(app::Router& router, app::Services& services);

// GET /cases, /cases/{id}, /cases/{id}/timeline (fragment), /cases/{id}/events (SSE),
// /cases/{id}/entries/{entry_id}/edit and /history (pages.cpp).
void AddPageRoutes(app::Router& router, app::Services& services);

// POST /clients/{id}/cases, /cases/{id}/entries, /cases/{id}/entries/{entry_id}/edit,
// /cases/{id}/status, /close, /staff, /tasks, /tasks/{task_id}/done (actions.cpp).
void AddActionRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::cases::handlers
