// GET/POST /account/tokens (list, create for the active organisation, the raw token shown
// once) and POST /account/tokens/{id}/revoke.
#include "account/handlers/routes.hpp"
#include "api/scopes.hpp"
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

constexpr const char* kAccessCodes[] = {"none", "read", "write"};

std::string ScopeField(std::string_view domain) {
  return "scope_" + std::string(domain);
}

// The scopes chosen on the form: one choice per domain, "none" when left out. Anything but
// none, read or write is refused rather than read as none.
core::Result<api::Scopes> ParseScopes(const web::RequestContext& ctx) {
  api::Scopes scopes;
  for (std::string_view domain : api::kScopeDomains) {
    const std::string v = ctx.Form(ScopeField(domain));
    if (v.empty() || v == "none") continue;
    if (v != "read" && v != "write") {
      return core::Error::Invalid("error.form", {{"scopes", "api.scope.error.value"}});
    }
    scopes.Grant(domain, v == "write" ? api::Access::kWrite : api::Access::kRead);
  }
  return scopes;
}

// "予約：読み書き、組織：読み取り" for the list.
std::string DescribeScopes(const app::Services& sv, const web::RequestContext& ctx,
                           const api::Scopes& scopes) {
  std::string out;
  for (std::string_view domain : api::kScopeDomains) {
    const api::Access a = scopes.Of(domain);
    if (a == api::Access::kNone) continue;
    if (!out.empty()) out += sv.pages.T(ctx, "api.scope.separator");
    out += sv.pages.T(ctx, "api.scope.domain." + std::string(domain));
    out += sv.pages.T(ctx, "api.scope.colon");
    out += sv.pages.T(ctx, a == api::Access::kWrite ? "api.scope.write" : "api.scope.read");
  }
  return out.empty() ? sv.pages.T(ctx, "api.scope.nothing") : out;
}

// One radio group per domain, keeping what was chosen when the form comes back with errors.
void AddScopeChoices(const app::Services& sv, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict) {
  for (std::string_view domain : api::kScopeDomains) {
    auto* group = dict.AddSectionDictionary("SCOPE");
    const std::string field = ScopeField(domain);
    group->SetValue("LABEL", sv.pages.T(ctx, "api.scope.domain." + std::string(domain)));
    group->SetValue("HINT", sv.pages.T(ctx, "api.scope.domain_hint." + std::string(domain)));
    group->SetValue("FIELD", field);
    std::string chosen = ctx.Form(field);
    if (chosen.empty()) chosen = "none";
    for (const char* code : kAccessCodes) {
      auto* option = group->AddSectionDictionary("OPTION");
      option->SetValue("ID", field + "-" + code);
      option->SetValue("NAME", field);
      option->SetValue("VALUE", code);
      option->SetValue("TEXT", sv.pages.T(ctx, std::string("api.scope.") + code));
      if (chosen == code) option->ShowSection("CHECKED");
    }
  }
}

http::Response ShowList(const app::Services& sv, web::RequestContext& ctx, const core::Error* error,
                        int status = 200) {
  auto tokens = sv.tokens.ListForUser(ctx.principal->user_id);
  if (!tokens) {
    return sv.pages.Error(ctx, web::StatusFor(tokens.error().code), tokens.error().message_key);
  }
  auto scopes = api::ScopesOfUserTokens(sv.db, ctx.principal->user_id);
  if (!scopes) {
    return sv.pages.Error(ctx, web::StatusFor(scopes.error().code), scopes.error().message_key);
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
    row->SetValue("SCOPES", DescribeScopes(sv, ctx, (*scopes)[t.id]));
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
  AddScopeChoices(sv, ctx, dict);
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
  auto scopes = ParseScopes(ctx);
  if (!scopes) return ShowList(sv, ctx, &scopes.error(), 422);
  auto created = api::CreateScopedToken(sv.db, sv.clock, ctx.Actor(), ctx.principal->user_id,
                                        ctx.principal->organization_id, ctx.Form("name"),
                                        ParseDays(ctx.Form("valid_days")), *scopes);
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
  dict.SetValue("SCOPES", DescribeScopes(sv, ctx, *scopes));
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
