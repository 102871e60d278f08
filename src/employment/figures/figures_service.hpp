// The programme's employment figures of a fiscal year (April–March; seed 000 「相談者25名の内
// 3名が就労決定、就労決定率・進捗率ともに12%」), counted from raw rows on both engines:
// people consulted on every channel (the consultation days' attended bookings and the contacts
// outside them, each person once), placements from the placement table, the cases' outcomes and
// the consultation records together (each person once a year), 就労決定率 against the people
// consulted and 進捗率 against program_target.placements, returns to work, staying in the job,
// retention at 6 and 12 months, the reasons cases closed, employers engaged, openings
// collected, contacts by channel and employer consultations. Counts only: no name, no free
// text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::employment::figures {

struct CodeCount {
  std::string code;
  std::int64_t count = 0;
};

struct EmploymentFigures {
  int fiscal_year = 0;
  std::int64_t program_id = 0;  // 0: all the organisation's programmes
  std::string program_name;
  // 相談者数: people, each once, over the consultation days and the contacts (employers apart).
  std::int64_t people_consulted = 0;
  std::int64_t day_consultations = 0;  // attended bookings of the consultation days
  std::int64_t contacts = 0;           // contacts outside the days, employer consultations apart
  // 就労決定: people placed in the year (placement kind placement, case outcome new_job,
  // record outcome job_decided), each once.
  std::int64_t placements = 0;
  std::optional<std::int64_t> placement_target;  // program_target.placements (summed for all)
  std::int64_t returned_to_work = 0;  // placement kind return_to_work or case outcome returned
  std::int64_t kept_job = 0;          // placement kind kept_job or case outcome kept_job
  // 定着: checks due in the year (and by today), and those answered continuing or transferred.
  std::int64_t retention6_due = 0;
  std::int64_t retention6_kept = 0;
  std::int64_t retention12_due = 0;
  std::int64_t retention12_kept = 0;
  // 終結理由: cases closed in the year by outcome (cases::kOutcomes order, zeros included),
  // and the cases still supported at the year's end (就労支援継続).
  std::vector<CodeCount> closures;
  std::int64_t cases_continuing = 0;
  std::int64_t employers_engaged = 0;   // with an application, placement or contact in the year
  std::int64_t openings_collected = 0;  // job openings created in the year
  std::vector<CodeCount> contacts_by_channel;  // contacts::kChannels order, all requesters
  std::int64_t employer_consultations = 0;
};

struct ProgramChoice {
  std::int64_t id = 0;
  std::string name;
};

class FiguresService {
 public:
  FiguresService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // The organisation's coordinators (Policy::CanCoordinate); program_id 0 for all its
  // programmes, kNotFound for another organisation's programme. Cases, placements and
  // employers belong to the organisation, not to one programme: they count the same under each.
  core::Result<EmploymentFigures> Build(const auth::Principal& who, int fiscal_year,
                                        std::int64_t program_id);
  core::Result<std::vector<ProgramChoice>> Programs(const auth::Principal& who);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace tsunagu::employment::figures
