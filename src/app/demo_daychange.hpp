// Demo data of a cancelled day's call list (issue 14 point 12, demo_daychange.cpp).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// Cancels the programme's third coming day, where one person booked by phone without an
// e-mail address: the 事務局's home page and the day's call list show that she is still to be
// called. Created once: a later run finds the cancelled day's list.
core::Status AddDemoCancelledDay(Services& sv, std::int64_t prefecture, std::int64_t jimu,
                                 const char* program_name);

}  // namespace tsunagu::app
