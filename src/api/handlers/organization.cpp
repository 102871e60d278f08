// GET /api/v1/organization and /api/v1/organization/members: the token's organisation.
#include <boost/json.hpp>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "orgs/org_store.hpp"

namespace tsunagu::api::handlers {

app::RouteHandler MakeOrganization(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    if (!ctx.organization) return ProblemResponse(sv.catalog, ctx.lang, 401, "api.error.token");
    const auto& o = *ctx.organization;
    return JsonResponse(boost::json::object{
        {"id", o.id}, {"name", o.name}, {"kind", o.kind}, {"status", o.status}});
  };
}

app::RouteHandler MakeMembers(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    // The token's own organisation only: the principal carries it, no parameter can change it.
    const std::int64_t org_id = ctx.principal->organization_id;
    auto members = sv.db.Read<std::vector<orgs::Membership>>(
        [&](soci::session& s) { return orgs::OrgStore::MembersOf(s, org_id); });
    if (!members) return ProblemFor(sv.catalog, ctx.lang, members.error());
    boost::json::array out;
    for (const auto& m : *members) {
      // Suspended accounts are no longer colleagues anyone can work with.
      if (m.user_status == "disabled") continue;
      // No e-mail addresses: any member, a viewer too, may list colleagues.
      out.push_back(boost::json::object{{"id", m.id},
                                        {"display_name", m.user_display_name},
                                        {"role", m.role},
                                        {"profession", m.profession}});
    }
    return JsonResponse(out);
  };
}

}  // namespace tsunagu::api::handlers
