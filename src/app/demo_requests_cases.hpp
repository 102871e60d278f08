// Demo data of requests followed up (issue 15, demo_requests_cases.cpp).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// At the employment-support NPO: a family member's request with an online 面談 set, a person's
// request that became a client and a support case with their consent, and a request to start
// a new salon; and the first consultation records naming directory entries they introduced.
// Created once: a later run finds them.
core::Status AddDemoRequestCases(Services& sv, std::int64_t npo, std::int64_t admin);

}  // namespace tsunagu::app
