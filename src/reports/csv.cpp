#include "reports/csv.hpp"

#include <array>

namespace tsunagu::reports {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// ^-?[0-9]+(\.[0-9]+)?$ without <regex>, which is slow and throws on pathological input.
bool IsPlainNumber(std::string_view cell) {
  std::size_t i = 0;
  if (i < cell.size() && cell[i] == '-') ++i;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i == cell.size()) return true;
  if (cell[i] != '.') return false;
  ++i;
  return digits() && i == cell.size();
}

bool StartsLikeFormula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\n':
      return true;
    default:
      break;
  }
  // Full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) in UTF-8.
  constexpr std::array<std::string_view, 4> kWide = {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D",
                                                     "\xEF\xBC\xA0"};
  for (const std::string_view wide : kWide) {
    if (cell.substr(0, wide.size()) == wide) return true;
  }
  return false;
}

}  // namespace

std::string CsvField(std::string_view cell) {
  std::string value;
  if (StartsLikeFormula(cell) && !IsPlainNumber(cell)) value += '\'';
  value += cell;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted;
  quoted.reserve(value.size() + 2);
  quoted += '"';
  for (const char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

CsvWriter::CsvWriter(bool with_bom) {
  if (with_bom) out_ += kBom;
}

void CsvWriter::Row(const std::vector<std::string>& cells) {
  // A record holding one empty field would be a blank line, which readers skip.
  if (cells.size() == 1 && cells.front().empty()) {
    out_ += "\"\"\r\n";
    return;
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i != 0) out_ += ',';
    out_ += CsvField(cells[i]);
  }
  out_ += "\r\n";
}

}  // namespace tsunagu::reports
