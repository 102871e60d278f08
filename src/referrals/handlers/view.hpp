// What the referral pages share: the referral page (shown again with a form's errors by the
// actions), the new-referral form, and the error pages of the service's answers.
#pragma once

#include <cstdint>
#include <string>

#include "app/services.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "web/context.hpp"

namespace tsunagu::referrals::handlers {

std::string ReferralPath(std::int64_t id);

// The referral page. `error` (with the posted values kept) is listed at the top and shown by
// the field of the form it belongs to (`form`: "decline", "complete" or "withdraw").
http::Response ShowReferral(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                            const core::Error* error = nullptr, const std::string& form = "");

// The form that refers a client; with `error`, the posted values are kept (422).
http::Response ShowNewReferral(app::Services& sv, web::RequestContext& ctx, std::int64_t client_id,
                               const core::Error* error = nullptr);

}  // namespace tsunagu::referrals::handlers
