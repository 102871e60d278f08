#include "http/message.hpp"

#include <algorithm>
#include <cstddef>

namespace tsunagu::http {
namespace {

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool IsCookieSpace(char c) {
  return c == ' ' || c == '\t';
}

std::string_view TrimCookieSpace(std::string_view s) {
  while (!s.empty() && IsCookieSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsCookieSpace(s.back())) s.remove_suffix(1);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Searches one Cookie header value ("a=1; b=2") for name.
std::optional<std::string> FindCookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    const std::size_t eq = pair.find('=');
    // A pair without '=' is not a cookie (RFC 6265 §5.2 step 2 ignores it).
    if (eq == std::string_view::npos) continue;
    if (TrimCookieSpace(pair.substr(0, eq)) != name) continue;
    std::string_view value = TrimCookieSpace(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

}  // namespace

void Headers::Set(std::string_view name, std::string value) {
  std::erase_if(items_, [name](const auto& item) { return EqualsIgnoreCase(item.first, name); });
  items_.emplace_back(std::string(name), std::move(value));
}

std::optional<std::string_view> Headers::Get(std::string_view name) const {
  for (const auto& [key, value] : items_) {
    if (EqualsIgnoreCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  const auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  if (name.empty()) return std::nullopt;
  // HTTP/1.1 clients send one Cookie header, but tolerate several rather than drop a session.
  for (const auto& [key, value] : headers.items()) {
    if (!EqualsIgnoreCase(key, "cookie")) continue;
    if (auto found = FindCookie(value, name)) return found;
  }
  return std::nullopt;
}

Response Response::Text(int status, std::string body, std::string content_type) {
  Response res;
  res.status = status;
  res.body = std::move(body);
  res.headers.Set("Content-Type", std::move(content_type));
  return res;
}

Response Response::Html(int status, std::string body) {
  return Text(status, std::move(body), "text/html; charset=utf-8");
}

Response Response::Json(int status, std::string body, std::string content_type) {
  return Text(status, std::move(body), std::move(content_type));
}

Response Response::Redirect(std::string location, int status) {
  Response res;
  res.status = status;
  res.headers.Set("Location", std::move(location));
  return res;
}

std::optional<std::multimap<std::string, std::string>> ParseForm(std::string_view body) {
  std::multimap<std::string, std::string> fields;
  while (!body.empty()) {
    const std::size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    // "a=1&&b=2" and a trailing '&' are common from hand-built URLs; they carry no field.
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    auto key = PercentDecode(pair.substr(0, eq), true);
    if (!key || !IsValidUtf8(*key)) return std::nullopt;
    std::string value;
    if (eq != std::string_view::npos) {
      auto decoded = PercentDecode(pair.substr(eq + 1), true);
      if (!decoded || !IsValidUtf8(*decoded)) return std::nullopt;
      value = std::move(*decoded);
    }
    fields.emplace(std::move(*key), std::move(value));
  }
  return fields;
}

std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (in.size() - i < 3) return std::nullopt;
      const int hi = HexValue(in[i + 1]);
      const int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string PercentEncode(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size());
  for (const char c : in) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsUnreserved(byte)) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    // The allowed range of the second byte encodes the overlong, surrogate and
    // > U+10FFFF rules (Unicode 15, table 3-7).
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 == 0xE0) {
      len = 3;
      lo = 0xA0;
    } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
      len = 3;
    } else if (b0 == 0xED) {
      len = 3;
      hi = 0x9F;
    } else if (b0 == 0xF0) {
      len = 4;
      lo = 0x90;
    } else if (b0 >= 0xF1 && b0 <= 0xF3) {
      len = 4;
    } else if (b0 == 0xF4) {
      len = 4;
      hi = 0x8F;
    } else {
      return false;
    }
    if (n - i < len) return false;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b1 < lo || b1 > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < 0x80 || b > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace tsunagu::http
