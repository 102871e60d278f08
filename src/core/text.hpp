// Text normalisation and light validation for Japanese input. All functions take and return
// UTF-8; ill-formed input never crashes them (ICU turns bad sequences into U+FFFD).
// UTF-8 validity itself is checked at the edge by http::IsValidUtf8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::core {

// Unicode NFKC: half-width katakana become full-width (ｶﾞﾝ → ガン), full-width ASCII becomes
// ASCII (０１２ＡＢ → 012AB), U+3000 becomes a space. Apply before storing names or searching.
std::string NormalizeNfkc(std::string_view utf8);

// A key for matching, never for display: NFKC, katakana → hiragana, case-folded (so ASCII is
// lower case), and every whitespace or invisible format character removed.
// "ヤマダ　タロウ" and "やまだ たろう" and "ﾔﾏﾀﾞﾀﾛｳ" all become "やまだたろう".
std::string NormalizeForSearch(std::string_view utf8);

// Digits only, after NFKC ("０３－１２３４－５６７８" → "0312345678"). A leading +81 becomes the
// domestic 0 ("+81 90-1234-5678" → "09012345678", "+81 (0)3…" → "03…"). Other country codes
// are kept as digits. Empty when the input holds no digit.
std::string NormalizePhone(std::string_view utf8);

// Characters as a person counts them (code points), for length limits. Counts lead bytes, so
// ill-formed input gives an approximate count rather than an error.
std::size_t CountCodePoints(std::string_view utf8);

// ふりがな check: at least one kana; only hiragana, katakana (full- or half-width), the
// prolonged sound mark ー, the middle dot ・, and spaces (ASCII or U+3000).
bool IsKanaReading(std::string_view utf8);

// Removes ASCII whitespace and U+3000 (IDEOGRAPHIC SPACE) from both ends.
std::string Trim(std::string_view utf8);

// Pragmatic: exactly one @, a non-empty local part, a domain with a dot and no empty label,
// no whitespace or control characters, at most 254 bytes. Delivery is the real check.
bool LooksLikeEmail(std::string_view text);

// Line breaks as LF only: CR LF (what browsers send for a textarea) and a lone CR become LF,
// so stored text does not depend on the browser that sent it.
std::string NormalizeNewlines(std::string_view text);

// A list of codes stored in one column, comma-separated ("basic,records"). Codes never hold a
// comma; empty items are dropped when the column is read back.
std::string JoinCodes(const std::vector<std::string>& codes);
std::vector<std::string> SplitCodes(std::string_view text);

}  // namespace tsunagu::core
