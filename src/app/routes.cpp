#include "account/handlers/routes.hpp"

#include "api/handlers/routes.hpp"
#include "app/app.hpp"
#include "auth/handlers/routes.hpp"
#include "calendar/handlers/routes.hpp"
#include "cases/handlers/routes.hpp"
#include "clients/handlers/routes.hpp"
#include "community/handlers/routes.hpp"
#include "consultations/handlers/routes.hpp"
#include "consultations/schedule_year.hpp"
#include "directory/handlers/routes.hpp"
#include "documents/handlers/routes.hpp"
#include "employment/contacts/routes.hpp"
#include "employment/employers/handlers/routes.hpp"
#include "employment/figures/routes.hpp"
#include "employment/links/handlers/routes.hpp"
#include "employment/placements/handlers/routes.hpp"
#include "events/handlers/routes.hpp"
#include "forms/handlers/routes.hpp"
#include "orgs/handlers/routes.hpp"
#include "peers/handlers/routes.hpp"
#include "referrals/handlers/routes.hpp"
#include "requests/handlers/routes.hpp"
#include "rights/handlers/routes.hpp"
#include "salons/handlers/routes.hpp"
#include "sharing/handlers/routes.hpp"

namespace tsunagu::app {

void AddRoutes(Router& router, Services& services) {
  router.Add({"GET", "/healthz", auth::Permission::kPublic,
              [](web::RequestContext&) { return http::Response::Text(200, "ok"); }});
  auth::handlers::AddRoutes(router, services);
  account::handlers::AddRoutes(router, services);
  orgs::handlers::AddRoutes(router, services);
  api::handlers::AddRoutes(router, services);
  consultations::handlers::AddRoutes(router, services);
  cases::handlers::AddRoutes(router, services);
  forms::handlers::AddRoutes(router, services);
  documents::handlers::AddRoutes(router, services);
  clients::handlers::AddRoutes(router, services);
  sharing::handlers::AddRoutes(router, services);
  referrals::handlers::AddRoutes(router, services);
  requests::handlers::AddRoutes(router, services);
  community::handlers::AddRoutes(router, services);
  employment::contacts::AddRoutes(router, services);
  employment::figures::AddRoutes(router, services);
  directory::handlers::AddRoutes(
      router, {std::make_shared<directory::DirectoryService>(services.db, services.clock),
               services.pages, services.catalog, services.config.server.public_url});
  // Events receive only what they use (ARCHITECTURE.md habit 9); the service holds no state.
  events::handlers::AddRoutes(
      router, {services.pages, services.config, services.clock, services.db,
               std::make_shared<events::EventService>(services.db, services.clock, services.cipher,
                                                      services.outbox, services.catalog,
                                                      services.config.server.public_url)});
  // Salons and peer supporters (issue 15): the holiday calendar places the salons' meetings.
  if (const auto* holidays = consultations::LoadedHolidays(services.config.data_dir)) {
    auto salon_service = std::make_shared<salons::SalonService>(
        services.db, services.clock, *holidays,
        events::LifecycleMail{services.cipher, services.outbox, services.catalog,
                              services.config.server.public_url});
    salons::handlers::AddRoutes(router, {services.pages, services.clock, services.db, salon_service,
                                         services.config.server.public_url});
    peers::handlers::AddRoutes(
        router, {services.pages, services.clock,
                 std::make_shared<peers::PeerService>(services.db, services.clock, services.cipher),
                 salon_service});
  }
  employment::employers::handlers::AddRoutes(
      router, {services.pages,
               std::make_shared<employment::employers::EmployerService>(services.db, services.clock,
                                                                        services.cipher),
               std::make_shared<employment::employers::OpeningService>(services.db, services.clock),
               std::make_shared<employment::employers::EmployerImport>(
                   services.db, services.clock, services.cipher, services.catalog),
               services.catalog});
  employment::placements::handlers::AddRoutes(
      router, {services.pages, services.clock,
               std::make_shared<employment::placements::PlacementService>(
                   services.db, services.clock, services.cipher, services.bus)});
  employment::links::handlers::AddRoutes(
      router,
      {services, std::make_shared<employment::links::LinkService>(
                     services.db, services.clock, services.cipher, services.config,
                     services.catalog, services.outbox, services.bus, services.forms.catalog())});
  rights::handlers::AddRoutes(
      router,
      {services.pages, services.clock,
       std::make_shared<rights::RightsService>(services.db, services.clock, services.cipher),
       std::make_shared<rights::RetentionService>(services.db, services.clock, services.cipher)});
  calendar::handlers::AddRoutes(
      router, {services.pages, services.config, services.clock, services.db, services.consultations,
               std::make_shared<calendar::CalendarService>(services.db, services.consultations),
               std::make_shared<events::EventService>(services.db, services.clock, services.cipher,
                                                      services.outbox, services.catalog,
                                                      services.config.server.public_url)});
}

}  // namespace tsunagu::app
