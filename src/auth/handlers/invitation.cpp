// GET/POST /invitation/{token}: the one-time link of an invitation; sets the password.
#include "auth/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::auth::handlers {
namespace {

http::Response Show(const app::Services& sv, web::RequestContext& ctx, const InvitationView& inv,
                    const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("invitation");
  dict.SetValue("TOKEN", ctx.Param("token"));
  dict.SetValue("EMAIL", inv.email);
  dict.SetValue("DISPLAY_NAME", inv.display_name);
  dict.SetValue("ORG_NAME", inv.organization_name);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "auth/invitation", "invitation.title", dict, status);
}

}  // namespace

void AddInvitationRoutes(app::Router& router, app::Services& sv) {
  router.Add({"GET", "/invitation/{token}", Permission::kPublic, [&sv](web::RequestContext& ctx) {
                auto inv = sv.accounts.FindInvitation(ctx.Param("token"));
                if (!inv) return sv.pages.Error(ctx, 404, "invitation.invalid");
                return Show(sv, ctx, *inv, nullptr);
              }});

  router.Add({"POST", "/invitation/{token}", Permission::kPublic, [&sv](web::RequestContext& ctx) {
                auto inv = sv.accounts.FindInvitation(ctx.Param("token"));
                if (!inv) return sv.pages.Error(ctx, 404, "invitation.invalid");
                const std::string password = ctx.Form("password");
                if (password != ctx.Form("password_confirm")) {
                  auto e = core::Error::Invalid(
                      "error.form", {{"password_confirm", "invitation.error.mismatch"}});
                  return Show(sv, ctx, *inv, &e, 422);
                }
                auto step = sv.accounts.AcceptInvitation(ctx.Param("token"), password,
                                                         ctx.request.remote_address);
                if (!step) {
                  return Show(sv, ctx, *inv, &step.error(), web::StatusFor(step.error().code));
                }
                ctx.set_cookies.push_back(sv.SessionCookie(step->session_token));
                return web::SeeOther("/enroll");
              }});
}

}  // namespace tsunagu::auth::handlers
