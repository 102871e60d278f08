// GET /api/v1/referrals and /api/v1/referrals/{id}: referrals the token's organisation sent or
// received, read through ReferralService::List (both directions, as the referral list page
// does) and ::Get, the referral page's call: the same sides, the same consent on the note, the
// same audit.
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

boost::json::object ReferralJson(const referrals::Referral& r, bool with_history) {
  boost::json::object out{
      {"id", r.id},
      {"direction", r.incoming ? "received" : "sent"},
      {"client_id", r.client_id},
      {"client_name", TextOrNull(r.client_name)},
      {"from_organization", boost::json::object{{"id", r.from_org_id}, {"name", r.from_org_name}}},
      {"to_organization", boost::json::object{{"id", r.to_org_id}, {"name", r.to_org_name}}},
      {"reason", r.reason},
      {"status", r.status},
      {"decline_reason", TextOrNull(r.decline_reason)},
      {"result", TextOrNull(r.result)},
      {"result_reason", TextOrNull(r.result_reason)},
      {"case_id", r.case_id == 0 ? boost::json::value(nullptr) : boost::json::value(r.case_id)},
      {"version", r.version},
      {"created_at", FormatIsoUtc(r.created_at)},
      {"updated_at", FormatIsoUtc(r.updated_at)}};
  if (with_history) {
    // Only while a consent between the two organisations still holds, as on the page.
    out["note"] = TextOrNull(r.note);
    boost::json::array events;
    for (const auto& e : r.events) {
      events.push_back(boost::json::object{{"status", e.status},
                                           {"reason", TextOrNull(e.reason)},
                                           {"note", TextOrNull(e.note)},
                                           {"actor_name", e.actor_name},
                                           {"actor_organization_name", e.actor_org_name},
                                           {"occurred_at", FormatIsoUtc(e.occurred_at)}});
    }
    out["events"] = std::move(events);
  }
  return out;
}

}  // namespace

app::RouteHandler MakeListReferrals(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const CursorCodec codec(sv.cipher, "/api/v1/referrals");
    auto page = ReadPageRequest(ctx, codec);
    if (!page) return ProblemResponse(sv.catalog, ctx.lang, 400, page.error().message_key);
    const auto direction = ctx.request.Query("direction").value_or("");
    if (direction != "" && direction != "received" && direction != "sent") {
      return ProblemResponse(sv.catalog, ctx.lang, 400, "api.error.query");
    }
    std::vector<referrals::Referral> all;
    for (const bool incoming : {true, false}) {
      if (direction == (incoming ? "sent" : "received")) continue;
      auto listed = sv.referrals.List(*ctx.Who(), ctx.Actor(), incoming);
      if (!listed) return ProblemFor(sv.catalog, ctx.lang, listed.error());
      for (auto& r : *listed) all.push_back(std::move(r));
    }
    return JsonResponse(Paginate(
        std::move(all), *page, codec,
        [](const referrals::Referral& r) {
          return SortKey{r.updated_at, r.id};
        },
        [](const referrals::Referral& r) { return ReferralJson(r, false); }));
  };
}

app::RouteHandler MakeGetReferral(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t id = web::ParseId(ctx.Param("id"));
    if (id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
    auto got = sv.referrals.Get(*ctx.Who(), ctx.Actor(), id);
    if (!got) return ProblemFor(sv.catalog, ctx.lang, got.error());
    return JsonResponse(ReferralJson(*got, true));
  };
}

}  // namespace tsunagu::api::handlers
