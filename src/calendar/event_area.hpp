// The 市町村 of an event (community_event.area, migration 0024), for the calendar's area filter.
// Saved by the organiser's form in the same transaction as the rest of the event.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace tsunagu::calendar {

inline constexpr std::size_t kMaxArea = 50;

// NFKC, trimmed: 「さいたま市」 and 「さいたま市 」 are one area.
std::string CleanArea(const std::string& area);
void SaveArea(soci::session& s, std::int64_t event_id, const std::string& area);

}  // namespace tsunagu::calendar
