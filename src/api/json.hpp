// JSON output for the API: one serialiser whose escaping and number formats are ours (Boost.JSON
// writes doubles as 2.1E1 and passes invalid UTF-8 through), RFC 3339 times, and RFC 9457
// problem bodies built from catalogue keys.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace tsunagu::api {

// "2026-11-22T02:00:00Z" for Unix seconds; empty outside years 0001–9999.
std::string FormatIsoUtc(std::int64_t unix_seconds);
// A time column where 0 means "never" (or "no expiry"): null, else an ISO 8601 UTC string.
boost::json::value TimeOrNull(std::int64_t unix_seconds);

// Appends `s` as a JSON string literal. Invalid UTF-8 becomes U+FFFD, so the output is always
// valid JSON. Besides what JSON requires, <, > and & are written as \u escapes, and U+2028/2029
// too, so a body can never be read as HTML or end a script block it is pasted into.
void AppendJsonString(std::string& out, std::string_view s);
std::string JsonString(std::string_view s);

// Compact JSON text for `v` with the escaping above; integers exact, doubles in the shortest
// form that reads back the same (non-finite ones as null).
std::string ToJson(const boost::json::value& v);

// 200 (or `status`) application/json response.
http::Response JsonResponse(const boost::json::value& v, int status = 200);

// RFC 9457 problem body: type "urn:tsunagu:problem:<key>", title = the message of `key` in
// `lang`, status, and for field errors `errors: [{field, message}]` with translated messages.
boost::json::value ProblemBody(const core::Catalog& catalog, std::string_view lang, int status,
                               const std::string& key,
                               const std::vector<core::FieldError>& fields = {});
// The problem as an application/problem+json response; 401 adds WWW-Authenticate: Bearer
// (RFC 6750 §3) so clients know which credentials to send.
http::Response ProblemResponse(const core::Catalog& catalog, std::string_view lang, int status,
                               const std::string& key,
                               const std::vector<core::FieldError>& fields = {});
// A domain error as a problem: status from its code (web::StatusFor), title from its key.
http::Response ProblemFor(const core::Catalog& catalog, std::string_view lang,
                          const core::Error& error);

}  // namespace tsunagu::api
