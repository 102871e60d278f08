// Routes of the consultations domain: public booking (no account) and the coordinator pages.
#pragma once

#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::consultations::handlers {

void AddRoutes(app::Router& router, app::Services& services);

// GET /book/{program_id}, /book/{program_id}/form; POST /book/{program_id}/confirm,
// /book/{program_id}/submit; GET/POST /book/cancel/{token} (public_booking.cpp).
void AddPublicBookingRoutes(app::Router& router, app::Services& services);

// The 事務局 pages: /programs, /programs/{id}, targets and day generation (programs.cpp).
void AddCoordinatorRoutes(app::Router& router, app::Services& services);

// POST /programs/{id}/publish: the public booking pages open or close (publishing.cpp).
void AddPublishingRoutes(app::Router& router, app::Services& services);

// The day's board, roster, staff bookings, check-in and the waiting list's offers (board.cpp).
void AddBoardRoutes(app::Router& router, app::Services& services);

// The programme's partner organisations and its confidentiality pledge (partners.cpp).
void AddPartnerRoutes(app::Router& router, app::Services& services);

// 相談記録, day notes and the records still missing (records.cpp).
void AddRecordRoutes(app::Router& router, app::Services& services);

// The anonymous questionnaire: public answer pages and paper entry (survey.cpp).
void AddSurveyRoutes(app::Router& router, app::Services& services);

// The programme's yearly report: page, CSV and xlsx (report.cpp).
void AddReportRoutes(app::Router& router, app::Services& services);

void AddImportRoutes(app::Router& router, app::Services& services);

}  // namespace tsunagu::consultations::handlers
