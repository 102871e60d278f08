// The MHLW 両立支援 forms and the shared assessment sheet as data (FORMS.md): one TOML file per
// form and version in data/forms/, read once at start. Labels, hints and choices live in those
// files, never in C++, so a wrong label is corrected without a release; every field says whether
// it was read in the official form (確認済) or reconstructed (推定).
//
// A definition: form_type, form_version, titles, sections of fields, and the signature lines of
// the printed sheet. Field types: text, textarea, date (optionally a partial date: a year or a
// year and month), choice, choices (several), yes_no, number, time_range, period and rows (a
// repeating table whose columns are fields of the scalar types).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tsunagu::forms {

// The four kinds of form a case keeps (case_form.form_type). Code names from DOMAIN.md.
inline constexpr std::array<std::string_view, 4> kFormTypes = {
    "work_info_form", "doctor_opinion_form", "support_plan", "assessment"};

bool IsFormType(std::string_view type);

enum class FieldType {
  kText,
  kTextarea,
  kDate,
  kChoice,
  kChoices,
  kYesNo,
  kNumber,
  kTimeRange,
  kPeriod,
  kRows,
};

// "text", "textarea" …; nullopt for an unknown name.
std::optional<FieldType> ParseFieldType(std::string_view name);
std::string_view FieldTypeName(FieldType type);
// The types a column of a rows table may have.
bool IsScalar(FieldType type);

struct Text {
  std::string ja;
  std::string en;
  // The text in `lang`, Japanese when English is missing.
  const std::string& In(std::string_view lang) const {
    return lang == "en" && !en.empty() ? en : ja;
  }
  bool empty() const { return ja.empty(); }
};

struct Choice {
  std::string code;
  Text label;
};

struct Field {
  std::string key;
  FieldType type = FieldType::kText;
  Text label;
  Text hint;
  Text unit;  // numbers: "日", "分" …
  bool required = false;
  std::size_t max_length = 0;   // code points, text and textarea (and the free text of choices)
  std::vector<Choice> choices;  // choice, choices; yes_no: "yes" then "no", labelled per form
  std::optional<double> min;    // number
  std::optional<double> max;
  int decimals = 0;           // number: digits allowed after the point
  bool partial_date = false;  // date: "1978", "1978-05" or "1978-05-10"
  std::string source;         // 確認済 | 推定
  std::string prefill;        // client.name, client.birth_year, …, today (FormService::Prefill)
  // rows
  std::vector<Field> columns;
  int min_rows = 0;
  int max_rows = 0;
  int initial_rows = 0;                   // blank rows offered on a new form
  std::vector<std::string> row_defaults;  // a column's values for the first rows ("1か月目" …)
  int line = 0;                           // where it was defined, for messages

  const Choice* FindChoice(std::string_view code) const;
};

struct Section {
  std::string key;
  Text label;
  Text hint;
  std::vector<Field> fields;
};

// A line of the printed sheet to sign by hand (本人署名, 主治医署名, 会社名 …), with a date
// written by hand unless `with_date` is false.
struct Signature {
  std::string key;
  Text label;
  Text statement;  // printed before the line: 「上記内容を確認しました。」
  bool with_date = true;
  std::string value_field;  // a text field whose answer is printed on the line (会社名)
};

struct FormDefinition {
  std::string form_type;
  std::string form_version;  // "2026-04"
  Text name;                 // short: 主治医意見書
  Text title;                // the official title of the model form
  Text basis;                // the guideline or notice the form follows
  Text addressee;  // printed above the fields, e.g. 「（主治医所属・氏名）先生」 lead text
  Text notes;  // printed under the fields (注)
  std::vector<Section> sections;
  std::vector<Signature> signatures;
  std::string file;

  const Field* FindField(std::string_view key) const;
};

class FormCatalog {
 public:
  FormCatalog() = default;

  // Every *.toml file of `dir`. A file that does not parse, or that breaks a rule (unknown
  // type, missing label, duplicate key or code, …), is refused with kInvalidInput whose
  // message_key is "<file>:<line>:<column>: <what is wrong>" for the operator; every form type
  // must have a definition.
  static core::Result<FormCatalog> LoadDirectory(const std::filesystem::path& dir);
  // One definition from text; `name` names it in messages (a file name).
  static core::Result<FormDefinition> Parse(std::string_view text, const std::string& name);

  // The newest version of a form type; nullptr when unknown.
  const FormDefinition* Latest(std::string_view form_type) const;
  // One version; nullptr when unknown.
  const FormDefinition* Find(std::string_view form_type, std::string_view version) const;
  // The newest version of each form type, in kFormTypes order.
  std::vector<const FormDefinition*> All() const;
  // Every loaded definition (every version).
  std::vector<const FormDefinition*> Everything() const;

 private:
  // form_type → form_version → definition (versions sort as text: "2026-04" < "2027-04").
  std::map<std::string, std::map<std::string, FormDefinition>, std::less<>> forms_;
};

}  // namespace tsunagu::forms
