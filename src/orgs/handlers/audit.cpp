// GET /org/audit: the active organisation's audit log for its admin, newest first, read-only.
#include "orgs/handlers/routes.hpp"
#include "orgs/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::orgs::handlers {
namespace {

constexpr int kPageSize = 50;

std::string ActorName(const app::Services& sv, const web::RequestContext& ctx,
                      const AuditPage& page, const audit::StoredEvent& e, std::int64_t own_org) {
  const std::int64_t user_id = e.actor_user_id;
  if (e.organization_id != own_org && e.organization_id != 0) {
    // Another organisation's access to a record this organisation holds: who and where from.
    const auto name = page.outside_names.find(user_id);
    const auto org = page.org_names.find(e.organization_id);
    return sv.catalog.Format(
        ctx.lang, "audit.actor.other_org",
        {{"name",
          name != page.outside_names.end() ? name->second : sv.pages.T(ctx, "audit.actor.system")},
         {"org", org != page.org_names.end() ? org->second : std::string()}});
  }
  if (user_id == 0) return sv.pages.T(ctx, "audit.actor.system");
  if (auto it = page.member_names.find(user_id); it != page.member_names.end()) {
    return it->second;
  }
  if (page.system_admin_ids.count(user_id)) return sv.pages.T(ctx, "audit.actor.system_admin");
  return sv.pages.T(ctx, "audit.actor.outside");
}

http::Response Show(const app::Services& sv, web::RequestContext& ctx) {
  const std::int64_t before = web::ParseId(ctx.request.Query("before").value_or(""));
  const bool others = ctx.request.Query("others").value_or("") == "1";
  const std::int64_t own_org = ctx.principal->organization_id;
  auto page = sv.orgs.AuditTrail(*ctx.principal, own_org, before, kPageSize, others);
  if (!page)
    return sv.pages.Error(ctx, web::StatusFor(page.error().code), page.error().message_key);
  ctemplate::TemplateDictionary dict("audit");
  dict.SetValue("ORG_NAME", ctx.organization ? ctx.organization->name : std::string());
  auto* table = page->events.empty() ? nullptr : dict.AddSectionDictionary("HAS_EVENTS");
  for (const auto& e : page->events) {
    auto* row = table->AddSectionDictionary("EVENT");
    row->SetValue("TIME", FormatMoment(ctx, e.occurred_at));
    row->SetValue("ACTOR", ActorName(sv, ctx, *page, e, own_org));
    if (e.organization_id != own_org && e.organization_id != 0) row->ShowSection("OTHER_ORG");
    row->SetValue("ACTION", Label(sv, ctx, "audit_action", e.action));
    row->SetValue("ACTION_CODE", e.action);
    if (e.target_type.empty()) {
      row->SetValue("TARGET", "—");
    } else {
      row->SetValue("TARGET", Label(sv, ctx, "audit_target", e.target_type) +
                                  (e.target_id.empty() ? "" : " #" + e.target_id));
    }
    row->SetValue("IP", e.ip.empty() ? "—" : e.ip);
  }
  if (page->events.empty()) dict.ShowSection("EMPTY");
  dict.ShowSection(others ? "SHOWING_OTHERS" : "SHOWING_ALL");
  const std::string base = others ? "/org/audit?others=1" : "/org/audit";
  const bool older = page->has_older && !page->events.empty();
  if (older || before > 0) {
    auto* pager = dict.AddSectionDictionary("PAGER");
    if (before > 0) pager->SetValueAndShowSection("NEWEST_URL", base, "NEWEST");
    if (older) {
      pager->SetValueAndShowSection(
          "OLDER_URL",
          base + (others ? "&" : "?") + "before=" + std::to_string(page->events.back().seq),
          "OLDER");
    }
  }
  return sv.pages.Render(ctx, "orgs/audit", "audit.title", dict);
}

}  // namespace

void AddAuditRoutes(app::Router& router, app::Services& sv) {
  router.Add({"GET", "/org/audit", auth::Permission::kOrgViewAudit,
              [&sv](web::RequestContext& ctx) { return Show(sv, ctx); }});
}

}  // namespace tsunagu::orgs::handlers
