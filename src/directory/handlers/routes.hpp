// Routes of the information directory (issue 15). The public side needs no account: the list
// with its search, one entry, the HSDS-style JSON and the CSV. Staff (kOrgCoordinate) maintain
// their own organisation's entries under /directory/manage; the service answers Forbidden for
// another organisation's public entry and NotFound for one the public cannot see.
#pragma once

#include <memory>

#include "app/router.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "directory/directory_service.hpp"
#include "web/page.hpp"

namespace tsunagu::directory::handlers {

// What the directory's handlers use, wired in app/ (ARCHITECTURE.md habit 9).
struct Deps {
  std::shared_ptr<DirectoryService> directory;
  const web::Pages& pages;
  const core::Catalog& catalog;
  std::string public_url;  // the site's base URL, for the HSDS index's links
};

void AddRoutes(app::Router& router, const Deps& deps);

// GET /directory, /directory/services/{id} (public_pages.cpp).
void AddPublicRoutes(app::Router& router, const Deps& deps);
// GET /directory/hsds/, /directory/hsds/services, /directory/hsds/services/{id},
// /directory/export.csv (exports.cpp).
void AddExportRoutes(app::Router& router, const Deps& deps);
// /directory/manage and the organisation and service forms (manage.cpp, forms.cpp).
void AddManageRoutes(app::Router& router, const Deps& deps);
void AddFormRoutes(app::Router& router, const Deps& deps);

}  // namespace tsunagu::directory::handlers
