// The viewer of a page's live stream, asked again for as long as the stream lasts
// (SECURITY.md rule 7): the request's sign-in still holds and the record's own rule (the one
// the page used) still lets them see it.
#pragma once

#include <functional>

#include "app/services.hpp"
#include "live/hub.hpp"
#include "web/context.hpp"

namespace tsunagu::app {

// `allowed` is the page's access rule for the record, asked with the principal of the request
// that opened the stream; it must capture by value (or references to services only).
live::Viewer StreamViewer(const Services& sv, const web::RequestContext& ctx,
                          std::function<bool(const auth::Principal&)> allowed);

}  // namespace tsunagu::app
