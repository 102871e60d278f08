// 応募・就労決定・定着支援 (issue 16): a person's job applications from their support case with
// each step and its date, the placement (就労決定, 復職 or 就労継続) that ends the search, and
// the retention follow-ups (定着支援) it starts at 1, 3, 6 and 12 months. Only the organisation
// running the case records; a partner whose consent covers the case's records reads. Every step
// is a timeline entry on the case, published live.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::live {
class Bus;
}

namespace tsunagu::employment::placements {

// The course of an application, in order; declined and rejected end it from any open step.
// "placements.status.<code>".
inline constexpr std::array<std::string_view, 5> kSteps = {"applied", "screening", "interview",
                                                           "offered", "placed"};
inline constexpr std::array<std::string_view, 2> kEndings = {"declined", "rejected"};
// The person's own choice about telling the employer. "placements.disclosure.<code>".
inline constexpr std::array<std::string_view, 3> kDisclosures = {"disclosed", "not_disclosed",
                                                                 "undecided"};
// "placements.kind.<code>".
inline constexpr std::array<std::string_view, 3> kKinds = {"placement", "return_to_work",
                                                           "kept_job"};
// "placements.employment.<code>" (the job_opening codes of 0027).
inline constexpr std::array<std::string_view, 6> kEmploymentTypes = {
    "regular", "contract", "part_time", "disability_quota", "dispatch", "other"};
// "placements.answer.<code>".
inline constexpr std::array<std::string_view, 6> kAnswers = {
    "continuing", "transferred", "on_leave", "resigned", "unreachable", "other"};
// When an organisation has not chosen its own (organization.retention_months).
inline constexpr std::array<int, 4> kDefaultRetentionMonths = {1, 3, 6, 12};

// `d` plus `months` calendar months, the day clamped to the month's end (1/31 + 1 = 2/28 or 29).
core::Date AddMonths(core::Date d, int months);
// "1,3,6,12" as months 1-60, sorted and unique; the default when empty or unreadable.
std::vector<int> ParseRetentionMonths(const std::string& text);

struct Step {
  std::string status;
  core::Date happened_on;
  std::string note;
  bool entered_late = false;
  std::string recorded_by;
};

struct Application {
  std::int64_t id = 0;
  std::int64_t opening_id = 0;
  std::string opening_title;
  std::string employer_name;
  std::string status;
  std::string disclosure;
  core::Date applied_on;
  std::string notes;
  int version = 0;
  std::vector<Step> steps;  // oldest first
  std::int64_t placement_id = 0;
  // The steps that may follow (forward ones and the two endings); empty once ended or placed.
  std::vector<std::string> next;
};

struct RetentionCheck {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  std::int64_t case_id = 0;
  int months = 0;
  core::Date due_on;
  std::string assigned_name;
  std::string answer;  // empty until answered
  core::Date answered_on;
  std::string note;
  int version = 0;
  int days_overdue = 0;  // unanswered and due before today
};

struct Placement {
  std::int64_t id = 0;
  std::string kind;
  std::int64_t application_id = 0;
  std::string employer_name;
  std::string job_title;
  core::Date start_on;
  std::string employment_type;
  int weekly_hours = 0;  // 0 when not known
  std::string disclosure;
  std::string accommodations;
  bool entered_late = false;
  std::vector<RetentionCheck> checks;
};

struct CaseEmployment {
  bool runs_case = false;
  std::string case_status;
  std::vector<Application> applications;  // newest first
  std::vector<Placement> placements;      // newest first
};

struct OpeningChoice {
  std::int64_t id = 0;
  std::string title;
  std::string employer_name;
};

struct ApplicationInput {
  std::int64_t opening_id = 0;  // 0: an employer found by the person, named below
  std::string employer_name;
  std::string applied_on;
  std::string disclosure;
  std::string notes;
};

struct StepInput {
  std::string status;
  std::string happened_on;
  std::string note;
  int version = 0;
};

struct PlacementInput {
  std::string kind;                 // kKinds
  std::int64_t application_id = 0;  // kind placement: the application it ends
  int application_version = 0;
  std::string employer_name;  // return_to_work / kept_job: the current employer
  std::string job_title;
  std::string
      decided_on;  // the day of 就労決定 (or of recording 復職・就労継続): not in the future
  std::string start_on;  // the first working day: may lie ahead
  std::string employment_type;
  std::string weekly_hours;  // empty: not known
  std::string disclosure;
  std::string accommodations;
};

struct AnswerInput {
  std::string answer;
  std::string answered_on;
  std::string note;
  int version = 0;
};

// One check with what its page needs: the placement's kind and start, and the case's state
// for the proposal to close it.
struct CheckPage {
  RetentionCheck check;
  std::string kind;
  core::Date start_on;
  std::string employer_name;
  std::string case_status;
  int case_version = 0;
  bool last = false;  // the placement's last check (12 months by default)
  // The outcome to propose closing the case with, once the last check is answered or the
  // person has left the job; empty otherwise or when the case is already closed.
  std::string propose_outcome;
};

class PlacementService {
 public:
  PlacementService(storage::Database& db, const core::Clock& clock,
                   const crypto::FieldCipher& cipher, live::Bus& bus)
      : db_(db), clock_(clock), cipher_(cipher), bus_(bus) {}

  // The case's applications and placements (audited: notes are the person's data).
  core::Result<CaseEmployment> ForCase(const auth::Principal& who, const audit::Actor& actor,
                                       std::int64_t case_id);
  // The open openings of the principal's organisation, for the application form.
  core::Result<std::vector<OpeningChoice>> OpenOpenings(const auth::Principal& who);

  core::Result<std::int64_t> Apply(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t case_id, const ApplicationInput& input);
  // The next step of an application; Conflict when it changed since `version` was read.
  core::Status AddStep(const auth::Principal& who, const audit::Actor& actor, std::int64_t case_id,
                       std::int64_t application_id, const StepInput& input);
  // Records a placement and its retention checks; for an application, its 就労決定 step too.
  core::Result<std::int64_t> Place(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t case_id, const PlacementInput& input);

  // The organisation's unanswered checks due by `until` (mine: assigned to the principal),
  // oldest due first.
  core::Result<std::vector<RetentionCheck>> OpenChecks(const auth::Principal& who, bool mine,
                                                       core::Date until);
  core::Result<CheckPage> Check(const auth::Principal& who, const audit::Actor& actor,
                                std::int64_t check_id);
  core::Status Answer(const auth::Principal& who, const audit::Actor& actor, std::int64_t check_id,
                      const AnswerInput& input);

  // The months after a start at which the organisation's follow-ups fall (its own choice, or
  // kDefaultRetentionMonths). Its coordinators and admins only (Forbidden otherwise).
  core::Result<std::vector<int>> RetentionMonths(const auth::Principal& who);
  // Sets them from text such as "1,3,6,12" (、 and spaces separate too): whole months 1–60,
  // 1 to kMaxRetentionMonths of them, no repeats; Invalid on "months" otherwise, nothing
  // changed. Placements recorded afterwards get the new months; existing follow-ups stay.
  // Audited (employment.retention_months).
  core::Status SetRetentionMonths(const auth::Principal& who, const audit::Actor& actor,
                                  const std::string& text);

  static constexpr std::size_t kMaxRetentionMonths = 8;
  static constexpr std::size_t kMaxNote = 2000;
  static constexpr std::size_t kMaxName = 200;

 private:
  void Publish(std::int64_t case_id, std::int64_t entry_id) const;
  // The case's placements with their checks, newest first (in the caller's transaction).
  std::vector<Placement> ReadPlacements(soci::session& s, long long case_id,
                                        core::Date today) const;

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  live::Bus& bus_;
};

}  // namespace tsunagu::employment::placements
