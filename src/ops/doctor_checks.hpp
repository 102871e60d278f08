// The checks of `tsunagu doctor`, one function per area (doctor.cpp runs them in order).
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "ops/doctor.hpp"

namespace tsunagu::ops {

// The key file: present, a regular file, mode 0600 or 0400, and it loads.
Finding CheckKeyFile(const core::Config& config);

// The database: reachable, every migration applied (the missing ones named), and for
// PostgreSQL the clock skew against now() on the server. Appends one or more findings.
void CheckDatabase(const core::Config& config, const core::Clock& clock,
                   const DoctorOptions& options, std::vector<Finding>& out);

// Mail: an SMTP relay that answers EHLO (and accepts the login when one is configured), or a
// writable folder for "file:" mail.
Finding CheckMail(const core::Config& config, const DoctorOptions& options);

// public_url with cookie_secure, and trusted_proxies behind https.
void CheckPublicUrl(const core::Config& config, std::vector<Finding>& out);

}  // namespace tsunagu::ops
