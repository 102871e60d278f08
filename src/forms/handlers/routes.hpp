// Routes of the 両立支援 forms of a case: the list, the edit page generated from the form's
// definition (read-only for a partner), saving a new revision, the printable A4 sheet and older
// revisions. Every route needs kOrgCounsel; the service answers NotFound for a case the caller's
// organisation may not see and Forbidden when a partner tries to save.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::forms::handlers {

// GET  /cases/{id}/forms
// GET  /cases/{id}/forms/{form_type}                      edit (or read-only for a partner)
// POST /cases/{id}/forms/{form_type}                      save a new revision
// GET  /cases/{id}/forms/{form_type}/print?calendar=wareki|seireki
// GET  /cases/{id}/forms/{form_type}/revisions/{revision}
void AddRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::forms::handlers
