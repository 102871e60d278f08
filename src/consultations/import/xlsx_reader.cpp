// The first sheet of an .xlsx workbook: a small ZIP reader (stored and deflated members,
// zlib's raw inflate) and expat for the XML parts. Sizes are capped so a crafted file cannot
// make the server inflate gigabytes.
#include <expat.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>

#include "consultations/import/table_reader.hpp"

namespace tsunagu::consultations::import {
namespace {

constexpr std::size_t kMaxMember = std::size_t{32} << 20;  // one XML part, inflated

core::Error Unreadable() {
  return core::Error{core::ErrorCode::kInvalidInput, "late.import.error.xlsx", {}};
}

std::uint32_t U32(std::string_view b, std::size_t at) {
  if (at + 4 > b.size()) return 0;
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint16_t U16(std::string_view b, std::size_t at) {
  if (at + 2 > b.size()) return 0;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    static_cast<unsigned char>(b[at + 1]) << 8);
}

struct Member {
  std::uint16_t method = 0;
  std::uint32_t compressed = 0;
  std::uint32_t size = 0;
  std::uint32_t local_offset = 0;
};

std::optional<std::map<std::string, Member>> Directory(std::string_view b) {
  if (b.size() < 22) return std::nullopt;
  std::size_t eocd = std::string_view::npos;
  const std::size_t lowest = b.size() > 65557 ? b.size() - 65557 : 0;
  for (std::size_t i = b.size() - 22 + 1; i-- > lowest;) {
    if (U32(b, i) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string_view::npos) return std::nullopt;
  const std::uint16_t entries = U16(b, eocd + 10);
  std::size_t at = U32(b, eocd + 16);
  std::map<std::string, Member> out;
  for (int i = 0; i < entries; ++i) {
    if (U32(b, at) != 0x02014b50) return std::nullopt;
    Member m;
    m.method = U16(b, at + 10);
    m.compressed = U32(b, at + 20);
    m.size = U32(b, at + 24);
    const std::uint16_t name_len = U16(b, at + 28);
    const std::uint16_t extra = U16(b, at + 30);
    const std::uint16_t comment = U16(b, at + 32);
    m.local_offset = U32(b, at + 42);
    if (at + 46 + name_len > b.size()) return std::nullopt;
    out[std::string(b.substr(at + 46, name_len))] = m;
    at += 46 + name_len + extra + comment;
  }
  return out;
}

std::optional<std::string> Extract(std::string_view b, const Member& m) {
  const std::size_t local = m.local_offset;
  if (U32(b, local) != 0x04034b50) return std::nullopt;
  const std::size_t data = local + 30 + U16(b, local + 26) + U16(b, local + 28);
  if (data > b.size() || m.compressed > b.size() - data || m.size > kMaxMember) return std::nullopt;
  const std::string_view raw = b.substr(data, m.compressed);
  if (m.method == 0) return std::string(raw);
  if (m.method != 8) return std::nullopt;
  std::string out(m.size, '\0');
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  z.avail_in = static_cast<uInt>(raw.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  if (rc != Z_STREAM_END || z.total_out != m.size) return std::nullopt;
  return out;
}

// Runs expat over `xml` with start/end/text callbacks on one object.
template <typename Handler>
bool ParseXml(const std::string& xml, Handler& h) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (p == nullptr) return false;
  XML_SetUserData(p, &h);
  XML_SetElementHandler(
      p,
      [](void* u, const XML_Char* name, const XML_Char** attrs) {
        static_cast<Handler*>(u)->Start(name, attrs);
      },
      [](void* u, const XML_Char* name) { static_cast<Handler*>(u)->End(name); });
  XML_SetCharacterDataHandler(p, [](void* u, const XML_Char* s, int len) {
    static_cast<Handler*>(u)->Text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  const bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return ok;
}

// Local name without a namespace prefix ("x:si" → "si").
std::string_view Local(const XML_Char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string Attr(const XML_Char** attrs, std::string_view want) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (std::string_view(attrs[i]) == want || Local(attrs[i]) == want) return attrs[i + 1];
  }
  return {};
}

struct SharedStrings {
  std::vector<std::string> items;
  std::string current;
  int phonetic = 0;  // inside <rPh> (ふりがな) or <phoneticPr>
  bool in_t = false;
  void Start(const XML_Char* name, const XML_Char**) {
    const auto n = Local(name);
    if (n == "si") current.clear();
    if (n == "rPh") ++phonetic;
    if (n == "t") in_t = true;
  }
  void End(const XML_Char* name) {
    const auto n = Local(name);
    if (n == "si") items.push_back(current);
    if (n == "rPh") --phonetic;
    if (n == "t") in_t = false;
  }
  void Text(std::string_view s) {
    if (in_t && phonetic == 0) current += s;
  }
};

struct FirstSheet {
  std::string rid;
  void Start(const XML_Char* name, const XML_Char** attrs) {
    if (rid.empty() && Local(name) == "sheet") rid = Attr(attrs, "id");
  }
  void End(const XML_Char*) {}
  void Text(std::string_view) {}
};

struct Rels {
  std::map<std::string, std::string> targets;
  void Start(const XML_Char* name, const XML_Char** attrs) {
    if (Local(name) == "Relationship") targets[Attr(attrs, "Id")] = Attr(attrs, "Target");
  }
  void End(const XML_Char*) {}
  void Text(std::string_view) {}
};

// Column index of a cell reference ("C12" → 2).
int ColumnOf(const std::string& ref) {
  int col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
  }
  return col - 1;
}

struct SheetRows {
  const std::vector<std::string>* shared = nullptr;
  Table rows;
  std::map<int, std::vector<std::string>> by_row;
  int row = 0;
  int col = -1;
  std::string type;
  std::string value;
  bool in_value = false;
  bool bad = false;
  void Start(const XML_Char* name, const XML_Char** attrs) {
    const auto n = Local(name);
    if (n == "row") {
      const std::string r = Attr(attrs, "r");
      row = r.empty() ? row + 1 : std::atoi(r.c_str());
      col = -1;
    } else if (n == "c") {
      const std::string r = Attr(attrs, "r");
      col = r.empty() ? col + 1 : ColumnOf(r);
      type = Attr(attrs, "t");
      value.clear();
    } else if (n == "v" || n == "t") {
      in_value = true;
    }
  }
  void End(const XML_Char* name) {
    const auto n = Local(name);
    if (n == "v" || n == "t") {
      in_value = false;
    } else if (n == "c") {
      if (row <= 0 || row > 100000 || col < 0 || col > 200) {
        bad = true;
        return;
      }
      std::string text = value;
      if (type == "s") {
        const auto index = static_cast<std::size_t>(std::atol(value.c_str()));
        text = shared != nullptr && index < shared->size() ? (*shared)[index] : "";
      }
      auto& cells = by_row[row];
      if (cells.size() <= static_cast<std::size_t>(col)) cells.resize(col + 1);
      cells[col] = text;
    }
  }
  void Text(std::string_view s) {
    if (in_value) value += s;
  }
};

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

core::Result<Table> ReadXlsx(std::string_view bytes) {
  auto dir = Directory(bytes);
  if (!dir) return Unreadable();
  auto part = [&](const std::string& name) -> std::optional<std::string> {
    auto it = dir->find(name);
    if (it == dir->end()) return std::nullopt;
    return Extract(bytes, it->second);
  };
  SharedStrings strings;
  if (auto xml = part("xl/sharedStrings.xml")) {
    if (!ParseXml(*xml, strings)) return Unreadable();
  }
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  auto workbook = part("xl/workbook.xml");
  auto rels = part("xl/_rels/workbook.xml.rels");
  if (!workbook) return Unreadable();
  if (rels) {
    FirstSheet first;
    Rels targets;
    if (ParseXml(*workbook, first) && ParseXml(*rels, targets)) {
      auto it = targets.targets.find(first.rid);
      if (it != targets.targets.end() && !it->second.empty()) {
        sheet_path = it->second[0] == '/' ? it->second.substr(1) : "xl/" + it->second;
      }
    }
  }
  auto sheet = part(sheet_path);
  if (!sheet) return Unreadable();
  SheetRows rows;
  rows.shared = &strings.items;
  if (!ParseXml(*sheet, rows) || rows.bad) return Unreadable();
  Table out;
  int last = 0;
  for (auto& [number, cells] : rows.by_row) {
    // Empty rows in between stay, so row numbers in messages match what Excel shows.
    for (int r = last + 1; r < number; ++r) out.push_back({});
    out.push_back(std::move(cells));
    last = number;
  }
  return out;
}

}  // namespace tsunagu::consultations::import
