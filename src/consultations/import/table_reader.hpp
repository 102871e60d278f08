// Reading a 受付表 as an office keeps it: a CSV saved by Excel (UTF-8 with or without BOM, or
// Shift_JIS/CP932, which Excel in Japan writes for "CSV (コンマ区切り)") or an .xlsx workbook
// (its first sheet). Both give rows of text cells; nothing here knows the columns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tsunagu::consultations::import {

using Table = std::vector<std::vector<std::string>>;

// The bytes as UTF-8: a UTF-8 BOM is dropped; text that is not valid UTF-8 is read as CP932
// (glibc iconv). UTF-16/32 and anything CP932 cannot read either answer kInvalidInput
// "late.import.error.encoding".
core::Result<std::string> DecodeText(std::string_view bytes);

// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF.
// Trailing empty lines are dropped.
Table ReadCsv(std::string_view utf8);

// The first sheet of an .xlsx file (a ZIP of XML parts, read with zlib and expat). Shared and
// inline strings become their text (ふりがな runs dropped); numbers stay as written in the
// file (a date cell is its serial number, a time its fraction of a day). kInvalidInput
// "late.import.error.xlsx" when the file is not a readable workbook.
core::Result<Table> ReadXlsx(std::string_view bytes);

// Whether the bytes start like a ZIP file (an .xlsx), whatever the file's name says.
bool LooksLikeZip(std::string_view bytes);

}  // namespace tsunagu::consultations::import
