// Japanese search over the directory: what a visitor types and what staff entered are folded
// the same way (core::NormalizeForSearch: NFKC, katakana → hiragana, case), so ガン, がん and ｶﾞﾝ
// find one another, and a query of several words finds entries holding all of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::directory {

// The words of a query, each folded; split at ASCII whitespace and U+3000 (the full-width space
// a Japanese IME types), empty words dropped. "ハローワーク　ﾐﾄﾞﾘ" → {"はろーわーく", "みどり"}.
std::vector<std::string> SearchTerms(std::string_view query);

// One stored key for several fields: each folded, one per line, so a word never matches across
// two fields.
std::string SearchKey(const std::vector<std::string_view>& fields);

// Whether every term occurs in one of the keys (true for no terms).
bool MatchesAll(const std::vector<std::string>& terms, const std::vector<std::string_view>& keys);

}  // namespace tsunagu::directory
