// Demo data of issue 14, points 4–6: the one-stop programme's public information (the 事務局's
// telephone, e-mail and hours, who may book, what to bring, access) and its booking deadline,
// and a hospital's consultation days whose rule changes in October (seed 000).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// `prefecture`/`jimu`: the prefecture office and its 事務局; `hospital`/`kango`: the hospital and
// its admin nurse. Running it again changes nothing.
core::Status AddDemoSchedule(Services& sv, std::int64_t prefecture, std::int64_t jimu,
                             std::int64_t hospital, std::int64_t kango);

}  // namespace tsunagu::app
