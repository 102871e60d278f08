// The public calendar pages (issue 15): the month and list views at /calendar, the iCalendar
// feeds (/calendar.ics, /orgs/{id}/calendar.ics) and the A4 posters with a QR code
// (/events/{id}/poster, /book/{program}/poster). No account needed; no personal data.
#pragma once

#include <memory>

#include "app/router.hpp"
#include "calendar/calendar_service.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "events/event_service.hpp"
#include "storage/database.hpp"
#include "web/page.hpp"

namespace tsunagu::calendar::handlers {

struct Deps {
  const web::Pages& pages;
  const core::Config& config;
  const core::Clock& clock;
  storage::Database& db;
  consultations::ConsultationService& consultations;
  std::shared_ptr<CalendarService> calendar;
  std::shared_ptr<events::EventService> events;
};

void AddRoutes(app::Router& router, const Deps& deps);

void AddCalendarPageRoutes(app::Router& router, const Deps& deps);
void AddFeedRoutes(app::Router& router, const Deps& deps);
void AddPosterRoutes(app::Router& router, const Deps& deps);

// The filter as the query string gives it (kind, area, mode, audience), cleaned.
Filter ReadFilter(const http::Request& request);
// The same filter as query parameters ("kind=forum&mode=online"), empty when none.
std::string FilterQuery(const Filter& filter);
// Today in Japan by the application's clock.
core::Date Today(const Deps& d);

}  // namespace tsunagu::calendar::handlers
