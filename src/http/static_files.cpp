#include "http/static_files.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string>
#include <system_error>
#include <utility>

namespace tsunagu::http {
namespace fs = std::filesystem;

namespace {

// Long enough for any asset we ship; bounds the work done on hostile input.
constexpr std::size_t kMaxRelPathBytes = 1024;
constexpr std::string_view kCacheControl = "public, max-age=3600";

struct ContentType {
  std::string_view extension;
  std::string_view type;
};

constexpr std::array kContentTypes = {
    ContentType{".css", "text/css; charset=utf-8"},
    ContentType{".js", "text/javascript; charset=utf-8"},
    ContentType{".mjs", "text/javascript; charset=utf-8"},
    ContentType{".svg", "image/svg+xml"},
    ContentType{".png", "image/png"},
    ContentType{".jpg", "image/jpeg"},
    ContentType{".jpeg", "image/jpeg"},
    ContentType{".webp", "image/webp"},
    ContentType{".ico", "image/x-icon"},
    ContentType{".woff2", "font/woff2"},
    ContentType{".woff", "font/woff"},
    ContentType{".json", "application/json"},
    ContentType{".webmanifest", "application/manifest+json"},
    ContentType{".txt", "text/plain; charset=utf-8"},
    ContentType{".html", "text/html; charset=utf-8"},
};

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), AsciiLower);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Refuses anything that could leave root or expose files not meant to be public:
// "..", ".", hidden names (.git, .env), absolute paths, empty segments, NUL and control bytes.
bool IsSafeRelPath(std::string_view rel) {
  if (rel.empty() || rel.size() > kMaxRelPathBytes || !IsValidUtf8(rel)) return false;
  if (rel.front() == '/') return false;
  for (const char c : rel) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == '\\') return false;
  }
  std::string_view rest = rel;
  while (true) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment.empty() || segment.front() == '.') return false;
    if (slash == std::string_view::npos) return true;
    rest = rest.substr(slash + 1);
  }
}

bool IsInside(const fs::path& root, const fs::path& candidate) {
  auto [root_it, candidate_it] =
      std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  return root_it == root.end();
}

// Resolves symlinks too, so a link inside root cannot point the server at /etc.
std::optional<fs::path> ResolveRegularFile(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec || !IsInside(root, canonical)) return std::nullopt;
  if (!fs::is_regular_file(canonical, ec) || ec) return std::nullopt;
  return canonical;
}

std::optional<std::string> MakeEtag(const fs::path& file, std::string_view suffix) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  const auto mtime = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  // The tag is opaque to clients: a two's-complement view of the clock count is fine.
  const auto ticks = static_cast<std::uint64_t>(mtime.time_since_epoch().count());
  std::array<char, 64> buf{};
  std::string etag = "\"";
  auto res =
      std::to_chars(buf.data(), buf.data() + buf.size(), static_cast<std::uint64_t>(size), 16);
  etag.append(buf.data(), res.ptr);
  etag.push_back('-');
  res = std::to_chars(buf.data(), buf.data() + buf.size(), ticks, 16);
  etag.append(buf.data(), res.ptr);
  etag.append(suffix);
  etag.push_back('"');
  return etag;
}

// If-None-Match uses the weak comparison (RFC 9110 §13.1.2), so "W/" is ignored.
bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    std::string_view item = Trim(if_none_match.substr(0, comma));
    if_none_match =
        comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    if (item == "*") return true;
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
  }
  return false;
}

// The q-value the client gives a content-coding: 0 means "not acceptable" (RFC 9110 §12.5.3).
double CodingQuality(std::string_view accept_encoding, std::string_view coding) {
  std::optional<double> exact;
  std::optional<double> wildcard;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const std::size_t semi = item.find(';');
    const std::string name = ToLower(Trim(item.substr(0, semi)));
    double q = 1.0;
    if (semi != std::string_view::npos) {
      const std::string_view param = Trim(item.substr(semi + 1));
      if (param.size() > 2 && AsciiLower(param[0]) == 'q' && param[1] == '=') {
        const std::string_view number = Trim(param.substr(2));
        double parsed = 0.0;
        auto [ptr, err] = std::from_chars(number.data(), number.data() + number.size(), parsed);
        q = (err == std::errc{} && parsed >= 0.0 && parsed <= 1.0) ? parsed : 0.0;
      }
    }
    if (name == coding) {
      exact = q;
    } else if (name == "*") {
      wildcard = q;
    }
  }
  if (exact) return *exact;
  if (wildcard) return *wildcard;
  return 0.0;
}

std::string_view ContentTypeFor(const fs::path& file) {
  const std::string extension = ToLower(file.extension().string());
  for (const auto& entry : kContentTypes) {
    if (entry.extension == extension) return entry.type;
  }
  return "application/octet-stream";
}

struct Variant {
  std::string_view encoding;  // Content-Encoding value
  std::string_view file_suffix;
  std::optional<fs::path> path;
  double quality = 0.0;
};

}  // namespace

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(root_, ec);
  root_ = ec ? root_.lexically_normal() : std::move(canonical);
}

std::optional<Response> StaticFiles::Serve(const Request& req, std::string_view rel_path) const {
  if (!IsSafeRelPath(rel_path)) return std::nullopt;
  const auto file = ResolveRegularFile(root_, root_ / fs::path(rel_path));
  if (!file) return std::nullopt;

  std::array variants = {Variant{"br", ".br", std::nullopt, 0.0},
                         Variant{"gzip", ".gz", std::nullopt, 0.0}};
  bool has_variant = false;
  const std::string_view accept_encoding = req.Header("Accept-Encoding").value_or("");
  for (auto& variant : variants) {
    variant.path =
        ResolveRegularFile(root_, fs::path(file->string() + std::string(variant.file_suffix)));
    if (!variant.path) continue;
    has_variant = true;
    variant.quality = CodingQuality(accept_encoding, variant.encoding);
  }
  // br first on equal quality: it is smaller for text assets.
  const Variant* chosen = nullptr;
  for (const auto& variant : variants) {
    if (variant.path && variant.quality > 0.0 && (!chosen || variant.quality > chosen->quality)) {
      chosen = &variant;
    }
  }

  const fs::path& served = chosen ? *chosen->path : *file;
  const std::string etag_suffix = chosen ? "-" + std::string(chosen->encoding) : std::string();
  const auto etag = MakeEtag(served, etag_suffix);
  if (!etag) return std::nullopt;

  Response res;
  res.headers.Set("ETag", *etag);
  res.headers.Set("Cache-Control", std::string(kCacheControl));
  // Caches must key on Accept-Encoding whenever another encoding could have been chosen.
  if (has_variant) res.headers.Set("Vary", "Accept-Encoding");

  if (const auto if_none_match = req.Header("If-None-Match");
      if_none_match && EtagMatches(*if_none_match, *etag)) {
    res.status = 304;
    return res;
  }
  res.status = 200;
  res.headers.Set("Content-Type", std::string(ContentTypeFor(fs::path(rel_path))));
  if (chosen) res.headers.Set("Content-Encoding", std::string(chosen->encoding));
  res.file_path = served.string();
  return res;
}

}  // namespace tsunagu::http
