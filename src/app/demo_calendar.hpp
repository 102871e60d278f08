// The demo's calendar (issue 15): the demo events' areas (市町村), so the calendar's area
// filter has something to offer. Runs after AddDemoEvents; running it again changes nothing.
#pragma once

#include "app/services.hpp"
#include "core/result.hpp"

namespace tsunagu::app {

core::Status AddDemoCalendar(Services& sv);

}  // namespace tsunagu::app
