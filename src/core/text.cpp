#include "core/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace tsunagu::core {
namespace {

constexpr UChar32 kIdeographicSpace = 0x3000;

icu::UnicodeString FromUtf8(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Normalizer2 instances are owned by ICU and live for the process; fetching one is a cheap
// lookup after the first call.
icu::UnicodeString Normalize(const icu::UnicodeString& in, bool casefold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                                : icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return in;
  icu::UnicodeString out = normalizer->normalize(in, status);
  if (U_FAILURE(status)) return in;
  return out;
}

bool IsHiragana(UChar32 c) {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x3099 && c <= 0x309E);
}

bool IsKatakana(UChar32 c) {
  return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FD || c == 0x30FE ||
         (c >= 0x31F0 && c <= 0x31FF) ||               // small katakana used for Ainu sounds
         (c >= 0xFF66 && c <= 0xFF9F && c != 0xFF70);  // half-width, without ｰ
}

bool IsProlongedSoundMark(UChar32 c) {
  return c == 0x30FC || c == 0xFF70;
}
bool IsMiddleDot(UChar32 c) {
  return c == 0x30FB || c == 0xFF65;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// U+3000 in UTF-8.
constexpr std::string_view kIdeographicSpaceUtf8 = "\xE3\x80\x80";

}  // namespace

std::string NormalizeNfkc(std::string_view utf8) {
  return ToUtf8(Normalize(FromUtf8(utf8), false));
}

std::string NormalizeForSearch(std::string_view utf8) {
  // NFKC_Casefold is NFKC plus full case folding plus removal of invisible format characters
  // (zero-width space, soft hyphen…) that creep in through copy and paste.
  const icu::UnicodeString folded = Normalize(FromUtf8(utf8), true);
  icu::UnicodeString out;
  for (std::int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    UChar32 c = folded.char32At(i);
    if (u_isUWhiteSpace(c) || c == kIdeographicSpace) continue;
    // The katakana block parallels hiragana 0x60 lower: ァ..ヶ → ぁ..ゖ and ヽヾ → ゝゞ.
    // ヷヸヹヺ have no single hiragana and stay as they are.
    if ((c >= 0x30A1 && c <= 0x30F6) || c == 0x30FD || c == 0x30FE) c -= 0x60;
    out.append(c);
  }
  return ToUtf8(out);
}

std::string NormalizePhone(std::string_view utf8) {
  const std::string s = NormalizeNfkc(utf8);
  std::size_t i = 0;
  while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  bool domestic_prefix = false;
  if (s.compare(i, 3, "+81") == 0) {
    domestic_prefix = true;
    i += 3;
    // "+81 (0)3-…": a bracketed 0 is the domestic prefix we add anyway.
    while (i < s.size() && (s[i] < '0' || s[i] > '9')) ++i;
    if (i < s.size() && s[i] == '0') ++i;
  }
  std::string digits;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') digits += s[i];
  }
  if (digits.empty()) return {};
  return domestic_prefix ? "0" + digits : digits;
}

std::size_t CountCodePoints(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsKanaReading(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  if (static_cast<std::size_t>(length) != utf8.size()) return false;
  bool has_kana = false;
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;  // ill-formed UTF-8
    if (IsHiragana(c) || IsKatakana(c)) {
      has_kana = true;
    } else if (!IsProlongedSoundMark(c) && !IsMiddleDot(c) && c != ' ' && c != kIdeographicSpace) {
      return false;
    }
  }
  return has_kana;
}

std::string Trim(std::string_view utf8) {
  auto starts_with_space = [](std::string_view s) -> std::size_t {
    if (!s.empty() && IsAsciiSpace(s.front())) return 1;
    if (s.starts_with(kIdeographicSpaceUtf8)) return kIdeographicSpaceUtf8.size();
    return 0;
  };
  auto ends_with_space = [](std::string_view s) -> std::size_t {
    if (!s.empty() && IsAsciiSpace(s.back())) return 1;
    if (s.ends_with(kIdeographicSpaceUtf8)) return kIdeographicSpaceUtf8.size();
    return 0;
  };
  while (const std::size_t n = starts_with_space(utf8)) utf8.remove_prefix(n);
  while (const std::size_t n = ends_with_space(utf8)) utf8.remove_suffix(n);
  return std::string(utf8);
}

bool LooksLikeEmail(std::string_view text) {
  // RFC 5321 limits: 254 for a usable forward path, 64 for the local part, 63 per label.
  if (text.empty() || text.size() > 254) return false;
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.empty() || local.size() > 64) return false;
  // ASCII only: a full-width or kana character here is far more often a typing slip (the
  // caller should NFKC first) than an internationalised address our SMTP path could deliver.
  constexpr std::string_view kForbiddenInLocal = "()<>[]:;,\\\"";
  for (char c : local) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || kForbiddenInLocal.find(c) != std::string_view::npos) {
      return false;
    }
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return false;
  }
  if (domain.find('.') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      const bool ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) return false;
    }
    start = end + 1;
  }
  return true;
}

std::string NormalizeNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
}

std::vector<std::string> SplitCodes(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace tsunagu::core
