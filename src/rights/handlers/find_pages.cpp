// A person who never became a client (/org/rights/find): found by phone or e-mail among the
// organisation's bookings and event registrations, disclosed on a printable page, and erased.
// The contact travels in POST bodies only, never in a URL (addresses reach access logs).
#include <ctemplate/template.h>

#include <string>

#include "rights/handlers/disclosure_view.hpp"
#include "rights/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::rights::handlers {
namespace {

http::Response ShowFind(const Deps& deps, web::RequestContext& ctx, const Disclosure* found,
                        const core::Error* error, const std::string& notice, int status = 200) {
  ctemplate::TemplateDictionary dict("rights_find");
  dict.SetValue("V_PHONE", ctx.Form("phone"));
  dict.SetValue("V_EMAIL", ctx.Form("email"));
  if (error) deps.pages.AddErrors(dict, ctx, *error);
  if (!notice.empty()) dict.SetValueAndShowSection("NOTICE_TEXT", notice, "NOTICE");
  if (found) {
    auto* results = dict.AddSectionDictionary("RESULTS");
    results->SetValue("ORG", found->organization_name);
    results->SetValue("MADE_AT", web::DateTimeOf(ctx, found->made_at));
    AddDisclosure(deps, ctx, *results, *found);
    if (!found->bookings.empty() || !found->registrations.empty()) {
      auto* erase = results->AddSectionDictionary("CAN_ERASE");
      erase->SetValue("V_PHONE", ctx.Form("phone"));
      erase->SetValue("V_EMAIL", ctx.Form("email"));
    }
  }
  return deps.pages.Render(ctx, "rights/find", "rights.find.title", dict, status);
}

http::Response Find(const Deps& deps, web::RequestContext& ctx) {
  auto d =
      deps.rights->DiscloseByContact(*ctx.Who(), ctx.Actor(), ctx.Form("phone"), ctx.Form("email"));
  if (!d) {
    if (d.error().code == core::ErrorCode::kInvalidInput) {
      return ShowFind(deps, ctx, nullptr, &d.error(), "", 422);
    }
    return web::Failure(deps.pages, ctx, d.error());
  }
  return ShowFind(deps, ctx, &*d, nullptr, "");
}

http::Response Erase(const Deps& deps, web::RequestContext& ctx) {
  if (ctx.Form("confirm") != "1") {
    auto e =
        core::Error::Invalid("error.invalid_input", {{"confirm", "rights.error.confirm_erase"}});
    return ShowFind(deps, ctx, nullptr, &e, "", 422);
  }
  auto n =
      deps.rights->EraseByContact(*ctx.Who(), ctx.Actor(), ctx.Form("phone"), ctx.Form("email"));
  if (!n) {
    if (n.error().code == core::ErrorCode::kInvalidInput) {
      return ShowFind(deps, ctx, nullptr, &n.error(), "", 422);
    }
    return web::Failure(deps.pages, ctx, n.error());
  }
  return ShowFind(
      deps, ctx, nullptr, nullptr,
      deps.pages.catalog().Format(ctx.lang, "rights.find.erased", {{"count", std::to_string(*n)}}));
}

}  // namespace

void AddFindRoutes(app::Router& router, const Deps& deps) {
  using auth::Permission;
  router.Add(
      {"GET", "/org/rights/find", Permission::kOrgCoordinate,
       [deps](web::RequestContext& ctx) { return ShowFind(deps, ctx, nullptr, nullptr, ""); }});
  router.Add({"POST", "/org/rights/find", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return Find(deps, ctx); }});
  router.Add({"POST", "/org/rights/find/erase", Permission::kOrgCoordinate,
              [deps](web::RequestContext& ctx) { return Erase(deps, ctx); }});
}

}  // namespace tsunagu::rights::handlers
