// The page `/` shows to people without an account (portal.hpp).
#pragma once

#include "app/services.hpp"
#include "http/message.hpp"
#include "web/context.hpp"

namespace tsunagu::portal::handlers {

http::Response ShowPortal(app::Services& sv, web::RequestContext& ctx);

}  // namespace tsunagu::portal::handlers
