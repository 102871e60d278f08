// What the `tsunagu` command says to the operator, in the operator's language, from the message
// catalogues (web/messages/*.cli.toml and the error keys of the other domains).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"

namespace tsunagu::app {

// The operator's language: TSUNAGU_LANG, else the first of LC_ALL, LC_MESSAGES and LANG that is
// set; "en…" gives English, anything else (C.UTF-8 on a server included) Japanese first. One
// rule with `tsunagu doctor` (ops::OperatorLanguage without --lang).
std::string CliLanguage();

class CliText {
 public:
  // Loads the catalogues of web_dir/messages; without them every key answers itself.
  explicit CliText(const std::string& web_dir);

  const std::string& lang() const { return lang_; }
  std::string Say(const std::string& key,
                  const std::vector<std::pair<std::string, std::string>>& args = {}) const;
  // The error as a sentence: its key's message, the error's fields filling the message's
  // placeholders (field = name, message_key = value; see transfer/transfer.hpp). An error
  // whose key the catalogues lack (a developer's "config: …" text) is shown as it is.
  std::string Explain(const core::Error& error) const;

 private:
  core::Catalog catalog_;
  std::string lang_;
};

}  // namespace tsunagu::app
