// GET /account (own profile and settings), POST /account/language,
// POST /account/recovery-codes (new codes, shown once).
#include "account/handlers/routes.hpp"
#include "orgs/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::account::handlers {
namespace {

using orgs::handlers::Label;

// Below this many unused recovery codes the page suggests making new ones.
constexpr int kFewRecoveryCodes = 3;

http::Response ShowAccount(const app::Services& sv, web::RequestContext& ctx,
                           const core::Error* error, int status = 200) {
  auto memberships = sv.orgs.MembershipsOf(ctx.principal->user_id);
  if (!memberships) {
    return sv.pages.Error(ctx, web::StatusFor(memberships.error().code),
                          memberships.error().message_key);
  }
  ctemplate::TemplateDictionary dict("account");
  dict.SetValue("NAME", ctx.user->display_name);
  dict.SetValue("EMAIL", ctx.user->email);
  if (ctx.principal->is_system_admin) dict.ShowSection("IS_SYSTEM_ADMIN");
  auto* table = memberships->empty() ? nullptr : dict.AddSectionDictionary("HAS_MEMBERSHIPS");
  for (const auto& m : *memberships) {
    auto* row = table->AddSectionDictionary("MEMBERSHIP");
    row->SetValue("ORG_NAME", m.organization_name);
    row->SetValue("ROLE", Label(sv, ctx, "role", m.role));
    row->SetValue("PROFESSION", Label(sv, ctx, "profession", m.profession));
    if (m.organization_id == ctx.principal->organization_id) row->ShowSection("ACTIVE");
  }
  if (!table) dict.ShowSection("NO_MEMBERSHIPS");
  const std::string language = ctx.user->language == "en" ? "en" : "ja";
  dict.ShowSection(language == "en" ? "LANG_EN" : "LANG_JA");

  const int remaining = sv.accounts.RemainingRecoveryCodes(ctx.principal->user_id);
  dict.SetValue("RECOVERY_REMAINING", sv.catalog.Format(ctx.lang, "account.recovery.remaining",
                                                        {{"count", std::to_string(remaining)}}));
  if (remaining <= kFewRecoveryCodes) dict.ShowSection("RECOVERY_FEW");
  if (ctx.request.Query("language_saved")) dict.ShowSection("NOTICE_LANGUAGE");
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "account/index", "account.title", dict, status);
}

}  // namespace

void AddAccountRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/account", Permission::kSignedIn,
              [&sv](web::RequestContext& ctx) { return ShowAccount(sv, ctx, nullptr); }});

  router.Add(
      {"POST", "/account/language", Permission::kSignedIn, [&sv](web::RequestContext& ctx) {
         const std::string lang = ctx.Form("language");
         auto st = lang == "ja" || lang == "en"
                       ? sv.accounts.SetLanguage(ctx.principal->user_id, lang)
                       : core::Status(core::Error::Invalid("error.form"));
         if (!st) {
           auto e = core::Error::Invalid("error.form", {{"language", "account.error.language"}});
           return ShowAccount(sv, ctx, &e, 422);
         }
         // The header's language link sets a cookie that would override the saved
         // setting; clear it so the new setting shows on the next page.
         ctx.set_cookies.push_back(std::string("tsunagu_lang=; Path=/; SameSite=Lax; Max-Age=0") +
                                   (sv.config.server.cookie_secure ? "; Secure" : ""));
         return web::SeeOther("/account?language_saved=1");
       }});

  router.Add(
      // New codes replace the second factor: only right after the password and a code (rule 7).
      {"POST", "/account/recovery-codes", Permission::kSignedInConfirmed,
       [&sv](web::RequestContext& ctx) {
         auto codes = sv.accounts.RegenerateRecoveryCodes(ctx.principal->user_id,
                                                          ctx.request.remote_address);
         if (!codes) {
           return sv.pages.Error(ctx, web::StatusFor(codes.error().code),
                                 codes.error().message_key);
         }
         ctemplate::TemplateDictionary dict("recovery");
         for (const auto& code : *codes) {
           dict.AddSectionDictionary("CODE")->SetValue("VALUE", code);
         }
         dict.SetValue("CONTINUE_URL", "/account");
         return sv.pages.Render(ctx, "auth/recovery_codes", "recovery.title", dict);
       }});
}

}  // namespace tsunagu::account::handlers
