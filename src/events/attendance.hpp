// Who came to an event (issue 15; seed 004 表6, 表7): participant types, check-in on the day
// (by reference or name, walk-ins, live counts), the 受付名簿, and attendance recorded
// afterwards, also long after the date from paper (audited as a late entry).
// Access: the organiser's staff only (another organisation's event answers NotFound); after the
// day only coordinators and admins change anything.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "events/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::events {

// Built-in participant types (labels "events_attendance.type.<code>"): seed 002's 所属, then
// ピア・サポーター, 医療者, 事業主 (行政 is seed 002's government). An organisation's own types
// are "x<id>" (event_participant_type).
inline constexpr std::array<std::string_view, 9> kBuiltinTypes = {
    "peer",   "medical_staff", "government", "employer", "patient",
    "family", "medical",       "press",      "other"};
// The columns trainings count by default (表6: ピア・医療者・行政).
inline constexpr std::array<std::string_view, 3> kTrainingColumns = {"peer", "medical_staff",
                                                                     "government"};
// The 表6 column a type counts in: 医療機関 (seed 002) and 医療者 both count as 医療者; "" for
// a type no training column counts.
std::string TrainingColumnOf(std::string_view type);
// The 所属 a registration entered by type keeps (event_registration.affiliation).
std::string AffiliationOf(std::string_view type);
// Kinds of training (training_*), which count by participant type.
inline bool IsTraining(std::string_view kind) {
  return kind.rfind("training_", 0) == 0;
}
// Web開催: the event offers online places only (decision: derived, not a separate flag).
inline bool HeldOnline(const Event& e) {
  return e.venue_capacity == 0 && e.online_capacity > 0;
}

struct ParticipantType {
  std::string code;
  std::string label_ja;  // built-in types: empty (labels in the catalogue)
  std::string label_en;
  bool builtin = true;
};

// One registration as the check-in page, the 受付名簿 and the attendance page show it.
struct AttendeeRow {
  std::int64_t id = 0;
  std::string reference;
  std::string mode;
  std::string status;  // registered, waiting, cancelled
  std::string participant_type;
  std::string name;
  std::string furigana;
  std::string attendance;  // '', attended, absent
  bool new_trainee = false;
  std::int64_t offer_expires_at = 0;  // waiting with a place held until then (0: no offer)
  bool anonymised = false;            // name and ふりがな cleared after the retention
};

struct WalkInRow {
  std::string reference;
  std::string mode;
  std::string participant_type;
  std::string name;  // may be empty
  bool new_trainee = false;
};

// Live counts: registered (places held) and attended, per 枠 and per participant type.
struct AttendanceCounts {
  int registered = 0;
  int attended = 0;  // registrations checked in plus walk-ins
  int walk_ins = 0;
  std::map<std::string, int> registered_by_mode;
  std::map<std::string, int> attended_by_mode;
  std::map<std::string, int> registered_by_type;
  std::map<std::string, int> attended_by_type;
};

struct EventAttendance {
  Event event;
  std::vector<AttendeeRow> rows;  // registered ones (and, for the attendance page, all)
  std::vector<WalkInRow> walk_ins;
  AttendanceCounts counts;
  std::vector<ParticipantType> types;
};

struct WalkInRequest {
  std::string mode = "venue";
  std::string participant_type;
  std::string name;  // optional
  bool new_trainee = false;
};

// A registration a coordinator enters afterwards (e.g. from last year's paper list).
struct LateRegistration {
  std::string mode = "venue";
  std::string participant_type;
  std::string name;
  std::string furigana;
  bool new_trainee = false;
  std::string attendance = "attended";  // attended, absent or ''
};

class AttendanceService {
 public:
  AttendanceService(storage::Database& db, const core::Clock& clock,
                    const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // The types the organisation's staff choose from: built-in first, then its own.
  core::Result<std::vector<ParticipantType>> Types(const auth::Principal& who);
  // Adds an organisation's own type (coordinators and admins), audited.
  core::Result<std::string> AddType(const auth::Principal& who, const audit::Actor& actor,
                                    const std::string& label_ja, const std::string& label_en);

  // The event's people, decrypted, with counts; `query` (a reference "EV-…" or part of a name
  // or its ふりがな, kana and width folded) narrows the rows. Every read is audited
  // ("event_attendance.read" with the purpose: checkin, roster or attendance; counts only).
  // all_statuses: also waiting and cancelled registrations (the attendance page).
  // with_offers: also waiting registrations an offer holds a place for (the 受付名簿).
  core::Result<EventAttendance> Load(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t event_id, const std::string& query,
                                     const std::string& purpose, bool all_statuses = false,
                                     bool with_offers = false);
  // Counts only (no personal data, not audited).
  core::Result<AttendanceCounts> Counts(const auth::Principal& who, std::int64_t event_id);

  // Checks a registered person in: from the day of the event. The first check-in writes
  // attended_at; a repeated or parallel one changes nothing. True when this call recorded it.
  core::Result<bool> CheckIn(const auth::Principal& who, const audit::Actor& actor,
                             std::int64_t event_id, std::int64_t registration_id);
  // Someone who came without registering; their reference.
  core::Result<std::string> WalkIn(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t event_id, const WalkInRequest& request);
  // Attended / absent / not recorded for one registration, from the day of the event; a
  // non-empty participant_type re-types it (a public registrant's 所属 counted as ピア).
  core::Status Mark(const auth::Principal& who, const audit::Actor& actor, std::int64_t event_id,
                    std::int64_t registration_id, const std::string& attendance, bool new_trainee,
                    const std::string& participant_type = "");
  // A registration entered afterwards with its attendance; takes a place of its 枠.
  core::Result<std::int64_t> AddLate(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t event_id, const LateRegistration& request);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace tsunagu::events
