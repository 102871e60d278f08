// What the document service's files share: sealed file storage, the case as the principal may
// see its documents, and small helpers. Internal to src/documents/.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "auth/record_access.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "documents/document_service.hpp"

namespace tsunagu::documents::detail {

std::string FileAd(long long id, const char* column);
std::string TitleAd(long long id);
std::string RecipientAd(long long id);
std::string Json(std::initializer_list<std::pair<const char*, std::int64_t>> fields);

// The file field's errors; sets `type` from the bytes when they are acceptable.
std::vector<core::FieldError> CheckFile(const std::string& filename, const std::string& bytes,
                                        std::string& type);
// One line: control characters (a pasted line break, a tab) become spaces.
std::string OneLine(const std::string& text);

// Stores a file encrypted whole in the caller's transaction; returns its id.
long long StoreFile(soci::session& s, const crypto::FieldCipher& cipher, long long org,
                    long long user, const std::string& type, const std::string& filename,
                    const std::string& bytes, std::int64_t now);
FileContent ReadFile(soci::session& s, const crypto::FieldCipher& cipher, long long file_id);

// The case as the principal may see its documents. NotFound when the case is not visible at
// all; Forbidden for a partner whose consent does not cover documents, or (with `edit`) for
// anyone but the running organisation. `document_consents` gets the consents that let a
// partner see them (empty for the running organisation).
auth::CaseView Access(soci::session& s, const auth::Principal& who, std::int64_t case_id,
                      core::Date today, bool edit,
                      std::vector<std::int64_t>* document_consents = nullptr);
// The live document of the case (not removed); NotFound otherwise. Returns its file id.
long long DocumentFile(soci::session& s, std::int64_t case_id, std::int64_t document_id);

bool IsParty(soci::session& s, long long consent_id, long long org);

// The consents under which the running organisation of `view`'s case may send documents
// to an employer (see ShareConsent), oldest first.
std::vector<ShareConsent> ShareConsents(soci::session& s, const crypto::FieldCipher& cipher,
                                        const auth::CaseView& view, core::Date today);

// A document's share links with their recent accesses (IPs for admins only).
std::vector<ShareLink> ReadLinks(soci::session& s, const crypto::FieldCipher& cipher,
                                 long long document_id, std::int64_t now, const std::string& today,
                                 bool show_ip);

}  // namespace tsunagu::documents::detail
