// multipart/form-data bodies (RFC 7578, RFC 2046 §5.1), without Beast: what forms with a file
// input send. The parser is strict and bounded, because it reads what anyone may post: a body
// it does not fully understand is refused (nullopt → 400) rather than half-read.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::web {

// A file sent with a form. Nothing here is trusted: the name and type are what the browser
// said, and the service decides the type from the bytes.
struct UploadedFile {
  std::string name;          // the form field
  std::string filename;      // as sent (UTF-8 checked), may carry a path
  std::string content_type;  // as sent, may be empty
  std::string data;
};

struct MultipartPart {
  std::string name;
  bool has_filename = false;  // a file input (even when no file was chosen)
  std::string filename;
  std::string content_type;  // as sent; empty when the part had none
  std::string data;
};

// Bounds a hostile body cannot exceed (SECURITY.md rule 10).
struct MultipartLimits {
  std::size_t max_parts = 20;
  std::size_t max_header_bytes = std::size_t{16} * 1024;  // all parts' header lines together
  std::size_t max_name_bytes = 100;                       // a field name
  std::size_t max_filename_bytes = 1024;
};

// True when the Content-Type's media type is multipart/form-data (any case), boundary or not.
bool IsMultipartFormData(std::string_view content_type);

// The boundary parameter (quoted or not) of a multipart/form-data Content-Type; nullopt when
// it is missing or not a valid RFC 2046 boundary (1-70 characters of bchars, no final space).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// The parts, in order. nullopt when the body is malformed: no opening or closing delimiter
// (truncated), a part without a form-data Content-Disposition or name, a field name that is
// not printable ASCII, a filename that is not UTF-8, folded or overlong header lines, or more
// parts or header bytes than the limits allow.
std::optional<std::vector<MultipartPart>> ParseMultipart(std::string_view body,
                                                         std::string_view boundary,
                                                         const MultipartLimits& limits = {});

// Text parts become form fields (false when one is not UTF-8), file parts uploads. A file
// input left empty (no filename and no bytes) is dropped, as if it had not been sent.
bool SplitMultipart(std::vector<MultipartPart>&& parts,
                    std::multimap<std::string, std::string>& form,
                    std::vector<UploadedFile>& files);

}  // namespace tsunagu::web
