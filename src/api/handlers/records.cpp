// GET /api/v1/records: the organisation's consultation records (相談記録) for those who write
// them (counsellors, coordinators, admins), paginated; what the record page shows, free text
// included, each record read audited (consultations::ListRecords).
#include <boost/json.hpp>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "api/pagination.hpp"
#include "consultations/record_list.hpp"
#include "core/wareki.hpp"

namespace tsunagu::api::handlers {
namespace {

boost::json::array Codes(const std::vector<std::string>& codes) {
  boost::json::array out;
  for (const auto& c : codes) out.emplace_back(c);
  return out;
}

bool ReadDate(const http::Request& request, const char* name, std::optional<std::string>& out) {
  auto text = request.Query(name);
  if (!text) return true;
  auto date = core::ParseIsoDate(*text);
  if (!date) return false;
  out = core::ToIso(*date);
  return true;
}

}  // namespace

app::RouteHandler MakeListRecords(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    auto page = ReadPage(ctx.request, "si");
    if (!page) return PageProblem(sv.catalog, ctx.lang, page.error());
    consultations::RecordListQuery q;
    q.limit = page->limit;
    if (!ReadDate(ctx.request, "from", q.from) || !ReadDate(ctx.request, "to", q.to)) {
      return ProblemResponse(sv.catalog, ctx.lang, 400, "api.list.date");
    }
    if (page->after) {
      q.after = consultations::RecordListKey{std::get<std::string>((*page->after)[0]),
                                             std::get<std::int64_t>((*page->after)[1])};
    }
    auto rows = consultations::ListRecords(sv.db, sv.cipher, sv.clock, *ctx.Who(), ctx.Actor(), q);
    if (!rows) return ProblemFor(sv.catalog, ctx.lang, rows.error());
    auto cut = CutPage(std::move(*rows), q.limit, [](const consultations::ListedRecord& r) {
      return CursorKey{r.key.date, r.key.id};
    });
    boost::json::array items;
    for (const auto& l : cut.rows) {
      const auto& c = l.record;
      items.push_back(boost::json::object{{"id", c.id},
                                          {"booking_id", c.booking_id},
                                          {"reference", l.reference},
                                          {"program_id", l.program_id},
                                          {"day_id", c.day_id},
                                          {"date", l.key.date},
                                          {"professions", Codes(c.input.professions)},
                                          {"topics", Codes(c.input.topics)},
                                          {"referred_to", Codes(c.input.referred_to)},
                                          {"outcome", c.input.outcome},
                                          {"follow_up", c.input.follow_up},
                                          {"minutes", c.input.minutes},
                                          {"summary", c.input.summary},
                                          {"info_given", c.input.info_given},
                                          {"author_name", c.author_name},
                                          {"version", c.version},
                                          {"created_at", FormatIsoUtc(c.created_at)},
                                          {"updated_at", FormatIsoUtc(c.updated_at)}});
    }
    auto r = JsonResponse(PageBody(std::move(items), cut.next));
    r.headers.Set("Cache-Control", "private, no-cache");
    return r;
  };
}

}  // namespace tsunagu::api::handlers
