// The anonymous questionnaire (seed 001 キ): the public answer page reached from the e-mail's
// link, and paper sheets typed in by the 事務局. One short page that works without JavaScript.
#include "consultations/survey.hpp"

#include <set>

#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/routes.hpp"
#include "consultations/model.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

constexpr const char* kHoneypot = "website";

SurveyAnswers ReadAnswers(const web::RequestContext& ctx) {
  SurveyAnswers a;
  const int satisfaction = web::ParseInt(ctx.Form("satisfaction"));
  a.satisfaction = satisfaction < 0 ? 0 : satisfaction;
  a.helpfulness = ctx.Form("helpfulness");
  a.outlook = ctx.Form("outlook");
  a.use_again = ctx.Form("use_again");
  a.heard_from = ctx.Form("heard_from");
  a.comment = ctx.Form("comment");
  return a;
}

template <typename Codes>
void AddChoices(const app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary& dict, const std::string& field,
                const std::string& label_prefix, const Codes& codes) {
  const std::string section = [&] {
    std::string s;
    for (char c : field) s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }();
  const std::string chosen = ctx.Form(field);
  bool first = true;
  for (const auto& code_view : codes) {
    const std::string code(code_view);
    auto* option = dict.AddSectionDictionary(section);
    option->SetValue("CODE", code);
    // The first control carries the field's id: the error summary links to it.
    option->SetValue("ID", first ? field : field + "-" + code);
    first = false;
    option->SetValue("LABEL", sv.pages.T(ctx, label_prefix + code));
    if (chosen == code) option->ShowSection("CHECKED");
  }
}

void AddQuestions(const app::Services& sv, const web::RequestContext& ctx,
                  ctemplate::TemplateDictionary& dict) {
  static constexpr std::array<std::string_view, 5> kLevels = {"5", "4", "3", "2", "1"};
  AddChoices(sv, ctx, dict, "satisfaction", "survey.satisfaction.", kLevels);
  AddChoices(sv, ctx, dict, "helpfulness", "survey.helpfulness.", kHelpfulness);
  AddChoices(sv, ctx, dict, "outlook", "survey.outlook.", kOutlook);
  AddChoices(sv, ctx, dict, "use_again", "survey.use_again.", kUseAgain);
  AddChoices(sv, ctx, dict, "heard_from", "intake.heard_from.", kHeardFrom);
  web::KeepInput(dict, ctx, {"comment"});
}

http::Response Invalid(app::Services& sv, web::RequestContext& ctx) {
  return sv.pages.Error(ctx, 404, "survey.invalid");
}

http::Response ShowForm(app::Services& sv, web::RequestContext& ctx,
                        const SurveyInvitationView& view, const core::Error* error,
                        int status = 200) {
  ctemplate::TemplateDictionary dict("survey_form");
  dict.SetValue("TOKEN", ctx.Param("token"));
  dict.SetValue("PROGRAM_NAME", view.program_name);
  AddQuestions(sv, ctx, dict);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "survey/form", "survey.title", dict, status);
}

http::Response ShowThanks(app::Services& sv, web::RequestContext& ctx) {
  ctemplate::TemplateDictionary dict("survey_thanks");
  return sv.pages.Render(ctx, "survey/thanks", "survey.thanks.title", dict);
}

http::Response AnswerPost(app::Services& sv, web::RequestContext& ctx) {
  if (auto r = Throttled(sv, ctx)) return *r;
  auto view = sv.surveys.FindInvitation(ctx.Param("token"));
  if (!view) {
    if (view.error().code == core::ErrorCode::kNotFound) return Invalid(sv, ctx);
    return sv.pages.Error(ctx, 500, "error.internal");
  }
  // A bot gets the same thanks and nothing is recorded; the link stays usable for the person.
  if (!ctx.Form(kHoneypot).empty()) return ShowThanks(sv, ctx);
  auto done = sv.surveys.Answer(ctx.Param("token"), ReadAnswers(ctx), ctx.Actor());
  if (!done) {
    switch (done.error().code) {
      case core::ErrorCode::kInvalidInput:
        return ShowForm(sv, ctx, *view, &done.error(), 422);
      case core::ErrorCode::kNotFound:
        return Invalid(sv, ctx);
      default:
        return sv.pages.Error(ctx, 500, "error.internal");
    }
  }
  return ShowThanks(sv, ctx);
}

// ---------------------------------------------------------------- paper sheets

http::Response ShowPaper(app::Services& sv, web::RequestContext& ctx, std::int64_t program_id,
                         const std::string& fy_text, bool saved, const core::Error* error,
                         int status = 200) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), program_id);
  if (!program) {
    if (program.error().code == core::ErrorCode::kNotFound) {
      return sv.pages.Error(ctx, 404, "error.not_found");
    }
    return sv.pages.Error(ctx, 500, "error.internal");
  }
  ctemplate::TemplateDictionary dict("survey_paper");
  dict.SetIntValue("PROGRAM_ID", program_id);
  dict.SetValue("PROGRAM_NAME", program->name);
  int fy = web::ParseInt(fy_text);
  if (fy < 2000 || fy > 2100) fy = CurrentFiscalYear(sv);
  dict.SetIntValue("FY", fy);
  if (saved) dict.ShowSection("SAVED");
  // After a save the page comes from a redirect (GET), so the sheet starts blank.
  AddQuestions(sv, ctx, dict);
  if (error) {
    dict.SetValue("V_FISCAL_YEAR", fy_text);
    sv.pages.AddErrors(dict, ctx, *error);
  } else {
    dict.SetIntValue("V_FISCAL_YEAR", fy);
  }
  return sv.pages.Render(ctx, "survey/paper", "survey.paper.title", dict, status);
}

}  // namespace

void AddSurveyRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/survey/{token}", Permission::kPublic, [&sv](web::RequestContext& ctx) {
                auto view = sv.surveys.FindInvitation(ctx.Param("token"));
                if (!view) {
                  if (view.error().code == core::ErrorCode::kNotFound) return Invalid(sv, ctx);
                  return sv.pages.Error(ctx, 500, "error.internal");
                }
                return ShowForm(sv, ctx, *view, nullptr);
              }});
  router.Add({"POST", "/survey/{token}", Permission::kPublic,
              [&sv](web::RequestContext& ctx) { return AnswerPost(sv, ctx); }});

  router.Add({"GET", "/programs/{id}/surveys/paper", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) {
                return ShowPaper(sv, ctx, web::ParseId(ctx.Param("id")),
                                 ctx.request.Query("fy").value_or(""),
                                 ctx.request.Query("saved").has_value(), nullptr);
              }});
  router.Add({"POST", "/programs/{id}/surveys/paper", Permission::kOrgCoordinate,
              [&sv](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                const std::string fy_text = ctx.Form("fiscal_year");
                const int fy = web::ParseInt(fy_text);
                auto done =
                    sv.surveys.EnterPaper(*ctx.Who(), ctx.Actor(), id, fy, ReadAnswers(ctx));
                if (!done) {
                  if (done.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowPaper(sv, ctx, id, fy_text, false, &done.error(), 422);
                  }
                  if (done.error().code == core::ErrorCode::kNotFound) {
                    return sv.pages.Error(ctx, 404, "error.not_found");
                  }
                  return sv.pages.Error(ctx, 500, "error.internal");
                }
                return web::SeeOther("/programs/" + std::to_string(id) +
                                     "/surveys/paper?saved=1&fy=" + std::to_string(fy));
              }});
}

}  // namespace tsunagu::consultations::handlers
