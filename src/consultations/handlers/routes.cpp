#include "consultations/handlers/routes.hpp"

namespace tsunagu::consultations::handlers {

void AddRoutes(app::Router& router, app::Services& services) {
  AddPublicBookingRoutes(router, services);
  AddCoordinatorRoutes(router, services);
  AddPublishingRoutes(router, services);
  AddBoardRoutes(router, services);
  AddRecordRoutes(router, services);
  AddPartnerRoutes(router, services);
  AddSurveyRoutes(router, services);
  AddReportRoutes(router, services);
}

}  // namespace tsunagu::consultations::handlers
