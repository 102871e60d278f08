// Server-side templates (ctemplate), parsed once at start-up, one copy per language.
//
// Templates live in web/templates/<domain>/<name>.tpl and are named "<domain>/<name>".
// [[message.key]] markers are replaced at load time by the catalogue's text for each language
// (HTML-escaped), so rendering costs nothing for static text. Every template is auto-escaped
// as HTML: {{VAR}} is escaped, {{VAR:none}} inserts trusted, already-rendered HTML only.
#pragma once

#include <ctemplate/template.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/i18n.hpp"
#include "core/result.hpp"

namespace tsunagu::web {

class Renderer {
 public:
  static core::Result<std::unique_ptr<Renderer>> Load(const std::filesystem::path& templates_dir,
                                                      const core::Catalog& catalog);
  ~Renderer();

  // Renders a template for a language. Throws std::runtime_error for an unknown template:
  // that is a programming error, caught by the 500 handler.
  std::string Render(const std::string& name, const std::string& lang,
                     const ctemplate::TemplateDictionary& dict) const;
  bool Has(const std::string& name) const;

 private:
  Renderer() = default;
  std::unique_ptr<ctemplate::TemplateCache> cache_;
  std::vector<std::string> names_;
};

// Replaces [[key]] markers with the HTML-escaped catalogue text (exposed for tests).
std::string LocalizeTemplate(const std::string& text, const core::Catalog& catalog,
                             const std::string& lang, std::vector<std::string>* missing);

std::string EscapeHtml(std::string_view s);

}  // namespace tsunagu::web
