// A partner's view of the records of a case it does not run (the case page and timeline, a
// case form): a provision of the running organisation's records under the consent that let it
// see them (SECURITY.md rule 3), at most one a day per consent (RecordProvision).
#pragma once

#include <soci/soci.h>

#include <cstdint>

#include "auth/record_access.hpp"
#include "crypto/field_cipher.hpp"

namespace tsunagu::sharing {

// Records that `who` viewed the case's records under `view` (a partner's view: it has
// record_consents). Call in the transaction that checked the access.
void RecordSharedView(soci::session& s, const crypto::FieldCipher& cipher,
                      const auth::Principal& who, const auth::CaseView& view, std::int64_t now);

}  // namespace tsunagu::sharing
