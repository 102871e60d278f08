#include "consultations/handlers/page_support.hpp"

#include "consultations/booking_cancel.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

constexpr int kDefaultSlotInPerson = 45;  // seed 001: about 45 minutes in person
constexpr int kDefaultSlotRemote = 30;    // 30 by phone or online

}  // namespace

std::string TimeRange(int start_minutes, int end_minutes) {
  return FormatMinutes(start_minutes) + "〜" + FormatMinutes(end_minutes);
}

int ParseTime(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  int h = web::ParseInt(text.substr(0, 2));
  int m = web::ParseInt(text.substr(3, 2));
  if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

std::string DayLine(const std::string& lang, core::Date date, int start_minutes, int end_minutes) {
  return core::FormatDate(date, lang) + " " + TimeRange(start_minutes, end_minutes);
}

std::string Place(const app::Services& sv, const std::string& lang, const std::string& mode,
                  const std::string& venue) {
  std::string text = sv.catalog.Get(lang, "booking.mode." + mode);
  if (mode == "in_person" && !venue.empty()) text += "（" + venue + "）";
  return text;
}

DaySettings ReadDaySettings(const web::RequestContext& ctx) {
  DaySettings s;
  s.mode = ctx.Form("mode");
  s.venue = core::Trim(ctx.Form("venue"));
  s.meeting_url = core::Trim(ctx.Form("meeting_url"));
  s.booths = web::ParseInt(ctx.Form("booths"));
  const std::string slot = ctx.Form("slot_minutes");
  s.slot_minutes = slot.empty()
                       ? (s.mode == "in_person" ? kDefaultSlotInPerson : kDefaultSlotRemote)
                       : web::ParseInt(slot);
  s.prep_minutes = web::ParseInt(ctx.Form("prep_minutes"));
  s.debrief_minutes = web::ParseInt(ctx.Form("debrief_minutes"));
  return s;
}

std::string DayPath(const Ids& ids) {
  return DayBoardPath(ids.program, ids.day);
}

std::string BookingPath(const Ids& ids) {
  return DayPath(ids) + "/bookings/" + std::to_string(ids.booking);
}

core::Date Today(const app::Services& sv) {
  return core::DateFromUnixSeconds(sv.clock.NowSeconds());
}

int CurrentFiscalYear(const app::Services& sv) {
  return core::FiscalYear(Today(sv));
}

int FiscalYearOf(const app::Services& sv, const std::string& text) {
  const int fy = web::ParseInt(text);
  return (fy >= 2000 && fy <= 2100) ? fy : CurrentFiscalYear(sv);
}

int FiscalYearFromQuery(const app::Services& sv, const web::RequestContext& ctx) {
  return FiscalYearOf(sv, ctx.request.Query("fy").value_or(""));
}

std::string FiscalYearLabel(const std::string& lang, int fy) {
  return lang == "en" ? core::FormatFiscalYearEn(fy) : core::FormatFiscalYear(fy);
}

std::optional<http::Response> Throttled(app::Services& sv, web::RequestContext& ctx) {
  const auto& limits = sv.config.security;
  auto counted =
      CountPublicSubmission(sv.db, sv.clock.NowSeconds(), ctx.request.remote_address,
                            limits.public_form_limit, limits.public_form_window_minutes * 60);
  if (counted.ok()) return std::nullopt;
  if (counted.error().code == core::ErrorCode::kRateLimited) {
    return sv.pages.Error(ctx, 429, "booking.rate_limited");
  }
  return sv.pages.Error(ctx, 500, "error.internal");
}

http::Response Failure(app::Services& sv, web::RequestContext& ctx, const core::Error& error) {
  return web::Failure(sv.pages, ctx, error);
}

}  // namespace tsunagu::consultations::handlers
