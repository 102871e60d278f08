// The call list of a moved or cancelled day (issue 14 point 12): what DayChangeService's
// CancelDay and MoveDay write for the people they could not reach by e-mail. The list itself
// is read and ticked off through DayChangeService::Calls and MarkCalled.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <vector>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// Puts the bookings on their day's call list for `change` ("cancel" or "move"). A booking
// already listed (a moved day later cancelled) is listed again for the new change, uncalled.
void ListForCalls(soci::session& s, const std::vector<std::int64_t>& booking_ids,
                  const char* change, std::int64_t now);

// How many people each day of the programme still has to be called about (days with none are
// left out). Counts only, for the programme's page, which only its 事務局 reaches.
core::Result<std::map<std::int64_t, int>> PendingCallsByDay(storage::Database& db,
                                                            std::int64_t program_id);

}  // namespace tsunagu::consultations
