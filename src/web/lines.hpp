// Multi-line text (a note, goals, a record's summary) shown line by line: one section
// dictionary per line, so templates print each line escaped, with <br> or <p> between them.
#pragma once

#include <ctemplate/template.h>

#include <string>

namespace tsunagu::web {

// Adds one `section` per line of `text` (split at '\n'; an empty text gives one empty line),
// each with the line in `variable`.
void AddLines(ctemplate::TemplateDictionary& dict, const std::string& section,
              const std::string& text, const std::string& variable = "LINE");

}  // namespace tsunagu::web
