// GET /api/v1/cases and /api/v1/cases/{id}: support cases the token's organisation runs or a
// consent lets it follow, read through CaseService::List and ::Get, the calls of the case list
// and the case page (RecordAccess::Case decides; reads audited, a partner's view recorded as a
// provision). The case comes with its newest timeline entries, `?shown=` of them as on the page.
#include <boost/json.hpp>

#include "api/handlers/list_page.hpp"
#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "cases/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::api::handlers {
namespace {

boost::json::value TextOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return boost::json::string(text);
}

boost::json::value DateOrNull(const core::Date& date) {
  if (date.year == 0) return nullptr;
  return boost::json::string(core::ToIso(date));
}

boost::json::object SummaryJson(const cases::CaseSummary& c) {
  return {{"id", c.id},
          {"client_name", TextOrNull(c.client_name)},
          {"organization_name", c.organization_name},
          {"owner_name", c.owner_name},
          {"status", c.status},
          {"outcome", TextOrNull(c.outcome)},
          {"own", c.own},
          {"open_tasks", c.open_tasks},
          {"updated_at", FormatIsoUtc(c.updated_at)}};
}

boost::json::object EntryJson(const cases::TimelineEntry& e) {
  boost::json::array mentions;
  for (const auto& m : e.mentions) mentions.emplace_back(m);
  return {{"id", e.id},
          {"kind", e.kind},
          {"occurred_on", DateOrNull(e.occurred_on)},
          // A document entry whose title the consent does not cover has no text.
          {"body", e.withheld ? boost::json::value(nullptr) : boost::json::value(e.body)},
          {"withheld", e.withheld},
          {"author_name", e.author_name},
          {"author_profession", TextOrNull(e.author_profession)},
          {"organization_name", e.organization_name},
          {"mentions", std::move(mentions)},
          {"version", e.version},
          {"created_at", FormatIsoUtc(e.created_at)},
          {"updated_at", FormatIsoUtc(e.updated_at)}};
}

boost::json::object CaseJson(const cases::SupportCase& c) {
  boost::json::array staff;
  for (const auto& s : c.staff) {
    staff.push_back(boost::json::object{
        {"user_id", s.user_id}, {"name", s.name}, {"profession", TextOrNull(s.profession)}});
  }
  boost::json::array entries;
  for (const auto& e : c.timeline) entries.push_back(EntryJson(e));
  boost::json::object out{
      {"id", c.id},
      {"organization_name", c.organization_name},
      {"own", c.view.runs_case},
      {"client", boost::json::object{{"id", c.view.client_id},
                                     {"name", TextOrNull(c.client_name)},
                                     {"kana", TextOrNull(c.client_kana)}}},
      {"referral_id",
       c.referral_id == 0 ? boost::json::value(nullptr) : boost::json::value(c.referral_id)},
      {"referring_organization_name", TextOrNull(c.referring_org_name)},
      {"owner_name", c.owner_name},
      {"staff", std::move(staff)},
      {"status", c.status},
      {"employer_status", c.employer_status},
      {"agency_status", c.agency_status},
      {"goals", c.goals},
      {"outcome", TextOrNull(c.outcome)},
      {"outcome_on", c.outcome.empty() ? boost::json::value(nullptr) : DateOrNull(c.outcome_on)},
      {"version", c.version},
      {"opened_at", FormatIsoUtc(c.opened_at)},
      {"updated_at", FormatIsoUtc(c.updated_at)},
      {"timeline",
       boost::json::object{{"total", c.timeline_total}, {"entries", std::move(entries)}}}};
  // Tasks are the running organisation's own work; partners never see them.
  if (c.view.runs_case) {
    boost::json::array tasks;
    for (const auto& t : c.tasks) {
      tasks.push_back(boost::json::object{{"id", t.id},
                                          {"title", t.title},
                                          {"due_on", DateOrNull(t.due_on)},
                                          {"owner_name", t.owner_name},
                                          {"status", t.status},
                                          {"done_at", TimeOrNull(t.done_at)}});
    }
    out["tasks"] = std::move(tasks);
  }
  return out;
}

}  // namespace

app::RouteHandler MakeListCases(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const CursorCodec codec(sv.cipher, "/api/v1/cases");
    auto page = ReadPageRequest(ctx, codec);
    if (!page) return ProblemResponse(sv.catalog, ctx.lang, 400, page.error().message_key);
    // Like the case list: open cases, closed ones too with ?include_closed=true.
    const auto closed = ctx.request.Query("include_closed").value_or("false");
    if (closed != "true" && closed != "false") {
      return ProblemResponse(sv.catalog, ctx.lang, 400, "api.error.query");
    }
    auto cases = sv.cases.List(*ctx.Who(), ctx.Actor(), closed == "false");
    if (!cases) return ProblemFor(sv.catalog, ctx.lang, cases.error());
    return JsonResponse(Paginate(
        std::move(*cases), *page, codec,
        [](const cases::CaseSummary& c) {
          return SortKey{c.updated_at, c.id};
        },
        [](const cases::CaseSummary& c) { return SummaryJson(c); }));
  };
}

app::RouteHandler MakeGetCase(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t id = web::ParseId(ctx.Param("id"));
    if (id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
    // The page's reading of ?shown= (at least the newest 50 entries).
    auto got = sv.cases.Get(*ctx.Who(), ctx.Actor(), id, cases::handlers::ShownEntries(ctx));
    if (!got) return ProblemFor(sv.catalog, ctx.lang, got.error());
    return JsonResponse(CaseJson(*got));
  };
}

}  // namespace tsunagu::api::handlers
