// Routes of the salon directory (issue 15): the public list /salons (search, 市町村 and network
// filters, a GET form that works without JavaScript and prints) and one salon's page with its
// next meetings; the keeping organisation's staff (kOrgCoordinate) add and edit salons under
// /salons/manage.
#pragma once

#include <memory>
#include <string>

#include "app/router.hpp"
#include "core/clock.hpp"
#include "salons/salon_service.hpp"
#include "storage/database.hpp"
#include "web/page.hpp"

namespace tsunagu::salons::handlers {

// What the salon pages use, wired in app/ (ARCHITECTURE.md habit 9).
struct Deps {
  const web::Pages& pages;
  const core::Clock& clock;
  storage::Database& db;  // the peers shown on a salon's page
  std::shared_ptr<SalonService> salons;
  std::string public_url;  // the base of the feed's links and UIDs
};

void AddRoutes(app::Router& router, const Deps& deps);
// GET /salons, /salons/{id} (public_pages.cpp).
void AddPublicRoutes(app::Router& router, const Deps& deps);
// /salons/manage, /salons/new, /salons/{id}/edit (manage.cpp).
void AddManageRoutes(app::Router& router, const Deps& deps);
// GET /salons/{id}/calendar.ics (feed.cpp).
void AddFeedRoutes(app::Router& router, const Deps& deps);

}  // namespace tsunagu::salons::handlers
