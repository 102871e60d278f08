// The region's public calendar (issue 15): published community events (never the staff-only
// kind, never drafts; a cancelled one that was published stays, marked 中止) and the open
// consultation days of published programmes, with the filters the public pages offer. A read
// model: no personal data, no meeting URL.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "consultations/consultation_service.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "storage/database.hpp"

namespace tsunagu::calendar {

// What a visitor filters by; empty means any. kind is an event kind code or "consultation"
// (the programmes' consultation days); mode is "venue" or "online"; audience an audience code;
// area a 市町村 as organisers wrote it.
struct Filter {
  std::string kind;
  std::string area;
  std::string mode;
  std::string audience;
};

// Keeps only known codes (an unknown one is dropped, as if not given) and trims the area.
Filter CleanFilter(Filter f);

// One line of the calendar: an event, or a programme's consultation day.
struct Entry {
  bool consultation = false;
  std::int64_t id = 0;      // event id, or the programme id for a consultation day
  std::int64_t day_id = 0;  // consultation day
  std::int64_t organization_id = 0;
  std::string organization;  // host
  std::string kind;          // event kind code; "consultation" for a day
  std::string title;         // event title, or the programme's name
  std::string description;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string venue;  // '' when online only
  std::string access;
  std::string area;
  std::string day_mode;        // consultation day: in_person, phone or online
  bool venue_places = false;   // event: offers venue places
  bool online_places = false;  // event: offers online places
  std::vector<std::string> audiences;
  bool cancelled = false;
  int sequence = 0;
  std::int64_t updated_at = 0;
  std::string path;  // the page people open: /events/{id} or /book/{program}
};

bool Matches(const Entry& e, const Filter& f);

class CalendarService {
 public:
  CalendarService(storage::Database& db, consultations::ConsultationService& consultations)
      : db_(db), consultations_(consultations) {}

  // Events from `from` to `to` (inclusive) of every organisation, or only `organization_id`
  // when not 0, in date and time order. with_days adds the consultation days of published
  // programmes in that range.
  core::Result<std::vector<Entry>> Entries(core::Date from, core::Date to, const Filter& filter,
                                           bool with_days, std::int64_t organization_id = 0);
  // The events a feed carries on `today`: published ones from 90 days back (a subscriber's
  // past stays in their calendar), cancelled ones until their date has passed.
  core::Result<std::vector<Entry>> FeedEntries(core::Date today, const Filter& filter,
                                               std::int64_t organization_id = 0);
  // The 市町村 of upcoming public events, sorted, for the area filter.
  core::Result<std::vector<std::string>> Areas(core::Date today);
  // The name of an active organisation (the feed's title); NotFound otherwise.
  core::Result<std::string> OrganizationName(std::int64_t organization_id);

 private:
  core::Result<std::vector<Entry>> Events(const std::string& from, const std::string& to,
                                          std::int64_t organization_id);

  storage::Database& db_;
  consultations::ConsultationService& consultations_;
};

}  // namespace tsunagu::calendar
