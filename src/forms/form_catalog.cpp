#include "forms/form_catalog.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace tsunagu::forms {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 10> kTypeNames = {{
    {FieldType::kText, "text"},
    {FieldType::kTextarea, "textarea"},
    {FieldType::kDate, "date"},
    {FieldType::kChoice, "choice"},
    {FieldType::kChoices, "choices"},
    {FieldType::kYesNo, "yes_no"},
    {FieldType::kNumber, "number"},
    {FieldType::kTimeRange, "time_range"},
    {FieldType::kPeriod, "period"},
    {FieldType::kRows, "rows"},
}};

// Where FormService::Prefill may take a value from.
constexpr std::array<std::string_view, 10> kPrefillSources = {"client.name",
                                                              "client.kana",
                                                              "client.birth_year",
                                                              "client.gender",
                                                              "client.municipality",
                                                              "client.diagnosis",
                                                              "client.treatment_status",
                                                              "client.work_status",
                                                              "client.employer",
                                                              "today"};

// A rows table holds at most this many rows, whatever its file says (input limits, rule 10).
constexpr int kRowsCeiling = 60;
constexpr std::size_t kMaxLengthCeiling = 8000;

// Thrown while reading a definition; turned into the operator's message by Parse.
struct Problem {
  toml::source_position at;
  std::string what;
};

[[noreturn]] void Fail(const toml::node& node, std::string what) {
  throw Problem{node.source().begin, std::move(what)};
}

bool IsKey(std::string_view s) {
  if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Refuses keys the reader does not know: a misspelt "lable_ja" would otherwise vanish silently.
void OnlyKeys(const toml::table& t, std::initializer_list<std::string_view> allowed,
              const std::string& what) {
  for (const auto& [k, v] : t) {
    if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end()) {
      Fail(v, "unknown key \"" + std::string(k.str()) + "\" in " + what);
    }
  }
}

std::string String(const toml::table& t, std::string_view key, bool required,
                   const std::string& what) {
  const toml::node* node = t.get(key);
  if (node == nullptr) {
    if (required) Fail(t, what + " needs " + std::string(key));
    return {};
  }
  auto v = node->value<std::string>();
  if (!node->is_string() || !v) Fail(*node, std::string(key) + " of " + what + " must be text");
  if (required && v->empty()) Fail(*node, std::string(key) + " of " + what + " is empty");
  return *v;
}

Text Label(const toml::table& t, std::string_view prefix, bool required, const std::string& what) {
  Text text;
  text.ja = String(t, std::string(prefix) + "_ja", required, what);
  text.en = String(t, std::string(prefix) + "_en", required, what);
  if (!required && text.ja.empty() != text.en.empty()) {
    Fail(t, what + " needs both " + std::string(prefix) + "_ja and " + std::string(prefix) + "_en");
  }
  return text;
}

bool Bool(const toml::table& t, std::string_view key, bool fallback, const std::string& what) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return fallback;
  if (!node->is_boolean()) Fail(*node, std::string(key) + " of " + what + " must be true or false");
  return *node->value<bool>();
}

std::optional<std::int64_t> Integer(const toml::table& t, std::string_view key,
                                    const std::string& what) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer())
    Fail(*node, std::string(key) + " of " + what + " must be a whole number");
  return *node->value<std::int64_t>();
}

std::optional<double> Number(const toml::table& t, std::string_view key, const std::string& what) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_number()) Fail(*node, std::string(key) + " of " + what + " must be a number");
  return *node->value<double>();
}

const toml::array* Array(const toml::table& t, std::string_view key, const std::string& what) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_array()) Fail(*node, std::string(key) + " of " + what + " must be a list");
  return node->as_array();
}

const toml::table& TableIn(const toml::node& node, const std::string& what) {
  if (!node.is_table()) Fail(node, what + " must be a table");
  return *node.as_table();
}

std::vector<Choice> ReadChoices(const toml::table& t, const std::string& what) {
  std::vector<Choice> out;
  const toml::array* list = Array(t, "choices", what);
  if (list == nullptr) return out;
  std::set<std::string> codes;
  for (const auto& node : *list) {
    const toml::table& c = TableIn(node, "a choice of " + what);
    OnlyKeys(c, {"code", "label_ja", "label_en"}, "a choice of " + what);
    Choice choice;
    choice.code = String(c, "code", true, "a choice of " + what);
    const std::string where = "choice " + choice.code + " of " + what;
    if (!IsCode(choice.code)) Fail(c, where + ": codes are a-z, 0-9 and _");
    if (!codes.insert(choice.code).second)
      Fail(c, "duplicate choice code " + choice.code + " in " + what);
    choice.label = Label(c, "label", true, where);
    out.push_back(std::move(choice));
  }
  return out;
}

Field ReadField(const toml::table& t, const std::string& parent, bool column) {
  const std::string key_text = String(t, "key", true, "a field of " + parent);
  const std::string what = (column ? "column " : "field ") + key_text;
  OnlyKeys(t, {"key",      "type",     "label_ja",     "label_en",    "hint_ja", "hint_en",
               "unit_ja",  "unit_en",  "required",     "max_length",  "choices", "min",
               "max",      "decimals", "partial",      "source",      "prefill", "columns",
               "min_rows", "max_rows", "initial_rows", "row_defaults"},
           what);
  Field f;
  f.key = key_text;
  f.line = static_cast<int>(t.source().begin.line);
  if (!IsKey(f.key)) Fail(t, what + ": keys are a-z, 0-9 and _, starting with a letter");
  const std::string type_name = String(t, "type", true, what);
  const auto type = ParseFieldType(type_name);
  if (!type) Fail(*t.get("type"), what + ": unknown type " + type_name);
  f.type = *type;
  if (column && !IsScalar(f.type)) {
    Fail(*t.get("type"), what + ": a column cannot be of type " + type_name);
  }
  f.label = Label(t, "label", true, what);
  f.hint = Label(t, "hint", false, what);
  f.unit = Label(t, "unit", false, what);
  f.required = Bool(t, "required", false, what);
  f.source = String(t, "source", true, what);
  if (f.source != "確認済" && f.source != "推定")
    Fail(*t.get("source"), what + ": source is 確認済 or 推定");
  f.prefill = String(t, "prefill", false, what);
  if (!f.prefill.empty() && std::find(kPrefillSources.begin(), kPrefillSources.end(), f.prefill) ==
                                kPrefillSources.end()) {
    Fail(*t.get("prefill"), what + ": unknown prefill source " + f.prefill);
  }

  const auto max_length = Integer(t, "max_length", what);
  if (f.type == FieldType::kText || f.type == FieldType::kTextarea) {
    if (!max_length) Fail(t, what + " needs max_length");
  }
  if (max_length) {
    if (*max_length < 1 || static_cast<std::size_t>(*max_length) > kMaxLengthCeiling) {
      Fail(*t.get("max_length"),
           what + ": max_length must be 1–" + std::to_string(kMaxLengthCeiling));
    }
    f.max_length = static_cast<std::size_t>(*max_length);
  }

  f.choices = ReadChoices(t, what);
  if (f.type == FieldType::kChoice || f.type == FieldType::kChoices) {
    if (f.choices.empty()) Fail(t, what + " needs choices");
  } else if (f.type == FieldType::kYesNo) {
    // Labels differ by form (はい／いいえ, 有／無, あり／なし): each file names its own.
    if (f.choices.size() != 2 || f.choices[0].code != "yes" || f.choices[1].code != "no") {
      Fail(t, what + ": yes_no needs the choices yes then no");
    }
  } else if (!f.choices.empty()) {
    Fail(*t.get("choices"), what + ": only choice, choices and yes_no have choices");
  }

  f.min = Number(t, "min", what);
  f.max = Number(t, "max", what);
  const auto decimals = Integer(t, "decimals", what);
  if ((f.min || f.max || decimals) && f.type != FieldType::kNumber) {
    Fail(t, what + ": min, max and decimals belong to numbers");
  }
  if (f.min && f.max && *f.min > *f.max) Fail(*t.get("min"), what + ": min is above max");
  if (decimals) {
    if (*decimals < 0 || *decimals > 3) Fail(*t.get("decimals"), what + ": decimals must be 0–3");
    f.decimals = static_cast<int>(*decimals);
  }
  f.partial_date = Bool(t, "partial", false, what);
  if (f.partial_date && f.type != FieldType::kDate) {
    Fail(*t.get("partial"), what + ": only dates may be partial");
  }

  if (const toml::array* defaults = Array(t, "row_defaults", what)) {
    if (!column) Fail(*t.get("row_defaults"), what + ": row_defaults belong to columns");
    for (const auto& node : *defaults) {
      auto v = node.value<std::string>();
      if (!node.is_string() || !v) Fail(node, what + ": row_defaults are text");
      f.row_defaults.push_back(*v);
    }
  }

  if (f.type == FieldType::kRows) {
    const toml::array* columns = Array(t, "columns", what);
    if (columns == nullptr || columns->empty()) Fail(t, what + " needs columns");
    std::set<std::string> keys;
    for (const auto& node : *columns) {
      Field c = ReadField(TableIn(node, "a column of " + what), what, true);
      if (!keys.insert(c.key).second) Fail(node, "duplicate column key " + c.key + " in " + what);
      f.columns.push_back(std::move(c));
    }
    const auto max_rows = Integer(t, "max_rows", what);
    if (!max_rows) Fail(t, what + " needs max_rows");
    if (*max_rows < 1 || *max_rows > kRowsCeiling) {
      Fail(*t.get("max_rows"), what + ": max_rows must be 1–" + std::to_string(kRowsCeiling));
    }
    f.max_rows = static_cast<int>(*max_rows);
    f.min_rows = static_cast<int>(Integer(t, "min_rows", what).value_or(f.required ? 1 : 0));
    f.initial_rows = static_cast<int>(Integer(t, "initial_rows", what).value_or(1));
    if (f.min_rows < 0 || f.min_rows > f.max_rows)
      Fail(t, what + ": min_rows is outside 0–max_rows");
    if (f.initial_rows < 1 || f.initial_rows > f.max_rows) {
      Fail(t, what + ": initial_rows is outside 1–max_rows");
    }
    for (const auto& c : f.columns) {
      if (static_cast<int>(c.row_defaults.size()) > f.max_rows) {
        Fail(t, what + ": column " + c.key + " has more row_defaults than max_rows");
      }
    }
  } else if (t.get("columns") || t.get("max_rows") || t.get("min_rows") || t.get("initial_rows")) {
    Fail(t, what + ": columns and row counts belong to rows");
  }
  return f;
}

std::string Where(const std::string& name, const toml::source_position& at) {
  return name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

FormDefinition Read(const toml::table& root, const std::string& name) {
  OnlyKeys(root,
           {"form_type", "form_version", "name_ja", "name_en", "title_ja", "title_en", "basis_ja",
            "basis_en", "addressee_ja", "addressee_en", "notes_ja", "notes_en", "sections",
            "signatures"},
           "the form");
  FormDefinition def;
  def.file = name;
  def.form_type = String(root, "form_type", true, "the form");
  if (!IsFormType(def.form_type))
    Fail(*root.get("form_type"), "unknown form_type " + def.form_type);
  def.form_version = String(root, "form_version", true, "the form");
  const auto& v = def.form_version;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool version_ok = v.size() == 7 && v[4] == '-' &&
                          std::all_of(v.begin(), v.begin() + 4, digit) && digit(v[5]) &&
                          digit(v[6]);
  if (!version_ok) Fail(*root.get("form_version"), "form_version is YYYY-MM (2026-04)");
  def.name = Label(root, "name", true, "the form");
  def.title = Label(root, "title", true, "the form");
  def.basis = Label(root, "basis", false, "the form");
  def.addressee = Label(root, "addressee", false, "the form");
  def.notes = Label(root, "notes", false, "the form");

  const toml::array* sections = Array(root, "sections", "the form");
  if (sections == nullptr || sections->empty()) Fail(root, "the form needs sections");
  std::set<std::string> section_keys;
  std::set<std::string> field_keys;
  for (const auto& node : *sections) {
    const toml::table& t = TableIn(node, "a section");
    OnlyKeys(t, {"key", "label_ja", "label_en", "hint_ja", "hint_en", "fields"}, "a section");
    Section section;
    section.key = String(t, "key", true, "a section");
    const std::string what = "section " + section.key;
    if (!IsKey(section.key)) Fail(t, what + ": keys are a-z, 0-9 and _");
    if (!section_keys.insert(section.key).second) Fail(t, "duplicate section key " + section.key);
    section.label = Label(t, "label", true, what);
    section.hint = Label(t, "hint", false, what);
    const toml::array* fields = Array(t, "fields", what);
    if (fields == nullptr || fields->empty()) Fail(t, what + " needs fields");
    for (const auto& fnode : *fields) {
      Field f = ReadField(TableIn(fnode, "a field of " + what), what, false);
      if (!field_keys.insert(f.key).second) Fail(fnode, "duplicate field key " + f.key);
      section.fields.push_back(std::move(f));
    }
    def.sections.push_back(std::move(section));
  }

  std::set<std::string> signature_keys;
  if (const toml::array* signatures = Array(root, "signatures", "the form")) {
    for (const auto& node : *signatures) {
      const toml::table& t = TableIn(node, "a signature");
      OnlyKeys(t,
               {"key", "label_ja", "label_en", "statement_ja", "statement_en", "with_date",
                "value_field"},
               "a signature");
      Signature sig;
      sig.key = String(t, "key", true, "a signature");
      const std::string what = "signature " + sig.key;
      if (!IsKey(sig.key)) Fail(t, what + ": keys are a-z, 0-9 and _");
      if (!signature_keys.insert(sig.key).second) Fail(t, "duplicate signature key " + sig.key);
      sig.label = Label(t, "label", true, what);
      sig.statement = Label(t, "statement", false, what);
      sig.with_date = Bool(t, "with_date", true, what);
      sig.value_field = String(t, "value_field", false, what);
      if (!sig.value_field.empty()) {
        const Field* f = def.FindField(sig.value_field);
        if (f == nullptr || f->type != FieldType::kText) {
          Fail(*t.get("value_field"), what + ": value_field names no text field");
        }
      }
      def.signatures.push_back(std::move(sig));
    }
  }
  return def;
}

}  // namespace

bool IsFormType(std::string_view type) {
  return std::find(kFormTypes.begin(), kFormTypes.end(), type) != kFormTypes.end();
}

std::optional<FieldType> ParseFieldType(std::string_view name) {
  for (const auto& [type, text] : kTypeNames) {
    if (text == name) return type;
  }
  return std::nullopt;
}

std::string_view FieldTypeName(FieldType type) {
  for (const auto& [t, text] : kTypeNames) {
    if (t == type) return text;
  }
  return "text";
}

bool IsScalar(FieldType type) {
  return type == FieldType::kText || type == FieldType::kTextarea || type == FieldType::kDate ||
         type == FieldType::kChoice || type == FieldType::kYesNo || type == FieldType::kNumber;
}

const Choice* Field::FindChoice(std::string_view code) const {
  for (const auto& c : choices) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

const Field* FormDefinition::FindField(std::string_view key) const {
  for (const auto& s : sections) {
    for (const auto& f : s.fields) {
      if (f.key == key) return &f;
    }
  }
  return nullptr;
}

core::Result<FormDefinition> FormCatalog::Parse(std::string_view text, const std::string& name) {
  try {
    const toml::table root = toml::parse(text, name);
    return Read(root, name);
  } catch (const toml::parse_error& e) {
    return core::Error::Invalid(Where(name, e.source().begin) + ": " +
                                std::string(e.description()));
  } catch (const Problem& p) {
    return core::Error::Invalid(Where(name, p.at) + ": " + p.what);
  }
}

core::Result<FormCatalog> FormCatalog::LoadDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".toml" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec)
    return core::Error::Invalid(dir.string() + ": cannot read the form definitions (" +
                                ec.message() + ")");
  std::sort(files.begin(), files.end());
  FormCatalog catalog;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return core::Error::Invalid(file.string() + ": cannot be read");
    auto def = Parse(text.str(), file.string());
    if (!def) return def.error();
    auto& versions = catalog.forms_[def->form_type];
    if (versions.count(def->form_version) != 0) {
      return core::Error::Invalid(file.string() + ":1:1: " + def->form_type + " " +
                                  def->form_version + " is also defined in " +
                                  versions.at(def->form_version).file);
    }
    const std::string version = def->form_version;
    versions.emplace(version, std::move(*def));
  }
  for (auto type : kFormTypes) {
    if (catalog.forms_.find(type) == catalog.forms_.end()) {
      return core::Error::Invalid(dir.string() + ": no definition of " + std::string(type));
    }
  }
  return catalog;
}

const FormDefinition* FormCatalog::Latest(std::string_view form_type) const {
  auto it = forms_.find(form_type);
  if (it == forms_.end() || it->second.empty()) return nullptr;
  return &it->second.rbegin()->second;
}

const FormDefinition* FormCatalog::Find(std::string_view form_type,
                                        std::string_view version) const {
  auto it = forms_.find(form_type);
  if (it == forms_.end()) return nullptr;
  auto v = it->second.find(std::string(version));
  return v == it->second.end() ? nullptr : &v->second;
}

std::vector<const FormDefinition*> FormCatalog::All() const {
  std::vector<const FormDefinition*> out;
  for (auto type : kFormTypes) {
    if (const auto* def = Latest(type)) out.push_back(def);
  }
  return out;
}

std::vector<const FormDefinition*> FormCatalog::Everything() const {
  std::vector<const FormDefinition*> out;
  for (const auto& [type, versions] : forms_) {
    for (const auto& [version, def] : versions) out.push_back(&def);
  }
  return out;
}

}  // namespace tsunagu::forms
