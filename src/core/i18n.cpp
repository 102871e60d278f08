#include "core/i18n.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <mutex>
#include <set>
#include <system_error>

namespace tsunagu::core {

struct Catalog::Unresolved {
  // Keys normally come from source code, but a handler could build one from input: the cap
  // keeps a hostile client from growing this set without bound.
  static constexpr std::size_t kMaxKeys = 4096;
  std::mutex mu;
  std::set<std::string, std::less<>> keys;
  const std::string overflow = "(missing message)";
};

namespace {

using Messages = std::map<std::string, std::string>;

Error LoadError(std::string key, std::string where, std::string detail) {
  Error e{ErrorCode::kInternal, std::move(key), {}};
  e.fields.push_back(FieldError{std::move(where), std::move(detail)});
  return e;
}

std::string Where(const std::filesystem::path& file, const toml::source_region& at) {
  return file.string() + ":" + std::to_string(at.begin.line) + ":" +
         std::to_string(at.begin.column);
}

// Flattens nested tables into dotted keys; every leaf must be a string.
Status Flatten(const toml::table& table, const std::string& prefix,
               const std::filesystem::path& file, Messages& out) {
  for (const auto& [k, node] : table) {
    const std::string key =
        prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (const toml::table* sub = node.as_table()) {
      if (Status s = Flatten(*sub, key, file, out); !s) return s;
    } else if (const toml::value<std::string>* text = node.as_string()) {
      // A quoted key "a.b" and a table [a] b would otherwise silently overwrite each other.
      if (!out.emplace(key, text->get()).second) {
        return LoadError("error.catalog_invalid", Where(file, node.source()),
                         "duplicate key " + key);
      }
    } else {
      return LoadError("error.catalog_invalid", Where(file, node.source()),
                       "value of " + key + " is not a string");
    }
  }
  return OkStatus();
}

bool IsPlaceholderChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

// Calls on_text for literal runs and on_placeholder for each well-formed {name}.
template <typename OnText, typename OnPlaceholder>
void ScanTemplate(std::string_view text, OnText on_text, OnPlaceholder on_placeholder) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    std::size_t close = open + 1;
    while (close < text.size() && IsPlaceholderChar(text[close])) ++close;
    if (close < text.size() && text[close] == '}' && close > open + 1) {
      on_text(text.substr(i, open - i));
      on_placeholder(text.substr(open + 1, close - open - 1));
      i = close + 1;
    } else {
      on_text(text.substr(i, open + 1 - i));
      i = open + 1;
    }
  }
  on_text(text.substr(i));
}

std::set<std::string> Placeholders(std::string_view text) {
  std::set<std::string> names;
  ScanTemplate(
      text, [](std::string_view) {}, [&](std::string_view name) { names.emplace(name); });
  return names;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "en-US" → "en"; "" for anything we do not serve.
std::string_view Supported(std::string_view tag) {
  const std::string primary = AsciiLower(tag.substr(0, tag.find_first_of("-_")));
  if (primary == "ja") return "ja";
  if (primary == "en") return "en";
  return {};
}

}  // namespace

Catalog::Catalog() : unresolved_(std::make_shared<Unresolved>()) {}

Result<Catalog> Catalog::LoadDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".toml" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return LoadError("error.catalog_unreadable", dir.string(), ec.message());
  std::sort(files.begin(), files.end());

  Catalog catalog;
  for (const auto& file : files) {
    // "ja.toml" and "ja.orgs.toml" both belong to "ja": each domain may keep its own file.
    const std::string stem = file.stem().string();
    const std::string lang = stem.substr(0, stem.find('.'));
    Messages& messages = catalog.own_[lang];
    try {
      const toml::table table = toml::parse_file(file.string());
      if (Status s = Flatten(table, "", file, messages); !s) return s.error();
    } catch (const toml::parse_error& e) {
      return LoadError("error.catalog_invalid", Where(file, e.source()),
                       std::string(e.description()));
    }
  }

  const auto ja = catalog.own_.find(kDefaultLanguage);
  if (ja == catalog.own_.end()) {
    return LoadError("error.catalog_invalid", (dir / "ja.toml").string(),
                     "the Japanese catalogue is required: it is the fallback for every language");
  }
  for (const auto& [lang, messages] : catalog.own_) {
    Messages merged = messages;
    merged.insert(ja->second.begin(), ja->second.end());  // keeps lang's own entries
    catalog.merged_.emplace(lang, std::move(merged));
  }
  return catalog;
}

const std::string& Catalog::Get(std::string_view lang, std::string_view key) const {
  const std::string key_string(key);
  for (std::string_view l : {lang, kDefaultLanguage}) {
    if (const auto it = own_.find(l); it != own_.end()) {
      if (const auto m = it->second.find(key_string); m != it->second.end()) return m->second;
    }
  }
  std::lock_guard lock(unresolved_->mu);
  auto& keys = unresolved_->keys;
  if (const auto it = keys.find(key); it != keys.end()) return *it;
  if (keys.size() >= Unresolved::kMaxKeys) return unresolved_->overflow;
  return *keys.emplace(key_string).first;
}

std::string Catalog::Format(std::string_view lang, std::string_view key,
                            const std::vector<std::pair<std::string, std::string>>& args) const {
  std::string out;
  ScanTemplate(
      Get(lang, key), [&](std::string_view text) { out += text; },
      [&](std::string_view name) {
        const auto arg =
            std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (arg == args.end()) {
          out += "{";
          out += name;
          out += "}";
        } else {
          out += arg->second;
        }
      });
  return out;
}

bool Catalog::Has(std::string_view lang, std::string_view key) const {
  const auto it = own_.find(lang);
  return it != own_.end() && it->second.count(std::string(key)) > 0;
}

std::vector<std::string> Catalog::Languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, messages] : own_) out.push_back(lang);
  return out;
}

std::vector<std::string> Catalog::MissingKeys(std::string_view lang) const {
  std::vector<std::string> out;
  const auto ja = own_.find(kDefaultLanguage);
  if (ja == own_.end()) return out;
  const auto target = own_.find(lang);
  for (const auto& [key, text] : ja->second) {
    if (target == own_.end() || target->second.count(key) == 0) out.push_back(key);
  }
  return out;
}

std::vector<std::string> Catalog::PlaceholderMismatches(std::string_view lang) const {
  std::vector<std::string> out;
  const auto ja = own_.find(kDefaultLanguage);
  const auto target = own_.find(lang);
  if (ja == own_.end() || target == own_.end()) return out;
  for (const auto& [key, text] : target->second) {
    const auto base = ja->second.find(key);
    if (base != ja->second.end() && Placeholders(base->second) != Placeholders(text)) {
      out.push_back(key);
    }
  }
  return out;
}

const std::map<std::string, std::string>& Catalog::All(std::string_view lang) const {
  for (std::string_view l : {lang, kDefaultLanguage}) {
    if (const auto it = merged_.find(l); it != merged_.end()) return it->second;
  }
  return empty_;
}

std::vector<std::string> Catalog::UnresolvedKeys() const {
  std::lock_guard lock(unresolved_->mu);
  return {unresolved_->keys.begin(), unresolved_->keys.end()};
}

std::string NegotiateLanguage(std::string_view query_lang, std::string_view cookie_or_user_setting,
                              std::string_view accept_language) {
  for (std::string_view explicit_choice : {query_lang, cookie_or_user_setting}) {
    if (const std::string_view lang = Supported(TrimOws(explicit_choice)); !lang.empty()) {
      return std::string(lang);
    }
  }
  // RFC 9110 §12.5.4: comma-separated ranges, each with an optional ;q= weight (0 = not
  // acceptable). Only whether ja and en are acceptable matters for the rule above.
  bool accepts_ja = false;
  bool accepts_en = false;
  std::size_t start = 0;
  while (start <= accept_language.size()) {
    std::size_t end = accept_language.find(',', start);
    if (end == std::string_view::npos) end = accept_language.size();
    std::string_view item = accept_language.substr(start, end - start);
    start = end + 1;
    const std::string_view range = TrimOws(item.substr(0, item.find(';')));
    double q = 1.0;
    for (std::size_t semi = item.find(';'); semi != std::string_view::npos;) {
      const std::size_t next = item.find(';', semi + 1);
      const std::string_view param = TrimOws(item.substr(semi + 1, next - semi - 1));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        const auto [ptr, err] = std::from_chars(param.data() + 2, param.data() + param.size(), q);
        if (err != std::errc() || ptr != param.data() + param.size()) q = 0.0;
      }
      semi = next;
    }
    if (q <= 0.0) continue;
    const std::string_view lang = Supported(range);
    if (lang == "ja") accepts_ja = true;
    if (lang == "en") accepts_en = true;
  }
  return accepts_en && !accepts_ja ? "en" : std::string(kDefaultLanguage);
}

}  // namespace tsunagu::core
