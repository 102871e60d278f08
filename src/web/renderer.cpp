#include "web/renderer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/markup.hpp"

namespace tsunagu::web {

std::string EscapeHtml(std::string_view s) {
  return core::EscapeMarkup(s);
}

std::string LocalizeTemplate(const std::string& text, const core::Catalog& catalog,
                             const std::string& lang, std::vector<std::string>* missing) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  std::size_t pos = 0;
  while (true) {
    auto open = text.find("[[", pos);
    if (open == std::string::npos) break;
    auto close = text.find("]]", open + 2);
    if (close == std::string::npos) break;
    std::string key = text.substr(open + 2, close - open - 2);
    out.append(text, pos, open - pos);
    if (!catalog.Has(lang, key) && missing) missing->push_back(key);
    out += EscapeHtml(catalog.Get(lang, key));
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

namespace {

// Replaces [[include:name]] with the named template's text (partials such as the error
// summary), recursively up to a small depth.
core::Result<std::string> ResolveIncludes(const std::string& text,
                                          const std::map<std::string, std::string>& sources,
                                          int depth) {
  if (depth > 4) return core::Error::Invalid("template includes nest too deeply");
  std::string out;
  std::size_t pos = 0;
  const std::string open_marker = "[[include:";
  while (true) {
    auto open = text.find(open_marker, pos);
    if (open == std::string::npos) break;
    auto close = text.find("]]", open);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + open_marker.size(), close - open - open_marker.size());
    auto it = sources.find(name);
    if (it == sources.end()) return core::Error::Invalid("unknown template include: " + name);
    auto inner = ResolveIncludes(it->second, sources, depth + 1);
    if (!inner) return inner.error();
    out.append(text, pos, open - pos);
    out += *inner;
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace

core::Result<std::unique_ptr<Renderer>> Renderer::Load(const std::filesystem::path& templates_dir,
                                                       const core::Catalog& catalog) {
  std::unique_ptr<Renderer> r(new Renderer());
  r->cache_ = std::make_unique<ctemplate::TemplateCache>();
  std::error_code ec;
  std::map<std::string, std::string> sources;
  for (auto it = std::filesystem::recursive_directory_iterator(templates_dir, ec);
       it != std::filesystem::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file() || it->path().extension() != ".tpl") continue;
    auto rel = std::filesystem::relative(it->path(), templates_dir).replace_extension("");
    std::ifstream f(it->path());
    std::stringstream ss;
    ss << f.rdbuf();
    sources[rel.generic_string()] = ss.str();
  }
  if (ec)
    return core::Error::Invalid("templates directory not readable: " + templates_dir.string());
  std::vector<std::string> missing;
  for (const auto& [name, source] : sources) {
    auto resolved = ResolveIncludes(source, sources, 0);
    if (!resolved) return resolved.error();
    std::string text = "{{%AUTOESCAPE context=\"HTML\"}}" + *resolved;
    for (const auto& lang : catalog.Languages()) {
      std::string localized = LocalizeTemplate(text, catalog, lang, &missing);
      if (!r->cache_->StringToTemplateCache(name + "@" + lang, localized,
                                            ctemplate::DO_NOT_STRIP)) {
        return core::Error::Invalid("template does not parse: " + name + " (" + lang + ")");
      }
    }
    r->names_.push_back(name);
  }
  if (!missing.empty()) {
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    std::string list;
    for (const auto& k : missing) list += " " + k;
    return core::Error::Invalid("templates use message keys missing from a catalogue:" + list);
  }
  r->cache_->Freeze();
  return r;
}

Renderer::~Renderer() = default;

bool Renderer::Has(const std::string& name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::string Renderer::Render(const std::string& name, const std::string& lang,
                             const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  if (!cache_->ExpandWithData(name + "@" + lang, ctemplate::DO_NOT_STRIP, &dict, nullptr, &out)) {
    throw std::runtime_error("template not found: " + name);
  }
  return out;
}

}  // namespace tsunagu::web
