// Routes of employers and job openings (issue 16): the organisation's pages under /org/employers
// and /org/openings (kOrgCounsel; the record-level wall is in the services), the openings that
// fit a support case (/cases/{id}/openings) and the public /jobs pages.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "app/router.hpp"
#include "core/i18n.hpp"
#include "employment/employers/employer_service.hpp"
#include "employment/employers/import.hpp"
#include "employment/employers/opening_service.hpp"
#include "web/page.hpp"

namespace tsunagu::employment::employers::handlers {

// What the pages use, wired in app/ (ARCHITECTURE.md habit 9).
struct Deps {
  const web::Pages& pages;
  std::shared_ptr<EmployerService> employers;
  std::shared_ptr<OpeningService> openings;
  std::shared_ptr<EmployerImport> importer;
  const core::Catalog& catalog;
};

using Values = std::multimap<std::string, std::string>;

void AddRoutes(app::Router& router, const Deps& deps);
// /org/employers… (employers.cpp).
void AddEmployerRoutes(app::Router& router, const Deps& deps);
// /org/openings… (openings.cpp).
void AddOpeningRoutes(app::Router& router, const Deps& deps);
// /org/employers/import (import.cpp).
void AddImportRoutes(app::Router& router, const Deps& deps);
// /jobs, /jobs/{id}, /cases/{id}/openings (listings.cpp).
void AddListingRoutes(app::Router& router, const Deps& deps);

// Shared by the pages: one value of a form's values, the labels of the practices, one opening's
// summary on a list row (TITLE, EMPLOYER, AREA, HOURS, WAGE, TYPE, FLAGS, VALID).
std::string Value(const Values& values, const std::string& name);
std::string PracticeLabels(const web::Pages& pages, const web::RequestContext& ctx,
                           const std::vector<std::string>& codes);
void FillOpening(const web::Pages& pages, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary& row, const Opening& o);

}  // namespace tsunagu::employment::employers::handlers
