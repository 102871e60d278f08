// GET/POST /account/password: change one's own password. The service ends every session of
// the user (SECURITY.md rule 7), so success clears the cookie and goes back to the login page.
#include "account/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::account::handlers {
namespace {

constexpr std::size_t kMaxPasswordBytes = 1024;

http::Response Show(const app::Services& sv, web::RequestContext& ctx, const core::Error* error,
                    int status = 200) {
  ctemplate::TemplateDictionary dict("password");
  dict.SetValue("EMAIL", ctx.user->email);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "account/password", "account.password.title", dict, status);
}

}  // namespace

void AddPasswordRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/account/password", Permission::kSignedIn,
              [&sv](web::RequestContext& ctx) { return Show(sv, ctx, nullptr); }});

  router.Add({"POST", "/account/password", Permission::kSignedIn, [&sv](web::RequestContext& ctx) {
                const std::string current = ctx.Form("current_password");
                const std::string next = ctx.Form("password");
                std::vector<core::FieldError> errors;
                if (current.empty()) {
                  errors.push_back({"current_password", "account.error.current_required"});
                }
                if (next.empty()) {
                  errors.push_back({"password", "account.error.new_required"});
                } else if (next.size() > kMaxPasswordBytes) {
                  errors.push_back({"password", "password.too_long"});
                } else if (next != ctx.Form("password_confirm")) {
                  errors.push_back({"password_confirm", "account.error.mismatch"});
                }
                if (!errors.empty()) {
                  auto e = core::Error::Invalid("error.form", std::move(errors));
                  return Show(sv, ctx, &e, 422);
                }
                auto st = sv.accounts.ChangePassword(ctx.principal->user_id, current, next,
                                                     ctx.request.remote_address);
                if (!st) return Show(sv, ctx, &st.error(), web::StatusFor(st.error().code));
                ctx.set_cookies.push_back(sv.ClearSessionCookie());
                return web::SeeOther("/login?password_changed=1");
              }});
}

}  // namespace tsunagu::account::handlers
