// Route handlers that take the numeric ids of their path ({id}, {entry_id}, …). A missing,
// malformed or non-positive id answers exactly like a record that does not exist (404), so a
// handler only ever sees ids worth looking up.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/router.hpp"

namespace tsunagu::app {

struct Services;

using IdHandler = std::function<http::Response(web::RequestContext&, std::int64_t)>;
using Ids = std::vector<std::int64_t>;
using IdsHandler = std::function<http::Response(web::RequestContext&, const Ids&)>;

// f(ctx, the path's `param`).
RouteHandler WithId(Services& sv, IdHandler f, const char* param = "id");
// f(ctx, the path's ids named by `names`, in that order).
RouteHandler WithIds(Services& sv, std::vector<std::string> names, IdsHandler f);

}  // namespace tsunagu::app
