// The composition root: builds every service from the configuration and answers requests.
#pragma once

#include <memory>
#include <optional>

#include "app/client_address.hpp"
#include "app/public_cache.hpp"
#include "app/router.hpp"
#include "app/scheduled_jobs.hpp"
#include "app/services.hpp"
#include "consultations/notices.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "http/message.hpp"
#include "http/static_files.hpp"

namespace tsunagu::app {

class App {
 public:
  // Opens the database (migrating it), loads keys, catalogues and templates, and builds the
  // route table. Fails with a message for the operator when anything is missing.
  static core::Result<std::unique_ptr<App>> Create(const core::Config& config,
                                                   const core::Clock& clock);
  ~App();

  // The whole middleware chain; safe to call from many threads.
  http::Response Handle(http::Request& request);
  // Called with the headers of a request whose body is large, before the body is read: the
  // answer when the route does not exist or the caller may not use it (the same answer Handle
  // would give), nothing when the body may be read (http::ServerOptions::admit).
  std::optional<http::Response> Admit(http::Request& request);
  // Answers for requests the server rejects before routing (400, 408, 413, 431, 503).
  http::Response HandleServerError(int status, const http::Request& partial);

  Services& services() { return *services_; }
  storage::Database& db() { return *db_; }
  // Live updates: pages subscribe to the hub; services publish on the bus after commits.
  live::Hub& hub() { return *hub_; }
  live::Bus& bus() { return *bus_; }
  notify::Outbox& outbox() { return *outbox_; }
  consultations::DayNotices& notices() { return *notices_; }
  // Day notices, questionnaire invitations, expired waiting-list holds (serve starts them).
  ScheduledJobs& jobs() { return *jobs_; }
  const Router& router() const { return router_; }

 private:
  App(const core::Config& config, const core::Clock& clock);
  http::Response Dispatch(web::RequestContext& ctx);
  // An anonymous GET of a covered public page: the kept answer, or the handler's (kept).
  http::Response CachedPublicPage(web::RequestContext& ctx, const Route& route);
  // Loads who is asking (session, or bearer token for the API); an answer when that fails.
  std::optional<http::Response> Identify(web::RequestContext& ctx, const Route& route);
  // The answer when the route's permission does not allow the caller: login, a confirmation
  // of the password and code, 401 or 403.
  std::optional<http::Response> Refuse(web::RequestContext& ctx, const Route& route);
  http::Response NoRoute(const web::RequestContext& ctx, bool path_known);
  http::Response ApiError(const web::RequestContext& ctx, int status, const std::string& key);
  bool LoadPrincipal(web::RequestContext& ctx);
  void Finish(const web::RequestContext& ctx, http::Response& response, bool personal) const;
  // A 5xx answer of a request whose database work found the connection lost becomes the 503
  // page that says so (storage/connection_health.hpp).
  void DatabaseDown(web::RequestContext& ctx, http::Response& response);

  const core::Config& config_;
  const core::Clock& clock_;
  ClientAddress client_address_;
  PublicPageCache public_pages_;
  std::unique_ptr<storage::Database> db_;
  // Declared after db_ so they go first: the PostgreSQL listener stops before the database.
  std::unique_ptr<live::Hub> hub_;
  std::unique_ptr<live::Bus> bus_;
  std::unique_ptr<core::Catalog> catalog_;
  std::unique_ptr<web::Renderer> renderer_;
  std::unique_ptr<web::Pages> pages_;
  std::unique_ptr<crypto::FieldCipher> cipher_;
  std::unique_ptr<notify::Outbox> outbox_;
  std::unique_ptr<auth::PasswordPolicy> password_policy_;
  std::unique_ptr<auth::SessionStore> sessions_;
  std::unique_ptr<auth::AccountService> accounts_;
  std::unique_ptr<orgs::OrgService> orgs_;
  std::unique_ptr<api::TokenService> tokens_;
  std::unique_ptr<consultations::HolidayCalendar> holidays_;
  std::unique_ptr<consultations::ConsultationService> consultations_;
  std::unique_ptr<consultations::DayBoardService> board_;
  std::unique_ptr<consultations::DayChangeService> day_changes_;
  std::unique_ptr<consultations::RecordService> records_;
  std::unique_ptr<consultations::PartnerService> partners_;
  std::unique_ptr<consultations::SurveyService> surveys_;
  std::unique_ptr<consultations::ReportService> reports_;
  std::unique_ptr<consultations::DayNotices> notices_;
  std::unique_ptr<sharing::Notifier> notifier_;
  std::unique_ptr<clients::ClientService> clients_;
  std::unique_ptr<sharing::ConsentService> consents_;
  std::unique_ptr<sharing::ProvisionService> provisions_;
  std::unique_ptr<referrals::ReferralService> referrals_;
  std::unique_ptr<cases::CaseService> cases_;
  std::unique_ptr<documents::DocumentService> documents_;
  std::unique_ptr<forms::FormCatalog> form_catalog_;
  std::unique_ptr<forms::FormService> forms_;
  std::unique_ptr<ScheduledJobs> jobs_;
  std::unique_ptr<http::StaticFiles> static_files_;
  std::unique_ptr<Services> services_;
  Router router_;
};

// Registers every route (routes.cpp).
void AddRoutes(Router& router, Services& services);

}  // namespace tsunagu::app
