#include "notify/icalendar.hpp"

#include <cstdio>
#include <optional>
#include <vector>

namespace tsunagu::notify {
namespace {

// RFC 5545 section 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break.
constexpr std::size_t kMaxLineOctets = 75;
// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: DATE-TIME has a four-digit year.
constexpr std::int64_t kMinUnix = -62135596800;
constexpr std::int64_t kMaxUnix = 253402300799;
constexpr int kMinutesPerDay = 24 * 60;

core::Error Invalid(std::string field) {
  return core::Error::Invalid("error.ics_invalid", {{std::move(field), "error.ics_invalid"}});
}

// One decoded code point and where its bytes are.
struct CodePoint {
  std::uint32_t value;
  std::size_t pos;
  std::size_t len;
};

// Strict UTF-8 (no overlong forms, surrogates or values above U+10FFFF); nullopt when invalid.
std::optional<std::vector<CodePoint>> Decode(std::string_view s) {
  std::vector<CodePoint> out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    std::uint32_t cp;
    if (c < 0x80) {
      len = 1;
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return std::nullopt;
    }
    if (len > s.size() - i) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr std::uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return std::nullopt;
    }
    out.push_back({cp, i, len});
    i += len;
  }
  return out;
}

// C0, DEL and C1: none of them belongs in a calendar entry a person reads.
bool IsControl(std::uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// TEXT value (RFC 5545 section 3.3.11). Newlines survive as \n; a CR of a CRLF is dropped
// like every other control character, so form input with CRLF gives one line break.
std::optional<std::string> EscapeText(std::string_view s) {
  const auto cps = Decode(s);
  if (!cps) return std::nullopt;
  std::string out;
  out.reserve(s.size() + 8);
  for (const auto& cp : *cps) {
    switch (cp.value) {
      case '\n':
        out += "\\n";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case ';':
        out += "\\;";
        continue;
      case ',':
        out += "\\,";
        continue;
      default:
        break;
    }
    if (IsControl(cp.value)) continue;
    out.append(s.substr(cp.pos, cp.len));
  }
  return out;
}

// A quoted parameter value. RFC 5545 has no escape inside quotes, so DQUOTE and ^ use the
// caret encoding of RFC 6868 (^' and ^^); control characters are dropped.
std::optional<std::string> QuoteParam(std::string_view s) {
  const auto cps = Decode(s);
  if (!cps) return std::nullopt;
  std::string out = "\"";
  for (const auto& cp : *cps) {
    if (IsControl(cp.value)) continue;
    if (cp.value == '"') {
      out += "^'";
    } else if (cp.value == '^') {
      out += "^^";
    } else {
      out.append(s.substr(cp.pos, cp.len));
    }
  }
  out += '"';
  return out;
}

bool IsPrintableAsciiWord(std::string_view s) {
  if (s.empty()) return false;
  for (const char ch : s) {
    if (ch <= 0x20 || ch >= 0x7F) return false;
  }
  return true;
}

// URI values are written verbatim (no iCalendar escaping applies), so only characters that may
// appear literally in a URI (RFC 3986) are accepted, and only web links.
bool IsWebUri(std::string_view s) {
  if (!IsPrintableAsciiWord(s)) return false;
  if (!s.starts_with("https://") && !s.starts_with("http://")) return false;
  return s.find_first_of("\"<>\\^`{|}") == std::string_view::npos;
}

// An addr-spec that can follow "mailto:" without percent-encoding: one @, atext and dots
// only, so no quotes, brackets, or the ?, # and % that mean something in a mailto URI.
bool IsPlainMailAddress(std::string_view s) {
  if (!IsPrintableAsciiWord(s)) return false;
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  if (s.find('@', at + 1) != std::string_view::npos) return false;
  return s.find_first_of("\"(),:;<>[\\]?#%") == std::string_view::npos;
}

std::string FormatLocal(core::Date d, int minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", d.year, d.month, d.day, minutes / 60,
                minutes % 60);
  return buf;
}

std::string FormatUtc(std::int64_t unix_seconds) {
  const core::Date d = core::DateFromUnixSeconds(unix_seconds, 0);
  std::int64_t rem = unix_seconds % 86400;
  if (rem < 0) rem += 86400;
  const int secs = static_cast<int>(rem);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", d.year, d.month, d.day, secs / 3600,
                secs / 60 % 60, secs % 60);
  return buf;
}

// Folds one content line (RFC 5545 section 3.1): every physical line, the leading space of a
// continuation included, stays within 75 octets and a multi-octet character is never split.
// `line` is valid UTF-8 (every text went through Decode).
void AppendFolded(std::string& out, std::string_view line) {
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    const auto c = static_cast<unsigned char>(line[i]);
    const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (used + len > kMaxLineOctets) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line.substr(i, len));
    used += len;
    i += len;
  }
  out += "\r\n";
}

}  // namespace

namespace detail {

std::optional<std::string> EscapeTextValue(std::string_view s) {
  return EscapeText(s);
}

void AppendLine(std::string& out, std::string_view line) {
  AppendFolded(out, line);
}

void AppendCalendarStart(std::string& out, std::string_view method) {
  AppendFolded(out, "BEGIN:VCALENDAR");
  AppendFolded(out, "VERSION:2.0");
  AppendFolded(out, "PRODID:-//Tsunagu//Tsunagu//JA");
  AppendFolded(out, "CALSCALE:GREGORIAN");
  AppendFolded(out, std::string("METHOD:") + std::string(method));
}

void AppendTokyoTimezone(std::string& out) {
  // Japan has had no daylight saving time since 1951, so one STANDARD rule covers every date
  // Tsunagu will ever write.
  for (const char* l :
       {"BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE"}) {
    AppendFolded(out, l);
  }
}

std::string FormatUtcStamp(std::int64_t unix_seconds) {
  return FormatUtc(unix_seconds);
}

core::Status AppendVEvent(std::string& out, const CalendarEvent& event, bool cancelled,
                          std::string_view rrule, const std::vector<core::Date>& exdates) {
  // The UID identifies the booking to the person's calendar: refuse rather than silently
  // change it by dropping characters.
  const auto uid_cps = Decode(event.uid);
  if (event.uid.empty() || !uid_cps) return Invalid("uid");
  for (const auto& cp : *uid_cps) {
    if (IsControl(cp.value)) return Invalid("uid");
  }
  const auto uid = EscapeText(event.uid);

  if (event.sequence < 0) return Invalid("sequence");
  if (event.dtstamp_unix < kMinUnix || event.dtstamp_unix > kMaxUnix) {
    return Invalid("dtstamp_unix");
  }
  if (!core::IsValidDate(event.date)) return Invalid("date");
  if (event.start_minutes < 0 || event.start_minutes >= kMinutesPerDay) {
    return Invalid("start_minutes");
  }
  if (event.end_minutes <= event.start_minutes || event.end_minutes > kMinutesPerDay) {
    return Invalid("end_minutes");
  }
  core::Date end_date = event.date;
  int end_minutes = event.end_minutes;
  if (end_minutes == kMinutesPerDay) {  // 24:00 is written as 00:00 of the next day
    end_date = core::AddDays(event.date, 1);
    end_minutes = 0;
    if (!core::IsValidDate(end_date) || end_date <= event.date) return Invalid("end_minutes");
  }

  const auto summary = EscapeText(event.summary);
  if (!summary) return Invalid("summary");
  const auto location = EscapeText(event.location);
  if (!location) return Invalid("location");
  const auto description = EscapeText(event.description);
  if (!description) return Invalid("description");
  if (!event.url.empty() && !IsWebUri(event.url)) return Invalid("url");
  const auto organizer_cn = QuoteParam(event.organizer_name);
  if (!organizer_cn) return Invalid("organizer_name");
  if (!event.organizer_email.empty() && !IsPlainMailAddress(event.organizer_email)) {
    return Invalid("organizer_email");
  }

  const auto line = [&out](std::string_view text) { AppendFolded(out, text); };
  const auto prop = [&out](std::string_view name, std::string_view value) {
    std::string text(name);
    text += value;
    AppendFolded(out, text);
  };
  line("BEGIN:VEVENT");
  prop("UID:", *uid);
  prop("SEQUENCE:", std::to_string(event.sequence));
  prop("DTSTAMP:", FormatUtc(event.dtstamp_unix));
  prop("DTSTART;TZID=Asia/Tokyo:", FormatLocal(event.date, event.start_minutes));
  prop("DTEND;TZID=Asia/Tokyo:", FormatLocal(end_date, end_minutes));
  if (!rrule.empty()) prop("RRULE:", rrule);
  if (!exdates.empty()) {
    std::string list;
    for (const auto& d : exdates) {
      if (!core::IsValidDate(d)) return Invalid("exdates");
      if (!list.empty()) list += ',';
      list += FormatLocal(d, event.start_minutes);
    }
    prop("EXDATE;TZID=Asia/Tokyo:", list);
  }
  prop("SUMMARY:", *summary);
  if (!location->empty()) prop("LOCATION:", *location);
  if (!description->empty()) prop("DESCRIPTION:", *description);
  if (!event.url.empty()) prop("URL:", event.url);
  if (!event.organizer_email.empty()) {
    std::string name = "ORGANIZER";
    if (!event.organizer_name.empty()) name += ";CN=" + *organizer_cn;
    prop(name + ":mailto:", event.organizer_email);
  }
  prop("STATUS:", cancelled ? "CANCELLED" : "CONFIRMED");
  line("TRANSP:OPAQUE");
  line("END:VEVENT");
  return core::OkStatus();
}

}  // namespace detail

core::Result<std::string> BuildIcs(const CalendarEvent& event, std::string_view method) {
  if (method != "REQUEST" && method != "CANCEL" && method != "PUBLISH") return Invalid("method");
  const bool cancelled = event.cancelled || method == "CANCEL";
  std::string out;
  out.reserve(1024 + event.description.size() * 2);
  detail::AppendCalendarStart(out, method);
  detail::AppendTokyoTimezone(out);
  if (auto ok = detail::AppendVEvent(out, event, cancelled, ""); !ok) return ok.error();
  AppendFolded(out, "END:VCALENDAR");
  return out;
}

}  // namespace tsunagu::notify
