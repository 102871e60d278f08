// Community events with registration (issue 15; seeds 000, 002, 003, 004): the kinds the field
// runs, their two 枠 (venue and online, each with its own places) and the people who register.
// Code lists are stored as codes; their labels live in the catalogues (ja/en.events.toml).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/wareki.hpp"

namespace tsunagu::events {

// Labels "events.kind.<code>". staff_study (院内勉強会) is for staff only: never public.
inline constexpr std::array<std::string_view, 10> kKinds = {
    "forum",         "lecture",   "seminar",        "staff_study",        "peer_cafe",
    "salon_meeting", "peer_talk", "training_basic", "training_follow_up", "training_organiser"};
inline constexpr std::string_view kStaffOnlyKind = "staff_study";
// 参加対象者 (several may apply). Labels "events.audience.<code>".
inline constexpr std::array<std::string_view, 5> kAudiences = {"patient", "family", "medical",
                                                               "employer", "public"};
// 下書き・公開・中止. Labels "events.status.<code>".
inline constexpr std::array<std::string_view, 3> kStatuses = {"draft", "published", "cancelled"};
// The two 枠. Labels "events.mode.<code>".
inline constexpr std::array<std::string_view, 2> kModes = {"venue", "online"};
// 所属 (seed 002 ⑤). Labels "events.affiliation.<code>".
inline constexpr std::array<std::string_view, 6> kAffiliations = {"patient",    "family", "medical",
                                                                  "government", "press",  "other"};
// How a registration came: the public form, or staff entering an e-mail, call or fax.
inline constexpr std::array<std::string_view, 4> kChannels = {"web", "mail", "phone", "fax"};

template <std::size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view code) {
  for (auto c : list) {
    if (c == code) return true;
  }
  return false;
}

// An event's lifecycle settings (0022_events_lifecycle.sql; rules in events/lifecycle.hpp).
struct LifecycleSettings {
  int online_notice_days = 2;      // the online link mail goes this many days before (0–14)
  int hold_hours = 24;             // how long an offered place waits for its confirmation
  int waitlist_cutoff_hours = 24;  // no offers from the waiting list this close to the start
  int retention_days = 365;        // registrations anonymised this long after the day
};

// What an organiser writes; also what the form posts back when it has errors.
struct EventInput {
  std::string kind;
  std::string title;
  std::string description;
  std::string date;        // ISO, e.g. "2026-02-21"
  int start_minutes = -1;  // JST; -1 when malformed (validation explains)
  int end_minutes = -1;
  std::string venue;
  std::string area;         // 市町村 of the venue, for the calendar's filter (may be empty)
  std::string access;       // how to get there
  std::string meeting_url;  // stored, never shown on a public page
  int venue_capacity = 0;   // 0: no venue places
  int online_capacity = 0;  // 0: no online places
  std::vector<std::string> audiences;
  std::string fee;
  std::string contact;
  std::string speakers;
  std::string co_hosts;
  std::string status = "draft";
  LifecycleSettings lifecycle;
};

struct Event {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::string kind;
  std::string title;
  std::string description;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string venue;
  std::string area;
  std::string access;
  std::string meeting_url;  // staff pages only
  std::vector<std::string> audiences;
  std::string fee;
  std::string contact;
  std::string speakers;
  std::string co_hosts;
  std::string status;
  int venue_capacity = 0;
  int venue_taken = 0;
  int online_capacity = 0;
  int online_taken = 0;
  int venue_waiting = 0;  // filled where a page shows it
  int online_waiting = 0;
  LifecycleSettings lifecycle;

  bool StaffOnly() const { return kind == kStaffOnlyKind; }
  int Capacity(std::string_view mode) const {
    return mode == "online" ? online_capacity : venue_capacity;
  }
  int Free(std::string_view mode) const {
    return mode == "online" ? online_capacity - online_taken : venue_capacity - venue_taken;
  }
  bool Offers(std::string_view mode) const { return Capacity(mode) > 0; }
};

// What identifies the person: encrypted at rest, never in logs, audit events or staff mails.
struct Registrant {
  std::string name;
  std::string furigana;
  std::string phone;
  std::string email;
};

struct RegistrationRequest {
  std::int64_t event_id = 0;
  std::string mode;  // venue or online
  std::string affiliation;
  std::string municipality;
  Registrant person;
  std::string channel = "web";
  bool consent = false;         // agreed to the handling of personal information
  bool accept_waiting = false;  // join the 枠's waiting list when it is full
  bool also_online = false;     // waiting for the venue: take an online place meanwhile
  std::string lang = "ja";      // the pages' language: the person's e-mails follow it
};

struct RegistrationReceipt {
  std::int64_t registration_id = 0;
  std::string reference;          // shown to the person, e.g. "EV-7K3M-9QXA"
  std::string status;             // registered or waiting
  int position = 0;               // place on the waiting list (1 = next), 0 when registered
  std::string cancel_token;       // only in the confirmation e-mail's link
  bool online_meanwhile = false;  // waiting for the venue with an online place meanwhile
};

// A registration as the organiser's staff see it (decrypted for them; each read audited).
struct RegistrationRow {
  std::int64_t id = 0;
  std::string reference;
  std::string mode;
  std::string status;
  std::string channel;
  std::string affiliation;
  std::string municipality;
  Registrant person;
  int position = 0;  // on the waiting list (0 while an offer holds a place)
  std::int64_t created_at = 0;
  std::int64_t offer_expires_at = 0;  // waiting with a place held until then (0: no offer)
  bool anonymised = false;            // personal fields cleared after the retention
};

// What the person's own page (the link in their e-mail) shows: nothing about them.
struct RegistrationView {
  std::string reference;
  std::string status;
  std::string mode;
  int position = 0;
  std::int64_t offer_expires_at = 0;  // waiting with a place held until then (0: no offer)
  Event event;
};

// "18:00" → 1080, "24:00" → 1440; -1 when malformed (validation then explains).
int ParseTime(const std::string& text);
// "18:00"
std::string FormatTime(int minutes);
// "12:45〜16:30"
std::string TimeRange(int start_minutes, int end_minutes);
// "EV-7K3M-9QXA": unambiguous letters and digits, read out on the phone.
std::string NewReference();
// "en" for English, else "ja".
inline std::string PersonLanguage(const std::string& lang) {
  return lang == "en" ? "en" : "ja";
}
// The public page of an event.
inline std::string EventPath(std::int64_t id) {
  return "/events/" + std::to_string(id);
}

}  // namespace tsunagu::events
