#include "web/page.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string_view>

namespace tsunagu::web {
namespace {

// The layout's keys, set on every page: hashed and registered with ctemplate once (STS_INIT);
// a key given as text is looked up in ctemplate's global name map, under a lock, at each use.
const ctemplate::StaticTemplateString kCsrf = STS_INIT(kCsrf, "CSRF");
const ctemplate::StaticTemplateString kLang = STS_INIT(kLang, "LANG");
const ctemplate::StaticTemplateString kTitle = STS_INIT(kTitle, "TITLE");
const ctemplate::StaticTemplateString kWide = STS_INIT(kWide, "WIDE");
const ctemplate::StaticTemplateString kContent = STS_INIT(kContent, "CONTENT");
const ctemplate::StaticTemplateString kLangSwitchUrl = STS_INIT(kLangSwitchUrl, "LANG_SWITCH_URL");
const ctemplate::StaticTemplateString kLangSwitchLabel =
    STS_INIT(kLangSwitchLabel, "LANG_SWITCH_LABEL");
const ctemplate::StaticTemplateString kLangSwitchHreflang =
    STS_INIT(kLangSwitchHreflang, "LANG_SWITCH_HREFLANG");
const ctemplate::StaticTemplateString kSignedIn = STS_INIT(kSignedIn, "SIGNED_IN");
const ctemplate::StaticTemplateString kUserName = STS_INIT(kUserName, "USER_NAME");
const ctemplate::StaticTemplateString kHasOrg = STS_INIT(kHasOrg, "HAS_ORG");
const ctemplate::StaticTemplateString kOrgName = STS_INIT(kOrgName, "ORG_NAME");
const ctemplate::StaticTemplateString kCanSwitch = STS_INIT(kCanSwitch, "CAN_SWITCH");
const ctemplate::StaticTemplateString kNav = STS_INIT(kNav, "NAV");
const ctemplate::StaticTemplateString kNavCoordinate = STS_INIT(kNavCoordinate, "NAV_COORDINATE");
const ctemplate::StaticTemplateString kNavCounsel = STS_INIT(kNavCounsel, "NAV_COUNSEL");
const ctemplate::StaticTemplateString kNavOrgAdmin = STS_INIT(kNavOrgAdmin, "NAV_ORG_ADMIN");
const ctemplate::StaticTemplateString kNavSystemAdmin =
    STS_INIT(kNavSystemAdmin, "NAV_SYSTEM_ADMIN");
const ctemplate::StaticTemplateString kSignedOut = STS_INIT(kSignedOut, "SIGNED_OUT");

// Whether `text` holds `needle` (glibc's memmem: a page of 40 KB is searched without stopping
// at every character that starts the needle, as std::string::find does).
bool Holds(const std::string& text, std::string_view needle) {
  return memmem(text.data(), text.size(), needle.data(), needle.size()) != nullptr;
}

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
  return Render(ctx, tpl, Title{title_key, {}}, dict, status);
}

http::Response Pages::Render(const RequestContext& ctx, const std::string& tpl, const Title& title,
                             ctemplate::TemplateDictionary& dict, int status) const {
  dict.SetValue(kCsrf, ctx.CsrfToken().empty() ? ctx.anonymous_csrf : ctx.CsrfToken());
  dict.SetValue(kLang, ctx.lang);
  std::string content = renderer_.Render(tpl, ctx.lang, dict);

  ctemplate::TemplateDictionary layout("layout");
  layout.SetValue(kLang, ctx.lang);
  // A form that came back with errors says so first in its title (the error summary partial
  // is the only place that writes this id).
  const bool has_errors = Holds(content, "id=\"error-summary-title\"");
  const std::string title_text =
      title.args.empty() ? T(ctx, title.key) : catalog_.Format(ctx.lang, title.key, title.args);
  layout.SetValue(kTitle, has_errors ? catalog_.Format(ctx.lang, "layout.title_with_errors",
                                                       {{"title", title_text}})
                                     : title_text);
  if (IsWorkingPage(tpl)) layout.ShowSection(kWide);
  layout.SetValueWithoutCopy(kContent, content);  // `content` outlives the layout's rendering
  layout.SetValue(kCsrf, ctx.CsrfToken());
  layout.SetValue(kLangSwitchUrl, LanguageSwitchUrl(ctx, ctx.lang == "ja" ? "en" : "ja"));
  layout.SetValue(kLangSwitchLabel, ctx.lang == "ja" ? "English" : "日本語");
  layout.SetValue(kLangSwitchHreflang, ctx.lang == "ja" ? "en" : "ja");
  if (ctx.user && ctx.principal && ctx.principal->stage == "full") {
    auto* signed_in = layout.AddSectionDictionary(kSignedIn);
    signed_in->SetValue(kUserName, ctx.user->display_name);
    if (ctx.organization) {
      auto* org = signed_in->AddSectionDictionary(kHasOrg);
      org->SetValue(kOrgName, ctx.organization->name);
      if (ctx.several_organizations) org->ShowSection(kCanSwitch);
    }
    auto* nav = layout.AddSectionDictionary(kNav);
    if (ctx.membership &&
        (ctx.membership->role == "admin" || ctx.membership->role == "coordinator")) {
      nav->ShowSection(kNavCoordinate);
    }
    // Shared records (clients, referrals, cases): the roles that counsel; viewers do not.
    if (auth::Policy::Allows(ctx.Who(), auth::Permission::kOrgCounsel)) {
      nav->ShowSection(kNavCounsel);
    }
    if (ctx.membership && ctx.membership->role == "admin") nav->ShowSection(kNavOrgAdmin);
    if (ctx.principal->is_system_admin) nav->ShowSection(kNavSystemAdmin);
  } else {
    layout.ShowSection(kSignedOut);
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
