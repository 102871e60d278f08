#include "consultations/handlers/board_support.hpp"

#include "auth/policy.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {

void SetIds(ctemplate::TemplateDictionary& dict, const Ids& ids) {
  dict.SetIntValue("ID", ids.program);
  dict.SetIntValue("DAY_ID", ids.day);
  dict.SetValue("DAY_PATH", DayPath(ids));
}

bool Coordinates(const web::RequestContext& ctx) {
  return auth::Policy::CanCoordinate(*ctx.Who(), ctx.Who()->organization_id);
}

// Bookable: scheduled and not yet past.
bool IsOpen(const app::Services& sv, const ConsultationDay& day) {
  return day.status == "scheduled" && !(day.date < Today(sv));
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// The day's date, hours, place and booths: the top of every page about one day.
void AddDayHeader(const app::Services& sv, const web::RequestContext& ctx,
                  ctemplate::TemplateDictionary& dict, const ConsultationDay& day) {
  dict.SetValue("DATE", core::FormatDate(day.date, ctx.lang));
  dict.SetValue("HEADING", sv.catalog.Format(ctx.lang, "board.page.heading",
                                             {{"date", core::FormatDate(day.date, ctx.lang)}}));
  dict.SetValue("HOURS", TimeRange(day.start_minutes, day.end_minutes));
  dict.SetValue("PLACE", Place(sv, ctx.lang, day.mode, day.venue));
  if (day.mode == "online" && !day.meeting_url.empty()) {
    dict.AddSectionDictionary("MEETING_URL")->SetValue("URL", day.meeting_url);
  }
  dict.SetIntValue("BOOTHS", day.booths);
  dict.SetValue("DAY_STATUS", sv.pages.T(ctx, "days.status." + DayStatusCode(day, Today(sv))));
}

bool NeedsPledge(const core::Error& error) {
  return error.code == core::ErrorCode::kConflict && error.message_key == "pledge.required";
}

// A service error on a form page: field errors stay on the form, the rest become a page.
bool IsFormError(const core::Error& error) {
  return error.code == core::ErrorCode::kInvalidInput;
}

// 「相談員 看護（看護師）」: staff pages name the person and their profession.
std::string StaffLabel(const app::Services& sv, const web::RequestContext& ctx,
                       const RosterEntry& staff) {
  std::string label = sv.catalog.Format(
      ctx.lang, "board.roster.member",
      {{"name", staff.name}, {"profession", sv.pages.T(ctx, "profession." + staff.profession)}});
  if (!staff.organization.empty()) {
    label += sv.catalog.Format(ctx.lang, "partners.staff_from", {{"org", staff.organization}});
  }
  return label;
}

// Wraps a handler taking the path's ids; a malformed id is a missing page.
app::RouteHandler WithIds(app::Services& sv, bool with_booking, IdsHandler f) {
  return [&sv, with_booking, f = std::move(f)](web::RequestContext& ctx) {
    Ids ids;
    ids.program = web::ParseId(ctx.Param("id"));
    ids.day = web::ParseId(ctx.Param("day_id"));
    if (with_booking) ids.booking = web::ParseId(ctx.Param("booking_id"));
    if (ids.program <= 0 || ids.day <= 0 || (with_booking && ids.booking <= 0)) {
      return sv.pages.Error(ctx, 404, "error.not_found");
    }
    return f(sv, ctx, ids);
  };
}

app::RouteHandler WithProgram(app::Services& sv,
                              std::function<http::Response(web::RequestContext&, std::int64_t)> f) {
  return [&sv, f = std::move(f)](web::RequestContext& ctx) {
    const std::int64_t id = web::ParseId(ctx.Param("id"));
    if (id <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
    return f(ctx, id);
  };
}

}  // namespace tsunagu::consultations::handlers
