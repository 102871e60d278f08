// How large a request body may be, decided from its headers before the body is read
// (http::ServerOptions::body_limit_for): uploads need more than forms, and only their routes
// get it, so a large body cannot be pushed at any other route (SECURITY.md rule 10).
#pragma once

#include <cstddef>

#include "core/config.hpp"
#include "http/message.hpp"

namespace tsunagu::app {

// A document or a signed consent form of up to 10 MiB, with the multipart framing around it.
inline constexpr std::size_t kUploadBodyBytes = std::size_t{11} * 1024 * 1024;

// kUploadBodyBytes for a POST whose path ends in "/documents" or "/form" (the upload routes);
// the configured server.max_body_bytes for everything else.
std::size_t BodyLimitFor(const core::Config& config, const http::Request& request);

}  // namespace tsunagu::app
