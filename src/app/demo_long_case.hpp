#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// At the employment-support NPO: a person it has supported for over a year, whose case has a
// long timeline (more entries than the case page shows at first), so a newcomer sees the page
// open on its newest entries and load the older ones. Created once: a later run finds it.
core::Status AddDemoLongCase(Services& sv, std::int64_t npo, std::int64_t admin);

}  // namespace tsunagu::app
