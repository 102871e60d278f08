// GET/POST /join/{token}: an invitation for an existing account to join an organisation,
// opened from the e-mail while signed in as that account. Nothing changes until the person
// accepts; another account's link (or a spent, revoked or expired one) answers 404.
#include "orgs/handlers/routes.hpp"
#include "orgs/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::orgs::handlers {
namespace {

http::Response Invalid(const app::Services& sv, const web::RequestContext& ctx,
                       const core::Error& error) {
  if (error.code == core::ErrorCode::kNotFound) return sv.pages.Error(ctx, 404, "join.invalid");
  return sv.pages.Error(ctx, web::StatusFor(error.code), error.message_key);
}

http::Response Show(const app::Services& sv, web::RequestContext& ctx) {
  auto inv = sv.orgs.FindJoinInvitation(ctx.principal->user_id, ctx.Param("token"));
  if (!inv) return Invalid(sv, ctx, inv.error());
  ctemplate::TemplateDictionary dict("join");
  dict.SetValue("HEADING",
                sv.catalog.Format(ctx.lang, "join.heading", {{"org", inv->organization_name}}));
  dict.SetValue("ORG_NAME", inv->organization_name);
  dict.SetValue("ROLE", Label(sv, ctx, "role", inv->role));
  dict.SetValue("PROFESSION", Label(sv, ctx, "profession", inv->profession));
  dict.SetValue("EXPIRES", FormatMoment(ctx, inv->expires_at));
  dict.SetValue("TOKEN", ctx.Param("token"));
  return sv.pages.Render(ctx, "orgs/join", "join.title", dict);
}

http::Response Answer(const app::Services& sv, web::RequestContext& ctx) {
  // A link that is not this account's answers 404 whatever was sent with it.
  auto inv = sv.orgs.FindJoinInvitation(ctx.principal->user_id, ctx.Param("token"));
  if (!inv) return Invalid(sv, ctx, inv.error());
  const std::string action = ctx.Form("action");
  if (action != "accept" && action != "decline") {
    return sv.pages.Error(ctx, 400, "error.bad_request");
  }
  const bool accept = action == "accept";
  auto answered =
      sv.orgs.AnswerJoinInvitation(ctx.principal->user_id, ctx.Actor(), ctx.Param("token"), accept);
  if (!answered) return Invalid(sv, ctx, answered.error());
  return web::SeeOther(accept ? "/?joined=1" : "/?declined=1");
}

}  // namespace

void AddJoinRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  // Signed in: a signed-out browser is sent to the login page and back here.
  router.Add({"GET", "/join/{token}", Permission::kSignedIn,
              [&sv](web::RequestContext& ctx) { return Show(sv, ctx); }});
  router.Add({"POST", "/join/{token}", Permission::kSignedIn,
              [&sv](web::RequestContext& ctx) { return Answer(sv, ctx); }});
}

}  // namespace tsunagu::orgs::handlers
