// GET/POST /login, GET/POST /login/code, POST /logout.
#include "auth/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::auth::handlers {
namespace {

http::Response ShowLogin(const app::Services& sv, web::RequestContext& ctx,
                         const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("login");
  dict.SetValue("NEXT", web::SafeNext(ctx.request.Query("next").value_or(ctx.Form("next"))));
  web::KeepInput(dict, ctx, {"email"});
  if (ctx.request.Query("logged_out")) dict.ShowSection("LOGGED_OUT");
  if (ctx.request.Query("password_changed")) dict.ShowSection("PASSWORD_CHANGED");
  if (ctx.request.Query("expired")) dict.ShowSection("EXPIRED");
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "auth/login", "login.title", dict, status);
}

http::Response ShowCode(const app::Services& sv, web::RequestContext& ctx, const core::Error* error,
                        int status = 200) {
  ctemplate::TemplateDictionary dict("login_code");
  dict.SetValue("NEXT", web::SafeNext(ctx.request.Query("next").value_or(ctx.Form("next"))));
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "auth/login_code", "login.code_title", dict, status);
}

}  // namespace

void AddLoginRoutes(app::Router& router, app::Services& sv) {
  router.Add({"GET", "/login", Permission::kPublic, [&sv](web::RequestContext& ctx) {
                if (ctx.principal && ctx.principal->stage == "full") return web::SeeOther("/");
                return ShowLogin(sv, ctx, nullptr);
              }});

  router.Add({"POST", "/login", Permission::kPublic, [&sv](web::RequestContext& ctx) {
                const std::string email = ctx.Form("email");
                const std::string password = ctx.Form("password");
                std::vector<core::FieldError> missing;
                if (email.empty()) missing.push_back({"email", "login.error.email_required"});
                if (password.empty()) {
                  missing.push_back({"password", "login.error.password_required"});
                }
                if (email.size() > 254 || password.size() > 1024) {
                  missing.push_back({"email", "login.failed"});
                }
                if (!missing.empty()) {
                  auto e = core::Error::Invalid("error.form", missing);
                  return ShowLogin(sv, ctx, &e, 422);
                }
                if (ctx.session) (void)sv.accounts.Logout(*ctx.session, ctx.request.remote_address);
                auto step =
                    sv.accounts.LoginWithPassword(email, password, ctx.request.remote_address);
                if (!step)
                  return ShowLogin(sv, ctx, &step.error(), web::StatusFor(step.error().code));
                ctx.set_cookies.push_back(sv.SessionCookie(step->session_token));
                std::string next = web::SafeNext(ctx.Form("next"));
                if (step->stage == "enroll") return web::SeeOther("/enroll");
                return web::SeeOther("/login/code?next=" + http::PercentEncode(next));
              }});

  router.Add({"GET", "/login/code", Permission::kPendingLogin,
              [&sv](web::RequestContext& ctx) { return ShowCode(sv, ctx, nullptr); }});

  router.Add(
      {"POST", "/login/code", Permission::kPendingLogin, [&sv](web::RequestContext& ctx) {
         const std::string code = ctx.Form("code");
         if (code.empty() || code.size() > 64) {
           auto e = core::Error::Invalid("error.form", {{"code", "login.error.code_required"}});
           return ShowCode(sv, ctx, &e, 422);
         }
         auto step = sv.accounts.LoginWithCode(*ctx.session, code, ctx.request.remote_address);
         if (!step) {
           if (step.error().code == core::ErrorCode::kRateLimited ||
               step.error().code == core::ErrorCode::kUnauthorized) {
             return ShowLogin(sv, ctx, &step.error(), web::StatusFor(step.error().code));
           }
           return ShowCode(sv, ctx, &step.error(), web::StatusFor(step.error().code));
         }
         ctx.set_cookies.push_back(sv.SessionCookie(step->session_token));
         return web::SeeOther(web::SafeNext(ctx.Form("next")));
       }});

  router.Add({"POST", "/logout", Permission::kPublic, [&sv](web::RequestContext& ctx) {
                if (ctx.session) (void)sv.accounts.Logout(*ctx.session, ctx.request.remote_address);
                ctx.set_cookies.push_back(sv.ClearSessionCookie());
                return web::SeeOther("/login?logged_out=1");
              }});
}

}  // namespace tsunagu::auth::handlers
