// IP addresses and CIDR ranges, IPv4 and IPv6: which peers are trusted proxies
// ([server] trusted_proxies) and what a forwarded header names.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tsunagu::core {

struct IpAddress {
  bool v4 = true;
  // IPv4 uses the first 4 bytes. An IPv4-mapped IPv6 address (::ffff:192.0.2.1, what a
  // dual-stack socket reports) is read as the IPv4 address it carries.
  std::array<std::uint8_t, 16> bytes{};

  // The canonical text (inet_ntop): "192.0.2.1", "2001:db8::1".
  std::string ToString() const;
};

// A literal address only: no host names, ports, brackets or zone ids.
std::optional<IpAddress> ParseIpAddress(std::string_view text);

class IpRange {
 public:
  // "10.0.0.0/8", "192.0.2.7" (one address), "2001:db8::/32", "::1". nullopt when the address
  // or the prefix length is malformed, or host bits are set below the prefix ("10.0.0.1/8"),
  // which is almost always a typing mistake.
  static std::optional<IpRange> Parse(std::string_view text);

  bool Contains(const IpAddress& address) const;

 private:
  IpAddress network_;
  int prefix_bits_ = 0;
};

}  // namespace tsunagu::core
