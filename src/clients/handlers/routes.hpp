// Routes of 相談者 (clients): the list and search, registration (from scratch or from a
// consultation booking, with the likely-duplicate check), the client page and its edit form.
// Every route needs kOrgCounsel; the service answers NotFound for a client the caller's
// organisation may not see, shown exactly like a missing page.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::clients::handlers {

void AddRoutes(app::Router& router, app::Services& services);

// GET /clients: search by name, ふりがな or phone, or the recently updated (list.cpp).
void AddListRoutes(app::Router& router, app::Services& services);

// GET/POST /clients/new (?booking=) and /clients/{id}/edit (form.cpp).
void AddFormRoutes(app::Router& router, app::Services& services);

// GET /clients/{id}: the person with consents, referrals and cases (page.cpp).
void AddPageRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::clients::handlers
