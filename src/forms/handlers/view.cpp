#include "forms/handlers/view.hpp"

#include <algorithm>
#include <set>

#include "forms/link_editor.hpp"
#include "web/forms.hpp"
#include "web/lines.hpp"

namespace tsunagu::forms::handlers {
namespace {

std::string Value(const Input& input, const std::string& name) {
  auto it = input.find(name);
  return it == input.end() ? std::string() : it->second;
}

std::vector<std::string> Values(const Input& input, const std::string& name) {
  std::vector<std::string> out;
  auto [from, to] = input.equal_range(name);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

const core::FieldError* ErrorFor(const std::vector<core::FieldError>& errors,
                                 const std::string& name) {
  for (const auto& e : errors) {
    if (e.field == name) return &e;
  }
  return nullptr;
}

bool Belongs(const std::string& name, const std::string& key) {
  return name == key || (name.size() > key.size() && name.compare(0, key.size(), key) == 0 &&
                         name[key.size()] == '.');
}

// One control (forms/control): `name` is its input name and id.
void FillControl(const app::Services& sv, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary& c, const Field& f, const std::string& name,
                 const Input& input, const std::vector<core::FieldError>& errors, bool in_cell,
                 const std::string& hint_id, const std::string& aria_label) {
  const std::string& lang = ctx.lang;
  c.SetValue("ID", name);
  c.SetValue("NAME", name);
  const std::string value = Value(input, name);
  c.SetValue("VALUE", value);
  const bool invalid = ErrorFor(errors, name) != nullptr;
  std::string described = hint_id;
  if (invalid) described += (described.empty() ? "" : " ") + name + "-error";
  if (!described.empty()) c.SetValueAndShowSection("DESCRIBEDBY", described, "DESCRIBED");
  if (invalid) c.ShowSection("INVALID");
  if (!aria_label.empty()) c.SetValueAndShowSection("ARIA_LABEL", aria_label, "HAS_ARIA_LABEL");
  switch (f.type) {
    case FieldType::kText:
      c.ShowSection("C_TEXT");
      c.SetIntValue("MAX", static_cast<long>(f.max_length));
      break;
    case FieldType::kTextarea:
      c.ShowSection("C_TEXTAREA");
      c.SetIntValue("MAX", static_cast<long>(f.max_length));
      c.SetIntValue("ROWS", in_cell ? 2 : (f.max_length > 1000 ? 6 : 4));
      break;
    case FieldType::kDate:
      c.ShowSection(f.partial_date ? "C_PARTIAL_DATE" : "C_DATE");
      break;
    case FieldType::kNumber:
      c.ShowSection("C_NUMBER");
      if (!f.unit.empty()) c.SetValueAndShowSection("UNIT", f.unit.In(lang), "HAS_UNIT");
      break;
    case FieldType::kTimeRange:
      c.ShowSection("C_TIME");
      break;
    case FieldType::kChoice:
    case FieldType::kYesNo:
    case FieldType::kChoices: {
      const bool several = f.type == FieldType::kChoices;
      const char* section = several ? "C_CHECKBOXES" : (in_cell ? "C_SELECT" : "C_RADIOS");
      auto* group = c.AddSectionDictionary(section);
      const std::vector<std::string> chosen = Values(input, name);
      bool first = true;
      for (const auto& choice : f.choices) {
        auto* o = group->AddSectionDictionary("OPTION");
        o->SetValue("CODE", choice.code);
        o->SetValue("OPT_ID", first ? name : name + "-" + choice.code);
        first = false;
        o->SetValue("LABEL", choice.label.In(lang));
        if (std::find(chosen.begin(), chosen.end(), choice.code) != chosen.end()) {
          o->ShowSection(in_cell && !several ? "SELECTED" : "CHECKED");
        }
      }
      break;
    }
    default:
      break;
  }
  (void)sv;
}

// How many rows of a table to offer: what was typed or stored, one spare, at least the
// definition's first rows, never more than its limit.
int RowsToShow(const Field& f, const Input& input) {
  int last = -1;
  for (const auto& [name, value] : input) {
    if (!Belongs(name, f.key) || value.empty()) continue;
    const auto rest = name.substr(f.key.size() + 1);
    const auto dot = rest.find('.');
    if (dot == std::string::npos) continue;
    last = std::max(last, web::ParseInt(rest.substr(0, dot)));
  }
  int n = std::max({f.initial_rows, last + 2, static_cast<int>(0)});
  for (const auto& c : f.columns) n = std::max(n, static_cast<int>(c.row_defaults.size()));
  return std::clamp(n, 1, f.max_rows);
}

void AddField(const app::Services& sv, const web::RequestContext& ctx,
              ctemplate::TemplateDictionary& sec, const Field& f, const Input& input,
              const std::vector<core::FieldError>& errors) {
  const std::string& lang = ctx.lang;
  auto* fd = sec.AddSectionDictionary("FIELD");
  fd->SetValue("KEY", f.key);
  fd->SetValue("LABEL", f.label.In(lang));
  const std::string hint_id = f.hint.empty() ? std::string() : f.key + "-hint";
  if (!f.hint.empty()) {
    fd->SetValue("HINT_ID", hint_id);
    fd->SetValueAndShowSection("HINT", f.hint.In(lang), "HAS_HINT");
  }
  if (f.required) fd->ShowSection("REQUIRED");
  if (f.source == "推定") fd->ShowSection("ESTIMATED");
  bool has_error = false;
  for (const auto& e : errors) {
    if (!Belongs(e.field, f.key)) continue;
    has_error = true;
    if (f.type == FieldType::kRows) continue;  // shown in its cell
    auto* item = fd->AddSectionDictionary("ERROR");
    item->SetValue("ERR_ID", e.field + "-error");
    item->SetValue("MESSAGE", sv.pages.T(ctx, e.message_key));
  }
  if (has_error) fd->ShowSection("HAS_ERROR");

  switch (f.type) {
    case FieldType::kText:
    case FieldType::kTextarea:
    case FieldType::kDate:
    case FieldType::kNumber: {
      fd->SetValue("FOR_ID", f.key);
      fd->ShowSection("LABELLED");
      FillControl(sv, ctx, *fd->AddSectionDictionary("CONTROL"), f, f.key, input, errors, false,
                  hint_id, "");
      break;
    }
    case FieldType::kChoice:
    case FieldType::kYesNo:
    case FieldType::kChoices:
      fd->ShowSection("GROUPED");
      FillControl(sv, ctx, *fd->AddSectionDictionary("CONTROL"), f, f.key, input, errors, false,
                  hint_id, "");
      break;
    case FieldType::kTimeRange:
    case FieldType::kPeriod: {
      fd->ShowSection("GROUPED");
      auto* range = fd->AddSectionDictionary("RANGE");
      const bool time = f.type == FieldType::kTimeRange;
      for (const char* end : {"from", "to"}) {
        auto* e = range->AddSectionDictionary("END");
        const std::string name = f.key + "." + end;
        e->SetValue("FOR_ID", name);
        e->SetValue("END_LABEL",
                    sv.pages.T(ctx, std::string("forms.range.") + (time ? "time_" : "") + end));
        Field control = f;
        control.type = time ? FieldType::kTimeRange : FieldType::kDate;
        control.partial_date = false;
        FillControl(sv, ctx, *e->AddSectionDictionary("CONTROL"), control, name, input, errors,
                    false, hint_id, "");
      }
      break;
    }
    case FieldType::kRows: {
      fd->ShowSection("GROUPED");
      auto* table = fd->AddSectionDictionary("TABLE");
      for (const auto& column : f.columns) {
        auto* head = table->AddSectionDictionary("HEAD");
        head->SetValue("HEAD_LABEL", column.label.In(lang));
        if (column.required) head->ShowSection("HEAD_REQUIRED");
        if (column.source == "推定") head->ShowSection("HEAD_ESTIMATED");
        if (!column.hint.empty())
          head->SetValueAndShowSection("HEAD_HINT", column.hint.In(lang), "HAS_HEAD_HINT");
      }
      const int shown = RowsToShow(f, input);
      for (int row = 0; row < shown; ++row) {
        auto* r = table->AddSectionDictionary("ROW");
        r->SetIntValue("N", row + 1);
        for (const auto& column : f.columns) {
          auto* cell = r->AddSectionDictionary("CELL");
          const std::string name = f.key + "." + std::to_string(row) + "." + column.key;
          if (const auto* e = ErrorFor(errors, name)) {
            auto* ce = cell->AddSectionDictionary("CELL_ERROR");
            ce->SetValue("ERR_ID", name + "-error");
            ce->SetValue("MESSAGE", sv.pages.T(ctx, e->message_key));
          }
          const std::string aria = sv.catalog.Format(
              lang, "forms.rows.cell_label",
              {{"column", column.label.In(lang)}, {"n", std::to_string(row + 1)}});
          FillControl(sv, ctx, *cell->AddSectionDictionary("CONTROL"), column, name, input, errors,
                      true, "", aria);
        }
      }
      break;
    }
  }
}

// The label of the field (and cell) an input name belongs to, for the error summary.
std::string LabelOf(const app::Services& sv, const FormDefinition& def, const std::string& name,
                    const std::string& lang) {
  for (const auto& s : def.sections) {
    for (const auto& f : s.fields) {
      if (!Belongs(name, f.key)) continue;
      if (f.type != FieldType::kRows) return f.label.In(lang);
      // "<key>.<row>.<column>"
      const auto rest = name.substr(f.key.size() + 1);
      const auto dot = rest.find('.');
      if (dot == std::string::npos) return f.label.In(lang);
      const int row = web::ParseInt(rest.substr(0, dot));
      for (const auto& c : f.columns) {
        if (c.key != rest.substr(dot + 1)) continue;
        return f.label.In(lang) + " " +
               sv.catalog.Format(lang, "forms.rows.cell_label",
                                 {{"column", c.label.In(lang)}, {"n", std::to_string(row + 1)}});
      }
      return f.label.In(lang);
    }
  }
  return name;
}

}  // namespace

std::string FormsPath(std::int64_t case_id) {
  return "/cases/" + std::to_string(case_id) + "/forms";
}

std::string FormPath(std::int64_t case_id, const std::string& form_type) {
  return FormsPath(case_id) + "/" + form_type;
}

void AddEditFields(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict, const FormDefinition& def,
                   const Input& input, const std::vector<core::FieldError>& errors) {
  bool estimated = false;
  for (const auto& section : def.sections) {
    auto* sec = dict.AddSectionDictionary("SECTION");
    sec->SetValue("SECTION_KEY", section.key);
    sec->SetValue("SECTION_LABEL", section.label.In(ctx.lang));
    if (!section.hint.empty()) {
      sec->SetValueAndShowSection("SECTION_HINT", section.hint.In(ctx.lang), "HAS_SECTION_HINT");
    }
    for (const auto& f : section.fields) {
      AddField(sv, ctx, *sec, f, input, errors);
      estimated = estimated || f.source == "推定" ||
                  std::any_of(f.columns.begin(), f.columns.end(),
                              [](const Field& c) { return c.source == "推定"; });
    }
  }
  if (estimated) dict.ShowSection("HAS_ESTIMATED");
}

void AddErrorSummary(const app::Services& sv, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict, const FormDefinition& def,
                     const std::vector<core::FieldError>& errors) {
  auto* summary = dict.AddSectionDictionary("ERROR_SUMMARY");
  for (const auto& e : errors) {
    auto* item = summary->AddSectionDictionary("ERROR_ITEM");
    item->SetValue("MESSAGE", sv.catalog.Format(ctx.lang, "forms.error.summary_item",
                                                {{"label", LabelOf(sv, def, e.field, ctx.lang)},
                                                 {"message", sv.pages.T(ctx, e.message_key)}}));
    item->SetValue("FIELD", e.field);
    item->ShowSection("HAS_FIELD");
  }
}

bool AddAnswers(ctemplate::TemplateDictionary& dict, const FormDefinition& def,
                const boost::json::object& data, const std::string& lang, DateStyle style,
                bool for_print) {
  bool any = false;
  for (const auto& section : def.sections) {
    auto* sec = dict.AddSectionDictionary("SECTION");
    sec->SetValue("SECTION_LABEL", section.label.In(lang));
    for (const auto& f : section.fields) {
      auto* item = sec->AddSectionDictionary("ITEM");
      item->SetValue("LABEL", f.label.In(lang));
      item->SetValue("KEY", f.key);
      if (f.type != FieldType::kRows) {
        const std::string text = DisplayValue(f, data, lang, style);
        if (text.empty()) {
          item->ShowSection(for_print ? "BLANK" : "EMPTY");
        } else {
          any = true;
          web::AddLines(*item, "LINE", text, "TEXT");
        }
        continue;
      }
      auto* table = item->AddSectionDictionary("TABLE");
      for (const auto& c : f.columns)
        table->AddSectionDictionary("HEAD")->SetValue("HEAD_LABEL", c.label.In(lang));
      auto rows = Rows(data, f.key);
      if (rows.empty() && !for_print) {
        item->ShowSection("EMPTY");
        continue;
      }
      if (rows.empty()) {
        // A blank table to write in by hand, with the first rows' labels (1か月目 …).
        std::size_t n = static_cast<std::size_t>(f.initial_rows);
        for (const auto& c : f.columns) n = std::max(n, c.row_defaults.size());
        rows.resize(n);
        for (const auto& c : f.columns) {
          for (std::size_t i = 0; i < c.row_defaults.size(); ++i)
            rows[i][c.key] = c.row_defaults[i];
        }
      } else {
        any = true;
      }
      for (const auto& row : rows) {
        auto* r = table->AddSectionDictionary("ROW");
        for (const auto& c : f.columns) {
          auto* cell = r->AddSectionDictionary("CELL");
          auto it = row.find(c.key);
          const std::string text =
              it == row.end() ? std::string() : DisplayScalar(c, it->second, lang, style);
          web::AddLines(*cell, "CELL_LINE", text, "TEXT");
        }
      }
    }
  }
  return any;
}

void AddHistory(const app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, std::int64_t case_id,
                const std::string& form_type, const std::vector<RevisionInfo>& history) {
  if (history.empty()) return;
  auto* table = dict.AddSectionDictionary("HAS_HISTORY");
  for (const auto& rev : history) {
    auto* row = table->AddSectionDictionary("REVISION");
    row->SetValue("REVISION_LABEL", sv.catalog.Format(ctx.lang, "forms.revision",
                                                      {{"n", std::to_string(rev.revision)}}));
    row->SetValue("BY", EditorName(sv, ctx, rev.edited_by));
    row->SetValue("ORG", rev.organization_name);
    row->SetValue("AT", web::DateTimeOf(ctx, rev.edited_at));
    row->SetValue("FORM_VERSION", rev.form_version);
    row->SetValue("REVISION_PATH",
                  FormPath(case_id, form_type) + "/revisions/" + std::to_string(rev.revision));
  }
  if (history.empty()) dict.ShowSection("NO_HISTORY");
}

std::string EditorName(const app::Services& sv, const web::RequestContext& ctx,
                       const std::string& edited_by) {
  const std::string_view mark = kLinkEditorMark;
  if (edited_by.rfind(mark, 0) != 0) return edited_by;
  return sv.pages.T(ctx, "employer_links.edited_by." + edited_by.substr(mark.size()));
}

}  // namespace tsunagu::forms::handlers
