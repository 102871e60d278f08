// Job openings (求人, issue 16 seed 000 求人開拓). Seen with their employer (rows.hpp); written,
// closed and reopened by the keeper's staff, with the same version rule as employers. An
// opening whose valid_until is before today is expired: shown as such and never offered (not
// among the openings that fit a case, not on the public portal). Published, open, unexpired
// openings of active employers are on the public /jobs pages, without contacts or notes.
#pragma once

#include <cstdint>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "employment/employers/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::employment::employers {

// What a support case asks of an opening (/cases/{id}/openings).
struct CaseFit {
  std::int64_t case_id = 0;
  std::string municipality;  // the person's, when the case's staff may see it
  std::vector<Opening> openings;
};

class OpeningService {
 public:
  OpeningService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  core::Result<std::vector<Opening>> List(const auth::Principal& who, const OpeningQuery& query);
  core::Result<Opening> Get(const auth::Principal& who, std::int64_t id);

  static std::vector<core::FieldError> Validate(const OpeningInput& input);
  core::Result<std::int64_t> Create(const auth::Principal& who, const audit::Actor& actor,
                                    const OpeningInput& input);
  core::Status Update(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                      const OpeningInput& input);
  core::Status SetOpen(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                       int version, bool open);

  // The openings a case's staff may offer: open, unexpired, of active employers the staff may
  // see. `query.municipality` empty takes the person's. NotFound unless the principal's
  // organisation runs the case.
  core::Result<CaseFit> ForCase(const auth::Principal& who, std::int64_t case_id,
                                OpeningQuery query, bool default_municipality);

  // --- the public portal
  core::Result<std::vector<Opening>> Published(const OpeningQuery& query);
  core::Result<Opening> PublishedOne(std::int64_t id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

// "09:30" → 570; nullopt for anything else.
std::optional<int> ParseHhMm(const std::string& text);
std::string FormatHhMm(int minutes);

}  // namespace tsunagu::employment::employers
