#include "directory/search.hpp"

#include "core/text.hpp"

namespace tsunagu::directory {

std::vector<std::string> SearchTerms(std::string_view query) {
  // NFKC first turns U+3000 into an ASCII space, so one split covers both widths.
  const std::string text = core::NormalizeNfkc(query);
  std::vector<std::string> terms;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find_first_of(" \t\r\n\f\v", pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) {
      std::string term = core::NormalizeForSearch(std::string_view(text).substr(pos, end - pos));
      if (!term.empty()) terms.push_back(std::move(term));
    }
    pos = end + 1;
  }
  return terms;
}

std::string SearchKey(const std::vector<std::string_view>& fields) {
  std::string key;
  for (auto field : fields) {
    if (!key.empty()) key += '\n';
    key += core::NormalizeForSearch(field);
  }
  return key;
}

bool MatchesAll(const std::vector<std::string>& terms, const std::vector<std::string_view>& keys) {
  for (const auto& term : terms) {
    bool found = false;
    for (auto key : keys) {
      if (key.find(term) != std::string_view::npos) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace tsunagu::directory
