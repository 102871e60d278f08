// Routes of applications, placements and retention follow-ups (issue 16). Every route needs
// kOrgCounsel; the service answers NotFound for a case or check the caller may not see and
// Forbidden when a partner (who may read) tries to record.
#pragma once

#include <memory>

#include "app/router.hpp"
#include "core/clock.hpp"
#include "employment/placements/placement_service.hpp"
#include "web/page.hpp"

namespace tsunagu::employment::placements::handlers {

// What these handlers use, wired in app/ (ARCHITECTURE.md habit 9).
struct Deps {
  const web::Pages& pages;
  const core::Clock& clock;
  std::shared_ptr<PlacementService> placements;
};

void AddRoutes(app::Router& router, const Deps& deps);

// /cases/{id}/applications, /applications/new, /applications/{application_id}/steps,
// /cases/{id}/placements/new (case_pages.cpp).
void AddCaseRoutes(app::Router& router, const Deps& deps);
// /org/retention and /org/retention/{id} (retention_pages.cpp).
void AddRetentionRoutes(app::Router& router, const Deps& deps);

}  // namespace tsunagu::employment::placements::handlers
