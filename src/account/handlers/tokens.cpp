// GET/POST /account/tokens (list, create for the active organisation, the raw token shown
// once) and POST /account/tokens/{id}/revoke.
#include "account/handlers/routes.hpp"
#include "orgs/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::account::handlers {
namespace {

using orgs::handlers::FormatDay;
using orgs::handlers::FormatMoment;

constexpr int kDefaultValidDays = 90;

// Days as typed: ASCII digits only (after NFKC, so full-width digits work); 0 when malformed,
// which the service rejects with its own message.
int ParseDays(const std::string& text) {
  const std::string t = orgs::handlers::NormalizeName(text);
  if (t.empty() || t.size() > 4) return 0;
  int v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

http::Response ShowList(const app::Services& sv, web::RequestContext& ctx, const core::Error* error,
                        int status = 200) {
  auto tokens = sv.tokens.ListForUser(ctx.principal->user_id);
  if (!tokens) {
    return sv.pages.Error(ctx, web::StatusFor(tokens.error().code), tokens.error().message_key);
  }
  const std::int64_t now = sv.clock.NowSeconds();
  ctemplate::TemplateDictionary dict("tokens");
  auto* table = tokens->empty() ? nullptr : dict.AddSectionDictionary("HAS_TOKENS");
  for (const auto& t : *tokens) {
    auto* row = table->AddSectionDictionary("TOKEN");
    row->SetIntValue("ID", t.id);
    row->SetValue("NAME", t.name);
    row->SetValue("PREFIX", t.prefix);
    row->SetValue("ORG_NAME", t.organization_name);
    row->SetValue("CREATED", FormatDay(ctx, t.created_at));
    row->SetValue("EXPIRES", t.expires_at ? FormatDay(ctx, t.expires_at)
                                          : sv.pages.T(ctx, "account.tokens.no_expiry"));
    row->SetValue("LAST_USED", t.last_used_at ? FormatMoment(ctx, t.last_used_at)
                                              : sv.pages.T(ctx, "account.tokens.never_used"));
    std::string state = "active";
    if (t.revoked_at) {
      state = "revoked";
    } else if (t.expires_at && t.expires_at <= now) {
      state = "expired";
    }
    row->SetValue("STATUS", sv.pages.T(ctx, "account.tokens.status." + state));
    if (state == "active") row->ShowSection("CAN_REVOKE");
  }
  if (tokens->empty()) dict.ShowSection("EMPTY");
  if (ctx.organization) {
    dict.SetValueAndShowSection("ORG_NAME", ctx.organization->name, "CAN_CREATE");
  } else {
    dict.ShowSection("NO_ORG");
  }
  web::KeepInput(dict, ctx, {"name", "valid_days"});
  if (ctx.form.find("valid_days") == ctx.form.end()) {
    dict.SetIntValue("V_VALID_DAYS", kDefaultValidDays);
  }
  if (ctx.request.Query("revoked")) dict.ShowSection("NOTICE_REVOKED");
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "account/tokens", "account.tokens.title", dict, status);
}

http::Response Create(const app::Services& sv, web::RequestContext& ctx) {
  if (!ctx.organization || ctx.principal->organization_id == 0) {
    auto e = core::Error::Invalid("account.tokens.error.no_org");
    return ShowList(sv, ctx, &e, 422);
  }
  auto created =
      sv.tokens.Create(ctx.Actor(), ctx.principal->user_id, ctx.principal->organization_id,
                       ctx.Form("name"), ParseDays(ctx.Form("valid_days")));
  if (!created) {
    if (created.error().code == core::ErrorCode::kInvalidInput) {
      return ShowList(sv, ctx, &created.error(), 422);
    }
    return sv.pages.Error(ctx, web::StatusFor(created.error().code), created.error().message_key);
  }
  ctemplate::TemplateDictionary dict("token_created");
  dict.SetValue("TOKEN", created->token);
  dict.SetValue("NAME", orgs::handlers::NormalizeName(ctx.Form("name")));
  dict.SetValue("ORG_NAME", ctx.organization->name);
  return sv.pages.Render(ctx, "account/token_created", "account.tokens.created_title", dict);
}

}  // namespace

void AddTokenRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/account/tokens", Permission::kSignedIn,
              [&sv](web::RequestContext& ctx) { return ShowList(sv, ctx, nullptr); }});
  // A new token is a new way in: only right after the password and a code (rule 7).
  router.Add({"POST", "/account/tokens", Permission::kSignedInConfirmed,
              [&sv](web::RequestContext& ctx) { return Create(sv, ctx); }});
  router.Add(
      {"POST", "/account/tokens/{id}/revoke", Permission::kSignedIn,
       [&sv](web::RequestContext& ctx) {
         // Another user's token answers 404 from the service, like a missing one.
         auto st =
             sv.tokens.Revoke(ctx.Actor(), ctx.principal->user_id, web::ParseId(ctx.Param("id")));
         if (!st) {
           return sv.pages.Error(ctx, web::StatusFor(st.error().code), st.error().message_key);
         }
         return web::SeeOther("/account/tokens?revoked=1");
       }});
}

}  // namespace tsunagu::account::handlers
