// The client's address as the rules need it (SECURITY.md rules 4 and 6): the socket peer, or,
// when that peer is a configured trusted proxy, the address the proxy forwarded.
#pragma once

#include <string>
#include <vector>

#include "core/ip_range.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace tsunagu::app {

class ClientAddress {
 public:
  // Parses [server] trusted_proxies; an entry that is not an address or range is an error.
  static core::Result<ClientAddress> FromConfig(const std::vector<std::string>& trusted_proxies);

  // The peer itself unless it is a trusted proxy. From a trusted proxy: X-Forwarded-For when
  // present (every such header, in order), else Forwarded's for= values; walking from the
  // right, hops that are trusted proxies themselves are skipped and the first other address
  // is the client. A hop that is not an IP address (garbage, "unknown", an obfuscated name)
  // ends the walk: the nearest trusted hop is then the client, never the garbage. Returns the
  // canonical text of the address.
  std::string Resolve(const http::Request& request) const;

 private:
  bool Trusted(const core::IpAddress& address) const;
  std::vector<core::IpRange> trusted_;
};

}  // namespace tsunagu::app
