// 利用停止 (APPI 第35条): while an organisation has stopped using a person's data, staff of that
// organisation cannot take a new booking for the same person. The person is recognised by keyed
// blind indexes (purpose "rights.stop") of the phone number, the e-mail address and the name
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

}  // namespace tsunagu::rights
