// GET /org/audit: the active organisation's audit log for its admin, newest first, read-only.
#include "orgs/handlers/routes.hpp"
#include "orgs/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::orgs::handlers {
namespace {

constexpr int kPageSize = 50;

std::string ActorName(const app::Services& sv, const web::RequestContext& ctx,
                      const AuditPage& page, std::int64_t user_id) {
  if (user_id == 0) return sv.pages.T(ctx, "audit.actor.system");
  if (auto it = page.member_names.find(user_id); it != page.member_names.end()) {
    return it->second;
  }
  if (page.system_admin_ids.count(user_id)) return sv.pages.T(ctx, "audit.actor.system_admin");
  return sv.pages.T(ctx, "audit.actor.outside");
}

http::Response Show(const app::Services& sv, web::RequestContext& ctx) {
  const std::int64_t before = web::ParseId(ctx.request.Query("before").value_or(""));
  auto page = sv.orgs.AuditTrail(*ctx.principal, ctx.principal->organization_id, before, kPageSize);
  if (!page)
    return sv.pages.Error(ctx, web::StatusFor(page.error().code), page.error().message_key);
  ctemplate::TemplateDictionary dict("audit");
  dict.SetValue("ORG_NAME", ctx.organization ? ctx.organization->name : std::string());
  auto* table = page->events.empty() ? nullptr : dict.AddSectionDictionary("HAS_EVENTS");
  for (const auto& e : page->events) {
    auto* row = table->AddSectionDictionary("EVENT");
    row->SetValue("TIME", FormatMoment(ctx, e.occurred_at));
    row->SetValue("ACTOR", ActorName(sv, ctx, *page, e.actor_user_id));
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
  const bool older = page->has_older && !page->events.empty();
  if (older || before > 0) {
    auto* pager = dict.AddSectionDictionary("PAGER");
    if (before > 0) pager->ShowSection("NEWEST");
    if (older) {
      pager->SetValueAndShowSection(
          "OLDER_URL", "/org/audit?before=" + std::to_string(page->events.back().seq), "OLDER");
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
