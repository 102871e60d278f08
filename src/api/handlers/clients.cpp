// GET /api/v1/clients and /api/v1/clients/{id}: the people the token's organisation sees, read
// through ClientService::ListPage (the client list's filter, every page of it) and ::Get (the
// client page's call), so RecordAccess decides exactly as on the pages (another organisation's
// person only under an active consent, and only the items it covers), and each read is audited and,
// for a shared person, recorded as a provision as there.
#include <boost/json.hpp>

#include "api/handlers/list_page.hpp"
#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "web/forms.hpp"

namespace tsunagu::api::handlers {
namespace {

boost::json::value TextOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return boost::json::string(text);
}

boost::json::value YearOrNull(int year) {
  if (year == 0) return nullptr;
  return year;
}

boost::json::object SummaryJson(const clients::ClientSummary& c) {
  return {{"id", c.id},
          {"name", TextOrNull(c.name)},
          {"kana", TextOrNull(c.kana)},
          {"birth_year", YearOrNull(c.birth_year)},
          {"age_band", TextOrNull(c.age_band)},
          {"organization_name", c.organization_name},
          {"own", c.own},
          {"updated_at", FormatIsoUtc(c.updated_at)}};
}

boost::json::object ClientJson(const clients::Client& c) {
  const auto& d = c.data;
  boost::json::array items;
  for (const auto& item : c.view.items) items.emplace_back(item);
  boost::json::object out{{"id", c.id},
                          {"organization", boost::json::object{{"id", c.organization_id},
                                                               {"name", c.organization_name}}},
                          {"own", c.view.owner},
                          {"shared_items", std::move(items)},
                          {"version", c.version},
                          {"created_at", FormatIsoUtc(c.created_at)},
                          {"updated_at", FormatIsoUtc(c.updated_at)}};
  // Only the groups the organisation may see are present at all, as on the client page.
  if (c.view.Has("basic")) {
    out["basic"] = boost::json::object{{"name", d.name},
                                       {"kana", d.kana},
                                       {"phone", d.phone},
                                       {"email", d.email},
                                       {"birth_year", YearOrNull(d.birth_year)},
                                       {"age_band", TextOrNull(d.age_band)},
                                       {"gender", TextOrNull(d.gender)},
                                       {"municipality", d.municipality}};
  }
  if (c.view.Has("medical")) {
    out["medical"] = boost::json::object{{"diagnosis", d.diagnosis},
                                         {"treatment_status", TextOrNull(d.treatment_status)}};
  }
  if (c.view.Has("work")) {
    out["work"] =
        boost::json::object{{"work_status", TextOrNull(d.work_status)}, {"employer", d.employer}};
  }
  // The registering organisation's own working notes are never shared.
  if (c.view.owner) out["notes"] = d.notes;
  return out;
}

}  // namespace

app::RouteHandler MakeListClients(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const CursorCodec codec(sv.cipher, "/api/v1/clients");
    auto page = ReadPageRequest(ctx, codec);
    if (!page) return ProblemResponse(sv.catalog, ctx.lang, 400, page.error().message_key);
    // Every person the organisation may see, a page at a time from the cursor (one more than
    // the page, so that Paginate knows whether another page follows).
    std::optional<clients::ClientService::ListKey> after;
    if (page->after)
      after = clients::ClientService::ListKey{page->after->updated_at, page->after->id};
    auto found =
        sv.clients.ListPage(*ctx.Who(), ctx.Actor(), after, static_cast<int>(page->limit) + 1);
    if (!found) return ProblemFor(sv.catalog, ctx.lang, found.error());
    return JsonResponse(Paginate(
        std::move(*found), *page, codec,
        [](const clients::ClientSummary& c) {
          return SortKey{c.updated_at, c.id};
        },
        [](const clients::ClientSummary& c) { return SummaryJson(c); }));
  };
}

app::RouteHandler MakeGetClient(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t id = web::ParseId(ctx.Param("id"));
    if (id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
    auto got = sv.clients.Get(*ctx.Who(), ctx.Actor(), id);
    if (!got) return ProblemFor(sv.catalog, ctx.lang, got.error());
    return JsonResponse(ClientJson(*got));
  };
}

}  // namespace tsunagu::api::handlers
