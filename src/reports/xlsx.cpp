#include "reports/xlsx.hpp"

#include <stdlib.h>  // mkdtemp, mkstemps (POSIX)
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <system_error>
#include <utility>

namespace tsunagu::reports {

namespace {

constexpr std::size_t kSheetNameUnits = 31;    // Excel counts UTF-16 code units
constexpr std::size_t kCellTextUnits = 32767;  // Excel's limit for one cell's text
constexpr std::int64_t kExactDoubleLimit = std::int64_t{1} << 53;
constexpr double kMaxColumnWidth = 255;  // Excel's widest column
constexpr std::uint8_t kPaperA4 = 9;     // libxlsxwriter's paper code for A4

std::size_t Utf16Units(UChar32 c) {
  return c > 0xFFFF ? 2 : 1;
}

// Decodes UTF-8; an ill-formed sequence becomes U+FFFD so the result is always valid.
std::u32string Decode(std::string_view text) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t at = 0;
  while (at < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    out += static_cast<char32_t>(c < 0 ? 0xFFFD : c);
  }
  return out;
}

std::string Encode(const std::u32string& code_points) {
  std::string out;
  for (const char32_t c : code_points) {
    std::uint8_t buffer[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
  }
  return out;
}

// Keeps whole code points within `units` UTF-16 code units.
void Truncate(std::u32string& code_points, std::size_t units) {
  std::size_t used = 0;
  std::size_t keep = 0;
  for (const char32_t c : code_points) {
    used += Utf16Units(static_cast<UChar32>(c));
    if (used > units) break;
    ++keep;
  }
  code_points.resize(keep);
}

// Excel compares sheet names ignoring case in all scripts, not only ASCII.
std::u32string FoldCase(const std::u32string& code_points) {
  std::u32string out;
  out.reserve(code_points.size());
  for (const char32_t c : code_points) {
    out += static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  }
  return out;
}

void TrimApostrophes(std::u32string& name) {
  while (!name.empty() && name.front() == U'\'') name.erase(name.begin());
  while (!name.empty() && name.back() == U'\'') name.pop_back();
}

// Appends " (2)", " (3)"… until the name is unused, shortening the base to stay within 31.
std::string UniqueName(const std::string& sanitised, std::set<std::u32string>& used) {
  const std::u32string base = Decode(sanitised);
  std::u32string candidate = base;
  for (int n = 2; used.contains(FoldCase(candidate)); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    candidate = base;
    Truncate(candidate, kSheetNameUnits - suffix.size());
    TrimApostrophes(candidate);
    candidate += Decode(suffix);
  }
  used.insert(FoldCase(candidate));
  return Encode(candidate);
}

std::string CellText(std::string_view text) {
  std::u32string code_points = Decode(text);
  // A NUL would end the C string libxlsxwriter receives.
  std::erase(code_points, U'\0');
  Truncate(code_points, kCellTextUnits);
  return Encode(code_points);
}

class PrivateTempDir {
 public:
  PrivateTempDir() {
    std::error_code error;
    std::filesystem::path base = std::filesystem::temp_directory_path(error);
    if (error) base = "/tmp";
    std::string name = (base / "tsunagu-xlsx-XXXXXX").string();
    // mkdtemp creates the directory with mode 0700.
    if (mkdtemp(name.data()) != nullptr) path_ = name;
  }
  ~PrivateTempDir() {
    if (path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;

  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Closes (and so frees) the workbook on every path; libxlsxwriter has no free-without-writing.
class WorkbookHandle {
 public:
  explicit WorkbookHandle(lxw_workbook* workbook) : workbook_(workbook) {}
  ~WorkbookHandle() {
    if (workbook_ != nullptr) workbook_close(workbook_);
  }
  WorkbookHandle(const WorkbookHandle&) = delete;
  WorkbookHandle& operator=(const WorkbookHandle&) = delete;

  lxw_workbook* get() const { return workbook_; }
  lxw_error Close() { return workbook_close(std::exchange(workbook_, nullptr)); }

 private:
  lxw_workbook* workbook_;
};

class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {}

  lxw_format* Get(bool bold, const std::string& num_format) {
    if (!bold && num_format.empty()) return nullptr;
    auto [it, inserted] = formats_.try_emplace({bold, num_format}, nullptr);
    if (inserted) {
      it->second = workbook_add_format(workbook_);
      if (bold) format_set_bold(it->second);
      if (!num_format.empty()) format_set_num_format(it->second, num_format.c_str());
    }
    return it->second;
  }

 private:
  lxw_workbook* workbook_;
  std::map<std::pair<bool, std::string>, lxw_format*> formats_;
};

lxw_error WriteCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const Cell& cell,
                    lxw_format* format) {
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    return worksheet_write_string(sheet, row, col, CellText(*text).c_str(), format);
  }
  if (const auto* integer = std::get_if<std::int64_t>(&cell.value)) {
    if (*integer > kExactDoubleLimit || *integer < -kExactDoubleLimit) {
      return worksheet_write_string(sheet, row, col, std::to_string(*integer).c_str(), format);
    }
    return worksheet_write_number(sheet, row, col, static_cast<double>(*integer), format);
  }
  const double number = std::get<double>(cell.value);
  if (!std::isfinite(number)) return worksheet_write_blank(sheet, row, col, format);
  return worksheet_write_number(sheet, row, col, number, format);
}

core::Status WriteSheet(lxw_workbook* workbook, const Sheet& spec, const std::string& name,
                        Formats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (sheet == nullptr) return core::Error::Internal();
  const std::size_t header_rows =
      std::min(static_cast<std::size_t>(std::max(spec.header_rows, 0)), spec.rows.size());

  for (std::size_t c = 0; c < spec.column_widths.size() && c < LXW_COL_MAX; ++c) {
    if (spec.column_widths[c] <= 0) continue;
    const double width = std::min<double>(spec.column_widths[c], kMaxColumnWidth);
    const auto col = static_cast<lxw_col_t>(c);
    if (worksheet_set_column(sheet, col, col, width, nullptr) != LXW_NO_ERROR) {
      return core::Error::Internal();
    }
  }
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    const std::vector<Cell>& cells = spec.rows[r];
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const Cell& cell = cells[c];
      lxw_format* format = formats.Get(cell.bold || r < header_rows, cell.num_format);
      if (WriteCell(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), cell, format) !=
          LXW_NO_ERROR) {
        return core::Error::Internal();
      }
    }
  }

  worksheet_set_paper(sheet, kPaperA4);
  worksheet_set_portrait(sheet);
  worksheet_fit_to_pages(sheet, 1, 0);
  if (header_rows > 0) {
    const auto last = static_cast<lxw_row_t>(header_rows - 1);
    worksheet_freeze_panes(sheet, static_cast<lxw_row_t>(header_rows), 0);
    if (worksheet_repeat_rows(sheet, 0, last) != LXW_NO_ERROR) return core::Error::Internal();
  }
  return core::OkStatus();
}

core::Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error::Internal();
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad() || bytes.empty()) return core::Error::Internal();
  return bytes;
}

}  // namespace

std::string SanitizeSheetName(std::string_view name, std::size_t index) {
  std::u32string code_points = Decode(name);
  for (char32_t& c : code_points) {
    const bool forbidden = c == U'[' || c == U']' || c == U':' || c == U'*' || c == U'?' ||
                           c == U'/' || c == U'\\' || c < 0x20 || c == 0x7F;
    if (forbidden) c = U'_';
  }
  TrimApostrophes(code_points);
  Truncate(code_points, kSheetNameUnits);
  // Cutting can expose an apostrophe at the new end.
  TrimApostrophes(code_points);
  if (code_points.empty()) return "Sheet" + std::to_string(index + 1);
  if (FoldCase(code_points) == U"history") code_points += U'_';
  return Encode(code_points);
}

core::Result<std::string> BuildXlsx(const std::vector<Sheet>& sheets) {
  for (const Sheet& sheet : sheets) {
    if (sheet.rows.size() > LXW_ROW_MAX) return core::Error::Invalid("error.export_too_large");
    for (const auto& row : sheet.rows) {
      if (row.size() > LXW_COL_MAX) return core::Error::Invalid("error.export_too_large");
    }
  }

  const PrivateTempDir dir;
  if (!dir.ok()) return core::Error::Internal();
  std::string path = dir.path() + "/export-XXXXXX.xlsx";
  // mkstemps creates the file with mode 0600; libxlsxwriter reopens it by name.
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) return core::Error::Internal();
  close(fd);

  // libxlsxwriter's own scratch files go to the same private directory.
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(dir.path().c_str());
  WorkbookHandle workbook(workbook_new_opt(path.c_str(), &options));
  if (workbook.get() == nullptr) return core::Error::Internal();

  Formats formats(workbook.get());
  std::set<std::u32string> used_names;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string name = UniqueName(SanitizeSheetName(sheets[i].name, i), used_names);
    if (auto status = WriteSheet(workbook.get(), sheets[i], name, formats); !status) {
      return status.error();
    }
  }
  if (workbook.Close() != LXW_NO_ERROR) return core::Error::Internal();
  return ReadFile(path);
}

}  // namespace tsunagu::reports
