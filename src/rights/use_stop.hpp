// 利用停止 (APPI 第35条): while an organisation has stopped using a person's data, staff of that
// organisation cannot take a new booking for the same person, write a new record or timeline
// entry about them, nor provide their data to another organisation. The person is recognised by
// keyed blind indexes (purpose "rights.stop") of the phone number, the e-mail address and the name
// together with its ふりがな, kept in use_stop_key while the stop lasts.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"

namespace tsunagu::rights {

// The keys of one person's contacts (empty values give no key).
std::vector<std::string> StopKeys(const crypto::FieldCipher& cipher, const std::string& name,
                                  const std::string& kana, const std::string& phone,
                                  const std::string& email);

// Inside the caller's transaction: throws storage::Abort kInvalidInput
// "rights.stopped.booking" (shown on the name field of the staff booking form) when the
// programme of `day_id` belongs to an organisation that stopped using the data of a person
// with the same phone, e-mail, or name and ふりがな.
void RefuseStoppedBooking(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t day_id,
                          const std::string& name, const std::string& kana,
                          const std::string& phone, const std::string& email);

// Inside the caller's transaction: throws storage::Abort kConflict "rights.stopped.provision"
// when the client's data is no longer used — no provision to another organisation (a
// partner's view, a referral, a share link) is made while the stop lasts.
void RefuseStoppedProvision(soci::session& s, std::int64_t client_id);

// Throws storage::Abort kConflict "rights.stopped.record" when the first consultation record of
// the booking would be written for a stopped client (a correction of an existing record stays
// possible).
void RefuseStoppedRecord(soci::session& s, std::int64_t booking_id);

// Throws storage::Abort kConflict "rights.stopped.record" when the case is run by the
// organisation that stopped using its client's data: no new timeline entry is written (the
// case's own status changes still are).
void RefuseStoppedCaseEntry(soci::session& s, std::int64_t case_id);

}  // namespace tsunagu::rights
