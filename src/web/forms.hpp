// Small helpers shared by handlers.
#pragma once

#include <string>

#include "core/result.hpp"
#include "http/message.hpp"
#include "web/context.hpp"
#include "web/page.hpp"

namespace tsunagu::web {

// A local path to return to after login; anything else (other hosts, "//evil") becomes "/".
std::string SafeNext(const std::string& next);

// 303 to `location`, carrying the context's cookies.
http::Response SeeOther(const std::string& location);

// Length limit check in code points; adds a field error when over.
void CheckLength(std::vector<core::FieldError>& errors, const std::string& field,
                 const std::string& value, std::size_t max, bool required);

// Parses a positive id from a path parameter; 0 when malformed.
std::int64_t ParseId(const std::string& text);

// The whole of `text` as a decimal integer, or -1 (which validation then rejects) when it is
// empty, malformed or out of range.
int ParseInt(const std::string& text);

}  // namespace tsunagu::web
