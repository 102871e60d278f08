// Contacts outside consultation days (contact_service.hpp): /org/contacts (the month's list,
// filtered by channel), /org/contacts/new (also opened from a case page with ?case=), and one
// contact's page with its summary (audited). Counselors, coordinators and admins of the
// organisation.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::employment::contacts {

void AddRoutes(app::Router& router, app::Services& sv);

}  // namespace tsunagu::employment::contacts
