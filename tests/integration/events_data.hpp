// A world for the events tests: an organising prefecture office with a coordinator, a
// counselor and a viewer, and an unrelated hospital. Events are made through the service (or
// the organiser's form when that is what a test checks); registrations go through HTTP.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "auth/policy.hpp"
#include "events/event_service.hpp"
#include "harness.hpp"

namespace tsunagu::testing {

// Canary strings: none may appear in a log line, an audit event, a staff e-mail or a page of
// another organisation.
inline constexpr const char* kEventName = "イベント参加カナリア太郎QZ";
inline constexpr const char* kEventKana = "かなりあ たろう";
inline constexpr const char* kEventPhone = "090-1234-5678";
inline constexpr const char* kMeetingUrl = "https://meeting.example.jp/secret-canary-QZ7";

using Fields = std::vector<std::pair<std::string, std::string>>;

struct EventsWorld {
  std::int64_t office = 0;    // organises the events
  std::int64_t stranger = 0;  // another organisation
  std::int64_t coordinator = 0;
  std::string coordinator_email = "ev-jimu@example.jp";
  std::string counselor_email = "ev-soudan@example.jp";
  std::string viewer_email = "ev-viewer@example.jp";
  std::string stranger_email = "ev-stranger@example.jp";
  auth::Principal organiser;
};

EventsWorld BuildEventsWorld(TestServer& t);

// The service on the test server's parts (it holds no state of its own).
events::EventService EventsOf(TestServer& t);

// A published seminar in `days` days, 13:00–15:00, with the given places per 枠 and the
// meeting URL kMeetingUrl when it has online places.
events::EventInput SampleEvent(TestServer& t, int venue_places, int online_places, int days = 10);
std::int64_t MakeEvent(TestServer& t, const EventsWorld& w, const events::EventInput& input);

// The public form's answers (seed 002 ①〜⑥) for `mode`.
Fields Answers(const std::string& mode, const std::string& name, const std::string& email);

// Registers through the public pages (form, confirm, submit); the submit page's answer.
HttpResult RegisterOnline(TestServer& t, std::int64_t event_id, const std::string& mode,
                          const std::string& name, const std::string& email,
                          bool accept_waiting = false);

// How many registrations of the event have `status`, and the places taken per 枠.
int CountRegistrations(TestServer& t, std::int64_t event_id, const std::string& status);
int Taken(TestServer& t, std::int64_t event_id, const std::string& mode);
// Every audit event's action, target and detail, for leak checks.
std::string AuditText(TestServer& t);

}  // namespace tsunagu::testing
