#include "core/ip_range.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

namespace tsunagu::core {
namespace {

constexpr std::array<std::uint8_t, 12> kMappedPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

}  // namespace

std::string IpAddress::ToString() const {
  char buf[INET6_ADDRSTRLEN] = {};
  if (inet_ntop(v4 ? AF_INET : AF_INET6, bytes.data(), buf, sizeof buf) == nullptr) return {};
  return buf;
}

std::optional<IpAddress> ParseIpAddress(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  const std::string s(text);
  IpAddress a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) return a;
  if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) != 1) return std::nullopt;
  if (std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), a.bytes.begin())) {
    std::array<std::uint8_t, 16> v4{};
    std::copy(a.bytes.begin() + 12, a.bytes.end(), v4.begin());
    a.bytes = v4;
    return a;
  }
  a.v4 = false;
  return a;
}

std::optional<IpRange> IpRange::Parse(std::string_view text) {
  const std::size_t slash = text.find('/');
  auto address = ParseIpAddress(text.substr(0, slash));
  if (!address) return std::nullopt;
  const int max_bits = address->v4 ? 32 : 128;
  int bits = max_bits;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    const char* end = digits.data() + digits.size();
    auto [ptr, ec] = std::from_chars(digits.data(), end, bits);
    if (digits.empty() || digits.size() > 3 || ec != std::errc() || ptr != end || bits < 0 ||
        bits > max_bits) {
      return std::nullopt;
    }
  }
  IpRange range;
  range.network_ = *address;
  range.prefix_bits_ = bits;
  // Host bits set below the prefix: refused rather than silently widened or narrowed.
  for (int i = bits; i < max_bits; ++i) {
    if (address->bytes[static_cast<std::size_t>(i / 8)] & (0x80 >> (i % 8))) return std::nullopt;
  }
  return range;
}

bool IpRange::Contains(const IpAddress& address) const {
  if (address.v4 != network_.v4) return false;
  const int full = prefix_bits_ / 8;
  for (int i = 0; i < full; ++i) {
    if (address.bytes[static_cast<std::size_t>(i)] != network_.bytes[static_cast<std::size_t>(i)]) {
      return false;
    }
  }
  const int rest = prefix_bits_ % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (address.bytes[static_cast<std::size_t>(full)] & mask) ==
         (network_.bytes[static_cast<std::size_t>(full)] & mask);
}

}  // namespace tsunagu::core
