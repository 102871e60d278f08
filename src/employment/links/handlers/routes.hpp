// Routes of the employer's (and doctor's) link: the case's links page for the running
// organisation's staff (create, revoke, the access log), and the public pages the recipient
// opens without an account (kPublic, rate-limited per address like the share links).
#pragma once

#include <memory>

#include "app/router.hpp"
#include "app/services.hpp"
#include "employment/links/link_service.hpp"

namespace tsunagu::employment::links::handlers {

struct Deps {
  app::Services& sv;
  std::shared_ptr<LinkService> links;
};

void AddRoutes(app::Router& router, const Deps& deps);

// GET and POST /cases/{id}/employer-links, POST …/{link_id}/revoke (staff.cpp).
void AddStaffRoutes(app::Router& router, const Deps& deps);
// GET /l/{token}, GET and POST /l/{token}/forms/{part}, POST /l/{token}/documents (public.cpp).
void AddPublicRoutes(app::Router& router, const Deps& deps);

}  // namespace tsunagu::employment::links::handlers
