#include "web/forms.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "core/text.hpp"
#include "core/wareki.hpp"

namespace tsunagu::web {

namespace {

// Longer targets are not ours: the router's paths and queries are short.
constexpr std::size_t kMaxNextBytes = 2048;

// A path that browsers resolve on this site: one leading '/' not followed by another '/' or
// '\' (a host would follow), and no byte that browsers drop or rewrite while parsing a URL:
// C0 controls (TAB, CR and LF among them), space, DEL and '\'; with `ascii_only`, nothing
// outside ASCII either (a full-width solidus is not ours to interpret).
bool IsLocalPath(std::string_view v, bool ascii_only) {
  if (v.empty() || v[0] != '/') return false;
  if (v.size() > 1 && (v[1] == '/' || v[1] == '\\')) return false;
  return std::none_of(v.begin(), v.end(), [&](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b <= 0x20 || b == 0x7F || c == '\\' || (ascii_only && b >= 0x80);
  });
}

}  // namespace

std::string SafeNext(const std::string& next) {
  if (next.size() > kMaxNextBytes || !IsLocalPath(next, true)) return "/";
  // The path decoded once must pass too, so that an encoded TAB, slash or backslash ("/%09/",
  // "/%2F", "/%5C") cannot become one wherever the target is decoded later.
  auto decoded =
      http::PercentDecode(std::string_view(next).substr(0, next.find_first_of("?#")), false);
  if (!decoded || !IsLocalPath(*decoded, false)) return "/";
  return next;
}

http::Response SeeOther(const std::string& location) {
  return http::Response::Redirect(location, 303);
}

void CheckLength(std::vector<core::FieldError>& errors, const std::string& field,
                 const std::string& value, std::size_t max, bool required) {
  const auto n = core::CountCodePoints(value);
  if (required && n == 0) {
    errors.push_back({field, "form.error.required"});
  } else if (n > max) {
    errors.push_back({field, "form.error.too_long"});
  }
}

std::int64_t ParseId(const std::string& text) {
  if (text.empty() || text.size() > 18) return 0;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

int ParseInt(const std::string& text) {
  int value = -1;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return -1;
  return value;
}

}  // namespace tsunagu::web

namespace tsunagu::web {

http::Response Failure(const Pages& pages, const RequestContext& ctx, const core::Error& error) {
  if (error.code == core::ErrorCode::kNotFound) return pages.Error(ctx, 404, "error.not_found");
  // Internal errors never show their key's detail; every other kind names its own message
  // (error.forbidden, a conflict's reason, error.rate_limited, …).
  if (error.code == core::ErrorCode::kInternal || error.message_key.empty()) {
    return pages.Error(ctx, StatusFor(error.code), "error.internal");
  }
  return pages.Error(ctx, StatusFor(error.code), error.message_key);
}

std::string DateTimeOf(const RequestContext& ctx, std::int64_t unix_seconds) {
  return core::FormatDateTime(unix_seconds, ctx.lang);
}

}  // namespace tsunagu::web
