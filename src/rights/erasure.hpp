// 消去 (APPI 第35条) and retention: personal columns replaced with empty sealed text inside the
// caller's transaction. What the yearly figures count (status, channel, intake codes, topics,
// outcomes, minutes) stays; so do the audit chain and the provision records.
#pragma once

#include <soci/soci.h>

#include <cstdint>

#include "crypto/field_cipher.hpp"
#include "rights/person_rows.hpp"

namespace tsunagu::rights {

// The booking's name, ふりがな, contacts, diagnosis and notes, its look-up indexes and tokens,
// and the free text of its consultation record. Returns false when it was anonymised already
// (nothing changed).
bool AnonymiseBooking(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t booking_id,
                      std::int64_t now);

// Everything of `p` held by p.org, as RightsService::Erase describes it.
void ErasePerson(soci::session& s, const crypto::FieldCipher& cipher, const Person& p,
                 std::int64_t now);

// The event registrations of p.org with p's phone or e-mail index; returns how many.
int AnonymiseRegistrations(soci::session& s, const Person& p, std::int64_t now);

// The event registrations of p.org with p's phone or e-mail index; returns how many.
int AnonymiseRegistrations(soci::session& s, const Person& p, std::int64_t now);

}  // namespace tsunagu::rights
