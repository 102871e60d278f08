// The forms of a case: the list, the edit page built from the definition (a partner reads the
// same answers without controls), saving, older revisions and the printable A4 sheet.
#include <algorithm>

#include "app/route_ids.hpp"
#include "core/wareki.hpp"
#include "forms/handlers/routes.hpp"
#include "forms/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::forms::handlers {
namespace {

std::string CasePath(std::int64_t id) {
  return "/cases/" + std::to_string(id);
}

DateStyle ScreenStyle(const web::RequestContext& ctx) {
  return ctx.lang == "en" ? DateStyle::kEnglish : DateStyle::kWareki;
}

// The definition a revision was written against, else the newest one.
const FormDefinition& DefinitionOf(const app::Services& sv, const std::string& form_type,
                                   const std::string& version) {
  if (const auto* d = sv.forms.catalog().Find(form_type, version)) return *d;
  return *sv.forms.catalog().Latest(form_type);
}

// The posted answers, without the page's own fields.
Input Posted(const web::RequestContext& ctx) {
  Input in;
  for (const auto& [k, v] : ctx.form) {
    if (k != "csrf_token" && k != "expected_revision") in.emplace(k, v);
  }
  return in;
}

std::string RevisionBy(const app::Services& sv, const web::RequestContext& ctx, int n,
                       const std::string& by, std::int64_t at) {
  return sv.catalog.Format(
      ctx.lang, "forms.revision_by",
      {{"n", std::to_string(n)}, {"by", by}, {"at", web::DateTimeOf(ctx, at)}});
}

void AddCommon(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, std::int64_t id, const FormDefinition& def,
               const std::string& form_version) {
  dict.SetValue("CASE_PATH", CasePath(id));
  dict.SetValue("FORMS_PATH", FormsPath(id));
  dict.SetValue("FORM_PATH", FormPath(id, def.form_type));
  dict.SetValue("PRINT_PATH", FormPath(id, def.form_type) + "/print");
  dict.SetValue("NAME", def.name.In(ctx.lang));
  // The official title under the short name, unless they are the same (the plan).
  if (def.title.In(ctx.lang) != def.name.In(ctx.lang)) {
    dict.SetValueAndShowSection("TITLE", def.title.In(ctx.lang), "HAS_TITLE");
  }
  dict.SetValue("VERSION_NOTE",
                sv.catalog.Format(ctx.lang, "forms.version", {{"version", form_version}}));
}

struct EditState {
  Input input;
  std::vector<core::FieldError> errors;
  int expected_revision = 0;
  bool prefilled = false;
  int saved = 0;     // revision just saved (notice)
  int conflict = 0;  // revision someone else saved meanwhile
};

http::Response ShowEdit(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                        const std::string& form_type, const EditState& state,
                        const std::vector<RevisionInfo>& history, int status) {
  const FormDefinition& def = *sv.forms.catalog().Latest(form_type);
  ctemplate::TemplateDictionary dict("forms_edit");
  AddCommon(sv, ctx, dict, id, def, def.form_version);
  dict.SetValue("ACTION", FormPath(id, form_type));
  dict.SetIntValue("EXPECTED", state.expected_revision);
  if (history.empty()) {
    dict.SetValue("STATUS", sv.pages.T(ctx, "forms.edit.new_form"));
  } else {
    const auto& latest = history.front();
    dict.SetValue("STATUS", sv.catalog.Format(ctx.lang, "forms.edit.current",
                                              {{"n", std::to_string(latest.revision)},
                                               {"by", EditorName(sv, ctx, latest.edited_by)},
                                               {"at", web::DateTimeOf(ctx, latest.edited_at)}}));
  }
  if (state.saved > 0) {
    dict.SetValueAndShowSection(
        "DONE",
        sv.catalog.Format(ctx.lang, "forms.edit.saved", {{"n", std::to_string(state.saved)}}),
        "NOTICE");
  }
  if (state.conflict > 0) {
    auto* c = dict.AddSectionDictionary("CONFLICT");
    c->SetValue("CONFLICT_TEXT", sv.catalog.Format(ctx.lang, "forms.edit.conflict",
                                                   {{"n", std::to_string(state.conflict)}}));
    c->SetValue("LATEST_PATH",
                FormPath(id, form_type) + "/revisions/" + std::to_string(state.conflict));
  }
  if (state.prefilled) dict.ShowSection("PREFILLED");
  if (!state.errors.empty()) AddErrorSummary(sv, ctx, dict, def, state.errors);
  AddEditFields(sv, ctx, dict, def, state.input, state.errors);
  AddHistory(sv, ctx, dict, id, form_type, history);
  return sv.pages.Render(
      ctx, "forms/edit",
      web::Title{"forms.edit.title_of",
                 {{"form", def.name.In(ctx.lang)}, {"case", std::to_string(id)}}},
      dict, status);
}

// A revision without controls: a partner's view, or an older revision.
http::Response ShowReadOnly(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                            const FormRecord& rec, const std::vector<RevisionInfo>& history) {
  const FormDefinition& def = DefinitionOf(sv, rec.form_type, rec.form_version);
  ctemplate::TemplateDictionary dict("forms_view");
  AddCommon(sv, ctx, dict, id, def, rec.form_version);
  if (rec.revision == 0) {
    dict.SetValue("STATUS", sv.pages.T(ctx, "forms.edit.new_form"));
  } else {
    dict.SetValue("STATUS", RevisionBy(sv, ctx, rec.revision, EditorName(sv, ctx, rec.edited_by),
                                       rec.edited_at));
    const std::string print = FormPath(id, rec.form_type) + "/print";
    if (rec.revision != rec.latest_revision) {
      auto* old = dict.AddSectionDictionary("OLD");
      old->SetValue("OLD_TEXT",
                    sv.catalog.Format(ctx.lang, "forms.view.old_revision",
                                      {{"n", std::to_string(rec.revision)},
                                       {"latest", std::to_string(rec.latest_revision)}}));
      dict.SetValue("PRINT_PATH", print + "?revision=" + std::to_string(rec.revision));
    }
  }
  if (!rec.can_edit) dict.ShowSection("READONLY");
  if (rec.revision == 0) {
    dict.ShowSection("NOTHING");
  } else {
    AddAnswers(dict, def, rec.data, ctx.lang, ScreenStyle(ctx), false);
  }
  AddHistory(sv, ctx, dict, id, rec.form_type, history);
  return sv.pages.Render(
      ctx, "forms/view",
      web::Title{"forms.view.title_of",
                 {{"form", def.name.In(ctx.lang)}, {"case", std::to_string(id)}}},
      dict);
}

http::Response ListForms(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto forms = sv.forms.List(*ctx.Who(), id);
  if (!forms) return web::Failure(sv.pages, ctx, forms.error());
  ctemplate::TemplateDictionary dict("forms_list");
  dict.SetValue("CASE_PATH", CasePath(id));
  if (!forms->can_edit) dict.ShowSection("PARTNER");
  for (const auto& f : forms->forms) {
    const FormDefinition* def = sv.forms.catalog().Latest(f.form_type);
    auto* row = dict.AddSectionDictionary("FORM");
    row->SetValue("FORM_NAME", def->name.In(ctx.lang));
    row->SetValue("FORM_TITLE", def->title.In(ctx.lang));
    row->SetValue("PATH", FormPath(id, f.form_type));
    row->SetValue("PRINT_PATH", FormPath(id, f.form_type) + "/print");
    if (f.saved) {
      auto* saved = row->AddSectionDictionary("SAVED");
      saved->SetValue("REVISION_LABEL",
                      sv.catalog.Format(ctx.lang, "forms.revision",
                                        {{"n", std::to_string(f.latest.revision)}}));
      saved->SetValue("BY", EditorName(sv, ctx, f.latest.edited_by));
      saved->SetValue("AT", web::DateTimeOf(ctx, f.latest.edited_at));
    } else {
      row->ShowSection("NOT_SAVED");
    }
    row->ShowSection(forms->can_edit ? (f.saved ? "EDIT" : "WRITE") : "OPEN");
  }
  return sv.pages.Render(ctx, "forms/list", "forms.list.title", dict);
}

http::Response ShowForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                        const std::string& form_type) {
  auto rec = sv.forms.Get(*ctx.Who(), ctx.Actor(), id, form_type);
  if (!rec) return web::Failure(sv.pages, ctx, rec.error());
  auto history = sv.forms.History(*ctx.Who(), id, form_type);
  if (!history) return web::Failure(sv.pages, ctx, history.error());
  if (!rec->can_edit) return ShowReadOnly(sv, ctx, id, *rec, *history);
  EditState state;
  state.expected_revision = rec->latest_revision;
  const FormDefinition& def = *sv.forms.catalog().Latest(form_type);
  if (rec->revision > 0) {
    state.input = ToInput(def, rec->data);
  } else {
    auto prefill = sv.forms.Prefill(*ctx.Who(), ctx.Actor(), id, form_type);
    if (!prefill) return web::Failure(sv.pages, ctx, prefill.error());
    state.input = std::move(*prefill);
    state.prefilled = std::any_of(def.sections.begin(), def.sections.end(), [&](const Section& s) {
      return std::any_of(s.fields.begin(), s.fields.end(), [&](const Field& f) {
        return !f.prefill.empty() && state.input.count(f.key) > 0;
      });
    });
  }
  state.saved = std::max(0, web::ParseInt(ctx.request.Query("saved").value_or("")));
  if (state.saved != rec->latest_revision) state.saved = 0;
  return ShowEdit(sv, ctx, id, form_type, state, *history, 200);
}

http::Response SaveForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                        const std::string& form_type) {
  const Input input = Posted(ctx);
  const int expected = web::ParseInt(ctx.Form("expected_revision"));
  auto saved = sv.forms.Save(*ctx.Who(), ctx.Actor(), id, form_type, input, expected);
  if (saved) {
    return web::SeeOther(FormPath(id, form_type) + "?saved=" + std::to_string(*saved));
  }
  const core::Error& error = saved.error();
  if (error.code != core::ErrorCode::kInvalidInput && error.code != core::ErrorCode::kConflict) {
    return web::Failure(sv.pages, ctx, error);
  }
  auto history = sv.forms.History(*ctx.Who(), id, form_type);
  if (!history) return web::Failure(sv.pages, ctx, history.error());
  // The page again with what was typed: errors by their fields, or (someone saved meanwhile)
  // a note with a link to their revision; saving once more then makes this the next one.
  EditState state;
  state.input = input;
  state.errors = error.fields;
  state.expected_revision = expected;
  if (error.code == core::ErrorCode::kConflict) {
    state.conflict = history->empty() ? 0 : history->front().revision;
    state.expected_revision = state.conflict;
  }
  return ShowEdit(sv, ctx, id, form_type, state, *history, web::StatusFor(error.code));
}

http::Response ShowRevision(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                            const std::string& form_type, int revision) {
  if (revision <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
  auto rec = sv.forms.Get(*ctx.Who(), ctx.Actor(), id, form_type, revision);
  if (!rec) return web::Failure(sv.pages, ctx, rec.error());
  auto history = sv.forms.History(*ctx.Who(), id, form_type);
  if (!history) return web::Failure(sv.pages, ctx, history.error());
  return ShowReadOnly(sv, ctx, id, *rec, *history);
}

// The A4 sheet, always in Japanese like the official model forms; dates in 和暦 unless
// ?calendar=seireki (the official examples print 西暦 on the signature lines).
http::Response PrintForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                         const std::string& form_type) {
  const std::string calendar = ctx.request.Query("calendar").value_or("wareki");
  const DateStyle style = calendar == "seireki" ? DateStyle::kSeireki : DateStyle::kWareki;
  int revision = 0;
  if (auto r = ctx.request.Query("revision"); r && !r->empty()) {
    revision = web::ParseInt(*r);
    if (revision <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
  }
  auto rec = sv.forms.Get(*ctx.Who(), ctx.Actor(), id, form_type, revision);
  if (!rec) return web::Failure(sv.pages, ctx, rec.error());
  const FormDefinition& def = DefinitionOf(sv, form_type, rec->form_version);
  web::RequestContext ja = ctx;
  ja.lang = "ja";
  ctemplate::TemplateDictionary dict("forms_print");
  const std::string path = FormPath(id, form_type) + "/print";
  const std::string keep = revision > 0 ? "revision=" + std::to_string(revision) + "&" : "";
  dict.SetValue("BACK_PATH",
                revision > 0 ? FormPath(id, form_type) + "/revisions/" + std::to_string(revision)
                             : FormPath(id, form_type));
  dict.SetValue("WAREKI_PATH", path + "?" + keep + "calendar=wareki");
  dict.SetValue("SEIREKI_PATH", path + "?" + keep + "calendar=seireki");
  dict.ShowSection(style == DateStyle::kSeireki ? "IS_SEIREKI" : "IS_WAREKI");
  dict.SetValue("TITLE", def.title.ja);
  if (!def.basis.empty()) dict.SetValueAndShowSection("BASIS", def.basis.ja, "HAS_BASIS");
  if (!def.addressee.empty()) {
    dict.SetValueAndShowSection("ADDRESSEE", def.addressee.ja, "HAS_ADDRESSEE");
  }
  AddAnswers(dict, def, rec->data, "ja", style, true);
  if (!def.notes.empty()) dict.SetValueAndShowSection("NOTES", def.notes.ja, "HAS_NOTES");
  for (const auto& sig : def.signatures) {
    auto* s = dict.AddSectionDictionary("SIGNATURE");
    s->SetValue("SIGN_LABEL", sig.label.ja);
    if (!sig.statement.empty())
      s->SetValueAndShowSection("STATEMENT", sig.statement.ja, "HAS_STATEMENT");
    if (sig.with_date) s->SetValueAndShowSection("BLANK_DATE", BlankDate(style), "WITH_DATE");
    if (!sig.value_field.empty()) {
      if (const auto* v = rec->data.if_contains(sig.value_field); v && v->is_string()) {
        s->SetValueAndShowSection("SIGN_VALUE", std::string(v->as_string()), "HAS_VALUE");
      }
    }
  }
  if (rec->revision > 0) {
    dict.SetValue("FOOTER", sv.catalog.Format("ja", "forms.print.revision_note",
                                              {{"form", def.name.ja},
                                               {"n", std::to_string(rec->revision)},
                                               {"version", rec->form_version}}));
  } else {
    dict.SetValue("FOOTER", sv.pages.T(ja, "forms.print.blank_note"));
  }
  return sv.pages.Render(ja, "forms/print",
                         web::Title{"forms.print.title_of", {{"form", def.name.ja}}}, dict);
}

using FormHandler =
    std::function<http::Response(web::RequestContext&, std::int64_t, const std::string&)>;

// A form of a case: an unknown form type is a missing page, as a malformed id is.
app::RouteHandler WithForm(app::Services& sv, FormHandler f) {
  return app::WithId(sv, [&sv, f = std::move(f)](web::RequestContext& ctx, std::int64_t id) {
    const std::string type = ctx.Param("form_type");
    if (!IsFormType(type)) return sv.pages.Error(ctx, 404, "error.not_found");
    return f(ctx, id, type);
  });
}

}  // namespace

void AddRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/cases/{id}/forms", Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return ListForms(sv, ctx, id);
              })});
  router.Add({"GET", "/cases/{id}/forms/{form_type}", Permission::kOrgCounsel,
              WithForm(sv, [&sv](web::RequestContext& ctx, std::int64_t id, const std::string& t) {
                return ShowForm(sv, ctx, id, t);
              })});
  router.Add({"POST", "/cases/{id}/forms/{form_type}", Permission::kOrgCounsel,
              WithForm(sv, [&sv](web::RequestContext& ctx, std::int64_t id, const std::string& t) {
                return SaveForm(sv, ctx, id, t);
              })});
  router.Add({"GET", "/cases/{id}/forms/{form_type}/print", Permission::kOrgCounsel,
              WithForm(sv, [&sv](web::RequestContext& ctx, std::int64_t id, const std::string& t) {
                return PrintForm(sv, ctx, id, t);
              })});
  router.Add({"GET", "/cases/{id}/forms/{form_type}/revisions/{revision}", Permission::kOrgCounsel,
              WithForm(sv, [&sv](web::RequestContext& ctx, std::int64_t id, const std::string& t) {
                return ShowRevision(sv, ctx, id, t, web::ParseInt(ctx.Param("revision")));
              })});
}

}  // namespace tsunagu::forms::handlers
