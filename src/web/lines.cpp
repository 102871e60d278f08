#include "web/lines.hpp"

namespace tsunagu::web {

const ctemplate::StaticTemplateString kLineKey = STS_INIT(kLineKey, "LINE");

void AddLines(ctemplate::TemplateDictionary& dict, const ctemplate::TemplateString& section,
              const std::string& text, const ctemplate::TemplateString& variable) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    dict.AddSectionDictionary(section)->SetValue(
        variable, text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

}  // namespace tsunagu::web
