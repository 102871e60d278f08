// Routes of 書類: a case's documents (list, upload, download, remove, share with an employer
// contact, revoke a link), the signed consent form of a consent, and the public pages an
// employer contact opens from the e-mailed link. Staff routes need kOrgCounsel and the service
// decides the record (NotFound for an organisation that does not see the case); the public
// ones are kPublic and rate-limited per address like the public booking pages.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::documents::handlers {

void AddRoutes(app::Router& router, app::Services& services);

// GET and POST /cases/{id}/documents, GET /cases/{id}/documents/{document_id},
// POST …/remove, …/share, …/links/{link_id}/revoke (case_documents.cpp).
void AddCaseRoutes(app::Router& router, app::Services& services);

// POST and GET /consents/{id}/form (consent_forms.cpp).
void AddConsentFormRoutes(app::Router& router, app::Services& services);

// GET /shared/{token} and /shared/{token}/file (shared.cpp).
void AddSharedRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::documents::handlers
