// GET /api/v1/tokens and DELETE /api/v1/tokens/{id}: the caller's own API tokens.
#include <boost/json.hpp>
#include <charconv>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"

namespace tsunagu::api::handlers {
namespace {

// A positive decimal id; anything else names no token.
std::int64_t ParseId(const std::string& s) {
  if (s.empty() || s.size() > 18) return 0;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size()) return 0;
  return id > 0 ? id : 0;
}

// ["bookings:write", "organization:read"]: one string per domain, as stored.
boost::json::array ScopeList(const Scopes& scopes) {
  boost::json::array out;
  for (std::string_view domain : kScopeDomains) {
    if (scopes.Of(domain) != Access::kNone)
      out.emplace_back(ScopeName({domain, scopes.Of(domain)}));
  }
  return out;
}

}  // namespace

app::RouteHandler MakeListTokens(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    auto tokens = sv.tokens.ListForUser(ctx.principal->user_id);
    if (!tokens) return ProblemFor(sv.catalog, ctx.lang, tokens.error());
    auto scopes = ScopesOfUserTokens(sv.db, ctx.principal->user_id);
    if (!scopes) return ProblemFor(sv.catalog, ctx.lang, scopes.error());
    boost::json::array out;
    for (const auto& t : *tokens) {
      // Never the hash: the prefix is enough to recognise a token.
      out.push_back(boost::json::object{{"id", t.id},
                                        {"name", t.name},
                                        {"prefix", t.prefix},
                                        {"organization_id", t.organization_id},
                                        {"created_at", TimeOrNull(t.created_at)},
                                        {"expires_at", TimeOrNull(t.expires_at)},
                                        {"last_used_at", TimeOrNull(t.last_used_at)},
                                        {"revoked", t.revoked_at != 0},
                                        {"scopes", ScopeList((*scopes)[t.id])}});
    }
    return JsonResponse(out);
  };
}

app::RouteHandler MakeRevokeToken(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t id = ParseId(ctx.Param("id"));
    // Another user's token, an unknown id and an already revoked token answer alike.
    if (id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "api.error.token_not_found");
    auto revoked = sv.tokens.Revoke(ctx.Actor(), ctx.principal->user_id, id);
    if (!revoked) {
      if (revoked.error().code == core::ErrorCode::kNotFound) {
        return ProblemResponse(sv.catalog, ctx.lang, 404, "api.error.token_not_found");
      }
      return ProblemFor(sv.catalog, ctx.lang, revoked.error());
    }
    http::Response r;
    r.status = 204;
    return r;
  };
}

}  // namespace tsunagu::api::handlers
