// CSV for people who open it in Excel: RFC 4180 with a UTF-8 byte order mark, and cells that
// cannot turn into formulas.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::reports {

// One cell as it goes into the file, without the separator.
//
// Formula injection (OWASP "CSV Injection"): a cell whose first character is = + - @ TAB CR or
// LF, or the full-width ＝ ＋ － ＠ (a precaution: Japanese input produces them and some
// spreadsheet imports fold them to ASCII), gets a leading apostrophe so the spreadsheet shows
// it as text instead of evaluating it. The exception is a plain decimal number matching
// ^-?[0-9]+(\.[0-9]+)?$ ("-3", "-0.5"), which a spreadsheet reads as a number and cannot run;
// everything else starting with a sign is guarded, including "+81 90-…" phone numbers and
// "-1+2", because Excel would treat those as formulas.
//
// Quoting (RFC 4180): a cell containing a comma, a double quote, CR or LF is enclosed in
// double quotes with inner double quotes doubled. Nothing else is changed; leading zeros and
// strings such as "4/10" are the caller's concern (write dates as ISO 8601).
std::string CsvField(std::string_view cell);

class CsvWriter {
 public:
  // The BOM makes Excel read the file as UTF-8 rather than the system code page (Shift_JIS on
  // Japanese Windows), which would garble every Japanese character.
  explicit CsvWriter(bool with_bom = true);

  // Appends one record terminated by CRLF. Rows may have different lengths; RFC 4180 asks
  // for equal lengths, which is the caller's shape to keep.
  void Row(const std::vector<std::string>& cells);

  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace tsunagu::reports
