// What the client pages share: paths, the error pages of the service's answers, the id in the
// path, and how a person's age is written.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "app/router.hpp"
#include "app/services.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "web/context.hpp"

namespace tsunagu::clients::handlers {

std::string ClientPath(std::int64_t id);

// 「1978年生まれ」, else the age band's label, else empty.
std::string AgeText(const app::Services& sv, const web::RequestContext& ctx, int birth_year,
                    const std::string& age_band);

}  // namespace tsunagu::clients::handlers
