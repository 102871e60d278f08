#include "http/request_target.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace tsunagu::http::detail {
namespace {

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsTokenChar(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b <= 0x20 || b >= 0x7F) return false;
  return std::string_view("\"(),/:;<=>?@[\\]{}").find(c) == std::string_view::npos;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return AsciiLower(x) == AsciiLower(y);
         });
}

bool ContainsTokenIgnoreCase(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (EqualsIgnoreCase(item, token)) return true;
  }
  return false;
}

// Header values from handlers may carry user input (a redirect target): CR or LF would let
// it inject headers, so such a response is refused rather than sent.
bool IsValidHeader(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), IsTokenChar)) return false;
  return std::none_of(value.begin(), value.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && c != '\t') || b == 0x7F;
  });
}

bool IsBodylessStatus(int status) {
  return status / 100 == 1 || status == 204 || status == 304;
}

// Splits the request target into a decoded path and query. Returns false when either part
// is not valid percent-encoding or not valid UTF-8.
bool FillPathAndQuery(Request& req) {
  std::string_view target = req.target;
  if (!target.starts_with('/')) {
    // absolute-form (RFC 9112 §3.2.2): keep only the path and query.
    const std::size_t scheme_end = target.find("://");
    if (scheme_end == std::string_view::npos) return false;
    const std::string_view scheme = target.substr(0, scheme_end);
    if (!EqualsIgnoreCase(scheme, "http") && !EqualsIgnoreCase(scheme, "https")) return false;
    const std::size_t path_start = target.find_first_of("/?", scheme_end + 3);
    target = path_start == std::string_view::npos ? std::string_view{} : target.substr(path_start);
  }
  const std::size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  if (raw_path.empty()) raw_path = "/";
  auto path = PercentDecode(raw_path, false);
  // A NUL has no business in a path and is a classic way to fool file-system code.
  if (!path || !IsValidUtf8(*path) || path->find('\0') != std::string::npos) return false;
  req.path = std::move(*path);
  if (question != std::string_view::npos) {
    auto query = ParseForm(target.substr(question + 1));
    if (!query) return false;
    req.query = std::move(*query);
  }
  return true;
}

}  // namespace tsunagu::http::detail
