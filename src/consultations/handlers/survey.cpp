// Placeholder until the pages land.
#include "consultations/handlers/routes.hpp"

namespace tsunagu::consultations::handlers {

void AddSurveyRoutes(app::Router& /*router*/, app::Services& /*sv*/) {}

}  // namespace tsunagu::consultations::handlers
