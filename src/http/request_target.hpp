// What the HTTP server reads and checks in a request's text before Beast's types are involved:
// header names and values, the request target split into a decoded path and query. Internal to
// src/http (connection.hpp, session.cpp); no Beast here, so it builds quickly.
#pragma once

#include <string_view>

#include "http/message.hpp"

namespace tsunagu::http::detail {

// ASCII case-insensitive equality (header names, the scheme of an absolute-form target).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// Whether a comma-separated header value (Connection, Expect) holds `token`, ignoring case.
bool ContainsTokenIgnoreCase(std::string_view list, std::string_view token);
// A header a handler set may be sent: a token name, no CR, LF or other control in the value.
bool IsValidHeader(std::string_view name, std::string_view value);
// 1xx, 204 and 304 answers carry no body.
bool IsBodylessStatus(int status);
// Splits req.target into the decoded req.path and req.query; false when either part is not
// valid percent-encoding or UTF-8, or the path holds a NUL.
bool FillPathAndQuery(Request& req);

}  // namespace tsunagu::http::detail
