// Uploads and database look-ups the document and sharing tests share: a small real PDF and
// PNG, multipart bodies posted with a page's CSRF token, and one-value SQL reads.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "harness.hpp"

namespace tsunagu::testing {

// The boundary MultipartBody writes between parts.
inline constexpr const char* kMultipartBoundary = "----TsunaguDocsTestBoundary4x9";

// A small real PDF (one page, one line of text) with `text` in its content stream.
std::string SmallPdf(const std::string& text);
// A 1×1 PNG.
std::string TinyPng();

struct FilePart {
  std::string field = "file";
  std::string filename;
  std::string content_type;
  std::string data;
};

std::string MultipartBody(const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<FilePart>& files);
// Posts a multipart form with the CSRF token of `page`.
HttpResult PostMultipart(Client& c, const std::string& page, const std::string& target,
                         std::vector<std::pair<std::string, std::string>> fields,
                         const std::vector<FilePart>& files);

// The one number a query returns (-1 when it fails).
long long Count(TestServer& t, const std::string& sql);
// The first column of every row a query returns.
std::vector<std::string> Column(TestServer& t, const std::string& sql);

}  // namespace tsunagu::testing
