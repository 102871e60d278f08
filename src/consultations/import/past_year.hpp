// A past year's 受付表 imported from CSV or xlsx (issue 14): one row per consultation (or a
// row with only a date and 相談員数 for a day nobody came), checked whole before anything is
// written. The preview reads and checks; the import writes the days that are missing, the
// consultations (attended, 事後入力) with their records, and remembers the file's rows so the
// same data is never imported twice.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/model.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations::import {

// The 受付表's columns in order; headers are their labels "late.import.column.<code>" (ja or
// en) or the codes themselves.
inline constexpr std::array<std::string_view, 10> kColumns = {
    "date",   "time",     "staff",        "mode",   "channel",
    "gender", "age_band", "municipality", "topics", "outcome"};

// Files above this are refused before reading (a year of a programme is a few hundred rows).
inline constexpr std::size_t kMaxFileBytes = std::size_t{512} * 1024;

struct ImportRow {
  int line = 0;  // the row number as the spreadsheet shows it (the header is 1)
  core::Date date;
  std::optional<int> staff;
  bool consultation = false;  // false: a day row (date and 相談員数 only)
  int start_minutes = 0;
  std::string mode;     // kDayModes
  std::string channel;  // kChannels
  std::string gender;
  std::string age_band;
  std::string municipality;
  std::vector<std::string> topics;  // kRecordTopics
  std::string outcome;              // kOutcomes, or ""
};

// A problem of one cell (or of a whole row when column is empty), shown as
// 「3行目「日付」：…」 with what was typed.
struct RowError {
  int line = 0;
  std::string column;  // kColumns code, or "" for the row
  std::string message_key;
  std::string value;
};

struct ImportDay {
  core::Date date;
  int consultations = 0;
  std::optional<int> staff;
  bool exists = false;  // the programme already has this day: it is used, not created
};

struct ImportPlan {
  std::vector<ImportRow> rows;
  std::vector<RowError> errors;  // empty: the file can be imported
  std::vector<ImportDay> days;   // by date
  int consultations = 0;
  int days_to_create = 0;
  std::string content_hash;       // of the rows as read: the same data in any file format
  bool already_imported = false;  // this programme imported the same rows before
};

struct ImportResult {
  int consultations = 0;
  int days_created = 0;
};

class PastYearImport {
 public:
  PastYearImport(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
                 const core::Catalog& catalog)
      : db_(db), clock_(clock), cipher_(cipher), catalog_(catalog) {}

  // Reads and checks the file; writes nothing. File-level problems (encoding, not a
  // workbook, too large, no rows, wrong header) are kInvalidInput with their message key;
  // row problems are in the plan. Coordinators of the host organisation only (else NotFound).
  core::Result<ImportPlan> Preview(const auth::Principal& who, std::int64_t program_id,
                                   std::string_view bytes);
  // Preview, then in one transaction: the missing days, every consultation (attended, no
  // slot, entered_late, with its record) and one audit event "consultation.import". Nothing
  // is written while any row has an error (kInvalidInput "late.import.error.rows"); the same
  // rows imported again answer kConflict "late.import.error.already".
  core::Result<ImportResult> Import(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t program_id, std::string_view bytes);

 private:
  // The organisation hosting the programme when `who` coordinates there.
  core::Result<std::int64_t> HostOrg(const auth::Principal& who, std::int64_t program_id);
  core::Result<ImportPlan> Read(std::string_view bytes) const;

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const core::Catalog& catalog_;
};

// Parsers shared with the late entry form and the unit tests.
// "2017-04-13", "2017/4/13", "H29.4.13", "平成29年4月13日", or an Excel date serial (42838).
std::optional<core::Date> ParseSheetDate(std::string_view text);
// "14:00", "9:30", "14時", or an Excel time (a fraction of a day, 0.5833…); minutes of the day.
std::optional<int> ParseSheetTime(std::string_view text);

}  // namespace tsunagu::consultations::import
