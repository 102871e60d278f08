// .xlsx export with libxlsxwriter, for people who open reports in Excel.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace tsunagu::reports {

struct Cell {
  // Strings are always written as text (a shared string), never as a formula, whatever they
  // start with. Integers beyond ±2⁵³ would lose digits in Excel's doubles, so they are written
  // as text; NaN and infinities, which Excel cannot hold, leave the cell blank.
  std::variant<std::string, std::int64_t, double> value;
  bool bold = false;
  // An Excel number format such as "0.0%" (for a rate given as 0.083) or "#,##0"; empty keeps
  // General.
  std::string num_format;
};

struct Sheet {
  std::string name;  // made valid by SanitizeSheetName
  std::vector<std::vector<Cell>> rows;
  std::vector<int> column_widths;  // in Excel character widths, by column; ≤ 0 keeps the default
  // The first header_rows rows are bold, frozen while scrolling, and repeated on every printed
  // page. Sheets are set up for A4 portrait, scaled to one page wide.
  int header_rows = 1;
};

// Excel's sheet-name rules: the characters [ ] : * ? / \ and control characters become "_",
// apostrophes are removed from both ends, at most 31 UTF-16 code units (cut between code
// points), never empty (→ "Sheet<index + 1>") and never the reserved "History".
std::string SanitizeSheetName(std::string_view name, std::size_t index);

// The bytes of an .xlsx workbook holding `sheets` in order (an empty list gives one empty
// sheet). Names are sanitised and made unique ignoring case (" (2)", " (3)"… appended), as
// Excel requires. Strings longer than Excel's 32,767 characters are cut. libxlsxwriter 1.1.4
// can only write to a file, so the workbook is written in a new private directory (0700,
// file 0600) under the system temporary directory and both are removed before returning.
// Errors: kInvalidInput when a sheet has more rows or columns than Excel allows, kInternal
// when the file cannot be written.
core::Result<std::string> BuildXlsx(const std::vector<Sheet>& sheets);

}  // namespace tsunagu::reports
