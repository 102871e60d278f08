#include "web/multipart.hpp"

#include <algorithm>
#include <functional>

#include "http/message.hpp"

namespace tsunagu::web {
namespace {

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), Lower);
  return out;
}

std::string_view TrimWs(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsTokenChar(char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsBoundaryChar(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// `name=value` parameters after the first ';' of a header value, names lower-cased. Quoted
// values may escape '"' and '\' with a backslash. nullopt when malformed or when a parameter
// repeats (two names for one part would let two readers disagree).
std::optional<std::multimap<std::string, std::string>> Parameters(std::string_view value) {
  std::multimap<std::string, std::string> out;
  std::size_t i = value.find(';');
  if (i == std::string_view::npos) return out;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ';' || value[i] == ' ' || value[i] == '\t')) ++i;
    if (i >= value.size()) break;
    const std::size_t name_start = i;
    while (i < value.size() && IsTokenChar(value[i])) ++i;
    const std::string name = LowerCopy(value.substr(name_start, i - name_start));
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    if (name.empty() || i >= value.size() || value[i] != '=') return std::nullopt;
    ++i;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    std::string v;
    if (i < value.size() && value[i] == '"') {
      ++i;
      bool closed = false;
      while (i < value.size()) {
        const char c = value[i];
        if (c == '\\' && i + 1 < value.size() && (value[i + 1] == '"' || value[i + 1] == '\\')) {
          v += value[i + 1];
          i += 2;
          continue;
        }
        if (c == '"') {
          closed = true;
          ++i;
          break;
        }
        v += c;
        ++i;
      }
      if (!closed) return std::nullopt;
      while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
      if (i < value.size() && value[i] != ';') return std::nullopt;
    } else {
      const std::size_t start = i;
      while (i < value.size() && value[i] != ';') ++i;
      v = std::string(TrimWs(value.substr(start, i - start)));
    }
    if (out.count(name) != 0) return std::nullopt;
    out.emplace(name, std::move(v));
  }
  return out;
}

std::string_view MediaType(std::string_view content_type) {
  return TrimWs(content_type.substr(0, content_type.find(';')));
}

// Browsers write '"' in a file name as %22 (HTML's multipart/form-data encoding algorithm).
std::string DecodeQuote(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 3) == "%22") {
      out += '"';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool PrintableAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

// One part's header lines (without the blank line) into the part; false when malformed.
bool ReadHeaders(std::string_view headers, const MultipartLimits& limits, MultipartPart& part) {
  bool disposition = false;
  bool content_type = false;
  std::size_t pos = 0;
  while (pos <= headers.size()) {
    std::size_t end = headers.find("\r\n", pos);
    if (end == std::string_view::npos) end = headers.size();
    const std::string_view line = headers.substr(pos, end - pos);
    pos = end + 2;
    // A bare CR or LF, or a folded line: nothing a browser sends, and a way to smuggle one.
    if (line.find_first_of("\r\n") != std::string_view::npos) return false;
    if (line.empty() || line.front() == ' ' || line.front() == '\t') return false;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const std::string_view name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), IsTokenChar)) return false;
    const std::string lower = LowerCopy(name);
    const std::string_view value = TrimWs(line.substr(colon + 1));
    if (lower == "content-disposition") {
      if (disposition) return false;
      disposition = true;
      if (LowerCopy(MediaType(value)) != "form-data") return false;
      auto params = Parameters(value);
      if (!params) return false;
      auto n = params->find("name");
      if (n == params->end() || n->second.empty() || n->second.size() > limits.max_name_bytes ||
          !PrintableAscii(n->second)) {
        return false;
      }
      part.name = n->second;
      if (auto f = params->find("filename"); f != params->end()) {
        part.has_filename = true;
        part.filename = DecodeQuote(f->second);
        if (part.filename.size() > limits.max_filename_bytes || !http::IsValidUtf8(part.filename)) {
          return false;
        }
      }
    } else if (lower == "content-type") {
      if (content_type) return false;
      content_type = true;
      part.content_type = std::string(value);
    }
    // Other headers (Content-Transfer-Encoding and the like) are ignored, as RFC 7578 says.
    if (end == headers.size()) break;
  }
  return disposition;
}

}  // namespace

bool IsMultipartFormData(std::string_view content_type) {
  return LowerCopy(MediaType(content_type)) == "multipart/form-data";
}

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  if (!IsMultipartFormData(content_type)) return std::nullopt;
  auto params = Parameters(content_type);
  if (!params) return std::nullopt;
  auto it = params->find("boundary");
  if (it == params->end()) return std::nullopt;
  const std::string& b = it->second;
  if (b.empty() || b.size() > 70 || b.back() == ' ') return std::nullopt;
  if (!std::all_of(b.begin(), b.end(), IsBoundaryChar)) return std::nullopt;
  return b;
}

std::optional<std::vector<MultipartPart>> ParseMultipart(std::string_view body,
                                                         std::string_view boundary,
                                                         const MultipartLimits& limits) {
  if (boundary.empty() || boundary.size() > 70) return std::nullopt;
  const std::string delimiter = "\r\n--" + std::string(boundary);
  const std::boyer_moore_horspool_searcher searcher(delimiter.begin(), delimiter.end());
  auto find_delimiter = [&](std::size_t from) -> std::size_t {
    auto it = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), searcher);
    return it == body.end() ? std::string_view::npos : static_cast<std::size_t>(it - body.begin());
  };

  // The first delimiter opens the body, or ends a preamble (which is ignored).
  std::size_t pos = 0;
  const std::string_view first = std::string_view(delimiter).substr(2);
  if (body.substr(0, first.size()) == first) {
    pos = first.size();
  } else {
    const std::size_t found = find_delimiter(0);
    if (found == std::string_view::npos) return std::nullopt;
    pos = found + delimiter.size();
  }

  std::vector<MultipartPart> parts;
  std::size_t header_bytes = 0;
  for (;;) {
    if (body.substr(pos, 2) == "--") return parts;  // the close delimiter; the epilogue is ignored
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    if (parts.size() >= limits.max_parts) return std::nullopt;

    // Look for the end of the headers only as far as the budget allows.
    const std::size_t budget = limits.max_header_bytes - header_bytes;
    const std::string_view window = body.substr(pos, budget + 4);
    const std::size_t headers_end = window.find("\r\n\r\n");
    if (headers_end == std::string_view::npos || headers_end == 0) return std::nullopt;
    header_bytes += headers_end + 4;
    if (header_bytes > limits.max_header_bytes) return std::nullopt;

    MultipartPart part;
    if (!ReadHeaders(window.substr(0, headers_end), limits, part)) return std::nullopt;
    const std::size_t data_start = pos + headers_end + 4;
    const std::size_t next = find_delimiter(data_start);
    if (next == std::string_view::npos) return std::nullopt;  // truncated
    part.data = std::string(body.substr(data_start, next - data_start));
    parts.push_back(std::move(part));
    pos = next + delimiter.size();
  }
}

bool SplitMultipart(std::vector<MultipartPart>&& parts,
                    std::multimap<std::string, std::string>& form,
                    std::vector<UploadedFile>& files) {
  for (auto& p : parts) {
    if (!p.has_filename) {
      if (!http::IsValidUtf8(p.data)) return false;
      form.emplace(std::move(p.name), std::move(p.data));
      continue;
    }
    if (p.filename.empty() && p.data.empty()) continue;
    files.push_back(
        {std::move(p.name), std::move(p.filename), std::move(p.content_type), std::move(p.data)});
  }
  return true;
}

}  // namespace tsunagu::web
