// The day board on 電話 / オンライン days and the walk-ins guided elsewhere (phone_day.cpp):
// what board.cpp adds to its rows and page. Internal to the handlers.
#pragma once

#include <ctemplate/template.h>

#include "app/router.hpp"
#include "app/services.hpp"
#include "consultations/day_board.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/yearly_report.hpp"

namespace tsunagu::consultations::handlers {

// The person is called rather than received: 電話 and オンライン days.
bool IsCallDay(const ConsultationDay& day);

// 「電話した（つながった）／つながらない」 for a booked row of a call day, shown to the 事務局
// and to the counselor assigned to the booking (the one who has the number to call).
void AddCallControls(ctemplate::TemplateDictionary* row, const BoardBooking& b, bool coordinator,
                     bool day_has_come);

// The row's calls so far, and its status in a call day's words (つながった, 連絡つかず).
void AddCallInfo(const app::Services& sv, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary* row, const BoardBooking& b, bool call_day);

// The day's walk-ins guided to another window, and the link to record one.
void AddGuided(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const DayBoard& board, bool day_has_come);

// The report's hand-offs to the 両立支援促進員 (made, accepted) and walk-ins guided elsewhere.
void AddFieldCounts(ctemplate::TemplateDictionary& dict, const YearlyReport& report);

// POST …/bookings/{booking_id}/call-connected and …/call-not-answered (kOrgCounsel; the
// service asks RecordAccess::Booking), GET/POST …/days/{day_id}/guided (kOrgCounsel).
void AddPhoneDayRoutes(app::Router& router, app::Services& sv);

}  // namespace tsunagu::consultations::handlers
