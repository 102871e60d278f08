#include "directory/hsds_id.hpp"

#include <array>
#include <cstdio>

namespace tsunagu::directory {
namespace {

constexpr std::string_view kPrefix = "7473756e-6167-8";  // "tsunag", version 8
constexpr std::string_view kVariant = "-8000-";          // variant 10, reserved bits 0
constexpr std::size_t kLength = 36;
constexpr std::int64_t kMaxNumber = (std::int64_t{1} << 48) - 1;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of hex digits; nullopt when one is not a hex digit.
std::optional<std::int64_t> Hex(std::string_view digits) {
  std::int64_t value = 0;
  for (char c : digits) {
    const int v = HexValue(c);
    if (v < 0) return std::nullopt;
    value = value * 16 + v;
  }
  return value;
}

bool SameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'A' && x <= 'F') x = static_cast<char>(x - 'A' + 'a');
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace

std::string HsdsId(HsdsKind kind, std::int64_t number) {
  std::array<char, kLength + 1> out{};
  std::snprintf(out.data(), out.size(), "%s%03x%s%012llx", std::string(kPrefix).c_str(),
                static_cast<unsigned>(kind), std::string(kVariant).c_str(),
                static_cast<unsigned long long>(number & kMaxNumber));
  return std::string(out.data(), kLength);
}

std::optional<std::int64_t> ParseHsdsId(HsdsKind kind, std::string_view id) {
  if (id.size() != kLength) return std::nullopt;
  if (!SameIgnoringCase(id.substr(0, kPrefix.size()), kPrefix)) return std::nullopt;
  const auto kind_value = Hex(id.substr(kPrefix.size(), 3));
  if (!kind_value || *kind_value != static_cast<int>(kind)) return std::nullopt;
  if (id.substr(kPrefix.size() + 3, kVariant.size()) != kVariant) return std::nullopt;
  const auto number = Hex(id.substr(kLength - 12));
  if (!number || *number < 1) return std::nullopt;
  return number;
}

}  // namespace tsunagu::directory
