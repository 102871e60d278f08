// Demo data of the person's data rights (issue 17 point 5, demo_rights.cpp).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// At the employment-support NPO: a person whose disclosure was made (the request answered), a
// person whose data is no longer used (利用停止, answered), and a correction request received
// three days ago and not yet answered. Created once: a later run finds the requests.
core::Status AddDemoRights(Services& sv, std::int64_t npo, std::int64_t admin);

}  // namespace tsunagu::app
