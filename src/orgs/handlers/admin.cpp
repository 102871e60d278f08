// System administration of organisations: GET/POST /admin/organizations,
// GET /admin/organizations/{id}, POST /admin/organizations/{id}/invite (the first
// administrator) and POST /admin/organizations/{id}/status (enable or disable).
#include "orgs/handlers/routes.hpp"
#include "orgs/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::orgs::handlers {
namespace {

http::Response ErrorPage(const app::Services& sv, const web::RequestContext& ctx,
                         const core::Error& error) {
  return sv.pages.Error(ctx, web::StatusFor(error.code), error.message_key);
}

std::string OrgUrl(std::int64_t id) {
  return "/admin/organizations/" + std::to_string(id);
}

http::Response ShowList(const app::Services& sv, web::RequestContext& ctx, const core::Error* error,
                        int status = 200) {
  auto orgs = sv.orgs.ListOrganizations();
  if (!orgs) return ErrorPage(sv, ctx, orgs.error());
  auto counts = sv.orgs.CountMembers(*ctx.principal);
  if (!counts) return ErrorPage(sv, ctx, counts.error());
  ctemplate::TemplateDictionary dict("admin_orgs");
  auto* table = orgs->empty() ? nullptr : dict.AddSectionDictionary("HAS_ORGS");
  for (const auto& o : *orgs) {
    auto* row = table->AddSectionDictionary("ORG");
    row->SetValue("URL", OrgUrl(o.id));
    row->SetValue("NAME", o.name);
    row->SetValue("KIND", Label(sv, ctx, "org_kind", o.kind));
    row->SetValue("STATUS", Label(sv, ctx, "orgs.status", o.status));
    if (o.status != "active") row->ShowSection("DISABLED");
    auto it = counts->find(o.id);
    row->SetIntValue("MEMBERS", it == counts->end() ? 0 : it->second);
  }
  if (orgs->empty()) dict.ShowSection("EMPTY");
  web::KeepInput(dict, ctx, {"name"});
  AddOptions(sv, ctx, dict, "KIND_OPTION", kOrganizationKinds, "org_kind", ctx.Form("kind"));
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "admin/organizations", "orgs.title", dict, status);
}

http::Response ShowOrg(const app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                       const core::Error* error, int status = 200) {
  auto org = sv.orgs.GetOrganization(id);
  if (!org) return ErrorPage(sv, ctx, org.error());
  auto members = sv.orgs.ListMembersAsSystemAdmin(*ctx.principal, id);
  if (!members) return ErrorPage(sv, ctx, members.error());
  ctemplate::TemplateDictionary dict("admin_org");
  dict.SetValue("URL", OrgUrl(id));
  dict.SetValue("NAME", org->name);
  dict.SetValue("KIND", Label(sv, ctx, "org_kind", org->kind));
  dict.SetValue("STATUS", Label(sv, ctx, "orgs.status", org->status));
  dict.SetValue("CREATED", FormatDay(ctx, org->created_at));
  if (org->status == "active") {
    dict.ShowSection("IS_ACTIVE");
  } else {
    dict.ShowSection("IS_DISABLED");
  }
  int admins = 0;
  auto* table = members->empty() ? nullptr : dict.AddSectionDictionary("HAS_MEMBERS");
  for (const auto& m : *members) {
    auto* row = table->AddSectionDictionary("MEMBER");
    row->SetValue("NAME", m.user_display_name);
    row->SetValue("EMAIL", m.user_email);
    row->SetValue("ROLE", Label(sv, ctx, "role", m.role));
    row->SetValue("PROFESSION", Label(sv, ctx, "profession", m.profession));
    row->SetValue("STATUS", Label(sv, ctx, "members.status", m.user_status));
    if (m.role == "admin") ++admins;
  }
  if (members->empty()) dict.ShowSection("NO_MEMBERS");
  if (admins == 0) dict.ShowSection("NO_ADMIN");
  dict.SetIntValue("HOURS", sv.config.security.invitation_valid_hours);
  web::KeepInput(dict, ctx, {"email", "display_name"});
  AddOptions(sv, ctx, dict, "PROFESSION_OPTION", kProfessions, "profession",
             ctx.Form("profession"));
  if (ctx.request.Query("created")) dict.ShowSection("NOTICE_CREATED");
  if (ctx.request.Query("invited")) dict.ShowSection("NOTICE_INVITED");
  if (ctx.request.Query("status_changed")) dict.ShowSection("NOTICE_STATUS");
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "admin/organization", "orgs.detail.title", dict, status);
}

http::Response Create(const app::Services& sv, web::RequestContext& ctx) {
  auto id = sv.orgs.CreateOrganization(ctx.Actor(), ctx.Form("kind"), ctx.Form("name"));
  if (!id) {
    if (id.error().code == core::ErrorCode::kInvalidInput) {
      return ShowList(sv, ctx, &id.error(), 422);
    }
    return ErrorPage(sv, ctx, id.error());
  }
  return web::SeeOther(OrgUrl(*id) + "?created=1");
}

http::Response InviteAdmin(const app::Services& sv, web::RequestContext& ctx) {
  const std::int64_t id = web::ParseId(ctx.Param("id"));
  auto org = sv.orgs.GetOrganization(id);
  if (!org) return ErrorPage(sv, ctx, org.error());
  // The first administrator: the role is fixed here, never taken from the form.
  const std::string role = "admin";
  const std::string profession = ctx.Form("profession");
  auto errors = ValidateInvite(ctx.Form("email"), ctx.Form("display_name"), role, profession);
  if (!errors.empty()) {
    auto e = core::Error::Invalid("error.form", std::move(errors));
    return ShowOrg(sv, ctx, id, &e, 422);
  }
  if (org->status != "active") {
    auto e = core::Error::Invalid("orgs.error.invite_disabled");
    return ShowOrg(sv, ctx, id, &e, 422);
  }
  auth::InviteRequest req;
  req.organization_id = id;
  req.email = NormalizeName(ctx.Form("email"));
  req.display_name = NormalizeName(ctx.Form("display_name"));
  req.role = role;
  req.profession = profession;
  req.lang = "ja";
  req.join_mail = JoinInvitationMail(sv, req.lang, org->name);
  auto invited = sv.accounts.Invite(ctx.Actor(), req, InvitationMail(sv, req.lang, org->name));
  if (!invited) {
    if (invited.error().code == core::ErrorCode::kInvalidInput) {
      return ShowOrg(sv, ctx, id, &invited.error(), 422);
    }
    return ErrorPage(sv, ctx, invited.error());
  }
  return web::SeeOther(OrgUrl(id) + "?invited=1");
}

}  // namespace

void AddAdminRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/admin/organizations", Permission::kSystemAdmin,
              [&sv](web::RequestContext& ctx) { return ShowList(sv, ctx, nullptr); }});
  router.Add({"POST", "/admin/organizations", Permission::kSystemAdmin,
              [&sv](web::RequestContext& ctx) { return Create(sv, ctx); }});
  router.Add({"GET", "/admin/organizations/{id}", Permission::kSystemAdmin,
              [&sv](web::RequestContext& ctx) {
                return ShowOrg(sv, ctx, web::ParseId(ctx.Param("id")), nullptr);
              }});
  router.Add({"POST", "/admin/organizations/{id}/invite", Permission::kSystemAdmin,
              [&sv](web::RequestContext& ctx) { return InviteAdmin(sv, ctx); }});
  router.Add({"POST", "/admin/organizations/{id}/status", Permission::kSystemAdmin,
              [&sv](web::RequestContext& ctx) {
                const std::int64_t id = web::ParseId(ctx.Param("id"));
                const std::string status = ctx.Form("status");
                if (status != "active" && status != "disabled") {
                  return sv.pages.Error(ctx, 400, "error.bad_request");
                }
                auto st = sv.orgs.SetOrganizationStatus(ctx.Actor(), id, status);
                if (!st) return ErrorPage(sv, ctx, st.error());
                return web::SeeOther(OrgUrl(id) + "?status_changed=1");
              }});
}

}  // namespace tsunagu::orgs::handlers
