// Routes of the person's data rights (issue 17 point 5). Every route needs kOrgCoordinate (the
// holding organisation's coordinators and admins; counselors get 403) and the services answer
// "not found" for a person of another organisation.
//   /org/rights                      the rights requests log, with a form for a new request
//   /org/rights/{id}/answer          records the answer to a request (POST)
//   /org/rights/retention            the retention rule and the next run's dry-run count
//   /org/rights/find                 a person known only from bookings or registrations, found
//                                    by phone or e-mail (POST), and /find/erase
//   /org/rights/clients/{id}         the disclosure (開示), printable on A4, with the actions
//   /org/rights/clients/{id}/json    the same disclosure as a JSON download
//   /org/rights/clients/{id}/stop | /lift | /erase   利用停止, its lifting, 消去 (POST)
#pragma once

#include <memory>

#include "app/router.hpp"
#include "core/clock.hpp"
#include "rights/retention.hpp"
#include "rights/rights_service.hpp"
#include "web/page.hpp"

namespace tsunagu::rights::handlers {

// What these handlers use, wired in app/ (ARCHITECTURE.md habit 9).
struct Deps {
  const web::Pages& pages;
  const core::Clock& clock;
  std::shared_ptr<RightsService> rights;
  std::shared_ptr<RetentionService> retention;
};

void AddRoutes(app::Router& router, const Deps& deps);

// /org/rights/clients/... (person_pages.cpp).
void AddPersonRoutes(app::Router& router, const Deps& deps);
// /org/rights, /org/rights/{id}/answer, /org/rights/retention (log_pages.cpp).
void AddLogRoutes(app::Router& router, const Deps& deps);
// /org/rights/find and /org/rights/find/erase (find_pages.cpp).
void AddFindRoutes(app::Router& router, const Deps& deps);

}  // namespace tsunagu::rights::handlers
