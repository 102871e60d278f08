#include "api/handlers/idempotent.hpp"

#include <spdlog/spdlog.h>

#include "api/json.hpp"

namespace tsunagu::api::handlers {

http::Response RunIdempotent(app::Services& sv, IdempotencyStore& store, web::RequestContext& ctx,
                             const std::string& raw_token, std::string_view key,
                             const app::RouteHandler& inner) {
  if (!IsValidIdempotencyKey(key)) {
    return ProblemResponse(sv.catalog, ctx.lang, 400, "api.idempotency.key");
  }
  const std::string k(key);
  const std::string fingerprint =
      RequestFingerprint(ctx.request.method, ctx.request.path, ctx.request.body);
  auto claim = store.Claim(raw_token, k, fingerprint);
  if (!claim) return ProblemFor(sv.catalog, ctx.lang, claim.error());
  using Outcome = IdempotencyClaim::Outcome;
  switch (claim->outcome) {
    case Outcome::kMismatch:
      return ProblemResponse(sv.catalog, ctx.lang, 422, "api.idempotency.mismatch");
    case Outcome::kInProgress: {
      auto r = ProblemResponse(sv.catalog, ctx.lang, 409, "api.idempotency.in_progress");
      r.headers.Set("Retry-After", "1");
      return r;
    }
    case Outcome::kReplay: {
      http::Response r;
      r.status = claim->answer.status;
      r.body = claim->answer.body;
      if (!claim->answer.content_type.empty()) {
        r.headers.Set("Content-Type", claim->answer.content_type);
      }
      r.headers.Set("Idempotent-Replayed", "true");
      return r;
    }
    case Outcome::kClaimed:
      break;
  }
  http::Response r = inner(ctx);
  if (r.status >= 500) {
    // Nothing was done (or nothing is known to be): a retry with the key runs again.
    if (!store.Release(claim->token_id, k, fingerprint).ok()) {
      spdlog::warn("idempotency: could not free a key after a failed request");
    }
    return r;
  }
  const auto type = r.headers.Get("Content-Type");
  const StoredAnswer answer{r.status, type ? std::string(*type) : std::string(), r.body};
  if (!store.Finish(claim->token_id, k, fingerprint, answer).ok()) {
    // The answer still goes out; a retry within two minutes gets 409, later it runs again.
    spdlog::warn("idempotency: could not keep an answer");
  }
  return r;
}

}  // namespace tsunagu::api::handlers
