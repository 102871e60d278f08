#include "app/client_address.hpp"

#include <algorithm>
#include <string_view>

namespace tsunagu::app {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) {
             return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
           };
           return lower(x) == lower(y);
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Every value of a header, comma-separated items in order across repeated fields.
std::vector<std::string_view> Items(const http::Request& request, std::string_view name) {
  std::vector<std::string_view> out;
  for (const auto& [field, value] : request.headers.items()) {
    if (!EqualsIgnoreCase(field, name)) continue;
    std::string_view rest = value;
    for (;;) {
      const std::size_t comma = rest.find(',');
      out.push_back(Trim(rest.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return out;
}

// The node of one Forwarded element's for= parameter (RFC 7239 §6): 192.0.2.1,
// "192.0.2.1:80", "[2001:db8::1]:4711". Empty when the element has no for=.
std::string_view ForwardedFor(std::string_view element) {
  while (!element.empty()) {
    const std::size_t semicolon = element.find(';');
    std::string_view pair = Trim(element.substr(0, semicolon));
    element =
        semicolon == std::string_view::npos ? std::string_view{} : element.substr(semicolon + 1);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || !EqualsIgnoreCase(Trim(pair.substr(0, eq)), "for")) {
      continue;
    }
    std::string_view node = Trim(pair.substr(eq + 1));
    if (node.size() >= 2 && node.front() == '"' && node.back() == '"') {
      node = node.substr(1, node.size() - 2);
    }
    return node;
  }
  return {};
}

// An X-Forwarded-For or Forwarded node as an address: brackets and a port removed.
std::optional<core::IpAddress> NodeAddress(std::string_view node) {
  if (!node.empty() && node.front() == '[') {
    const std::size_t close = node.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view rest = node.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return std::nullopt;
    return core::ParseIpAddress(node.substr(1, close - 1));
  }
  // One colon: IPv4 with a port. More: a bare IPv6 address.
  if (std::count(node.begin(), node.end(), ':') == 1) node = node.substr(0, node.find(':'));
  return core::ParseIpAddress(node);
}

}  // namespace

core::Result<ClientAddress> ClientAddress::FromConfig(
    const std::vector<std::string>& trusted_proxies) {
  ClientAddress out;
  for (const auto& entry : trusted_proxies) {
    auto range = core::IpRange::Parse(entry);
    if (!range) {
      return core::Error::Invalid("[server] trusted_proxies: '" + entry +
                                  "' is not an IP address or CIDR range");
    }
    out.trusted_.push_back(*range);
  }
  return out;
}

bool ClientAddress::Trusted(const core::IpAddress& address) const {
  return std::any_of(trusted_.begin(), trusted_.end(),
                     [&](const core::IpRange& r) { return r.Contains(address); });
}

std::string ClientAddress::Resolve(const http::Request& request) const {
  auto peer = core::ParseIpAddress(request.remote_address);
  if (!peer) return request.remote_address;
  if (!Trusted(*peer)) return peer->ToString();
  std::vector<std::string_view> hops = Items(request, "X-Forwarded-For");
  if (hops.empty()) {
    for (std::string_view element : Items(request, "Forwarded")) {
      hops.push_back(ForwardedFor(element));
    }
  }
  core::IpAddress client = *peer;
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    auto hop = NodeAddress(*it);
    if (!hop) break;
    client = *hop;
    if (!Trusted(*hop)) break;
  }
  return client.ToString();
}

}  // namespace tsunagu::app
