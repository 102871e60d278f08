// The person's data rights (APPI 第33条〜第35条), what the pages and the JSON download show:
// a disclosure (開示) of everything one organisation holds about one person, and the rights
// requests log. Codes are shown with their catalogue labels; free text is decrypted.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clients/client_service.hpp"

namespace tsunagu::rights {

// Labels "rights.kind.<code>": 開示・訂正・利用停止・消去.
inline constexpr std::array<std::string_view, 4> kKinds = {"disclosure", "correction", "stop",
                                                           "erasure"};
// Labels "rights.requester.<code>": 本人・代理人.
inline constexpr std::array<std::string_view, 2> kRequesters = {"self", "agent"};
// Labels "rights.state.<code>": 受付・回答済・不開示等の回答.
inline constexpr std::array<std::string_view, 3> kStates = {"received", "answered", "refused"};

// The answer is expected within two weeks of receipt (the organisation's own rule).
inline constexpr int kAnswerDays = 14;

struct DisclosedBooking {
  std::int64_t id = 0;
  std::string reference;
  std::string program_name;
  std::string day;  // ISO date
  std::string status;
  std::string channel;
  std::string age_band, gender, municipality, topics;  // codes as stored
  std::string name, furigana, phone, email, diagnosis, notes;
  bool anonymised = false;
};

struct DisclosedRecord {
  std::int64_t id = 0;
  std::int64_t booking_id = 0;
  std::string day;
  std::string topics;
  std::string outcome;
  std::string follow_up;
  int minutes = 0;
  std::string summary;
  std::string info_given;
};

struct DisclosedEntry {
  std::int64_t id = 0;
  std::string occurred_on;
  std::string kind;
  std::string body;
};

struct DisclosedCase {
  std::int64_t id = 0;
  std::string status;
  std::string outcome;
  std::string outcome_on;
  std::int64_t opened_at = 0;
  std::string goals;
  std::vector<DisclosedEntry> entries;
};

struct DisclosedConsent {
  std::int64_t id = 0;
  std::string items;
  std::string purpose;
  std::string valid_from;
  std::string valid_until;
  std::string method;
  std::int64_t withdrawn_at = 0;
  std::vector<std::string> parties;  // organisation names
};

struct DisclosedProvision {
  std::int64_t id = 0;
  std::string recipient;  // organisation name, or the decrypted label
  std::string items;
  std::string channel;
  std::string provided_on;
};

struct DisclosedRegistration {
  std::int64_t id = 0;
  std::string reference;
  std::string event_title;
  std::string event_date;
  std::string status;
  std::string mode;
  std::string name, furigana, phone, email;
};

struct DisclosedDocument {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string title;
  std::int64_t created_at = 0;
  bool removed = false;
};

struct DisclosedContact {
  std::int64_t id = 0;
  std::string contacted_on;
  std::string channel;
  std::string topics;
  std::string summary;
};

struct DisclosedPlacement {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string kind;
  std::string start_on;
};

struct Disclosure {
  std::int64_t client_id = 0;
  std::string organization_name;
  clients::ClientInput client;
  std::int64_t created_at = 0;
  std::int64_t use_stopped_at = 0;  // 0: in use
  std::int64_t anonymised_at = 0;   // 0: not erased
  std::int64_t made_at = 0;
  std::vector<DisclosedBooking> bookings;
  std::vector<DisclosedRecord> records;
  std::vector<DisclosedCase> cases;
  std::vector<DisclosedConsent> consents;
  std::vector<DisclosedProvision> provisions;
  std::vector<DisclosedRegistration> registrations;
  std::vector<DisclosedDocument> documents;
  std::vector<DisclosedContact> contacts;
  std::vector<DisclosedPlacement> placements;
};

struct RightsRequestInput {
  std::int64_t client_id = 0;  // 0: a person known only from bookings or registrations
  std::string kind;            // kKinds
  std::string requester;       // kRequesters
  std::string received_on;     // YYYY-MM-DD, today or before
  std::string note;            // encrypted
};

struct RightsRequest {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::string kind;
  std::string requester;
  std::string received_on;
  std::string due_on;  // received_on + kAnswerDays
  std::string state;
  std::string answered_on;
  bool overdue = false;  // not answered and past due_on
  std::string recorded_by_name;
};

}  // namespace tsunagu::rights
