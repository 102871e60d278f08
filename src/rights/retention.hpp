// Retention rules run by the clock (issue 17 point 5): bookings of people who never became
// clients are anonymised a configurable number of years (per organisation, default 3) after
// their consultation day. Each organisation's rule runs once a day whatever the number of
// servers (retention_run's primary key), each run is audited with its count only, and the
// settings page shows how many bookings the next run would anonymise.
#pragma once

#include <cstdint>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::rights {

inline constexpr int kDefaultBookingYears = 3;

class RetentionService {
 public:
  RetentionService(storage::Database& db, const core::Clock& clock,
                   const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // The organisation's setting (coordinators and admins).
  core::Result<int> BookingYears(const auth::Principal& who);
  // 1..20 years; kInvalidInput "rights.error.years" otherwise. Audited.
  core::Status SetBookingYears(const auth::Principal& who, const audit::Actor& actor, int years);
  // The dry run: how many of the organisation's bookings a run on `today` would anonymise.
  core::Result<int> DueCount(const auth::Principal& who, core::Date today);
  // The clock job: every organisation's rule, once per organisation and day. Returns how many
  // bookings were anonymised.
  core::Result<int> Run(core::Date today);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace tsunagu::rights
