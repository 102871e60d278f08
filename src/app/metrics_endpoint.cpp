#include "app/metrics_endpoint.hpp"

#include <algorithm>

#include "app/app.hpp"
#include "crypto/random.hpp"
#include "metrics/instruments.hpp"

namespace tsunagu::app {
namespace {

http::Response Empty(int status) {
  http::Response r;
  r.status = status;
  r.headers.Set("Content-Type", "text/plain; charset=utf-8");
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

struct OutboxState {
  std::int64_t depth = 0;
  std::int64_t oldest = 0;  // created_at of the oldest unsent message; 0 when none
};

}  // namespace

MetricsEndpoint::MetricsEndpoint(App& app, std::string token)
    : app_(app), token_(std::move(token)) {}

MetricsEndpoint::~MetricsEndpoint() {
  Stop();
}

std::uint16_t MetricsEndpoint::Start(const std::string& host, std::uint16_t port) {
  http::ServerOptions options;
  options.host = host;
  options.port = port;
  options.io_threads = 1;
  options.worker_threads = 1;
  options.max_body_bytes = 0;
  options.max_connections = 16;
  server_ = std::make_unique<http::Server>(
      options, [this](http::Request& r) { return Handle(r); },
      [](int status, const http::Request&) { return Empty(status); });
  return server_->Start();
}

void MetricsEndpoint::Stop() {
  if (server_) server_->Stop();
  server_.reset();
}

http::Response MetricsEndpoint::Handle(const http::Request& request) {
  if (request.path != "/metrics") return Empty(404);
  if (request.method != "GET" && request.method != "HEAD") {
    http::Response r = Empty(405);
    r.headers.Set("Allow", "GET, HEAD");
    return r;
  }
  if (!token_.empty()) {
    const std::string_view auth = request.Header("Authorization").value_or("");
    constexpr std::string_view kBearer = "Bearer ";
    const bool ok = auth.substr(0, kBearer.size()) == kBearer &&
                    crypto::ConstantTimeEquals(auth.substr(kBearer.size()), token_);
    if (!ok) {
      http::Response r = Empty(401);
      r.headers.Set("WWW-Authenticate", "Bearer");
      return r;
    }
  }
  http::Response r = http::Response::Text(200, Scrape(), metrics::kContentType);
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

std::string MetricsEndpoint::Scrape() {
  std::string out;
  out.reserve(std::size_t{64} * 1024);
  metrics::DefaultRegistry().RenderTo(out);

  // Measured now, for this server: one indexed query for the outbox, the jobs' last rounds.
  metrics::Registry now;
  auto& up = now.AddGauge("tsunagu_database_up",
                          "1 when the database answered this scrape's query, else 0.");
  auto& depth = now.AddGauge("tsunagu_mail_outbox_depth",
                             "Messages queued and not yet sent (those given up on excluded).");
  auto& age = now.AddGauge("tsunagu_mail_outbox_oldest_age_seconds",
                           "Age of the oldest queued, unsent message; 0 when none waits.");
  auto& lag = now.AddGauge("tsunagu_job_lag_seconds",
                           "Seconds since each clock-driven job last finished a round without "
                           "error (since its first round, when none has; a job appears after "
                           "its first round, which serve runs at start).",
                           {"job"});
  const std::int64_t at = app_.services().clock.NowSeconds();
  auto outbox = app_.db().Read<OutboxState>([](soci::session& s) {
    OutboxState st;
    long long depth_count = 0;
    long long oldest = 0;
    soci::indicator oldest_ind = soci::i_null;
    s << "SELECT COUNT(*), MIN(created_at) FROM mail_outbox "
         "WHERE sent_at IS NULL AND failed_at IS NULL",
        soci::into(depth_count), soci::into(oldest, oldest_ind);
    st.depth = depth_count;
    st.oldest = oldest_ind == soci::i_ok ? oldest : 0;
    return st;
  });
  up.With({}).Set(outbox ? 1 : 0);
  if (outbox) {
    depth.With({}).Set(static_cast<double>(outbox->depth));
    age.With({}).Set(outbox->oldest > 0
                         ? static_cast<double>(std::max<std::int64_t>(0, at - outbox->oldest))
                         : 0.0);
  }
  for (const auto& job : metrics::JobLags(at)) {
    lag.With({job.job}).Set(static_cast<double>(job.seconds));
  }
  now.RenderTo(out);
  return out;
}

}  // namespace tsunagu::app
