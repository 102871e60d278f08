#include "consultations/handlers/routes.hpp"

#include "consultations/handlers/handoff.hpp"

namespace tsunagu::consultations::handlers {

void AddRoutes(app::Router& router, app::Services& services) {
  AddPublicBookingRoutes(router, services);
  AddCoordinatorRoutes(router, services);
  AddPublishingRoutes(router, services);
  AddBoardRoutes(router, services);
  AddRecordRoutes(router, services);
  AddHandoffRoutes(router, services);
  AddPartnerRoutes(router, services);
  AddSurveyRoutes(router, services);
  AddReportRoutes(router, services);
  AddImportRoutes(router, services);
}

}  // namespace tsunagu::consultations::handlers
