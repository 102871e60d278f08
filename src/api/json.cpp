#include "api/json.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "web/page.hpp"

namespace tsunagu::api {
namespace {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years a four-digit field can hold.
constexpr std::int64_t kMinIsoSeconds = -62135596800;
constexpr std::int64_t kMaxIsoSeconds = 253402300799;

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void AppendUnicodeEscape(std::string& out, unsigned code) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", code);
  out += buf;
}

bool IsContinuation(unsigned char c) {
  return c >= 0x80 && c <= 0xBF;
}

// Length of the well-formed UTF-8 sequence starting at s[i] (Unicode Table 3-7), or, when it
// is ill-formed, the negated length of its maximal valid prefix (at least 1), which is what one
// U+FFFD replaces (the W3C/WHATWG practice).
int SequenceLength(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  int length = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return -1;
  }
  for (int k = 1; k < length; ++k) {
    if (i + k >= s.size()) return -k;
    const auto c = static_cast<unsigned char>(s[i + k]);
    const bool ok = k == 1 ? (c >= lo && c <= hi) : IsContinuation(c);
    if (!ok) return -k;
  }
  return length;
}

void AppendNumber(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec != std::errc()) {
    out += "null";
    return;
  }
  out.append(buf, end);
}

template <typename Int>
void AppendInteger(std::string& out, Int n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, ec == std::errc() ? end : buf);
}

void Write(std::string& out, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      return;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return;
    case boost::json::kind::int64:
      AppendInteger(out, v.get_int64());
      return;
    case boost::json::kind::uint64:
      AppendInteger(out, v.get_uint64());
      return;
    case boost::json::kind::double_:
      AppendNumber(out, v.get_double());
      return;
    case boost::json::kind::string: {
      const auto& s = v.get_string();
      AppendJsonString(out, std::string_view(s.data(), s.size()));
      return;
    }
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        Write(out, item);
      }
      out += ']';
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& member : v.get_object()) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, std::string_view(member.key().data(), member.key().size()));
        out += ':';
        Write(out, member.value());
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string FormatIsoUtc(std::int64_t unix_seconds) {
  if (unix_seconds < kMinIsoSeconds || unix_seconds > kMaxIsoSeconds) return {};
  using namespace std::chrono;
  const sys_seconds at{seconds{unix_seconds}};
  const sys_days day = floor<days>(at);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{at - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buf;
}

boost::json::value TimeOrNull(std::int64_t unix_seconds) {
  if (unix_seconds == 0) return nullptr;
  std::string iso = FormatIsoUtc(unix_seconds);
  if (iso.empty()) return nullptr;
  return boost::json::string(iso);
}

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const int length = SequenceLength(s, i);
      if (length < 0) {
        out += kReplacement;
        i += static_cast<std::size_t>(-length);
        continue;
      }
      // U+2028 and U+2029 end a line in JavaScript before ES2019.
      if (length == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
           static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
        AppendUnicodeEscape(out, static_cast<unsigned char>(s[i + 2]) == 0xA8 ? 0x2028 : 0x2029);
      } else {
        out.append(s.substr(i, static_cast<std::size_t>(length)));
      }
      i += static_cast<std::size_t>(length);
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
      case '>':
      case '&':
      case 0x7F:
        AppendUnicodeEscape(out, c);
        break;
      default:
        if (c < 0x20) {
          AppendUnicodeEscape(out, c);
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

std::string ToJson(const boost::json::value& v) {
  std::string out;
  Write(out, v);
  return out;
}

http::Response JsonResponse(const boost::json::value& v, int status) {
  return http::Response::Json(status, ToJson(v));
}

boost::json::value ProblemBody(const core::Catalog& catalog, std::string_view lang, int status,
                               const std::string& key,
                               const std::vector<core::FieldError>& fields) {
  boost::json::object body;
  body["type"] = "urn:tsunagu:problem:" + key;
  body["title"] = catalog.Get(lang, key);
  body["status"] = status;
  if (!fields.empty()) {
    boost::json::array errors;
    for (const auto& f : fields) {
      errors.push_back(
          boost::json::object{{"field", f.field}, {"message", catalog.Get(lang, f.message_key)}});
    }
    body["errors"] = std::move(errors);
  }
  return body;
}

http::Response ProblemResponse(const core::Catalog& catalog, std::string_view lang, int status,
                               const std::string& key,
                               const std::vector<core::FieldError>& fields) {
  auto r = http::Response::Json(status, ToJson(ProblemBody(catalog, lang, status, key, fields)),
                                "application/problem+json");
  if (status == 401) r.headers.Set("WWW-Authenticate", "Bearer realm=\"tsunagu\"");
  return r;
}

http::Response ProblemFor(const core::Catalog& catalog, std::string_view lang,
                          const core::Error& error) {
  return ProblemResponse(catalog, lang, web::StatusFor(error.code), error.message_key,
                         error.fields);
}

}  // namespace tsunagu::api
