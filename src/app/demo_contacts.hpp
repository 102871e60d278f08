// Demo data of contacts outside consultation days (issue 16, demo_contacts.cpp).
#pragma once

#include <cstdint>

#include "app/services.hpp"

namespace tsunagu::app {

// At the employment-support NPO: contacts of every channel (来訪・電話・オンライン・メール)
// spread over the current fiscal year up to today, one on a support case, the others anonymous,
// and two consultations from employers without any employee's identity. Created once: a later
// run finds them.
core::Status AddDemoContacts(Services& sv, std::int64_t npo, std::int64_t admin);

}  // namespace tsunagu::app
