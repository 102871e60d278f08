// What a member of staff has to do now, for their home page: referrals to their organisation
// that wait for a reply, their own case tasks due by tomorrow, and the 相談記録 of consultations
// they were assigned to that are still to be written. Counts, dates and references only: no
// person's name, no task title (those stay on the pages that audit their reading).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "auth/policy.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "storage/database.hpp"

namespace tsunagu::worklist {

struct DueTask {
  std::int64_t task_id = 0;
  std::int64_t case_id = 0;
  core::Date due_on;
  bool overdue = false;  // due before today
};

struct RecordToWrite {
  std::int64_t program_id = 0;
  std::int64_t day_id = 0;
  std::int64_t booking_id = 0;
  core::Date date;
  std::string reference;
  int start_minutes = 0;
};

// A moved or cancelled day whose call list still has people to call (the 事務局's work).
struct CallsToMake {
  std::int64_t program_id = 0;
  std::int64_t day_id = 0;
  core::Date date;
  int people = 0;
};

struct Worklist {
  int referrals_awaiting = 0;          // sent to the active organisation, not yet answered
  std::vector<DueTask> tasks;          // the member's open tasks due by tomorrow, oldest first
  std::vector<RecordToWrite> records;  // attended, assigned to the member, no record yet
  std::vector<CallsToMake> calls;      // coordinators only: days with people still to call
  int requests_overdue = 0;            // consultation requests still open past their deadline
  int requests_today = 0;              // open, due before midnight today
  int retention_due = 0;               // the member's unanswered retention follow-ups due by today

  bool Empty() const {
    return referrals_awaiting == 0 && tasks.empty() && records.empty() && calls.empty() &&
           requests_overdue == 0 && requests_today == 0 && retention_due == 0;
  }
};

// The most rows of each list the home page shows (the pages behind the links show the rest).
inline constexpr int kMaxRows = 20;

// The work of `who` in their active organisation on `today` (JST). Members who do not counsel
// (viewers) get an empty list.
// `now` (Unix seconds) decides which consultation requests are overdue.
core::Result<Worklist> Load(storage::Database& db, const auth::Principal& who, core::Date today,
                            std::int64_t now);

}  // namespace tsunagu::worklist
