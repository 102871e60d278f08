// The events pages (issue 15): organisers' forms, the public list and event pages, the public
// registration with its confirm step, the person's own page, and the staff registration list.
// Handlers receive only what they use (Deps), wired in app/routes.cpp.
#pragma once

#include <memory>

#include "app/router.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "events/event_service.hpp"
#include "storage/database.hpp"
#include "web/page.hpp"

namespace tsunagu::events::handlers {

struct Deps {
  const web::Pages& pages;
  const core::Config& config;
  const core::Clock& clock;
  storage::Database& db;  // the public forms' per-address counter
  std::shared_ptr<EventService> events;
};

void AddRoutes(app::Router& router, const Deps& deps);

// One file per group of routes.
void AddOrganiserRoutes(app::Router& router, const Deps& deps);
void AddPublicRoutes(app::Router& router, const Deps& deps);
void AddRegistrationRoutes(app::Router& router, const Deps& deps);
void AddStaffRegistrationRoutes(app::Router& router, const Deps& deps);
void AddCheckinRoutes(app::Router& router, const Deps& deps);
void AddAttendanceRoutes(app::Router& router, const Deps& deps);

}  // namespace tsunagu::events::handlers
