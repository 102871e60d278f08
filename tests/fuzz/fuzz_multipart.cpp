// libFuzzer target for the hand-written multipart/form-data parser (web/multipart.cpp), which
// reads upload bodies that anyone may post. Input: a Content-Type value, a newline, the body.
// Besides memory errors it checks the parser's promises: bounded parts, well-formed names,
// and that writing the parts out again and re-reading them gives the same parts.
// fuzz-sources: src/web/multipart.cpp src/http/message.cpp
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "web/multipart.hpp"

namespace {

namespace web = tsunagu::web;

void Check(bool condition) {
  if (!condition) std::abort();
}

// A quoted-string with '"' and '\' escaped, as the parser reads it.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Serialize(const std::vector<web::MultipartPart>& parts, std::string_view boundary) {
  std::string out;
  for (const auto& p : parts) {
    out += "--" + std::string(boundary) + "\r\n";
    out += "Content-Disposition: form-data; name=" + Quoted(p.name);
    if (p.has_filename) out += "; filename=" + Quoted(p.filename);
    out += "\r\n";
    if (!p.content_type.empty()) out += "Content-Type: " + p.content_type + "\r\n";
    out += "\r\n" + p.data + "\r\n";
  }
  return out + "--" + std::string(boundary) + "--\r\n";
}

bool SameParts(const std::vector<web::MultipartPart>& a, const std::vector<web::MultipartPart>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].has_filename != b[i].has_filename ||
        a[i].filename != b[i].filename || a[i].content_type != b[i].content_type ||
        a[i].data != b[i].data) {
      return false;
    }
  }
  return true;
}

void CheckBody(std::string_view body, std::string_view boundary) {
  const web::MultipartLimits limits;
  auto parts = web::ParseMultipart(body, boundary, limits);
  if (!parts) return;
  Check(parts->size() <= limits.max_parts);
  std::size_t data_bytes = 0;
  for (const auto& p : *parts) {
    Check(!p.name.empty() && p.name.size() <= limits.max_name_bytes);
    for (char c : p.name) Check(c >= 0x20 && c <= 0x7e);
    Check(p.filename.size() <= limits.max_filename_bytes);
    Check(tsunagu::http::IsValidUtf8(p.filename));
    Check(p.content_type.find_first_of("\r\n") == std::string::npos);
    // A part's data never contains the delimiter that ends it.
    Check(p.data.find("\r\n--" + std::string(boundary)) == std::string::npos);
    data_bytes += p.data.size();
  }
  Check(data_bytes <= body.size());

  // Round trip: the escaped headers may be longer than the originals, so only that limit
  // is raised.
  web::MultipartLimits roomy = limits;
  roomy.max_header_bytes = std::size_t{1} << 20;
  auto again = web::ParseMultipart(Serialize(*parts, boundary), boundary, roomy);
  Check(again.has_value() && SameParts(*parts, *again));

  std::multimap<std::string, std::string> form;
  std::vector<web::UploadedFile> files;
  if (web::SplitMultipart(std::move(*parts), form, files)) {
    for (const auto& [name, value] : form) Check(tsunagu::http::IsValidUtf8(value));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view content_type =
      newline == std::string_view::npos ? input : input.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);

  (void)web::IsMultipartFormData(content_type);
  if (auto boundary = web::MultipartBoundary(content_type)) {
    Check(!boundary->empty() && boundary->size() <= 70);
    CheckBody(body, *boundary);
  }
  // A fixed boundary too, so that the fuzzer reaches the part parser without first finding a
  // valid Content-Type.
  CheckBody(body, "X");
  CheckBody(input, "X");
  return 0;
}
