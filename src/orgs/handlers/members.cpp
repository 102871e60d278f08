// Members of the active organisation, for its admin: GET /org/members, GET/POST
// /org/members/invite, GET/POST /org/members/{id}, GET/POST /org/members/{id}/remove, and
// POST /org/members/invitations/{id}/revoke (a pending invitation of an existing account).
// Every id comes from the path but the organisation always comes from the session: a
// membership of another organisation answers 404, exactly like one that does not exist.
#include "orgs/handlers/routes.hpp"
#include "orgs/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::orgs::handlers {
namespace {

http::Response ErrorPage(const app::Services& sv, const web::RequestContext& ctx,
                         const core::Error& error) {
  return sv.pages.Error(ctx, web::StatusFor(error.code), error.message_key);
}

void AddMemberRow(const app::Services& sv, const web::RequestContext& ctx,
                  ctemplate::TemplateDictionary& row, const Membership& m) {
  row.SetIntValue("ID", m.id);
  row.SetValue("NAME", m.user_display_name);
  row.SetValue("EMAIL", m.user_email);
  row.SetValue("ROLE", Label(sv, ctx, "role", m.role));
  row.SetValue("PROFESSION", Label(sv, ctx, "profession", m.profession));
  row.SetValue("STATUS", Label(sv, ctx, "members.status", m.user_status));
  if (ctx.principal && m.user_id == ctx.principal->user_id) row.ShowSection("IS_SELF");
}

http::Response ShowList(const app::Services& sv, web::RequestContext& ctx) {
  auto members = sv.orgs.ListMembers(*ctx.principal, ctx.principal->organization_id);
  if (!members) return ErrorPage(sv, ctx, members.error());
  ctemplate::TemplateDictionary dict("members");
  dict.SetValue("ORG_NAME", ctx.organization ? ctx.organization->name : std::string());
  for (const auto& m : *members) AddMemberRow(sv, ctx, *dict.AddSectionDictionary("MEMBER"), m);
  dict.SetValue("CAPTION", sv.catalog.Format(ctx.lang, "members.caption",
                                             {{"count", std::to_string(members->size())}}));
  // Invitations of existing accounts still waiting for the person's answer.
  auto pending = sv.orgs.PendingInvitations(*ctx.principal, ctx.principal->organization_id);
  if (!pending) return ErrorPage(sv, ctx, pending.error());
  if (!pending->empty()) {
    auto* table = dict.AddSectionDictionary("HAS_PENDING");
    table->SetValue("PENDING_CAPTION",
                    sv.catalog.Format(ctx.lang, "members.pending.caption",
                                      {{"count", std::to_string(pending->size())}}));
    for (const auto& p : *pending) {
      auto* row = table->AddSectionDictionary("PENDING");
      row->SetIntValue("ID", p.id);
      row->SetValue("NAME", p.user_display_name);
      row->SetValue("EMAIL", p.user_email);
      row->SetValue("ROLE", Label(sv, ctx, "role", p.role));
      row->SetValue("PROFESSION", Label(sv, ctx, "profession", p.profession));
      row->SetValue("EXPIRES", FormatMoment(ctx, p.expires_at));
    }
  }
  if (ctx.request.Query("revoked")) dict.ShowSection("NOTICE_REVOKED");
  if (ctx.request.Query("invited")) dict.ShowSection("NOTICE_INVITED");
  if (ctx.request.Query("updated")) dict.ShowSection("NOTICE_UPDATED");
  if (ctx.request.Query("removed")) dict.ShowSection("NOTICE_REMOVED");
  return sv.pages.Render(ctx, "orgs/members", "members.title", dict);
}

http::Response ShowInvite(const app::Services& sv, web::RequestContext& ctx,
                          const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("invite");
  dict.SetValue("ORG_NAME", ctx.organization ? ctx.organization->name : std::string());
  dict.SetIntValue("HOURS", sv.config.security.invitation_valid_hours);
  web::KeepInput(dict, ctx, {"email", "display_name"});
  AddOptions(sv, ctx, dict, "ROLE_OPTION", kRoles, "role", ctx.Form("role"));
  AddOptions(sv, ctx, dict, "PROFESSION_OPTION", kProfessions, "profession",
             ctx.Form("profession"));
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "orgs/invite", "members.invite.title", dict, status);
}

http::Response Invite(const app::Services& sv, web::RequestContext& ctx) {
  const std::string role = ctx.Form("role");
  const std::string profession = ctx.Form("profession");
  auto errors = ValidateInvite(ctx.Form("email"), ctx.Form("display_name"), role, profession);
  if (errors.empty()) {
    if (auto parsed = auth::ParseRole(role);
        !parsed || !auth::Policy::CanGrantRole(*ctx.principal, *parsed)) {
      errors.push_back({"role", "members.error.role"});
    }
  }
  if (!errors.empty()) {
    auto e = core::Error::Invalid("error.form", std::move(errors));
    return ShowInvite(sv, ctx, &e, 422);
  }
  if (!ctx.organization) return sv.pages.Error(ctx, 403, "error.forbidden");
  auth::InviteRequest req;
  // Always the ACTIVE organisation: an id from the form could name someone else's.
  req.organization_id = ctx.principal->organization_id;
  req.email = NormalizeName(ctx.Form("email"));
  req.display_name = NormalizeName(ctx.Form("display_name"));
  req.role = role;
  req.profession = profession;
  req.lang = "ja";  // a new account starts in Japanese; the person can switch later
  req.join_mail = JoinInvitationMail(sv, req.lang, ctx.organization->name);
  auto invited =
      sv.accounts.Invite(ctx.Actor(), req, InvitationMail(sv, req.lang, ctx.organization->name));
  if (!invited) {
    if (invited.error().code == core::ErrorCode::kInvalidInput) {
      return ShowInvite(sv, ctx, &invited.error(), 422);
    }
    return ErrorPage(sv, ctx, invited.error());
  }
  return web::SeeOther("/org/members?invited=1");
}

http::Response ShowEdit(const app::Services& sv, web::RequestContext& ctx, const Membership& m,
                        const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("member_edit");
  AddMemberRow(sv, ctx, dict, m);
  const bool posted = !ctx.form.empty();
  AddOptions(sv, ctx, dict, "ROLE_OPTION", kRoles, "role", posted ? ctx.Form("role") : m.role);
  AddOptions(sv, ctx, dict, "PROFESSION_OPTION", kProfessions, "profession",
             posted ? ctx.Form("profession") : m.profession);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "orgs/member_edit", "members.edit.title", dict, status);
}

http::Response ShowRemove(const app::Services& sv, web::RequestContext& ctx, const Membership& m,
                          const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("member_remove");
  AddMemberRow(sv, ctx, dict, m);
  if (error) {
    // The page has no fields to point at: show the reason in the summary only.
    core::Error shown{
        error->code, error->fields.empty() ? error->message_key : error->fields[0].message_key, {}};
    sv.pages.AddErrors(dict, ctx, shown);
  }
  return sv.pages.Render(ctx, "orgs/member_remove", "members.remove.title", dict, status);
}

}  // namespace

void AddMemberRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  router.Add({"GET", "/org/members", Permission::kOrgManageMembers,
              [&sv](web::RequestContext& ctx) { return ShowList(sv, ctx); }});

  // Registered before /org/members/{id}: the first matching pattern wins.
  router.Add({"GET", "/org/members/invite", Permission::kOrgManageMembers,
              [&sv](web::RequestContext& ctx) { return ShowInvite(sv, ctx, nullptr); }});
  router.Add({"POST", "/org/members/invite", Permission::kOrgManageMembers,
              [&sv](web::RequestContext& ctx) { return Invite(sv, ctx); }});

  router.Add({"POST", "/org/members/invitations/{id}/revoke", Permission::kOrgManageMembers,
              [&sv](web::RequestContext& ctx) {
                auto st = sv.orgs.RevokeInvitation(*ctx.principal, ctx.Actor(),
                                                   web::ParseId(ctx.Param("id")));
                if (!st) return ErrorPage(sv, ctx, st.error());
                return web::SeeOther("/org/members?revoked=1");
              }});

  router.Add(
      {"GET", "/org/members/{id}", Permission::kOrgManageMembers, [&sv](web::RequestContext& ctx) {
         auto m = sv.orgs.GetMember(*ctx.principal, web::ParseId(ctx.Param("id")));
         if (!m) return ErrorPage(sv, ctx, m.error());
         return ShowEdit(sv, ctx, *m, nullptr);
       }});

  router.Add(
      {"POST", "/org/members/{id}", Permission::kOrgManageMembers, [&sv](web::RequestContext& ctx) {
         auto m = sv.orgs.GetMember(*ctx.principal, web::ParseId(ctx.Param("id")));
         if (!m) return ErrorPage(sv, ctx, m.error());
         const std::string role = ctx.Form("role");
         auto st =
             sv.orgs.UpdateMember(*ctx.principal, ctx.Actor(), m->id, role, ctx.Form("profession"));
         if (!st) {
           if (st.error().code == core::ErrorCode::kInvalidInput) {
             return ShowEdit(sv, ctx, *m, &st.error(), 422);
           }
           return ErrorPage(sv, ctx, st.error());
         }
         // An admin who gave up their own admin role can no longer see this list.
         if (m->user_id == ctx.principal->user_id && role != "admin") {
           return web::SeeOther("/");
         }
         return web::SeeOther("/org/members?updated=1");
       }});

  router.Add({"GET", "/org/members/{id}/remove", Permission::kOrgManageMembers,
              [&sv](web::RequestContext& ctx) {
                auto m = sv.orgs.GetMember(*ctx.principal, web::ParseId(ctx.Param("id")));
                if (!m) return ErrorPage(sv, ctx, m.error());
                return ShowRemove(sv, ctx, *m, nullptr);
              }});

  router.Add({"POST", "/org/members/{id}/remove", Permission::kOrgManageMembers,
              [&sv](web::RequestContext& ctx) {
                auto m = sv.orgs.GetMember(*ctx.principal, web::ParseId(ctx.Param("id")));
                if (!m) return ErrorPage(sv, ctx, m.error());
                auto st = sv.orgs.RemoveMember(*ctx.principal, ctx.Actor(), m->id);
                if (!st) {
                  if (st.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowRemove(sv, ctx, *m, &st.error(), 422);
                  }
                  return ErrorPage(sv, ctx, st.error());
                }
                if (m->user_id == ctx.principal->user_id) return web::SeeOther("/");
                return web::SeeOther("/org/members?removed=1");
              }});
}

}  // namespace tsunagu::orgs::handlers
