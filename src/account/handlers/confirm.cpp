// GET/POST /account/confirm: the password and a current code entered again before creating an
// API token or new recovery codes (SECURITY.md rule 7). App::Dispatch sends a signed-in user
// here when a route needs auth::Permission::kSignedInConfirmed and the last confirmation (or
// the login) is more than 5 minutes old; success goes back to `next`.
#include "account/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::account::handlers {
namespace {

constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr std::size_t kMaxCodeBytes = 64;

http::Response Show(const app::Services& sv, web::RequestContext& ctx, const core::Error* error,
                    int status = 200) {
  ctemplate::TemplateDictionary dict("confirm");
  dict.SetValue("EMAIL", ctx.user->email);
  dict.SetValue("NEXT", web::SafeNext(ctx.request.Query("next").value_or(ctx.Form("next"))));
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "account/confirm", "account.confirm.title", dict, status);
}

}  // namespace

void AddConfirmRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/account/confirm", Permission::kSignedIn,
              [&sv](web::RequestContext& ctx) { return Show(sv, ctx, nullptr); }});

  router.Add({"POST", "/account/confirm", Permission::kSignedIn, [&sv](web::RequestContext& ctx) {
                const std::string password = ctx.Form("password");
                const std::string code = ctx.Form("code");
                std::vector<core::FieldError> errors;
                if (password.empty()) {
                  errors.push_back({"password", "login.error.password_required"});
                } else if (password.size() > kMaxPasswordBytes) {
                  errors.push_back({"password", "account.confirm.error.password"});
                }
                if (code.empty()) {
                  errors.push_back({"code", "login.error.code_required"});
                } else if (code.size() > kMaxCodeBytes) {
                  errors.push_back({"code", "login.code_failed"});
                }
                if (!errors.empty()) {
                  auto e = core::Error::Invalid("error.form", std::move(errors));
                  return Show(sv, ctx, &e, 422);
                }
                auto st = sv.accounts.ConfirmIdentity(*ctx.session, password, code,
                                                      ctx.request.remote_address);
                if (!st) return Show(sv, ctx, &st.error(), web::StatusFor(st.error().code));
                return web::SeeOther(web::SafeNext(ctx.Form("next")));
              }});
}

}  // namespace tsunagu::account::handlers
