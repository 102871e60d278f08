// GET/POST /enroll: TOTP enrolment with a QR code, then the recovery codes (shown once).
#include "auth/handlers/routes.hpp"
#include "auth/qr_svg.hpp"
#include "web/forms.hpp"

namespace tsunagu::auth::handlers {
namespace {

http::Response Show(const app::Services& sv, web::RequestContext& ctx, const core::Error* error,
                    int status = 200) {
  auto enrollment = sv.accounts.BeginEnrollment(ctx.principal->user_id);
  if (!enrollment)
    return sv.pages.Error(ctx, web::StatusFor(enrollment.error().code),
                          enrollment.error().message_key);
  ctemplate::TemplateDictionary dict("enroll");
  dict.SetValue("QR_SVG", QrSvg(enrollment->otpauth_uri, sv.pages.T(ctx, "enroll.qr_label")));
  // Grouped by four so it can be typed into an app by hand.
  std::string grouped;
  for (std::size_t i = 0; i < enrollment->secret_b32.size(); ++i) {
    if (i && i % 4 == 0) grouped += ' ';
    grouped += enrollment->secret_b32[i];
  }
  dict.SetValue("SECRET", grouped);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "auth/enroll", "enroll.title", dict, status);
}

}  // namespace

void AddEnrollRoutes(app::Router& router, app::Services& sv) {
  router.Add({"GET", "/enroll", Permission::kPendingEnrollment,
              [&sv](web::RequestContext& ctx) { return Show(sv, ctx, nullptr); }});

  router.Add({"POST", "/enroll", Permission::kPendingEnrollment, [&sv](web::RequestContext& ctx) {
                auto result = sv.accounts.ConfirmEnrollment(*ctx.session, ctx.Form("code"),
                                                            ctx.request.remote_address);
                if (!result) {
                  return Show(sv, ctx, &result.error(), web::StatusFor(result.error().code));
                }
                ctx.set_cookies.push_back(sv.SessionCookie(result->first.session_token));
                ctemplate::TemplateDictionary dict("recovery");
                for (const auto& code : result->second) {
                  dict.AddSectionDictionary("CODE")->SetValue("VALUE", code);
                }
                dict.SetValue("CONTINUE_URL", "/");
                return sv.pages.Render(ctx, "auth/recovery_codes", "recovery.title", dict);
              }});
}

}  // namespace tsunagu::auth::handlers
