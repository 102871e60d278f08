#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "api/json.hpp"
#include "audit/audit_log.hpp"
#include "core/config.hpp"
#include "crypto/random.hpp"
#include "events/lifecycle.hpp"
#include "metrics/instruments.hpp"
#include "ops/log_format.hpp"
#include "orgs/org_store.hpp"
#include "rights/retention.hpp"
#include "salons/salon_service.hpp"
#include "storage/connection_health.hpp"
#include "storage/migrator.hpp"
#include "web/multipart.hpp"

namespace tsunagu::app {
namespace {

// Content-Security-Policy without inline script or eval (SECURITY.md rule 9).
constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'";

// Pages are Japanese unless the person chose English (?lang=en, then a cookie, or the account
// setting, applied after the session loads): UI.md, Japanese first. API clients choose with
// Accept-Language as HTTP intends.
std::string Language(const http::Request& request) {
  const bool api = request.path.rfind("/api/", 0) == 0;
  return core::NegotiateLanguage(request.Query("lang").value_or(""),
                                 api ? "" : request.Cookie("tsunagu_lang").value_or(""),
                                 api ? request.Header("Accept-Language").value_or("") : "");
}

bool IsStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Route labels of the log and the metrics: a route's pattern, or one of these (never a path).
constexpr std::string_view kUnmatched = "unmatched";
constexpr std::string_view kStatic = "/static/*";
constexpr std::string_view kRejected = "rejected";

double Milliseconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

App::App(const core::Config& config, const core::Clock& clock)
    : config_(config), clock_(clock), public_pages_(config.server.public_cache_seconds) {}
App::~App() {
  if (hub_) hub_->Stop();  // its checks use the services below
  if (jobs_) jobs_->Stop();
  if (outbox_) outbox_->StopWorker();
  if (bus_) bus_->Stop();
}

core::Result<std::unique_ptr<App>> App::Create(const core::Config& config,
                                               const core::Clock& clock) {
  std::unique_ptr<App> app(new App(config, clock));
  auto client_address = ClientAddress::FromConfig(config.server.trusted_proxies);
  if (!client_address) return client_address.error();
  app->client_address_ = std::move(*client_address);
  auto db = storage::Database::Open(config.database.url, config.database.pool_size);
  if (!db) return db.error();
  app->db_ = std::move(*db);
  storage::Migrator migrator(*app->db_, core::SourceDir() + "/sql/migrations");
  auto version_before = migrator.CurrentVersion();
  if (!version_before) return version_before.error();
  if (auto m = migrator.Migrate(); !m) return m.error();
  live::HubLimits limits;
  limits.recheck = std::chrono::seconds(config.live.recheck_seconds);
  limits.max_lifetime = std::chrono::seconds(config.live.max_stream_seconds);
  limits.max_per_viewer = static_cast<std::size_t>(std::max(1, config.live.max_streams_per_user));
  app->hub_ = std::make_unique<live::Hub>(limits);
  app->bus_ = live::MakeBus(*app->hub_, *app->db_);

  // A brand-new database may get a brand-new key file, so `serve` on an empty file just
  // starts. An existing database never does: its data needs the key it was written with.
  if (*version_before == 0 && !std::filesystem::exists(config.security.key_file)) {
    const auto parent = std::filesystem::path(config.security.key_file).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (auto st = crypto::Keyring::GenerateFile(config.security.key_file); !st) {
      return core::Error::Invalid("cannot create key file " + config.security.key_file);
    }
    spdlog::warn("created a new key file {}: keep it safe and outside the database backups",
                 config.security.key_file);
  }

  auto keyring = crypto::Keyring::LoadFile(config.security.key_file);
  if (!keyring) {
    return core::Error::Invalid("cannot load key file " + config.security.key_file + " (" +
                                keyring.error().message_key +
                                "); create one with `tsunagu keys generate`");
  }
  // The audit chain is keyed from the key file: the database alone cannot vouch for it.
  app->db_->SetChainKey(audit::ChainKey(*keyring));
  app->cipher_ = std::make_unique<crypto::FieldCipher>(std::move(*keyring));
  if (auto sealed = audit::AuditLog::SealUnkeyedChain(*app->db_, clock.NowSeconds()); !sealed) {
    return sealed.error();
  }

  auto catalog = core::Catalog::LoadDirectory(config.web_dir + "/messages");
  if (!catalog) return catalog.error();
  app->catalog_ = std::make_unique<core::Catalog>(std::move(*catalog));
  auto renderer = web::Renderer::Load(config.web_dir + "/templates", *app->catalog_);
  if (!renderer) return renderer.error();
  app->renderer_ = std::move(*renderer);
  app->pages_ = std::make_unique<web::Pages>(*app->renderer_, *app->catalog_);

  auto policy = auth::PasswordPolicy::Load(config.data_dir + "/common-passwords.txt");
  if (!policy) return policy.error();
  app->password_policy_ = std::make_unique<auth::PasswordPolicy>(std::move(*policy));

  app->outbox_ = std::make_unique<notify::Outbox>(*app->db_, *app->cipher_, clock, config.mail);
  auth::SessionPolicy session_policy;
  session_policy.idle_seconds = config.security.session_idle_minutes * 60LL;
  session_policy.absolute_seconds = config.security.session_absolute_hours * 3600LL;
  app->sessions_ = std::make_unique<auth::SessionStore>(*app->db_, clock, session_policy);
  app->accounts_ = std::make_unique<auth::AccountService>(*app->db_, clock, config, *app->cipher_,
                                                          *app->sessions_, *app->password_policy_,
                                                          *app->outbox_);
  app->orgs_ = std::make_unique<orgs::OrgService>(*app->db_, clock);
  app->tokens_ = std::make_unique<api::TokenService>(*app->db_, clock);
  auto holidays =
      consultations::HolidayCalendar::LoadFile(config.data_dir + "/holidays/holidays.json");
  if (!holidays) {
    return core::Error::Invalid(
        "cannot load " + config.data_dir +
        "/holidays/holidays.json (run scripts/vendor-static): " + holidays.error().message_key);
  }
  app->holidays_ = std::make_unique<consultations::HolidayCalendar>(std::move(*holidays));
  app->consultations_ = std::make_unique<consultations::ConsultationService>(
      *app->db_, clock, *app->cipher_, *app->outbox_, *app->holidays_);
  app->board_ = std::make_unique<consultations::DayBoardService>(
      *app->db_, clock, *app->cipher_, *app->outbox_, *app->consultations_, *app->catalog_,
      config.server.public_url);
  app->day_changes_ = std::make_unique<consultations::DayChangeService>(
      *app->db_, clock, *app->cipher_, *app->outbox_, *app->catalog_, config.server.public_url);
  app->records_ = std::make_unique<consultations::RecordService>(*app->db_, clock, *app->cipher_);
  app->partners_ = std::make_unique<consultations::PartnerService>(*app->db_, clock);
  app->surveys_ = std::make_unique<consultations::SurveyService>(
      *app->db_, clock, *app->cipher_, *app->outbox_, *app->catalog_, config.server.public_url);
  app->reports_ = std::make_unique<consultations::ReportService>(*app->db_, clock);
  app->notices_ = std::make_unique<consultations::DayNotices>(
      *app->db_, clock, *app->cipher_, *app->outbox_, *app->catalog_, config.server.public_url);
  app->notifier_ =
      std::make_unique<sharing::Notifier>(*app->outbox_, *app->catalog_, config.server.public_url);
  app->clients_ = std::make_unique<clients::ClientService>(*app->db_, clock, *app->cipher_);
  app->consents_ =
      std::make_unique<sharing::ConsentService>(*app->db_, clock, *app->cipher_, *app->notifier_);
  app->provisions_ = std::make_unique<sharing::ProvisionService>(*app->db_, clock, *app->cipher_);
  app->referrals_ = std::make_unique<referrals::ReferralService>(*app->db_, clock, *app->cipher_,
                                                                 *app->notifier_, *app->bus_);
  app->cases_ = std::make_unique<cases::CaseService>(*app->db_, clock, *app->cipher_,
                                                     *app->notifier_, *app->bus_);
  app->documents_ = std::make_unique<documents::DocumentService>(
      *app->db_, clock, *app->cipher_, *app->outbox_, *app->catalog_, config, *app->bus_);
  auto form_catalog = forms::FormCatalog::LoadDirectory(config.data_dir + "/forms");
  if (!form_catalog) {
    return core::Error::Invalid("cannot load the form definitions in " + config.data_dir +
                                "/forms: " + form_catalog.error().message_key);
  }
  app->form_catalog_ = std::make_unique<forms::FormCatalog>(std::move(*form_catalog));
  app->forms_ = std::make_unique<forms::FormService>(*app->db_, clock, *app->cipher_,
                                                     *app->form_catalog_, *app->clients_);
  App* a = app.get();
  std::vector<ScheduledJobs::Job> jobs{
      {"day_notices", [a](core::Date today) { return a->notices_->SendDue(today); }},
      {"survey_invitations", [a](core::Date today) { return a->surveys_->SendInvitations(today); }},
      {"waiting_list_holds", [a](core::Date) { return a->board_->ExpireOffers(); }},
      {"task_reminders", [a](core::Date today) { return a->cases_->RemindDueTasks(today); }},
      {"salon_meetings",
       [a](core::Date today) {
         return salons::PlanMonthlyRound(*a->db_, a->clock_, *a->holidays_, *a->cipher_,
                                         *a->outbox_, *a->catalog_, a->config_, today);
       }},
      {"event_lifecycle",
       [a, &clock, url = config.server.public_url](core::Date today) {
         return events::RunLifecycleRound(*a->db_, clock, *a->cipher_, *a->outbox_, *a->catalog_,
                                          url, today);
       }},
      {"retention",
       [a, &clock](core::Date today) {
         return rights::RetentionService(*a->db_, clock, *a->cipher_).Run(today);
       }},
  };
  app->jobs_ = std::make_unique<ScheduledJobs>(
      clock, ClearingPublicPages(app->public_pages_, std::move(jobs)));
  app->static_files_ = std::make_unique<http::StaticFiles>(config.web_dir + "/static");
  app->services_ = std::unique_ptr<Services>(new Services{config,
                                                          clock,
                                                          *app->db_,
                                                          *app->catalog_,
                                                          *app->pages_,
                                                          *app->cipher_,
                                                          *app->outbox_,
                                                          *app->sessions_,
                                                          *app->accounts_,
                                                          *app->orgs_,
                                                          *app->tokens_,
                                                          *app->consultations_,
                                                          *app->board_,
                                                          *app->records_,
                                                          *app->surveys_,
                                                          *app->reports_,
                                                          *app->day_changes_,
                                                          *app->hub_,
                                                          *app->bus_,
                                                          *app->notifier_,
                                                          *app->clients_,
                                                          *app->consents_,
                                                          *app->provisions_,
                                                          *app->referrals_,
                                                          *app->cases_,
                                                          *app->documents_,
                                                          *app->forms_,
                                                          *app->partners_});
  AddRoutes(app->router_, *app->services_);
  if (auto v = app->router_.Validate(); !v) return v.error();
  return app;
}

bool App::LoadPrincipal(web::RequestContext& ctx) {
  auto cookie = ctx.request.Cookie(services_->SessionCookieName());
  if (!cookie) return true;
  // The session, its user and the user's memberships of active organisations in one statement:
  // the session's membership among them, with its organisation's id, kind and name, and the
  // header offers switching only when there is somewhere else to go. A session whose
  // organisation is no longer active, or no longer the user's, has neither.
  auto found = sessions_->FindSignedIn(*cookie);
  if (!found) return false;
  if (!*found) return true;
  const auth::Session& session = (*found)->session;
  const orgs::UserMemberships& signed_in = (*found)->user;
  if (signed_in.user.status == "disabled") return true;
  ctx.user = signed_in.user;
  const auto& memberships = signed_in.memberships;
  ctx.several_organizations = memberships.size() > 1;
  if (session.organization_id) {
    for (const auto& m : memberships) {
      if (m.organization_id != session.organization_id) continue;
      ctx.membership = m;
      ctx.organization = orgs::Organization{m.organization_id, m.organization_kind,
                                            m.organization_name, "active", 0};
    }
  }
  auth::Principal p;
  p.user_id = session.user_id;
  p.is_system_admin = ctx.user->is_system_admin;
  p.stage = session.stage;
  p.recently_confirmed = session.stage == "full" && sessions_->RecentlyConfirmed(session);
  if (ctx.membership) {
    p.organization_id = ctx.membership->organization_id;
    p.role = auth::ParseRole(ctx.membership->role);
  }
  ctx.principal = p;
  ctx.session = session;
  return true;
}

http::Response App::ApiError(const web::RequestContext& ctx, int status, const std::string& key) {
  return api::ProblemResponse(*catalog_, ctx.lang, status, key);
}

std::optional<http::Response> App::Identify(web::RequestContext& ctx, const Route& route) {
  http::Request& req = ctx.request;
  if (route.api) {
    if (auto auth = req.Header("Authorization"); auth && auth->rfind("Bearer ", 0) == 0) {
      auto principal = tokens_->Authenticate(std::string(auth->substr(7)));
      if (!principal) return ApiError(ctx, 401, "api.error.token");
      ctx.principal = *principal;
      auto loaded = db_->Read<bool>([&](soci::session& s) {
        ctx.user = orgs::OrgStore::GetUser(s, principal->user_id);
        ctx.organization = orgs::OrgStore::GetOrganization(s, principal->organization_id);
        ctx.membership =
            orgs::OrgStore::FindMembership(s, principal->user_id, principal->organization_id);
        return true;
      });
      if (!loaded) return ApiError(ctx, 503, "error.unavailable");
    }
    return std::nullopt;
  }
  if (!LoadPrincipal(ctx)) return pages_->Error(ctx, 503, "error.unavailable");
  if (ctx.user && ctx.principal && ctx.principal->stage == "full" && !req.Query("lang") &&
      !req.Cookie("tsunagu_lang")) {
    ctx.lang = ctx.user->language == "en" ? "en" : "ja";
  }
  return std::nullopt;
}

std::optional<http::Response> App::Refuse(web::RequestContext& ctx, const Route& route) {
  if (auth::Policy::Allows(ctx.Who(), route.permission)) return std::nullopt;
  const http::Request& req = ctx.request;
  if (route.api) {
    return ctx.principal ? ApiError(ctx, 403, "error.forbidden")
                         : ApiError(ctx, 401, "api.error.token");
  }
  if (!ctx.principal || ctx.principal->stage != "full") {
    // A cookie without a live session means it expired or was ended: say so on the login
    // page, and drop the dead cookie.
    const bool expired = !ctx.session && req.Cookie(services_->SessionCookieName());
    if (expired) ctx.set_cookies.push_back(services_->ClearSessionCookie());
    if (req.method == "GET") {
      return http::Response::Redirect("/login?" + std::string(expired ? "expired=1&" : "") +
                                      "next=" + http::PercentEncode(req.target));
    }
    return pages_->Error(ctx, 401, expired ? "login.expired" : "error.unauthorized");
  }
  if (route.permission == auth::Permission::kSignedInConfirmed &&
      auth::Policy::Allows(ctx.Who(), auth::Permission::kSignedIn)) {
    // Signed in, but the password and a code were entered too long ago: ask for them, then
    // come back to the page (for a form, the page that shows it, when there is one).
    std::string back = req.target;
    if (req.method != "GET") back = router_.Find("GET", req.path).route ? req.path : "/account";
    return http::Response::Redirect("/account/confirm?next=" + http::PercentEncode(back), 303);
  }
  return pages_->Error(ctx, 403, "error.forbidden");
}

http::Response App::Dispatch(web::RequestContext& ctx) {
  http::Request& req = ctx.request;
  const bool api = req.path.rfind("/api/", 0) == 0;
  ctx.is_api = api;

  if (req.path.rfind("/static/", 0) == 0 && (req.method == "GET" || req.method == "HEAD")) {
    if (auto r = static_files_->Serve(req, req.path.substr(8))) return *r;
    return pages_->Error(ctx, 404, "error.not_found");
  }

  auto match = router_.Find(req.method, req.path);
  if (!match.route) return NoRoute(ctx, match.path_known);
  const Route& route = *match.route;
  req.path_params = match.params;

  if (auto r = Identify(ctx, route)) return *r;
  if (route.api) {
    if (auto r = Refuse(ctx, route)) return *r;
    return route.handler(ctx);
  }

  const bool state_changing = IsStateChanging(req.method);
  if (state_changing) {
    // Cross-site requests never change state: browsers send Sec-Fetch-Site and Origin.
    auto site = req.Header("Sec-Fetch-Site");
    if (site && *site != "same-origin" && *site != "none") {
      return pages_->Error(ctx, 403, "error.csrf");
    }
    if (auto origin = req.Header("Origin"); origin && *origin != "null") {
      // Same origin: the configured public URL, or the host this request was sent to.
      const std::string host(req.Header("Host").value_or(""));
      const bool same =
          *origin == config_.server.public_url ||
          (!host.empty() && (*origin == "http://" + host || *origin == "https://" + host));
      if (!same) return pages_->Error(ctx, 403, "error.csrf");
    }
  }

  // The route's permission is decided before the body is parsed: an upload nobody may make
  // here is never taken apart (SECURITY.md rule 10).
  if (auto r = Refuse(ctx, route)) return *r;

  if (state_changing) {
    auto content_type = req.Header("Content-Type").value_or("");
    if (web::IsMultipartFormData(content_type)) {
      // Uploads: text fields (the CSRF token among them) into ctx.form, files into ctx.files.
      auto boundary = web::MultipartBoundary(content_type);
      auto parts = boundary ? web::ParseMultipart(req.body, *boundary) : std::nullopt;
      if (!parts || !web::SplitMultipart(std::move(*parts), ctx.form, ctx.files)) {
        return pages_->Error(ctx, 400, "error.bad_request");
      }
    } else {
      if (content_type.rfind("application/x-www-form-urlencoded", 0) != 0) {
        return pages_->Error(ctx, 415, "error.bad_request");
      }
      auto form = http::ParseForm(req.body);
      if (!form) return pages_->Error(ctx, 400, "error.bad_request");
      ctx.form = std::move(*form);
    }
    const std::string sent = ctx.Form("csrf_token");
    const std::string expected =
        ctx.session ? ctx.session->csrf_token
                    : req.Cookie(services_->CsrfCookieName()).value_or(std::string());
    if (sent.empty() || expected.empty() || !crypto::ConstantTimeEquals(sent, expected)) {
      return pages_->Error(ctx, 403, "error.csrf");
    }
  }

  // Forms shown without a session (login) carry a double-submit token from a cookie.
  if (!ctx.session) {
    auto existing = req.Cookie(services_->CsrfCookieName());
    if (existing && existing->size() >= 32 && existing->size() <= 64) {
      ctx.anonymous_csrf = *existing;
    } else {
      ctx.anonymous_csrf = crypto::RandomToken(24);
      ctx.set_cookies.push_back(services_->CsrfCookieName() + "=" + ctx.anonymous_csrf +
                                services_->CookieAttributes());
    }
  }
  if (!ctx.session && req.method == "GET" && public_pages_.Covers(route.pattern)) {
    return CachedPublicPage(ctx, route);
  }
  return route.handler(ctx);
}

http::Response App::CachedPublicPage(web::RequestContext& ctx, const Route& route) {
  const std::string key = PublicPageCache::Key(ctx.request, ctx.lang);
  const std::int64_t now = clock_.NowSeconds();
  if (auto kept = public_pages_.Find(key, now, ctx.anonymous_csrf)) return *kept;
  const std::uint64_t generation = public_pages_.generation();
  const std::size_t cookies = ctx.set_cookies.size();
  http::Response r = route.handler(ctx);
  if (ctx.set_cookies.size() == cookies) {
    public_pages_.Store(key, r, ctx.anonymous_csrf, generation, now);
  }
  return r;
}

http::Response App::NoRoute(const web::RequestContext& ctx, bool path_known) {
  const int status = path_known ? 405 : 404;
  const std::string key = status == 405 ? "error.method_not_allowed" : "error.not_found";
  return ctx.is_api ? ApiError(ctx, status, key) : pages_->Error(ctx, status, key);
}

std::optional<http::Response> App::Admit(http::Request& request) {
  const auto started = std::chrono::steady_clock::now();
  request.remote_address = client_address_.Resolve(request);
  web::RequestContext ctx{request, crypto::RandomToken(9)};
  ctx.lang = Language(request);
  ctx.is_api = request.path.rfind("/api/", 0) == 0;
  std::optional<http::Response> refusal;
  ops::RequestLog log{ctx.request_id, kUnmatched, metrics::MethodLabel(request.method)};
  ops::RequestLogScope scope(log);
  try {
    auto match = router_.Find(request.method, request.path);
    if (!match.route) {
      refusal = NoRoute(ctx, match.path_known);
    } else {
      log.route = match.route->pattern;
      request.path_params = match.params;
      refusal = Identify(ctx, *match.route);
      if (!refusal) refusal = Refuse(ctx, *match.route);
    }
  } catch (const std::exception& e) {
    spdlog::error("request {} failed before its body: {}", ctx.request_id, e.what());
    refusal = ctx.is_api ? ApiError(ctx, 500, "error.internal")
                         : pages_->Error(ctx, 500, "error.internal");
  }
  if (!refusal) return std::nullopt;
  DatabaseDown(ctx, *refusal);
  Finish(ctx, *refusal, true);
  // Answered from the headers alone: the body was never read.
  const auto took = std::chrono::steady_clock::now() - started;
  metrics::ObserveRequest(request.method, log.route, refusal->status, took);
  ops::LogAccess(log, refusal->status, Milliseconds(took));
  return refusal;
}

void App::DatabaseDown(web::RequestContext& ctx, http::Response& r) {
  // Whatever error page the handler chose, when the reason was a lost database connection the
  // person is told so plainly, with 503 and a time to try again (the pool reconnects meanwhile).
  if (r.status < 500 || !storage::TakeConnectionLost()) return;
  r = ctx.is_api ? ApiError(ctx, 503, "ops.database_down")
                 : pages_->Error(ctx, 503, "ops.database_down");
  r.headers.Set("Retry-After", "5");
}

void App::Finish(const web::RequestContext& ctx, http::Response& r, bool personal) const {
  auto& h = r.headers;
  h.Set("X-Content-Type-Options", "nosniff");
  h.Set("Referrer-Policy", "same-origin");
  h.Set("X-Frame-Options", "DENY");
  h.Set("Cross-Origin-Opener-Policy", "same-origin");
  h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (!h.Has("Content-Security-Policy")) h.Set("Content-Security-Policy", kCsp);
  if (config_.server.cookie_secure) {
    h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  // Pages may show personal data: never kept by browsers or proxies (rule 9).
  if (personal && !h.Has("Cache-Control")) h.Set("Cache-Control", "no-store");
  h.Set("X-Request-Id", ctx.request_id);
  for (const auto& c : ctx.set_cookies) h.Add("Set-Cookie", c);
  // The API uses no cookies at all; pages remember an explicit language choice.
  if (auto lang = ctx.request.Query("lang");
      !ctx.is_api && lang && (*lang == "ja" || *lang == "en")) {
    h.Add("Set-Cookie", "tsunagu_lang=" + *lang + "; Path=/; SameSite=Lax; Max-Age=31536000" +
                            std::string(config_.server.cookie_secure ? "; Secure" : ""));
  }
}

http::Response App::Handle(http::Request& request) {
  const auto started = std::chrono::steady_clock::now();
  // Once, first: throttling, public-form limits and the audit log all read this address.
  request.remote_address = client_address_.Resolve(request);
  web::RequestContext ctx{request, crypto::RandomToken(9)};
  ctx.lang = Language(request);
  http::Response response;
  const bool is_static = request.path.rfind("/static/", 0) == 0;
  // The log and the metrics name the route pattern, never the raw path or query, which can
  // carry tokens and personal data.
  ops::RequestLog log{ctx.request_id, is_static ? kStatic : kUnmatched,
                      metrics::MethodLabel(request.method)};
  ops::RequestLogScope scope(log);
  storage::TakeConnectionLost();  // a mark left by work outside a request is not this one's
  try {
    auto match = router_.Find(request.method, request.path);
    if (match.route) log.route = match.route->pattern;
    response = Dispatch(ctx);
  } catch (const std::exception& e) {
    spdlog::error("request {} failed: {}", ctx.request_id, e.what());
    response = ctx.is_api ? ApiError(ctx, 500, "error.internal")
                          : pages_->Error(ctx, 500, "error.internal");
  }
  DatabaseDown(ctx, response);
  // Whatever it changed (or half tried to), kept public pages are not served again.
  if (IsStateChanging(request.method)) public_pages_.Invalidate();
  Finish(ctx, response, !is_static);
  const auto took = std::chrono::steady_clock::now() - started;
  metrics::ObserveRequest(request.method, log.route, response.status, took);
  // Static files are counted but not logged: a page brings several.
  if (!is_static) ops::LogAccess(log, response.status, Milliseconds(took));
  return response;
}

http::Response App::HandleServerError(int status, const http::Request& partial) {
  http::Request copy = partial;
  web::RequestContext ctx{copy, crypto::RandomToken(9)};
  ctx.lang = Language(copy);
  std::string key = "error.bad_request";
  if (status == 413) key = "error.too_large";
  if (status == 431) key = "error.headers_too_large";
  if (status == 408) key = "error.timeout";
  if (status == 503) key = "error.busy";
  if (status == 500) key = "error.internal";
  http::Response r = copy.path.rfind("/api/", 0) == 0 ? ApiError(ctx, status, key)
                                                      : pages_->Error(ctx, status, key);
  Finish(ctx, r, true);
  // Rejected before routing (malformed, too large, too slow, too many connections).
  ops::RequestLog log{ctx.request_id, kRejected, metrics::MethodLabel(copy.method)};
  ops::RequestLogScope scope(log);
  metrics::ObserveRequest(copy.method, kRejected, status, std::chrono::steady_clock::duration{});
  ops::LogAccess(log, status, 0);
  return r;
}

}  // namespace tsunagu::app
