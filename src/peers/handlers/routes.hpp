// Routes of the peer supporter registry (issue 15), for the keeping organisation's coordinators
// and admins (kOrgCoordinate): the registry /peers, a peer's page with their trainings, shifts
// and dispatches (reading it is audited), and the forms that add them.
#pragma once

#include <memory>

#include "app/router.hpp"
#include "core/clock.hpp"
#include "peers/peer_service.hpp"
#include "salons/salon_service.hpp"
#include "web/page.hpp"

namespace tsunagu::peers::handlers {

struct Deps {
  const web::Pages& pages;
  const core::Clock& clock;
  std::shared_ptr<PeerService> peers;
  std::shared_ptr<salons::SalonService> salons;  // the salon a peer is active at
};

void AddRoutes(app::Router& router, const Deps& deps);

}  // namespace tsunagu::peers::handlers
