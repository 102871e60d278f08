#include "web/page.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace tsunagu::web {
namespace {

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// Pages people work in all day, whose tables are wide: they use the screen's width.
bool IsWorkingPage(const std::string& tpl) {
  static const std::array<std::string_view, 5> kWorking = {
      "board/day", "programs/show", "cases/page", "records/day", "reports/show"};
  return std::find(kWorking.begin(), kWorking.end(), tpl) != kWorking.end();
}

// The current URL with lang switched, for the language link in the header.
std::string LanguageSwitchUrl(const RequestContext& ctx, const std::string& target_lang) {
  std::string url = ctx.request.path + "?";
  for (const auto& [k, v] : ctx.request.query) {
    if (k == "lang") continue;
    url += http::PercentEncode(k) + "=" + http::PercentEncode(v) + "&";
  }
  return url + "lang=" + target_lang;
}

}  // namespace

int StatusFor(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidInput:
      return 422;
    case core::ErrorCode::kUnauthorized:
      return 401;
    case core::ErrorCode::kForbidden:
      return 403;
    case core::ErrorCode::kNotFound:
      return 404;
    case core::ErrorCode::kConflict:
      return 409;
    case core::ErrorCode::kRateLimited:
      return 429;
    case core::ErrorCode::kUnavailable:
      return 503;
    case core::ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

void KeepInput(ctemplate::TemplateDictionary& dict, const RequestContext& ctx,
               std::initializer_list<const char*> fields) {
  for (const char* f : fields) {
    auto it = ctx.form.find(f);
    if (it != ctx.form.end()) dict.SetValue("V_" + Upper(f), it->second);
  }
}

void Pages::AddErrors(ctemplate::TemplateDictionary& dict, const RequestContext& ctx,
                      const core::Error& error) const {
  auto* summary = dict.AddSectionDictionary("ERROR_SUMMARY");
  if (error.fields.empty()) {
    auto* item = summary->AddSectionDictionary("ERROR_ITEM");
    item->SetValue("MESSAGE", T(ctx, error.message_key));
    item->SetValue("FIELD", "");
    item->ShowSection("NO_FIELD");
    return;
  }
  for (const auto& f : error.fields) {
    auto* item = summary->AddSectionDictionary("ERROR_ITEM");
    item->SetValue("MESSAGE", T(ctx, f.message_key));
    item->SetValue("FIELD", f.field);
    item->ShowSection("HAS_FIELD");
    auto* field = dict.AddSectionDictionary("ERR_" + Upper(f.field));
    field->SetValue("MESSAGE", T(ctx, f.message_key));
  }
}

http::Response Pages::Render(const RequestContext& ctx, const std::string& tpl,
                             const std::string& title_key, ctemplate::TemplateDictionary& dict,
                             int status) const {
  dict.SetValue("CSRF", ctx.CsrfToken().empty() ? ctx.anonymous_csrf : ctx.CsrfToken());
  dict.SetValue("LANG", ctx.lang);
  std::string content = renderer_.Render(tpl, ctx.lang, dict);

  ctemplate::TemplateDictionary layout("layout");
  layout.SetValue("LANG", ctx.lang);
  // A form that came back with errors says so first in its title (the error summary partial
  // is the only place that writes this id).
  const bool has_errors = content.find("id=\"error-summary-title\"") != std::string::npos;
  layout.SetValue("TITLE", has_errors ? catalog_.Format(ctx.lang, "layout.title_with_errors",
                                                        {{"title", T(ctx, title_key)}})
                                      : T(ctx, title_key));
  if (IsWorkingPage(tpl)) layout.ShowSection("WIDE");
  layout.SetValue("CONTENT", content);
  layout.SetValue("CSRF", ctx.CsrfToken());
  layout.SetValue("LANG_SWITCH_URL", LanguageSwitchUrl(ctx, ctx.lang == "ja" ? "en" : "ja"));
  layout.SetValue("LANG_SWITCH_LABEL", ctx.lang == "ja" ? "English" : "日本語");
  layout.SetValue("LANG_SWITCH_HREFLANG", ctx.lang == "ja" ? "en" : "ja");
  if (ctx.user && ctx.principal && ctx.principal->stage == "full") {
    auto* signed_in = layout.AddSectionDictionary("SIGNED_IN");
    signed_in->SetValue("USER_NAME", ctx.user->display_name);
    if (ctx.organization) {
      auto* org = signed_in->AddSectionDictionary("HAS_ORG");
      org->SetValue("ORG_NAME", ctx.organization->name);
      if (ctx.several_organizations) org->ShowSection("CAN_SWITCH");
    }
    auto* nav = layout.AddSectionDictionary("NAV");
    if (ctx.membership &&
        (ctx.membership->role == "admin" || ctx.membership->role == "coordinator")) {
      nav->ShowSection("NAV_COORDINATE");
    }
    // Shared records (clients, referrals, cases): the roles that counsel; viewers do not.
    if (auth::Policy::Allows(ctx.Who(), auth::Permission::kOrgCounsel)) {
      nav->ShowSection("NAV_COUNSEL");
    }
    if (ctx.membership && ctx.membership->role == "admin") nav->ShowSection("NAV_ORG_ADMIN");
    if (ctx.principal->is_system_admin) nav->ShowSection("NAV_SYSTEM_ADMIN");
  } else {
    layout.ShowSection("SIGNED_OUT");
  }
  return http::Response::Html(status, renderer_.Render("layout", ctx.lang, layout));
}

http::Response Pages::Error(const RequestContext& ctx, int status,
                            const std::string& message_key) const {
  ctemplate::TemplateDictionary dict("error");
  dict.SetValue("MESSAGE", T(ctx, message_key));
  dict.SetIntValue("STATUS", status);
  const bool signed_in = ctx.principal && ctx.principal->stage == "full";
  if ((status == 401 || status == 403) && !signed_in) dict.ShowSection("SHOW_LOGIN");
  return Render(ctx, "errors/error", "error.title." + std::to_string(status == 422 ? 400 : status),
                dict, status);
}

}  // namespace tsunagu::web
