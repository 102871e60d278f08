// What the placement pages share: text as lines, and one placement with its follow-ups.
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "employment/placements/placement_service.hpp"
#include "web/context.hpp"
#include "web/page.hpp"

namespace tsunagu::employment::placements::handlers {

// A PLACEMENT section: kind, employer, job, dates, disclosure, accommodations and its CHECK rows
// (linked to their pages for the organisation running the case).
void AddPlacement(const web::Pages& pages, const web::RequestContext& ctx,
                  ctemplate::TemplateDictionary& dict, const Placement& p, bool runs_case);

}  // namespace tsunagu::employment::placements::handlers
