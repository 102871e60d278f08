// iCalendar (RFC 5545) writer for booking confirmations and cancellations sent as e-mail
// attachments. Writing only: Tsunagu never reads calendars.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/wareki.hpp"

namespace tsunagu::notify {

struct CalendarEvent {
  // Stable per booking ("booking-123@tsunagu.example.jp"): calendars match updates and
  // cancellations to the event they already hold by UID.
  std::string uid;
  // Raise on every change sent for the same UID; a calendar ignores a SEQUENCE it has seen.
  int sequence = 0;
  std::int64_t dtstamp_unix = 0;  // when this version was made (DTSTAMP, written in UTC)
  core::Date date;
  // Asia/Tokyo wall time, minutes after midnight. end_minutes may be 1440 (24:00); an event
  // cannot cross midnight.
  int start_minutes = 0;
  int end_minutes = 0;
  std::string summary;
  std::string location;         // omitted when empty
  std::string description;      // omitted when empty
  std::string url;              // omitted when empty; an absolute URI, written as is
  std::string organizer_name;   // CN of ORGANIZER (RFC 6868 caret-encoded); needs the e-mail
  std::string organizer_email;  // ORGANIZER is omitted when empty
  bool cancelled = false;       // STATUS:CANCELLED (also implied by method "CANCEL")
};

// The whole VCALENDAR with CRLF line ends, lines folded at 75 octets on UTF-8 character
// boundaries. `method` is "REQUEST", "CANCEL" or "PUBLISH" (RFC 5546).
// Text values are escaped (\\ \; \, \n); CR and other control characters are dropped.
// kInvalidInput, "error.ics_invalid" (the offending field named in `fields`) for: an unknown
// method; an empty uid or one with control characters; a negative sequence; an invalid date or
// DTSTAMP outside years 1–9999; times outside the day or end <= start; invalid UTF-8 in any
// text; a url that is not an http(s) URI of printable ASCII, or an organizer_email that is not
// a plain ASCII addr-spec (both are written as URIs, which iCalendar does not escape).
core::Result<std::string> BuildIcs(const CalendarEvent& event, std::string_view method);

// The pieces BuildIcs is made of, for the feeds (icalendar_feed.hpp) that write many events.
namespace detail {
std::optional<std::string> EscapeTextValue(std::string_view s);  // nullopt: invalid UTF-8
void AppendLine(std::string& out, std::string_view line);        // folded, CRLF
void AppendCalendarStart(std::string& out, std::string_view method);
void AppendTokyoTimezone(std::string& out);
std::string FormatUtcStamp(std::int64_t unix_seconds);  // 20261206T010203Z
// One VEVENT (validated as BuildIcs describes); `rrule` is written as is when not empty, and
// `exdates` (the recurrence's dates left out, at the event's start time in Tokyo) after it.
core::Status AppendVEvent(std::string& out, const CalendarEvent& event, bool cancelled,
                          std::string_view rrule, const std::vector<core::Date>& exdates = {});
}  // namespace detail

}  // namespace tsunagu::notify
