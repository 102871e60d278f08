#pragma once

#include "app/services.hpp"

namespace tsunagu::app {

// The TOTP secret of every demo account (README lists it, with the accounts).
inline constexpr const char* kDemoTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

// Creates fictional organisations and accounts; running it again changes nothing.
core::Status LoadDemoData(Services& services);

}  // namespace tsunagu::app
