// Last year's list of employers and openings, kept in Excel, brought in at once: a CSV (UTF-8
// with or without BOM, or Shift_JIS/CP932 as Excel in Japan saves it) or an .xlsx, read by the
// same reader as the 受付表 import. Upload → preview (what would be made, every row's problems)
// → confirm, which re-reads the file and writes everything in one transaction or nothing.
//
// One row per opening; rows naming the same employer make one employer; a row without a job
// title registers the employer only. An employer already kept under the same name is reused.
// Codes or the catalogue's Japanese labels are accepted for industry, size, practices (several,
// separated by 、 , or ;) and employment type; yes/no columns take ○, 1, 可, あり, はい.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "employment/employers/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::employment::employers {

// The columns in order; labels "employers.import.column.<code>".
inline constexpr std::array<std::string_view, 22> kImportColumns = {
    "name",        "furigana",        "industry", "size_band",       "municipality",
    "address",     "practices",       "title",    "employment_type", "duties",
    "work_place",  "start_time",      "end_time", "weekly_days",     "weekly_hours",
    "short_hours", "staggered_hours", "telework", "hospital_leave",  "wage_kind",
    "wage_min",    "wage_max"};
// …then valid_until as the 23rd column.
inline constexpr std::size_t kImportColumnCount = kImportColumns.size() + 1;
inline constexpr std::size_t kMaxImportBytes = std::size_t{1024} * 1024;

struct ImportError {
  int line = 0;        // as the spreadsheet shows it (the header is 1)
  std::string column;  // a column code, "" for the whole row
  std::string value;   // what was there
  std::string message_key;
};

struct ImportPlan {
  int new_employers = 0;
  int known_employers = 0;  // already kept under the same name: reused
  int openings = 0;
  std::vector<ImportError> errors;
};

class EmployerImport {
 public:
  EmployerImport(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
                 const core::Catalog& catalog)
      : db_(db), clock_(clock), cipher_(cipher), catalog_(catalog) {}

  // What the file would make; nothing is written. kInvalidInput for an unreadable file.
  core::Result<ImportPlan> Preview(const auth::Principal& who, std::string_view bytes);
  // Writes all of it in one transaction; kInvalidInput "employers.import.error.rows" (nothing
  // written) when any row has a problem.
  core::Result<ImportPlan> Import(const auth::Principal& who, const audit::Actor& actor,
                                  std::string_view bytes);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const core::Catalog& catalog_;
};

}  // namespace tsunagu::employment::employers
