// GET /api/v1/programs/{id}/bookings: a programme's bookings for its coordinators (事務局),
// across days, paginated; what the day board shows them (consultations::ListBookings).
#include <boost/json.hpp>
#include <cstdio>

#include "api/handlers/routes.hpp"
#include "api/json.hpp"
#include "api/pagination.hpp"
#include "consultations/booking_list.hpp"
#include "core/wareki.hpp"
#include "web/forms.hpp"

namespace tsunagu::api::handlers {
namespace {

std::string Clock(int minutes) {
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", minutes / 60 % 100, minutes % 60);
  return out;
}

// A date filter: absent, or an ISO date (normalised); nullopt inside for absent.
bool ReadDate(const http::Request& request, const char* name, std::optional<std::string>& out) {
  auto text = request.Query(name);
  if (!text) return true;
  auto date = core::ParseIsoDate(*text);
  if (!date) return false;
  out = core::ToIso(*date);
  return true;
}

boost::json::value OptionalTime(const std::optional<std::int64_t>& t) {
  return t ? boost::json::value(FormatIsoUtc(*t)) : boost::json::value(nullptr);
}

}  // namespace

app::RouteHandler MakeListBookings(app::Services& sv) {
  return [&sv](web::RequestContext& ctx) {
    const std::int64_t program_id = web::ParseId(ctx.Param("id"));
    if (program_id == 0) return ProblemResponse(sv.catalog, ctx.lang, 404, "error.not_found");
    auto page = ReadPage(ctx.request, "sii");
    if (!page) return PageProblem(sv.catalog, ctx.lang, page.error());
    consultations::BookingListQuery q;
    q.program_id = program_id;
    q.limit = page->limit;
    if (!ReadDate(ctx.request, "from", q.from) || !ReadDate(ctx.request, "to", q.to)) {
      return ProblemResponse(sv.catalog, ctx.lang, 400, "api.list.date");
    }
    if (auto status = ctx.request.Query("status")) {
      if (!consultations::IsBookingStatus(*status)) {
        return ProblemResponse(sv.catalog, ctx.lang, 400, "api.list.status");
      }
      q.status = *status;
    }
    if (page->after) {
      const auto& k = *page->after;
      q.after = consultations::BookingListKey{
          std::get<std::string>(k[0]), std::get<std::int64_t>(k[1]), std::get<std::int64_t>(k[2])};
    }
    auto rows = consultations::ListBookings(sv.db, sv.cipher, sv.clock, *ctx.Who(), ctx.Actor(), q);
    if (!rows) return ProblemFor(sv.catalog, ctx.lang, rows.error());
    auto cut = CutPage(std::move(*rows), q.limit, [](const consultations::ListedBooking& b) {
      return CursorKey{b.key.date, b.key.start_minutes, b.key.id};
    });
    boost::json::array items;
    for (const auto& b : cut.rows) {
      const bool slotted = b.slot_id.has_value();
      items.push_back(boost::json::object{
          {"id", b.key.id},
          {"reference", b.reference},
          {"program_id", program_id},
          {"day_id", b.day_id},
          {"date", b.key.date},
          {"slot_id", slotted ? boost::json::value(*b.slot_id) : boost::json::value(nullptr)},
          {"start", slotted ? boost::json::value(Clock(static_cast<int>(b.key.start_minutes)))
                            : boost::json::value(nullptr)},
          {"end", slotted ? boost::json::value(Clock(b.end_minutes)) : boost::json::value(nullptr)},
          {"status", b.status},
          {"channel", b.channel},
          {"created_at", FormatIsoUtc(b.created_at)},
          {"checked_in_at", OptionalTime(b.checked_in_at)},
          {"booth", b.booth ? boost::json::value(*b.booth) : boost::json::value(nullptr)},
          {"has_record", b.has_record},
          {"name", b.contact.name},
          {"furigana", b.contact.furigana},
          {"phone", b.contact.phone},
          {"email", b.contact.email}});
    }
    auto r = JsonResponse(PageBody(std::move(items), cut.next));
    // Names and contacts: kept by no shared cache.
    r.headers.Set("Cache-Control", "private, no-cache");
    return r;
  };
}

}  // namespace tsunagu::api::handlers
