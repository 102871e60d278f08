#include "app/cli_text.hpp"

#include "ops/doctor.hpp"

namespace tsunagu::app {

std::string CliLanguage() {
  return ops::OperatorLanguage({});
}

CliText::CliText(const std::string& web_dir) : lang_(CliLanguage()) {
  if (auto loaded = core::Catalog::LoadDirectory(web_dir + "/messages")) {
    catalog_ = std::move(*loaded);
  }
}

std::string CliText::Say(const std::string& key,
                         const std::vector<std::pair<std::string, std::string>>& args) const {
  return catalog_.Format(lang_, key, args);
}

std::string CliText::Explain(const core::Error& error) const {
  if (!catalog_.Has(core::kDefaultLanguage, error.message_key)) return error.message_key;
  std::vector<std::pair<std::string, std::string>> args;
  for (const auto& f : error.fields) args.emplace_back(f.field, f.message_key);
  std::string text = catalog_.Format(lang_, error.message_key, args);
  // Field errors (e.g. a weak password) name their own messages.
  for (const auto& f : error.fields) {
    if (catalog_.Has(core::kDefaultLanguage, f.message_key)) {
      text += " " + catalog_.Get(lang_, f.message_key);
    }
  }
  return text;
}

}  // namespace tsunagu::app
