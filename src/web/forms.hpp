// Small helpers shared by handlers.
#pragma once

#include <ctemplate/template.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/message.hpp"
#include "web/context.hpp"
#include "web/page.hpp"

namespace tsunagu::web {

// A same-site relative path to return to after login (SECURITY.md rule 7): one leading '/',
// no second '/' or '\', no control character, space, backslash or non-ASCII byte, also once
// percent-decoded. Anything else ("//evil", "/\t/evil", "/%2F/evil", "javascript:") becomes "/".
std::string SafeNext(const std::string& next);

// 303 to `location`, carrying the context's cookies.
http::Response SeeOther(const std::string& location);

// Length limit check in code points; adds a field error when over.
void CheckLength(std::vector<core::FieldError>& errors, const std::string& field,
                 const std::string& value, std::size_t max, bool required);

// Parses a positive id from a path parameter; 0 when malformed.
std::int64_t ParseId(const std::string& text);

// The whole of `text` as a decimal integer, or -1 (which validation then rejects) when it is
// empty, malformed or out of range.
int ParseInt(const std::string& text);

// A service error as a page: NotFound looks exactly like a missing page (other organisations'
// records are not revealed), other errors show their own message with their status (a
// conflict's reason with 409, error.forbidden with 403, …), internal errors the 500 wording.
http::Response Failure(const Pages& pages, const RequestContext& ctx, const core::Error& error);

// "令和8年12月3日 18:05" (JST) for a Unix time, in the page's language.
std::string DateTimeOf(const RequestContext& ctx, std::int64_t unix_seconds);

// One radio button or checkbox per code in `section` (CODE, ID, LABEL, CHECKED), labelled
// `label_prefix` + code. The first control carries the field's id: the error summary links
// to it.
// `codes` is any range of strings (a code list, or the codes allowed here).
template <typename Codes>
void AddChoices(const Pages& pages, const RequestContext& ctx, ctemplate::TemplateDictionary& dict,
                const std::string& section, const std::string& field,
                const std::string& label_prefix, const Codes& codes,
                const std::vector<std::string>& chosen) {
  bool first = true;
  for (auto code : codes) {
    const std::string text(code);
    auto* item = dict.AddSectionDictionary(section);
    item->SetValue("CODE", text);
    std::string id = field;  // the first choice's id is the field's, for its <label for>
    if (!first) id.append("-").append(text);
    item->SetValue("ID", id);
    first = false;
    item->SetValue("LABEL", pages.T(ctx, label_prefix + text));
    if (std::find(chosen.begin(), chosen.end(), text) != chosen.end()) {
      item->ShowSection("CHECKED");
    }
  }
}

}  // namespace tsunagu::web
