// The organisation's consultation records over a period (the records list of the JSON API):
// what the record pages show its counsellors and coordinators, a page at a time. Free text is
// decrypted as on the record page, and each record read writes the page's audit event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/records.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// The sort key: the consultation day's date, then the record's id.
struct RecordListKey {
  std::string date;  // ISO
  std::int64_t id = 0;
};

struct RecordListQuery {
  std::optional<std::string> from;  // ISO dates of the consultation day, inclusive
  std::optional<std::string> to;
  int limit = 50;  // rows returned: limit + 1 (for the next page)
  std::optional<RecordListKey> after;
};

struct ListedRecord {
  RecordListKey key;
  ConsultationRecord record;  // free text decrypted
  std::int64_t program_id = 0;
  std::string reference;  // the booking's
};

// Up to limit + 1 records of the programmes of the caller's active organisation (never a
// partner's), after `after`, in key order. The caller must be one who writes records there
// (Policy::CanCounsel); anything else is Forbidden.
core::Result<std::vector<ListedRecord>> ListRecords(
    storage::Database& db, const crypto::FieldCipher& cipher, const core::Clock& clock,
    const auth::Principal& who, const audit::Actor& actor, const RecordListQuery& query);

}  // namespace tsunagu::consultations
