// Escaping for HTML and XML text and attribute values (templates, SVG).
#pragma once

#include <string>
#include <string_view>

namespace tsunagu::core {

inline std::string EscapeMarkup(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace tsunagu::core
