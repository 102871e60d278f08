// iCalendar feeds (RFC 5545) that calendars subscribe to: one VCALENDAR with many VEVENTs, the
// Asia/Tokyo VTIMEZONE, and regular meetings written once with an RRULE (salons' 毎月第3土曜).
// Each event is written with the same rules as notify::BuildIcs (icalendar.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/wareki.hpp"
#include "notify/icalendar.hpp"

namespace tsunagu::notify {

// A repeating schedule (RFC 5545 section 3.3.10, the subset the field uses): 毎月第3土曜 is
// {"MONTHLY", 1, {"3SA"}}, 毎週水曜 {"WEEKLY", 1, {"WE"}}, 最終金曜 {"MONTHLY", 1, {"-1FR"}}.
struct Recurrence {
  std::string freq = "MONTHLY";     // DAILY, WEEKLY, MONTHLY or YEARLY
  int interval = 1;                 // every `interval` periods (1..99)
  std::vector<std::string> by_day;  // [+/-n]SU..SA, n in 1..5 (MONTHLY) / 1..53 (YEARLY)
  std::optional<core::Date> until;  // the last day a meeting may fall on (inclusive, JST)
  // Dates the rule gives but nothing is held (EXDATE): a holiday skipped, a meeting cancelled.
  std::vector<core::Date> except;
};

// The RRULE value ("FREQ=MONTHLY;BYDAY=3SA;UNTIL=20271231T145959Z"); UNTIL is the end of the
// `until` day in Tokyo written in UTC, as RFC 5545 requires when DTSTART has a TZID.
// kInvalidInput "error.ics_invalid" (field "rrule") for anything outside the grammar above.
core::Result<std::string> RRuleValue(const Recurrence& rule);

struct FeedEvent {
  CalendarEvent event;  // `cancelled` gives STATUS:CANCELLED
  std::optional<Recurrence> recurrence;
};

struct Feed {
  std::string name;         // X-WR-CALNAME, the name a calendar app shows for the subscription
  std::string description;  // X-WR-CALDESC, omitted when empty
  std::vector<FeedEvent> events;
};

// The host of `public_url` ("https://tsunagu.example.jp/x" → "tsunagu.example.jp"), the right
// side of the feeds' UIDs ("event-12@tsunagu.example.jp"); "tsunagu" when there is none.
std::string UidHost(const std::string& public_url);

// The whole feed (METHOD:PUBLISH, REFRESH-INTERVAL of 6 hours), CRLF line ends, folded at 75
// octets on character boundaries. The first invalid event's error (see BuildIcs), or "name".
core::Result<std::string> BuildFeed(const Feed& feed);

}  // namespace tsunagu::notify
