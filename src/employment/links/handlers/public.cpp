// The pages the recipient opens from the link, without an account and without JavaScript: what
// is asked and what the person agreed to show, the web form of each asked part (save as a
// draft, or send), and a file upload. A link that has ended, a token that never existed, and
// a part the link does not ask all get the same calm page (410). The token is only in the
// path: the access log names the route pattern, never the path.
#include "documents/handlers/view.hpp"
#include "employment/links/handlers/routes.hpp"
#include "forms/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::links::handlers {
namespace {

http::Response Gone(app::Services& sv, web::RequestContext& ctx) {
  ctemplate::TemplateDictionary dict("employer_links_gone");
  return documents::handlers::PrivateLinkPage(
      sv.pages.Render(ctx, "employer_links/gone", "employer_links.gone_title", dict, 410));
}

http::Response FailureOf(app::Services& sv, web::RequestContext& ctx, const core::Error& e) {
  if (e.code == core::ErrorCode::kNotFound) return Gone(sv, ctx);
  return sv.pages.Error(ctx, e.code == core::ErrorCode::kConflict ? 409 : 500,
                        e.code == core::ErrorCode::kConflict ? e.message_key : "error.internal");
}

std::string Base(const std::string& token) {
  return "/l/" + token;
}

void AddPerson(app::Services& sv, web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
               const OpenLink& link) {
  dict.SetValue("ORG_NAME", link.organization_name);
  dict.SetValue("EXPIRES", web::DateTimeOf(ctx, link.expires_at));
  if (!link.person_name.empty())
    dict.SetValueAndShowSection("PERSON", link.person_name, "HAS_PERSON");
  if (!link.diagnosis.empty()) {
    dict.SetValueAndShowSection("DIAGNOSIS", link.diagnosis, "HAS_DIAGNOSIS");
  }
  if (!link.employer.empty())
    dict.SetValueAndShowSection("EMPLOYER", link.employer, "HAS_EMPLOYER");
  (void)sv;
}

http::Response Landing(const Deps& d, web::RequestContext& ctx,
                       const core::Error* upload_error = nullptr, bool uploaded = false) {
  auto& sv = d.sv;
  if (auto r = documents::handlers::ThrottledLinkPage(sv, ctx)) return *r;
  const std::string token = ctx.Param("token");
  auto link = d.links->Open(token, ctx.Actor());
  if (!link) return FailureOf(sv, ctx, link.error());
  ctemplate::TemplateDictionary dict("employer_links_public");
  AddPerson(sv, ctx, dict, *link);
  dict.SetValue("LEAD",
                sv.catalog.Format(ctx.lang, "employer_links.public.lead_" + link->recipient_kind,
                                  {{"org", link->organization_name}}));
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "submitted" || done == "saved" || uploaded) {
    dict.SetValueAndShowSection(
        "DONE", sv.pages.T(ctx, "employer_links.public.done_" + (uploaded ? "uploaded" : done)),
        "NOTICE");
  }
  for (const auto& part : link->asks) {
    if (part == "upload") {
      auto* up = dict.AddSectionDictionary("UPLOAD");
      up->SetValue("UPLOAD_PATH", Base(token) + "/documents");
      if (upload_error != nullptr) {
        for (const auto& f : upload_error->fields) {
          up->SetValueAndShowSection("UPLOAD_ERROR", sv.pages.T(ctx, f.message_key),
                                     "HAS_UPLOAD_ERROR");
        }
      }
      continue;
    }
    auto* row = dict.AddSectionDictionary("PART");
    row->SetValue("PART_LABEL", sv.pages.T(ctx, "employer_links.part." + part));
    row->SetValue("PART_PATH", Base(token) + "/forms/" + part);
    for (const auto& s : link->submitted) {
      if (s == part) row->ShowSection("SUBMITTED");
    }
  }
  const int status = upload_error != nullptr ? 422 : 200;
  return documents::handlers::PrivateLinkPage(
      sv.pages.Render(ctx, "employer_links/public", "employer_links.public.title", dict, status));
}

// The definition with only the part's section (the assessment), for the controls.
forms::FormDefinition Shown(const forms::FormDefinition& def, const std::string& section) {
  forms::FormDefinition out = def;
  if (section.empty()) return out;
  out.sections.clear();
  for (const auto& s : def.sections) {
    if (s.key == section) out.sections.push_back(s);
  }
  return out;
}

http::Response ShowForm(const Deps& d, web::RequestContext& ctx, const LinkForm& form,
                        const forms::Input& input, const std::vector<core::FieldError>& errors,
                        int status) {
  auto& sv = d.sv;
  const std::string token = ctx.Param("token");
  const forms::FormDefinition def = Shown(*form.definition, form.section);
  ctemplate::TemplateDictionary dict("employer_links_form");
  AddPerson(sv, ctx, dict, form.link);
  dict.SetValue("BACK_PATH", Base(token));
  dict.SetValue("ACTION", Base(token) + "/forms/" + form.part);
  dict.SetValue("NAME", sv.pages.T(ctx, "employer_links.part." + form.part));
  if (form.definition->title.In(ctx.lang) != form.definition->name.In(ctx.lang)) {
    dict.SetValueAndShowSection("TITLE", form.definition->title.In(ctx.lang), "HAS_TITLE");
  }
  if (form.from_draft) dict.ShowSection("FROM_DRAFT");
  if (!errors.empty()) forms::handlers::AddErrorSummary(sv, ctx, dict, def, errors);
  forms::handlers::AddEditFields(sv, ctx, dict, def, input, errors);
  return documents::handlers::PrivateLinkPage(
      sv.pages.Render(ctx, "employer_links/form",
                      web::Title{"employer_links.form.title_of",
                                 {{"form", sv.pages.T(ctx, "employer_links.part." + form.part)}}},
                      dict, status));
}

http::Response FormPage(const Deps& d, web::RequestContext& ctx) {
  auto& sv = d.sv;
  if (auto r = documents::handlers::ThrottledLinkPage(sv, ctx)) return *r;
  auto form = d.links->Form(ctx.Param("token"), ctx.Actor(), ctx.Param("part"));
  if (!form) return FailureOf(sv, ctx, form.error());
  return ShowForm(d, ctx, *form, form->input, {}, 200);
}

forms::Input Posted(const web::RequestContext& ctx) {
  forms::Input in;
  for (const auto& [k, v] : ctx.form) {
    if (k != "csrf_token" && k != "action") in.emplace(k, v);
  }
  return in;
}

http::Response SaveForm(const Deps& d, web::RequestContext& ctx) {
  auto& sv = d.sv;
  if (auto r = documents::handlers::ThrottledLinkPage(sv, ctx)) return *r;
  const std::string token = ctx.Param("token");
  const std::string part = ctx.Param("part");
  const bool submit = ctx.Form("action") != "draft";
  const forms::Input input = Posted(ctx);
  auto saved = d.links->Save(token, ctx.Actor(), part, input, submit);
  if (saved) return web::SeeOther(Base(token) + (submit ? "?done=submitted" : "?done=saved"));
  if (saved.error().code != core::ErrorCode::kInvalidInput) {
    return FailureOf(sv, ctx, saved.error());
  }
  // The form again with what was typed and the errors by their fields.
  auto form = d.links->Form(token, ctx.Actor(), part);
  if (!form) return FailureOf(sv, ctx, form.error());
  return ShowForm(d, ctx, *form, input, saved.error().fields, 422);
}

http::Response Upload(const Deps& d, web::RequestContext& ctx) {
  auto& sv = d.sv;
  if (auto r = documents::handlers::ThrottledLinkPage(sv, ctx)) return *r;
  static const std::string kNone;
  const web::UploadedFile* file = nullptr;
  for (const auto& f : ctx.files) {
    if (f.name == "file") file = &f;
  }
  auto added = d.links->Upload(ctx.Param("token"), ctx.Actor(), file ? file->filename : kNone,
                               file ? file->data : kNone, ctx.Form("title"));
  if (added) return Landing(d, ctx, nullptr, true);
  if (added.error().code == core::ErrorCode::kInvalidInput) return Landing(d, ctx, &added.error());
  return FailureOf(sv, ctx, added.error());
}

}  // namespace

void AddPublicRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add({"GET", "/l/{token}", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Landing(deps, ctx); }});
  router.Add({"GET", "/l/{token}/forms/{part}", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return FormPage(deps, ctx); }});
  router.Add({"POST", "/l/{token}/forms/{part}", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return SaveForm(deps, ctx); }});
  router.Add({"POST", "/l/{token}/documents", Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Upload(deps, ctx); }});
}

}  // namespace tsunagu::employment::links::handlers
