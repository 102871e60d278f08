#include "forms/form_data.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <cstdlib>
#include <set>

#include "core/text.hpp"

namespace tsunagu::forms {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxNumberText = 20;

std::string First(const Input& in, const std::string& name) {
  auto it = in.find(name);
  return it == in.end() ? std::string() : it->second;
}

std::string NormalizeLines(std::string_view text, bool single_line) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      c = '\n';
    }
    if (c == '\n' && single_line) c = ' ';
    out += c;
  }
  return core::Trim(out);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// "2026-05-01"; with `partial` also "1978" and "1978-05". nullopt when it is not a date.
std::optional<std::string> NormalizeDate(std::string_view raw, bool partial) {
  const std::string text = core::Trim(core::NormalizeNfkc(raw));
  if (core::ParseIsoDate(text)) return text;
  if (!partial) return std::nullopt;
  if (text.size() == 4 && AllDigits(text)) {
    const int y = ToInt(text);
    if (y >= 1 && y <= 9999) return text;
  }
  if (text.size() == 7 && text[4] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5))) {
    const int y = ToInt(text.substr(0, 4));
    const int m = ToInt(text.substr(5));
    if (y >= 1 && m >= 1 && m <= 12) return text;
  }
  return std::nullopt;
}

// "9:05" or "09:05" (what <input type=time> sends, with optional seconds) → "09:05".
std::optional<std::string> NormalizeTime(std::string_view raw) {
  std::string text = core::Trim(core::NormalizeNfkc(raw));
  if (text.size() == 8 && text[5] == ':') text = text.substr(0, 5);
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || text.size() - colon != 3) {
    return std::nullopt;
  }
  const std::string h = text.substr(0, colon);
  const std::string m = text.substr(colon + 1);
  if (!AllDigits(h) || !AllDigits(m)) return std::nullopt;
  const int hour = ToInt(h);
  const int minute = ToInt(m);
  if (hour > 23 || minute > 59) return std::nullopt;
  std::string out = (hour < 10 ? "0" : "") + std::to_string(hour) + ":" + m;
  return out;
}

// A decimal number with at most `decimals` digits after the point, written back canonically
// ("０７" → "7"); nullopt when it is not one.
std::optional<std::string> NormalizeNumber(std::string_view raw, int decimals) {
  std::string text = core::Trim(core::NormalizeNfkc(raw));
  if (text.empty() || text.size() > kMaxNumberText) return std::nullopt;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    text.erase(0, 1);
  }
  const auto dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (!AllDigits(whole)) return std::nullopt;
  if (dot != std::string::npos &&
      (!AllDigits(fraction) || static_cast<int>(fraction.size()) > decimals)) {
    return std::nullopt;
  }
  while (whole.size() > 1 && whole[0] == '0') whole.erase(0, 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string out = whole;
  if (!fraction.empty()) out += "." + fraction;
  if (negative && out != "0") out = "-" + out;
  return out;
}

// One scalar answer: the value to store (empty for none); problems are added under `name`.
std::string CheckScalar(const Field& f, const std::string& raw, const std::string& name,
                        bool required, std::vector<core::FieldError>& errors) {
  const bool single_line = f.type != FieldType::kTextarea;
  const std::string value = NormalizeLines(raw, single_line);
  if (value.empty()) {
    if (required) errors.push_back({name, "forms.error.required"});
    return {};
  }
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kTextarea:
      if (core::CountCodePoints(value) > f.max_length) {
        errors.push_back({name, "forms.error.too_long"});
      }
      return value;
    case FieldType::kDate: {
      auto date = NormalizeDate(value, f.partial_date);
      if (!date) {
        errors.push_back({name, f.partial_date ? "forms.error.partial_date" : "forms.error.date"});
        return {};
      }
      return *date;
    }
    case FieldType::kChoice:
    case FieldType::kYesNo:
      if (f.FindChoice(value) == nullptr) {
        errors.push_back({name, "forms.error.invalid_choice"});
        return {};
      }
      return value;
    case FieldType::kNumber: {
      auto number = NormalizeNumber(value, f.decimals);
      if (!number) {
        errors.push_back(
            {name, f.decimals > 0 ? "forms.error.decimal" : "forms.error.whole_number"});
        return {};
      }
      const double v = std::strtod(number->c_str(), nullptr);
      if ((f.min && v < *f.min) || (f.max && v > *f.max)) {
        errors.push_back({name, "forms.error.number_range"});
      }
      return *number;
    }
    default:
      return {};
  }
}

// "<key>.<row>.<column>" → row, or -1.
int RowIndex(const std::string& name, const std::string& key) {
  if (name.size() <= key.size() + 1 || name.compare(0, key.size(), key) != 0 ||
      name[key.size()] != '.') {
    return -1;
  }
  const auto rest = name.substr(key.size() + 1);
  const auto dot = rest.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 3) return -1;
  const auto digits = rest.substr(0, dot);
  if (!AllDigits(digits)) return -1;
  return ToInt(digits);
}

std::string CellName(const std::string& key, int row, const std::string& column) {
  return key + "." + std::to_string(row) + "." + column;
}

void CheckRows(const Field& f, const Input& input, json::object& data,
               std::vector<core::FieldError>& errors) {
  std::set<int> indexes;
  for (const auto& [name, value] : input) {
    const int row = RowIndex(name, f.key);
    if (row >= 0 && !core::Trim(value).empty()) indexes.insert(row);
  }
  json::array rows;
  for (int row : indexes) {
    if (row >= f.max_rows) {
      errors.push_back({CellName(f.key, row, f.columns.front().key), "forms.error.rows_max"});
      continue;
    }
    json::object cells;
    for (const auto& column : f.columns) {
      const std::string name = CellName(f.key, row, column.key);
      const std::string value =
          CheckScalar(column, First(input, name), name, column.required, errors);
      if (!value.empty()) cells[column.key] = value;
    }
    if (!cells.empty()) rows.push_back(std::move(cells));
  }
  if (static_cast<int>(rows.size()) < f.min_rows) {
    errors.push_back({CellName(f.key, 0, f.columns.front().key),
                      f.min_rows == 1 ? "forms.error.required" : "forms.error.rows_min"});
  }
  if (!rows.empty()) data[f.key] = std::move(rows);
}

// Time ranges and periods: both ends or neither; a period ends on or after its start.
void CheckRange(const Field& f, const Input& input, json::object& data,
                std::vector<core::FieldError>& errors) {
  const std::string from_name = f.key + ".from";
  const std::string to_name = f.key + ".to";
  const std::string from_raw = core::Trim(First(input, from_name));
  const std::string to_raw = core::Trim(First(input, to_name));
  if (from_raw.empty() && to_raw.empty()) {
    if (f.required) errors.push_back({from_name, "forms.error.required"});
    return;
  }
  const bool is_time = f.type == FieldType::kTimeRange;
  const char* bad = is_time ? "forms.error.time" : "forms.error.date";
  std::optional<std::string> from, to;
  if (from_raw.empty()) {
    errors.push_back({from_name, "forms.error.range_incomplete"});
  } else {
    from = is_time ? NormalizeTime(from_raw) : NormalizeDate(from_raw, false);
    if (!from) errors.push_back({from_name, bad});
  }
  if (to_raw.empty()) {
    errors.push_back({to_name, "forms.error.range_incomplete"});
  } else {
    to = is_time ? NormalizeTime(to_raw) : NormalizeDate(to_raw, false);
    if (!to) errors.push_back({to_name, bad});
  }
  if (!from || !to) return;
  // Working hours may cross midnight (夜勤); a period may not run backwards.
  if (!is_time && *to < *from) {
    errors.push_back({to_name, "forms.error.period_order"});
    return;
  }
  data[f.key] = json::object{{"from", *from}, {"to", *to}};
}

void CheckChoices(const Field& f, const Input& input, json::object& data,
                  std::vector<core::FieldError>& errors) {
  std::set<std::string> chosen;
  auto [from, to] = input.equal_range(f.key);
  for (auto it = from; it != to; ++it) {
    if (it->second.empty()) continue;
    if (f.FindChoice(it->second) == nullptr) {
      errors.push_back({f.key, "forms.error.invalid_choice"});
      return;
    }
    chosen.insert(it->second);
  }
  if (chosen.empty()) {
    if (f.required) errors.push_back({f.key, "forms.error.required"});
    return;
  }
  json::array codes;
  for (const auto& c : f.choices) {  // the definition's order, whatever the order sent
    if (chosen.count(c.code) != 0) codes.emplace_back(c.code);
  }
  data[f.key] = std::move(codes);
}

std::string StringAt(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return {};
  return std::string(v->as_string());
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string WarekiYearText(int year_number) {
  return year_number == 1 ? "元" : std::to_string(year_number);
}

}  // namespace

Checked Check(const FormDefinition& def, const Input& input) {
  Checked out;
  for (const auto& section : def.sections) {
    for (const auto& f : section.fields) {
      switch (f.type) {
        case FieldType::kRows:
          CheckRows(f, input, out.data, out.errors);
          break;
        case FieldType::kTimeRange:
        case FieldType::kPeriod:
          CheckRange(f, input, out.data, out.errors);
          break;
        case FieldType::kChoices:
          CheckChoices(f, input, out.data, out.errors);
          break;
        default: {
          const std::string value =
              CheckScalar(f, First(input, f.key), f.key, f.required, out.errors);
          if (!value.empty()) out.data[f.key] = value;
        }
      }
    }
  }
  return out;
}

Input ToInput(const FormDefinition& def, const boost::json::object& data) {
  Input in;
  for (const auto& section : def.sections) {
    for (const auto& f : section.fields) {
      const auto* v = data.if_contains(f.key);
      if (v == nullptr) continue;
      switch (f.type) {
        case FieldType::kRows:
          if (v->is_array()) {
            int row = 0;
            for (const auto& r : v->as_array()) {
              if (!r.is_object()) continue;
              for (const auto& column : f.columns) {
                const std::string value = StringAt(r.as_object(), column.key);
                if (!value.empty()) in.emplace(CellName(f.key, row, column.key), value);
              }
              ++row;
            }
          }
          break;
        case FieldType::kTimeRange:
        case FieldType::kPeriod:
          if (v->is_object()) {
            in.emplace(f.key + ".from", StringAt(v->as_object(), "from"));
            in.emplace(f.key + ".to", StringAt(v->as_object(), "to"));
          }
          break;
        case FieldType::kChoices:
          if (v->is_array()) {
            for (const auto& code : v->as_array()) {
              if (code.is_string()) in.emplace(f.key, std::string(code.as_string()));
            }
          }
          break;
        default:
          if (v->is_string()) in.emplace(f.key, std::string(v->as_string()));
      }
    }
  }
  return in;
}

bool HasAnswer(const boost::json::object& data, std::string_view key) {
  return data.if_contains(key) != nullptr;
}

std::string FormatFormDate(std::string_view iso, DateStyle style) {
  if (iso.empty()) return {};
  if (auto d = core::ParseIsoDate(iso)) {
    switch (style) {
      case DateStyle::kWareki:
        return core::FormatWareki(*d);
      case DateStyle::kSeireki:
        return std::to_string(d->year) + "年" + std::to_string(d->month) + "月" +
               std::to_string(d->day) + "日";
      case DateStyle::kEnglish:
        return core::FormatDateEn(*d);
    }
  }
  // A partial date of a partial field: the year, or the year and month.
  const bool year_only = iso.size() == 4 && AllDigits(iso);
  const bool year_month =
      iso.size() == 7 && iso[4] == '-' && AllDigits(iso.substr(0, 4)) && AllDigits(iso.substr(5));
  if (!year_only && !year_month) return std::string(iso);
  const int year = ToInt(iso.substr(0, 4));
  const int month = year_month ? ToInt(iso.substr(5)) : 0;
  if (style == DateStyle::kEnglish) return std::string(iso);
  const std::string month_text = month > 0 ? std::to_string(month) + "月" : "";
  if (style == DateStyle::kWareki) {
    // The era of the period's last day: 1989 is 平成元年 for all but its first week.
    const int last_month = month > 0 ? month : 12;
    const core::Date last{year, last_month, core::DaysInMonth(year, last_month)};
    if (auto w = core::ToWareki(last)) return w->era + WarekiYearText(w->year) + "年" + month_text;
  }
  return std::to_string(year) + "年" + month_text;
}

std::string BlankDate(DateStyle style) {
  switch (style) {
    case DateStyle::kWareki:
      return std::string(core::Eras().back().name) + "　　年　　月　　日";
    case DateStyle::kSeireki:
      return "　　　　年　　月　　日";
    case DateStyle::kEnglish:
      break;
  }
  return "____ / __ / __";
}

std::string DisplayScalar(const Field& field, std::string_view value, std::string_view lang,
                          DateStyle style) {
  if (value.empty()) return {};
  switch (field.type) {
    case FieldType::kChoice:
    case FieldType::kYesNo:
    case FieldType::kChoices:
      if (const auto* c = field.FindChoice(value)) return c->label.In(lang);
      return std::string(value);
    case FieldType::kDate:
      return FormatFormDate(value, style);
    case FieldType::kNumber:
      if (field.unit.empty()) return std::string(value);
      return std::string(value) + (lang == "en" ? " " : "") + field.unit.In(lang);
    default:
      return std::string(value);
  }
}

std::string DisplayValue(const Field& field, const boost::json::object& data, std::string_view lang,
                         DateStyle style) {
  const auto* v = data.if_contains(field.key);
  if (v == nullptr) return {};
  switch (field.type) {
    case FieldType::kChoices: {
      std::vector<std::string> labels;
      if (v->is_array()) {
        for (const auto& code : v->as_array()) {
          if (code.is_string())
            labels.push_back(DisplayScalar(field, code.as_string(), lang, style));
        }
      }
      return Join(labels, lang == "en" ? ", " : "、");
    }
    case FieldType::kTimeRange:
    case FieldType::kPeriod: {
      if (!v->is_object()) return {};
      const auto& o = v->as_object();
      std::string from = StringAt(o, "from");
      std::string to = StringAt(o, "to");
      if (field.type == FieldType::kPeriod) {
        from = FormatFormDate(from, style);
        to = FormatFormDate(to, style);
      }
      return from + (lang == "en" ? " – " : " 〜 ") + to;
    }
    case FieldType::kRows:
      return {};
    default:
      return v->is_string() ? DisplayScalar(field, v->as_string(), lang, style) : std::string();
  }
}

std::vector<std::map<std::string, std::string>> Rows(const boost::json::object& data,
                                                     std::string_view key) {
  std::vector<std::map<std::string, std::string>> out;
  const auto* v = data.if_contains(key);
  if (v == nullptr || !v->is_array()) return out;
  for (const auto& r : v->as_array()) {
    if (!r.is_object()) continue;
    std::map<std::string, std::string> row;
    for (const auto& [k, cell] : r.as_object()) {
      if (cell.is_string()) row.emplace(std::string(k), std::string(cell.as_string()));
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace tsunagu::forms
