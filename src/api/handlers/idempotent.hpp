// The Idempotency-Key layer of the API's POST routes (rules in api/idempotency.hpp).
#pragma once

#include <string>

#include "api/idempotency.hpp"
#include "app/router.hpp"
#include "app/services.hpp"

namespace tsunagu::api::handlers {

// Runs `inner` for a POST that carries an Idempotency-Key (`key`, as sent) from the token
// `raw_token`, or answers from the key's stored answer, or refuses (400, 409, 422).
http::Response RunIdempotent(app::Services& sv, IdempotencyStore& store, web::RequestContext& ctx,
                             const std::string& raw_token, std::string_view key,
                             const app::RouteHandler& inner);

}  // namespace tsunagu::api::handlers
