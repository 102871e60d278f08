// A small world for the salon and peer supporter tests (issue 15): the prefecture's cancer
// support centre that keeps the salons and the peers (a coordinator and a counselor), and a
// hospital with its own coordinator.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "harness.hpp"
#include "peers/peer_service.hpp"
#include "salons/salon_service.hpp"

namespace tsunagu::testing {

struct SalonWorld {
  std::int64_t centre = 0;
  std::int64_t hospital = 0;
  auth::Principal centre_coordinator;
  auth::Principal hospital_coordinator;
  audit::Actor actor;
};

// Coordinators centre@example.jp and hospital@example.jp, counselor counsel@example.jp.
SalonWorld MakeSalonWorld(TestServer& t);

// 「ひだまりサロン」: 毎月第3土曜 13:30–15:30, holidays skipped, in みどり市, in the network.
salons::SalonInput HidamariInput();
// The salon form's fields for HidamariInput.
std::vector<std::pair<std::string, std::string>> HidamariForm();

salons::SalonService Salons(TestServer& t);
peers::PeerService Peers(TestServer& t);
peers::PeerInput HimawariInput();

std::int64_t SalonRows(TestServer& t, const std::string& sql);

}  // namespace tsunagu::testing
