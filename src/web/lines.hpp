// Multi-line text (a note, goals, a record's summary) shown line by line: one section
// dictionary per line, so templates print each line escaped, with <br> or <p> between them.
#pragma once

#include <ctemplate/template.h>

#include <string>

namespace tsunagu::web {

// "LINE", AddLines' default variable, as a key whose id ctemplate computed once (STS_INIT).
extern const ctemplate::StaticTemplateString kLineKey;

// Adds one `section` per line of `text` (split at '\n'; an empty text gives one empty line),
// each with the line in `variable`. A page that adds many (a timeline) passes its section as a
// StaticTemplateString: a key given as text makes ctemplate look it up in its global name map,
// under a lock, at every line.
void AddLines(ctemplate::TemplateDictionary& dict, const ctemplate::TemplateString& section,
              const std::string& text, const ctemplate::TemplateString& variable = kLineKey);

}  // namespace tsunagu::web
