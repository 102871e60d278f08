// The hand-off to the 両立支援促進員 from a 相談記録 (handoff.cpp): the panel on the record's
// page and the 事務局's page that starts it. Internal to the handlers.
#pragma once

#include <ctemplate/template.h>

#include "app/router.hpp"
#include "app/services.hpp"
#include "consultations/handlers/page_support.hpp"

namespace tsunagu::consultations::handlers {

// What the record's page says about the hand-off: wished and not yet started (with the
// 事務局's link to start it), or started (the centre and the referral's status).
void AddHandoffPanel(app::Services& sv, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict, const Ids& ids, bool wished);

// GET/POST /programs/{id}/days/{day_id}/bookings/{booking_id}/handoff (kOrgCoordinate).
void AddHandoffRoutes(app::Router& router, app::Services& sv);

}  // namespace tsunagu::consultations::handlers
