// What the document pages share: the file as a download, labels for types and sizes, and the
// case's documents page (shown again with errors by the actions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "core/result.hpp"
#include "documents/document_service.hpp"
#include "http/message.hpp"
#include "web/context.hpp"

namespace tsunagu::documents::handlers {

std::string DocumentsPath(std::int64_t case_id);

// The bytes as an attachment: Content-Disposition with an ASCII fallback name and the real
// one per RFC 5987 (filename*=UTF-8''…), nosniff, no-store, and a sandboxing CSP in case a
// browser shows it anyway.
http::Response FileResponse(const FileContent& file);

// Pages opened by a token in a link (a shared document, an employer's link): guessing tokens
// is hopeless (256 bits), but trying is still limited per address with the public forms'
// counter and limits. The answer (429) when this address is over the limit.
std::optional<http::Response> ThrottledLinkPage(app::Services& sv, web::RequestContext& ctx);
// The page with headers asking search engines and link previews not to keep it.
http::Response PrivateLinkPage(http::Response r);

// "Content-Disposition" value for a UTF-8 file name (exposed for tests).
std::string ContentDisposition(const std::string& filename);

// "PDF", "PNG", "JPEG".
std::string TypeLabel(const std::string& content_type);
// "820 B", "12.4 KB", "3.1 MB".
std::string SizeLabel(std::int64_t bytes);

// A service error as a page: a partner whose consent does not cover documents is told so
// (403); NotFound looks like a missing page.
http::Response Failure(const app::Services& sv, const web::RequestContext& ctx,
                       const core::Error& error);

// Which form on the documents page an error belongs to.
struct FormError {
  const core::Error* error = nullptr;
  std::string form;         // "upload", "share", "consent_form"
  std::int64_t target = 0;  // the document (share) or consent (consent_form)
};

// The case's documents page; `created` shows a link just made (once: it is never stored).
http::Response ShowDocuments(app::Services& sv, web::RequestContext& ctx, std::int64_t case_id,
                             const FormError& failed = {}, const CreatedLink* created = nullptr);

}  // namespace tsunagu::documents::handlers
