// Small pieces every page of the consultations domain needs: times, fiscal years, today's
// date, places, day settings, the public pages' rate limit and the one way a service error
// becomes a page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "consultations/model.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "http/message.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {

// "18:00〜18:45".
std::string TimeRange(int start_minutes, int end_minutes);

// "18:00" → 1080, "24:00" → 1440; -1 when malformed (validation then explains).
int ParseTime(const std::string& text);

// 「令和8年5月14日（木） 18:15〜19:00」 in `lang`.
std::string DayLine(const std::string& lang, core::Date date, int start_minutes, int end_minutes);
// How and where, for people: 「対面（県庁 相談室）」, 「電話」.
std::string Place(const app::Services& sv, const std::string& lang, const std::string& mode,
                  const std::string& venue);

// The settings fields of a day form (mode, venue, meeting_url, booths, slot_minutes,
// prep_minutes, debrief_minutes) as posted; an empty slot length means seed 001's default
// for the mode (45 minutes in person, 30 by phone or online).
DaySettings ReadDaySettings(const web::RequestContext& ctx);

// Today in Japan, by the application's clock.
core::Date Today(const app::Services& sv);

// The fiscal year (April–March) today falls in.
int CurrentFiscalYear(const app::Services& sv);
// `text` as a fiscal year when it is one (2000–2100), else the current one.
int FiscalYearOf(const app::Services& sv, const std::string& text);
// The `fy` query parameter, read like FiscalYearOf.
int FiscalYearFromQuery(const app::Services& sv, const web::RequestContext& ctx);
// 「令和8年度」 or "FY2026".
std::string FiscalYearLabel(const std::string& lang, int fy);

// "令和8年12月3日 18:05" (JST) for a Unix time, in the page's language.
using web::DateTimeOf;

// Counts a public POST per client address ([security] public_form_limit per
// public_form_window_minutes); a flood gets a calm page in the person's
// language (429), otherwise nullopt and the request goes on.
std::optional<http::Response> Throttled(app::Services& sv, web::RequestContext& ctx);

// The ids in a day's or a booking's path (/programs/{id}/days/{day_id}/bookings/{booking_id}).
struct Ids {
  std::int64_t program = 0;
  std::int64_t day = 0;
  std::int64_t booking = 0;
};
// The day's board, and one booking under it.
std::string DayPath(const Ids& ids);
std::string BookingPath(const Ids& ids);

// A service error as a page: NotFound looks exactly like a missing page (other organisations'
// records are not revealed), a conflict shows its own message with 409, the rest are 500.
http::Response Failure(app::Services& sv, web::RequestContext& ctx, const core::Error& error);

}  // namespace tsunagu::consultations::handlers
