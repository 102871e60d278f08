// Demo data of issue 14's phone days and hand-off (demo_phoneday.cpp).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// The prefecture's phone consultation day today (so `make run` always shows it): a counselor
// assigned to two people, one call marked つながらない, and one consultation whose record led to
// the hand-off to the 産業保健総合支援センター. Created once: a later run finds the programme.
core::Status LoadDemoPhoneDay(Services& sv, std::int64_t prefecture, std::int64_t centre);

}  // namespace tsunagu::app
