// The directory entries a 相談記録 introduced (issue 15): counselors pick active services of the
// information directory (directory/), stored in record_resource beside the record; the yearly
// report counts how many records introduced each entry and each category. An entry deactivated
// later stays on the records that named it. The old fixed codes (records.hpp kReferredTo) are
// kept on the records that have them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

struct ResourceOption {
  std::int64_t id = 0;
  std::string name;
  std::string organization_name;
  std::string category;  // directory::kCategories
  bool active = true;
  bool picked = false;  // on the record
};

struct ResourceCount {
  std::int64_t id = 0;  // the directory service; 0 for a category line
  std::string name;
  std::string category;
  bool active = true;
  std::int64_t records = 0;  // records that introduced it
};

struct ResourceCounts {
  std::vector<ResourceCount> by_entry;     // most introduced first
  std::vector<ResourceCount> by_category;  // directory::kCategories order, zeros included
};

class RecordResources {
 public:
  RecordResources(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // What the record form offers: every active entry, and the entries the booking's record
  // already names even if deactivated since; by category (kCategories order), then ふりがな.
  // NotFound unless the principal may write the booking's record (RecordAccess::Day).
  core::Result<std::vector<ResourceOption>> Options(const auth::Principal& who,
                                                    std::int64_t program_id,
                                                    std::int64_t booking_id);
  // The entries the record names (deactivated ones included), in the same order.
  core::Result<std::vector<ResourceOption>> OfRecord(const auth::Principal& who,
                                                     std::int64_t program_id,
                                                     std::int64_t booking_id);
  // kInvalidInput ("resources", "record_resources.error.choice") when an id is neither an
  // active entry nor already on the record; nothing is read or changed otherwise.
  core::Status Check(const auth::Principal& who, std::int64_t program_id, std::int64_t booking_id,
                     const std::vector<std::int64_t>& ids);
  // Replaces the record's entries (after RecordService::Save wrote the record); audited.
  core::Status Set(const auth::Principal& who, const audit::Actor& actor, std::int64_t program_id,
                   std::int64_t booking_id, const std::vector<std::int64_t>& ids);
  // The programme's fiscal year (April–March, days not cancelled): records per entry and
  // category. NotFound unless the principal coordinates the programme's host.
  core::Result<ResourceCounts> Count(const auth::Principal& who, std::int64_t program_id,
                                     int fiscal_year);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

// "12,3" style ids of a form's checked boxes; anything not a positive number is dropped by the
// caller's Check (it becomes -1).
std::vector<std::int64_t> ParseResourceIds(const std::vector<std::string>& values);

}  // namespace tsunagu::consultations
