// The directory picks of the 相談記録 on its form, its print view and the yearly report
// (consultations/record_resources.hpp). Each function builds the service for the request.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "core/result.hpp"
#include "web/context.hpp"

namespace tsunagu::consultations::handlers {

// RESOURCE_GROUP sections (one per category) of RESOURCE checkboxes; checked: the form's
// picks when it is sent back (`posted`), else the record's.
void AddResourcePicks(app::Services& sv, const web::RequestContext& ctx,
                      ctemplate::TemplateDictionary& dict, std::int64_t program_id,
                      std::int64_t booking_id, bool posted);
// The form's picks checked before anything is saved: the error to show, if any.
std::optional<core::Error> CheckResourcePicks(app::Services& sv, const web::RequestContext& ctx,
                                              std::int64_t program_id, std::int64_t booking_id);
// Stores the form's picks on the record just saved.
core::Status SaveResourcePicks(app::Services& sv, const web::RequestContext& ctx,
                               std::int64_t program_id, std::int64_t booking_id);
// The record's entries for the print view, "name（organisation）" joined; deactivated marked.
std::string ResourceNames(app::Services& sv, const web::RequestContext& ctx,
                          std::int64_t program_id, std::int64_t booking_id);
// RESOURCE_COUNTS (BY_ENTRY, BY_CATEGORY rows) for the yearly report page.
void AddResourceCounts(app::Services& sv, const web::RequestContext& ctx,
                       ctemplate::TemplateDictionary& dict, std::int64_t program_id, int fy);

}  // namespace tsunagu::consultations::handlers
