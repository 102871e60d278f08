// libFuzzer target for the parsers that see raw client input before any handler does.
// fuzz-sources: src/http/message.cpp
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// A second, deliberately naive validator written from the definition (decode, then check
// the code point's range and minimal length), for a differential check.
bool ReferenceUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (lead < 0x80) {
      len = 1;
      cp = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      len = 2;
      cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      len = 3;
      cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      len = 4;
      cp = lead & 0x07;
    } else {
      return false;
    }
    if (s.size() - i < len) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    const std::uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace http = tsunagu::http;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  Check(http::IsValidUtf8(input) == ReferenceUtf8(input));

  if (const auto form = http::ParseForm(input)) {
    for (const auto& [key, value] : *form) {
      Check(http::IsValidUtf8(key));
      Check(http::IsValidUtf8(value));
    }
  }

  for (const bool plus_is_space : {false, true}) {
    if (const auto decoded = http::PercentDecode(input, plus_is_space)) {
      Check(decoded->size() <= input.size());
      // Encoding is total and decoding undoes it.
      Check(http::PercentDecode(http::PercentEncode(*decoded), plus_is_space) == *decoded);
    }
  }
  Check(http::PercentDecode(http::PercentEncode(input), false) == std::string(input));
  // Encoded output is pure ASCII, so always valid UTF-8.
  Check(http::IsValidUtf8(http::PercentEncode(input)));

  http::Request req;
  req.headers.Add("Cookie", std::string(input));
  const std::size_t eq = input.find('=');
  const std::string_view name = input.substr(0, eq == std::string_view::npos ? 0 : eq);
  if (const auto cookie = req.Cookie(name)) Check(cookie->size() <= input.size());
  (void)req.Cookie("sid");
  (void)req.Cookie(input);
  return 0;
}
