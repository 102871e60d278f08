// The region's public portal (issue 15): what a person who opens Tsunagu's address without an
// account can find. For now the published consultation programmes with their next days; the
// events calendar, salons and the information directory join it as they are built.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::portal {

// A programme its 事務局 published (bookable on the public pages), with what the public pages
// show of its host and office. No personal data.
struct PublicProgram {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::string host;          // the organisation that runs it
  std::string office_phone;  // for people who book by telephone (may be empty)
  std::string office_hours;
};

// Every published, active programme, in the order they were created.
core::Result<std::vector<PublicProgram>> PublishedPrograms(storage::Database& db);

// An active organisation that takes consultation requests on its public form (requests/).
struct RequestDesk {
  std::int64_t organization_id = 0;
  std::string name;
};
core::Result<std::vector<RequestDesk>> RequestDesks(storage::Database& db);

}  // namespace tsunagu::portal
