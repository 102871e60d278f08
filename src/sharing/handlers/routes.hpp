// Routes of 同意 (consents) and 第三者提供記録 (provision records, APPI 法27条・法29条): recording
// a person's consent for a client, the consent page, its withdrawal with a confirmation step,
// the printable 同意書 for the person to sign, and the organisation's provision records with
// their CSV export. Consents need kOrgCounsel; provision records kOrgCoordinate.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::sharing::handlers {

void AddRoutes(app::Router& router, app::Services& services);

// GET/POST /clients/{id}/consents/new, GET /consents/{id}, GET/POST /consents/{id}/withdraw,
// GET /consents/{id}/print (consents.cpp).
void AddConsentRoutes(app::Router& router, app::Services& services);

// GET /provisions and /provisions.csv (provisions.cpp).
void AddProvisionRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::sharing::handlers
