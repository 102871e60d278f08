// A consultation recorded after its day (事後入力): a walk-in missed on the day, or a phone
// consultation written down later. The 事務局 enters it with the real arrival time; it is
// attended at once, holds no slot (the day's places are history), and its audit event says
// it was entered late.
#pragma once

#include <cstdint>
#include <string>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations::import {

struct LateEntry {
  std::string channel = "walk_in";  // phone, mail or walk_in (not web)
  std::string mode;                 // how it was held (kDayModes); "" = the day's mode
  int arrived_minutes = -1;         // the real arrival time, minutes of the day
  Intake intake;                    // gender, age band, municipality, topics (all optional)
  Contact contact;                  // optional; encrypted like any booking's
};

class LateEntryService {
 public:
  LateEntryService(storage::Database& db, const core::Clock& clock,
                   const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // Coordinators of the host organisation, on a scheduled day of the programme that has
  // begun (today or earlier), with an arrival time not in the future. Writes the booking
  // (attended, entered_late) and "booking.late_entry" in one transaction; NotFound for
  // another organisation's day, kInvalidInput with field errors, kConflict
  // "late.entry.error.future_day" for a day still to come.
  core::Result<std::int64_t> Record(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t program_id, std::int64_t day_id,
                                    const LateEntry& entry);

  static std::vector<core::FieldError> Validate(const LateEntry& entry);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace tsunagu::consultations::import
