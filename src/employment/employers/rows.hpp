// Who sees which employer, and the rows both services read. An employer is seen by the staff
// (kOrgCounsel) of the organisation that keeps it and, while the keeper shares it and it is
// active, by the staff of every organisation that sits with the keeper in an active programme
// (host or program_partner, either way round). Anyone else gets NotFound, as for a missing one.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "crypto/field_cipher.hpp"
#include "employment/employers/model.hpp"

namespace tsunagu::employment::employers {

// SQL condition over an employer aliased "e", with :vo1, :vo2 and :vo3 bound to the reader's
// organisation: it keeps the employer, or the employer is shared and active and both
// organisations belong to one active programme.
const char* VisibleEmployerFilter();

// An employer from the first eight columns of a row, which every employer read selects in this
// order: e.id, e.organization_id, o.name, e.name, e.furigana, e.industry, e.size_band,
// e.municipality.
Employer EmployerHead(const soci::row& r);

// The employer when `who` may see it (NotFound otherwise); `own` says whether `who` keeps it.
std::optional<Employer> LoadVisibleEmployer(soci::session& s, const auth::Principal& who,
                                            std::int64_t id);

// Throws Abort NotFound unless `who` may write (kOrgCounsel of the keeping organisation).
Employer LoadOwnEmployer(soci::session& s, const auth::Principal& who, std::int64_t id);

// Writes a new employer (already tidied and validated) of `who`'s organisation with its
// encrypted note and audit event, inside the caller's transaction; returns its id.
std::int64_t InsertEmployer(soci::session& s, const crypto::FieldCipher& cipher,
                            const auth::Principal& who, const audit::Actor& actor,
                            const EmployerInput& in, std::int64_t now);
// The same for an opening of an employer `who`'s organisation keeps.
std::int64_t InsertOpening(soci::session& s, const auth::Principal& who, const audit::Actor& actor,
                           const OpeningInput& in, std::int64_t now);

// "a,b" ↔ {"a","b"}, keeping only the known practices, in catalogue order.
std::string PracticeCodes(const std::vector<std::string>& codes);
std::vector<std::string> PracticeList(const std::string& codes);

}  // namespace tsunagu::employment::employers
