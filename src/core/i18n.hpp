// Message catalogues (web/messages/<lang>.toml) and the choice of language for a request.
// All text people read comes from here, none from C++ source.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace tsunagu::core {

inline constexpr std::string_view kDefaultLanguage = "ja";

// Immutable after loading, so one instance is shared by every request thread.
class Catalog {
 public:
  // An empty catalogue answers every key with the key itself: handy in tests of other modules.
  Catalog();

  // Loads every *.toml file in `dir`; the language is the file stem ("en.toml" → "en").
  // Nested tables flatten to dotted keys ([login] title = "…" → "login.title"). Every value
  // must be a string, and ja.toml must exist, so a broken catalogue stops the server at start.
  // On a parse error, error().fields[0] holds "file:line:column" as `field` and the parser's
  // description as `message_key` (developer-facing, for the start-up log).
  static Result<Catalog> LoadDirectory(const std::filesystem::path& dir);

  // The message in `lang`, else in Japanese, else the key itself, so a missing message shows
  // up on the page instead of failing the request. Never throws. The reference stays valid as
  // long as the catalogue.
  const std::string& Get(std::string_view lang, std::string_view key) const;

  // Get, then each {name} replaced by its value. Unknown placeholders stay as written, and
  // substituted values are not scanned again, so a value containing "{x}" is inserted as is.
  // Values are inserted raw: escaping belongs to the template engine.
  std::string Format(std::string_view lang, std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& args) const;

  // Whether `lang` itself defines `key` (no fallback).
  bool Has(std::string_view lang, std::string_view key) const;
  std::vector<std::string> Languages() const;  // sorted
  // Keys present in Japanese but not in `lang`, sorted: keeps en complete in a test.
  std::vector<std::string> MissingKeys(std::string_view lang) const;
  // Keys whose {placeholders} in `lang` differ from the Japanese message, sorted.
  std::vector<std::string> PlaceholderMismatches(std::string_view lang) const;
  // Every key resolved as Get would: `lang`'s messages over the Japanese ones. An unknown
  // language gives the Japanese catalogue.
  const std::map<std::string, std::string>& All(std::string_view lang) const;
  // Distinct keys that Get had to answer with the key itself, sorted: lets a test render every
  // page and then assert nothing was missing.
  std::vector<std::string> UnresolvedKeys() const;

 private:
  struct Unresolved;

  // Per language: its own messages, and the same merged over Japanese for All().
  std::map<std::string, std::map<std::string, std::string>, std::less<>> own_;
  std::map<std::string, std::map<std::string, std::string>, std::less<>> merged_;
  std::map<std::string, std::string> empty_;
  // Get returns a reference, so a missing key has to be stored somewhere stable; shared so a
  // copied catalogue stays cheap to copy and thread-safe.
  std::shared_ptr<Unresolved> unresolved_;
};

// Chooses "ja" or "en". An explicit ?lang= wins, then the user's setting (or cookie). Without
// either the answer is Japanese, except when Accept-Language accepts English and does not
// accept Japanese at all: the system is Japanese-first, so a browser that merely ranks English
// above Japanese still gets Japanese. Unrecognised values are ignored.
std::string NegotiateLanguage(std::string_view query_lang, std::string_view cookie_or_user_setting,
                              std::string_view accept_language);

}  // namespace tsunagu::core
