// A salon's regular schedule in RFC 5545 form, for calendar feeds (FREQ=MONTHLY;BYDAY=3SA) and
// for storage (the BYDAY list, "3SA,-1SA"). Holidays are the ScheduleRule's business, not the
// RRULE's: the feed lists each generated meeting.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "consultations/schedule_rule.hpp"

namespace tsunagu::salons {

// "FREQ=MONTHLY;BYDAY=3SA"; several occurrences "FREQ=MONTHLY;BYDAY=2TH,4TU" in the rule's
// order; 最終 is -1 ("-1SA").
std::string ToRrule(const consultations::ScheduleRule& rule);

// The BYDAY list alone: "3SA,-1SA".
std::string ByDayList(const std::vector<consultations::MonthlyOccurrence>& occurrences);
// Reads a BYDAY list back; nullopt when an item is malformed (nth outside 1..5 and -1, or an
// unknown weekday) or the list is empty.
std::optional<std::vector<consultations::MonthlyOccurrence>> ParseByDayList(std::string_view text);

}  // namespace tsunagu::salons
