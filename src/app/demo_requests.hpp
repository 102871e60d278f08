// Demo data of consultation requests (issue 15, demo_requests.cpp).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// The employment-support NPO takes requests on its public form: one from an employer about an
// employee with 難病 waits for a reply, one from a person was answered by e-mail. Created
// once: a later run finds the NPO's requests.
core::Status AddDemoRequests(Services& sv, std::int64_t npo, std::int64_t admin);

}  // namespace tsunagu::app
