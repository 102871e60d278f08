// A form's answers: checked against its definition, stored as one JSON object, turned back into
// the inputs of the edit page, and written out for reading and printing.
//
// Input names: a field's key; "<key>.from" and "<key>.to" for time ranges and periods; several
// values under "<key>" for choices; "<key>.<row>.<column>" for the cells of a rows table (rows
// from 0). Stored JSON: strings for scalars, an array of codes for choices, {"from","to"} for
// ranges, an array of {column: value} objects for rows; empty answers are left out.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/wareki.hpp"
#include "forms/form_catalog.hpp"

namespace tsunagu::forms {

// Form fields as posted (several values for one name are kept in order).
using Input = std::multimap<std::string, std::string>;

// Problems are keyed by the input name of the control to fix (errors link to it): messages are
// catalogue keys under "forms.error.".
struct Checked {
  boost::json::object data;
  std::vector<core::FieldError> errors;
};

Checked Check(const FormDefinition& def, const Input& input);

// The stored answers as inputs of the edit page.
Input ToInput(const FormDefinition& def, const boost::json::object& data);

// Whether the stored answers hold anything for the field.
bool HasAnswer(const boost::json::object& data, std::string_view key);

// How dates are written: 和暦 (令和8年5月1日), 西暦 (2026年5月1日) or English.
enum class DateStyle { kWareki, kSeireki, kEnglish };

// A date ("2026-05-01", or "1978" / "1978-05" for partial dates) as people read it; empty for
// an empty value, the text itself when it does not parse.
std::string FormatFormDate(std::string_view iso, DateStyle style);
// The blank date of a signature line for handwriting: 「令和　　年　　月　　日」 (the current era)
// or 「　　　　年　　月　　日」; English: "____ / __ / __".
std::string BlankDate(DateStyle style);

// A scalar answer (a field or a cell) as text: choice labels, dates in `style`, numbers with
// their unit. `lang` chooses the labels ("ja" for printing).
std::string DisplayScalar(const Field& field, std::string_view value, std::string_view lang,
                          DateStyle style);
// Any answer as text (choices joined by 「、」, ranges as 「…〜…」); rows are left to the caller.
std::string DisplayValue(const Field& field, const boost::json::object& data, std::string_view lang,
                         DateStyle style);

// The stored rows of a rows field (an empty list when none).
std::vector<std::map<std::string, std::string>> Rows(const boost::json::object& data,
                                                     std::string_view key);

}  // namespace tsunagu::forms
