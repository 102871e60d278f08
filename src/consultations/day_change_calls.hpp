// The call list of a moved or cancelled day (issue 14 point 12): what DayChangeService's
// CancelDay and MoveDay write for the people they could not reach by e-mail. The list itself
// is read and ticked off through DayChangeService::Calls and MarkCalled.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <vector>

namespace tsunagu::consultations {

// Puts the bookings on their day's call list for `change` ("cancel" or "move"). A booking
// already listed (a moved day later cancelled) is listed again for the new change, uncalled.
void ListForCalls(soci::session& s, const std::vector<std::int64_t>& booking_ids,
                  const char* change, std::int64_t now);

}  // namespace tsunagu::consultations
