// Builds full pages: the layout (header, navigation by role, language switch) around a page
// template, the error summary pattern, and error pages in the user's language.
#pragma once

#include <ctemplate/template.h>

#include <string>
#include <utility>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "web/context.hpp"
#include "web/renderer.hpp"

namespace tsunagu::web {

// A page title that names its record: a catalogue key with {placeholders} and their values
// (a date, a form's name, a case or referral number — never a person's name), so printed forms
// and browser tabs can be told apart.
struct Title {
  std::string key;
  std::vector<std::pair<std::string, std::string>> args;
};

class Pages {
 public:
  Pages(const Renderer& renderer, const core::Catalog& catalog)
      : renderer_(renderer), catalog_(catalog) {}

  // Renders `tpl` with `dict` inside the layout. title_key is a catalogue key.
  http::Response Render(const RequestContext& ctx, const std::string& tpl,
                        const std::string& title_key, ctemplate::TemplateDictionary& dict,
                        int status = 200) const;
  http::Response Render(const RequestContext& ctx, const std::string& tpl, const Title& title,
                        ctemplate::TemplateDictionary& dict, int status = 200) const;
  // A page that explains a problem (404, 403, 400, 500 …) with a way forward.
  http::Response Error(const RequestContext& ctx, int status, const std::string& message_key) const;

  // Fills the error summary (top of the form) and per-field errors (ERR_<FIELD> sections with
  // MESSAGE) from an error value.
  void AddErrors(ctemplate::TemplateDictionary& dict, const RequestContext& ctx,
                 const core::Error& error) const;

  const std::string& T(const RequestContext& ctx, const std::string& key) const {
    return catalog_.Get(ctx.lang, key);
  }
  const core::Catalog& catalog() const { return catalog_; }
  const Renderer& renderer() const { return renderer_; }

 private:
  const Renderer& renderer_;
  const core::Catalog& catalog_;
};

// Keeps what the person typed: sets V_<FIELD> for each named form field.
void KeepInput(ctemplate::TemplateDictionary& dict, const RequestContext& ctx,
               std::initializer_list<const char*> fields);

// HTTP status for a domain error code.
int StatusFor(core::ErrorCode code);

}  // namespace tsunagu::web
