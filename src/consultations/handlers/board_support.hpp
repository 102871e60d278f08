// What the day board's pages share (board.cpp, day_staff.cpp, offer.cpp): the ids of the
// path, the day's header, and the wrappers that read ids from a route. Internal to the handlers.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/router.hpp"
#include "app/services.hpp"
#include "consultations/handlers/page_support.hpp"

namespace tsunagu::consultations::handlers {

// How staff receive a booking; "web" is the public form's.
inline constexpr std::array<std::string_view, 3> kStaffChannels = {"phone", "mail", "walk_in"};

void SetIds(ctemplate::TemplateDictionary& dict, const Ids& ids);

// The signed-in member is the 事務局 of their active organisation.
bool Coordinates(const web::RequestContext& ctx);

// Bookable: scheduled and not yet past.
bool IsOpen(const app::Services& sv, const ConsultationDay& day);

// The non-empty parts joined by `separator`.
std::string Join(const std::vector<std::string>& parts, const std::string& separator);

// The day's date, hours, place and booths: the top of every page about one day.
void AddDayHeader(const app::Services& sv, const web::RequestContext& ctx,
                  ctemplate::TemplateDictionary& dict, const ConsultationDay& day);

// A service error on a form page: field errors stay on the form, the rest become a page.
bool IsFormError(const core::Error& error);

// 「相談員 看護（看護師）」: staff pages name the person and their profession.
std::string StaffLabel(const app::Services& sv, const web::RequestContext& ctx,
                       const RosterEntry& staff);

using IdsHandler = std::function<http::Response(app::Services&, web::RequestContext&, const Ids&)>;

// Wraps a handler taking the path's ids; a malformed id is a missing page.
app::RouteHandler WithIds(app::Services& sv, bool with_booking, IdsHandler f);

// Wraps a handler taking the programme id of the path.
app::RouteHandler WithProgram(app::Services& sv,
                              std::function<http::Response(web::RequestContext&, std::int64_t)> f);

// After a row action (board.cpp): back to the board at the row with the notice `code`, or the
// board again with the problem beside the row.
http::Response AfterRowAction(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                              const core::Status& done, const std::string& code);

// /programs/{id}/days/new, the roster, and bookings taken by staff (day_staff.cpp).
void AddDayStaffRoutes(app::Router& router, app::Services& sv);

// The board's answer to staff on the roster who have not acknowledged the programme's
// confidentiality pledge yet (they are sent to the pledge page).
bool NeedsPledge(const core::Error& error);

// The confidentiality pledge page and the day's printable pages (day_print.cpp).
void AddDayPrintRoutes(app::Router& router, app::Services& sv);

// The public page where a waiting person takes up a freed place (offer.cpp).
void AddOfferRoutes(app::Router& router, app::Services& sv);

}  // namespace tsunagu::consultations::handlers
