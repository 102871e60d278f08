// A small directory for the directory tests (issue 15): two organisations that maintain
// entries (a prefecture's cancer support centre and a labour consultants' association), each
// with a coordinator, and a counselor of the first.
#pragma once

#include <cstdint>
#include <string>

#include "directory/directory_service.hpp"
#include "harness.hpp"

namespace tsunagu::testing {

struct DirectoryWorld {
  std::int64_t centre = 0;  // つなぐ県がん連携サポートセンター (Tsunagu organisation)
  std::int64_t sharoushi = 0;  // つなぐ県社会保険労務士会
  auth::Principal centre_coordinator;
  auth::Principal sharoushi_coordinator;
  audit::Actor actor;
  std::int64_t network = 0;    // a directory organisation of the centre
  std::int64_t fertility = 0;  // 生殖医療: ふりがな in hiragana
  std::int64_t hello_work = 0;
  std::int64_t labor = 0;  // the association's
};

// Coordinators centre@example.jp and sharoushi@example.jp, counselor nurse@example.jp; three
// active services (fertility, hello_work by the centre; labor_and_law by the association).
DirectoryWorld MakeDirectoryWorld(TestServer& t);

directory::ServiceInput FertilityInput(std::int64_t organization_id);

std::int64_t CountOf(TestServer& t, const std::string& sql);

}  // namespace tsunagu::testing
