// Pieces the check-in, 受付名簿, attendance and training pages share.
#pragma once

#include <ctemplate/template.h>

#include <string>
#include <vector>

#include "events/attendance.hpp"
#include "events/handlers/support.hpp"

namespace tsunagu::events::handlers {

AttendanceService AttendanceOf(const Deps& d);
std::string EventBase(std::int64_t event_id);  // "/org/events/12"

// A participant type's label in the page's language (built-in from the catalogue).
std::string TypeLabel(const Deps& d, const web::RequestContext& ctx,
                      const std::vector<ParticipantType>& types, const std::string& code);
// TYPE choices (CODE, LABEL, SELECTED) of a select.
void AddTypeChoices(const Deps& d, const web::RequestContext& ctx,
                    ctemplate::TemplateDictionary& dict, const std::vector<ParticipantType>& types,
                    const std::string& chosen);
// Counts per 枠 (MODE_COUNT) and per participant type (TYPE_COUNT).
void AddCounts(const Deps& d, const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
               const Event& event, const AttendanceCounts& counts,
               const std::vector<ParticipantType>& types);

}  // namespace tsunagu::events::handlers
