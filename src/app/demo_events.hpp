#pragma once

#include "app/services.hpp"

namespace tsunagu::app {

// Community events in the demo (issue 15): the prefecture's forum shaped after seed 002 (会場
// 50名 and online places), a lecture online only, a peer café that is full with a waiting list,
// and the hospital's in-hospital study session for staff only. Runs after the demo
// organisations and accounts exist; running it again changes nothing.
core::Status AddDemoEvents(Services& sv);

}  // namespace tsunagu::app
