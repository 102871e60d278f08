// Referring a client, and the answers on a referral: the receiver accepts (which opens the
// support case), declines, starts and completes; the sender withdraws. Each answer carries the
// version the page was read at, so a change made meanwhile is refused (409) rather than
// overwritten. Bad input shows the referral page again with the message by the field and what
// was typed.
#include "app/route_ids.hpp"
#include "referrals/handlers/routes.hpp"
#include "referrals/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::referrals::handlers {
namespace {

int VersionOf(const web::RequestContext& ctx) {
  return web::ParseInt(ctx.Form("version"));
}

// After an answer: back to the referral with a notice, or the page again with the error.
http::Response After(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                     const core::Status& result, const std::string& form, const std::string& done) {
  if (result) return web::SeeOther(ReferralPath(id) + "?done=" + done + "#referral-status");
  if (result.error().code == core::ErrorCode::kInvalidInput) {
    return ShowReferral(sv, ctx, id, &result.error(), form);
  }
  return web::Failure(sv.pages, ctx, result.error());
}

http::Response Send(app::Services& sv, web::RequestContext& ctx, std::int64_t client_id) {
  ReferralInput in;
  in.to_org_id = web::ParseId(ctx.Form("to_org_id"));
  in.reason = ctx.Form("reason");
  in.note = ctx.Form("note");
  auto sent = sv.referrals.Send(*ctx.Who(), ctx.Actor(), client_id, in);
  if (sent) return web::SeeOther(ReferralPath(*sent) + "?done=sent");
  if (sent.error().code == core::ErrorCode::kInvalidInput) {
    return ShowNewReferral(sv, ctx, client_id, &sent.error());
  }
  return web::Failure(sv.pages, ctx, sent.error());
}

// Accepting opens the case: the receiver goes straight to it.
http::Response Accept(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto opened = sv.referrals.Accept(*ctx.Who(), ctx.Actor(), id, VersionOf(ctx));
  if (!opened) return web::Failure(sv.pages, ctx, opened.error());
  return web::SeeOther("/cases/" + std::to_string(*opened));
}

http::Response Decline(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  return After(sv, ctx, id,
               sv.referrals.Decline(*ctx.Who(), ctx.Actor(), id, VersionOf(ctx), ctx.Form("reason"),
                                    ctx.Form("note")),
               "decline", "declined");
}

http::Response Start(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  return After(sv, ctx, id, sv.referrals.Start(*ctx.Who(), ctx.Actor(), id, VersionOf(ctx)),
               "start", "started");
}

// One form asks for the result and then, depending on it, the case outcome (成果あり,
// optional) or why it ended without result (成果なし, required): the service gets one reason.
http::Response Complete(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  const std::string result = ctx.Form("result");
  const std::string reason = result == "successful"
                                 ? ctx.Form("outcome")
                                 : (result == "unsuccessful" ? ctx.Form("result_reason") : "");
  return After(sv, ctx, id,
               sv.referrals.Complete(*ctx.Who(), ctx.Actor(), id, VersionOf(ctx), result, reason),
               "complete", "completed");
}

http::Response Withdraw(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  return After(sv, ctx, id,
               sv.referrals.Withdraw(*ctx.Who(), ctx.Actor(), id, VersionOf(ctx), ctx.Form("note")),
               "withdraw", "withdrawn");
}

}  // namespace

void AddActionRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  using Action = http::Response (*)(app::Services&, web::RequestContext&, std::int64_t);
  auto post = [&](const std::string& path, Action action) {
    router.Add({"POST", path, Permission::kOrgCounsel,
                app::WithId(sv, [&sv, action](web::RequestContext& ctx, std::int64_t id) {
                  return action(sv, ctx, id);
                })});
  };
  post("/clients/{id}/referrals/new", &Send);
  post("/referrals/{id}/accept", &Accept);
  post("/referrals/{id}/decline", &Decline);
  post("/referrals/{id}/start", &Start);
  post("/referrals/{id}/complete", &Complete);
  post("/referrals/{id}/withdraw", &Withdraw);
}

void AddRoutes(app::Router& router, app::Services& sv) {
  AddPageRoutes(router, sv);
  AddActionRoutes(router, sv);
}

}  // namespace tsunagu::referrals::handlers
