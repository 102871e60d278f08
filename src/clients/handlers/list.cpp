// 相談者一覧: a search by name (kanji or kana, whole or one part), ふりがな or phone number, or
// without a query the recently updated people the organisation sees. Search is by exact match
// of the normalised text because names are stored encrypted (keyed blind indexes). The search
// is a POST (it changes nothing), so that a searched name never lands in a URL: not in the
// browser's history, a proxy's log or a Referer.
#include "clients/handlers/routes.hpp"
#include "clients/handlers/view.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::clients::handlers {
namespace {

constexpr std::size_t kMaxQuery = 100;

http::Response ClientList(app::Services& sv, web::RequestContext& ctx, const std::string& typed) {
  const std::string query = core::Trim(typed);
  ctemplate::TemplateDictionary dict("clients_list");
  dict.SetValue("QUERY", query);
  if (auth::Policy::Allows(ctx.Who(), auth::Permission::kOrgCoordinate)) {
    dict.ShowSection("CAN_COORDINATE");
  }
  if (core::CountCodePoints(query) > kMaxQuery) {
    sv.pages.AddErrors(dict, ctx,
                       core::Error::Invalid("error.form_invalid", {{"q", "error.too_long"}}));
    return sv.pages.Render(ctx, "clients/list", "clients.list.title", dict, 422);
  }
  auto found = sv.clients.Search(*ctx.Who(), ctx.Actor(), query);
  if (!found) return web::Failure(sv.pages, ctx, found.error());
  if (query.empty()) {
    dict.ShowSection(found->empty() ? "EMPTY_LIST" : "RECENT");
  } else {
    dict.SetValueAndShowSection(
        "RESULTS_TITLE",
        sv.catalog.Format(ctx.lang, "clients.search.results",
                          {{"query", query}, {"count", std::to_string(found->size())}}),
        "SEARCHED");
    if (found->empty()) dict.ShowSection("NO_MATCH");
  }
  if (found->size() >= static_cast<std::size_t>(ClientService::kListLimit)) {
    dict.SetValueAndShowSection(
        "LIMIT_TEXT",
        sv.catalog.Format(ctx.lang, "clients.list.limited",
                          {{"count", std::to_string(ClientService::kListLimit)}}),
        "LIMITED");
  }
  for (const auto& c : *found) {
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetValue("PATH", ClientPath(c.id));
    row->SetValue("NAME", c.name.empty() ? sv.pages.T(ctx, "clients.name_hidden") : c.name);
    row->SetValue("KANA", c.kana);
    row->SetValue("AGE", AgeText(sv, ctx, c.birth_year, c.age_band));
    row->SetValue("ORG", c.organization_name);
    if (!c.own) row->ShowSection("SHARED");
    row->SetValue("UPDATED", web::DateTimeOf(ctx, c.updated_at));
  }
  if (!found->empty()) dict.ShowSection("HAS_ROWS");
  return sv.pages.Render(ctx, "clients/list", "clients.list.title", dict);
}

}  // namespace

void AddListRoutes(app::Router& router, app::Services& sv) {
  // A ?q= in the URL is ignored rather than searched, so that no link or bookmark carries a
  // name.
  router.Add({"GET", "/clients", auth::Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return ClientList(sv, ctx, ""); }});
  router.Add({"POST", "/clients", auth::Permission::kOrgCounsel,
              [&sv](web::RequestContext& ctx) { return ClientList(sv, ctx, ctx.Form("q")); }});
}

}  // namespace tsunagu::clients::handlers
