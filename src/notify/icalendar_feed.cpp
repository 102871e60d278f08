#include "notify/icalendar_feed.hpp"

#include <cctype>
#include <string_view>

namespace tsunagu::notify {
namespace {

core::Error Invalid(std::string field) {
  return core::Error::Invalid("error.ics_invalid", {{std::move(field), "error.ics_invalid"}});
}

bool IsWeekday(std::string_view s) {
  for (const char* d : {"SU", "MO", "TU", "WE", "TH", "FR", "SA"}) {
    if (s == d) return true;
  }
  return false;
}

// [+/-]n followed by a weekday, n within 1..max_ordinal; a bare weekday for any frequency.
bool IsByDay(std::string_view s, const std::string& freq) {
  if (s.size() < 2 || !IsWeekday(s.substr(s.size() - 2))) return false;
  std::string_view num = s.substr(0, s.size() - 2);
  if (num.empty()) return true;
  if (freq != "MONTHLY" && freq != "YEARLY") return false;  // ordinals need a month or year
  if (num.front() == '+' || num.front() == '-') num.remove_prefix(1);
  if (num.empty() || num.size() > 2) return false;
  int n = 0;
  for (const char c : num) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= (freq == "MONTHLY" ? 5 : 53);
}

}  // namespace

core::Result<std::string> RRuleValue(const Recurrence& rule) {
  if (rule.freq != "DAILY" && rule.freq != "WEEKLY" && rule.freq != "MONTHLY" &&
      rule.freq != "YEARLY") {
    return Invalid("rrule");
  }
  if (rule.interval < 1 || rule.interval > 99) return Invalid("rrule");
  std::string out = "FREQ=" + rule.freq;
  if (rule.interval != 1) out += ";INTERVAL=" + std::to_string(rule.interval);
  if (!rule.by_day.empty()) {
    out += ";BYDAY=";
    bool first = true;
    for (const auto& d : rule.by_day) {
      if (!IsByDay(d, rule.freq)) return Invalid("rrule");
      if (!first) out += ',';
      out += d;
      first = false;
    }
  }
  if (rule.until) {
    if (!core::IsValidDate(*rule.until)) return Invalid("rrule");
    // 23:59:59 in Tokyo (UTC+9, no daylight saving) is 14:59:59 UTC the same day.
    const std::int64_t end_of_day =
        std::int64_t{core::DaysBetween({1970, 1, 1}, *rule.until)} * 86400 + 86399 - 9 * 3600;
    out += ";UNTIL=" + detail::FormatUtcStamp(end_of_day);
  }
  return out;
}

core::Result<std::string> BuildFeed(const Feed& feed) {
  const auto name = detail::EscapeTextValue(feed.name);
  if (!name || name->empty()) return Invalid("name");
  const auto description = detail::EscapeTextValue(feed.description);
  if (!description) return Invalid("description");
  std::string out;
  out.reserve(1024 + feed.events.size() * 700);
  detail::AppendCalendarStart(out, "PUBLISH");
  detail::AppendLine(out, "X-WR-CALNAME:" + *name);
  if (!description->empty()) detail::AppendLine(out, "X-WR-CALDESC:" + *description);
  detail::AppendLine(out, "X-WR-TIMEZONE:Asia/Tokyo");
  // RFC 7986, and the older name some calendar apps read: look again every 6 hours.
  detail::AppendLine(out, "REFRESH-INTERVAL;VALUE=DURATION:PT6H");
  detail::AppendLine(out, "X-PUBLISHED-TTL:PT6H");
  detail::AppendTokyoTimezone(out);
  for (const auto& fe : feed.events) {
    std::string rrule;
    if (fe.recurrence) {
      auto value = RRuleValue(*fe.recurrence);
      if (!value) return value.error();
      rrule = *value;
    }
    const std::vector<core::Date> none;
    const auto& exdates = fe.recurrence ? fe.recurrence->except : none;
    if (auto ok = detail::AppendVEvent(out, fe.event, fe.event.cancelled, rrule, exdates); !ok) {
      return ok.error();
    }
  }
  detail::AppendLine(out, "END:VCALENDAR");
  return out;
}

std::string UidHost(const std::string& public_url) {
  std::string host = public_url;
  if (const auto scheme = host.find("://"); scheme != std::string::npos) {
    host = host.substr(scheme + 3);
  }
  host = host.substr(0, host.find_first_of("/?#"));
  if (const auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  return host.empty() ? "tsunagu" : host;
}

}  // namespace tsunagu::notify
