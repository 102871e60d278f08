#include "core/wareki.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ostream>

namespace tsunagu::core {
namespace {

// 明治 is counted from the date the design fixes; the lunar calendar was in use until
// 明治5年12月2日 (1872), so 明治 dates before 1873 are Gregorian dates labelled 明治, which is
// what every modern system does and is irrelevant to the people this system serves.
constexpr std::array<Era, 5> kEras = {{
    {"明治", "Meiji", {1868, 9, 8}},
    {"大正", "Taisho", {1912, 7, 30}},
    {"昭和", "Showa", {1926, 12, 25}},
    {"平成", "Heisei", {1989, 1, 8}},
    {"令和", "Reiwa", {2019, 5, 1}},
}};

constexpr std::array<std::string_view, 7> kWeekdayKanji = {"日", "月", "火", "水",
                                                           "木", "金", "土"};
constexpr std::array<std::string_view, 7> kWeekdayEn = {"Sun", "Mon", "Tue", "Wed",
                                                        "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonthEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr Date kMinDate{1, 1, 1};
constexpr Date kMaxDate{9999, 12, 31};

std::chrono::sys_days ToSysDays(Date d) {
  return std::chrono::sys_days{std::chrono::year{d.year} / std::chrono::month(d.month) /
                               std::chrono::day(d.day)};
}

Date FromSysDays(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Keeps arithmetic on pathological inputs inside the range chrono and ISO strings handle.
std::chrono::sys_days Clamp(std::int64_t day_number) {
  const auto lo = ToSysDays(kMinDate).time_since_epoch().count();
  const auto hi = ToSysDays(kMaxDate).time_since_epoch().count();
  const auto clamped = std::clamp<std::int64_t>(day_number, lo, hi);
  return std::chrono::sys_days{std::chrono::days{static_cast<int>(clamped)}};
}

// The era in force on `d`, or nullptr before 明治 or for an invalid date.
const Era* EraOf(Date d) {
  if (!IsValidDate(d)) return nullptr;
  for (auto it = kEras.rbegin(); it != kEras.rend(); ++it) {
    if (d >= it->start) return &*it;
  }
  return nullptr;
}

// " (Reiwa 7)", or nothing before 明治.
std::string RomajiSuffix(Date d) {
  const Era* era = EraOf(d);
  if (era == nullptr) return {};
  return " (" + std::string(era->romaji) + " " + std::to_string(d.year - era->start.year + 1) + ")";
}

std::string YearText(int year) {
  return year == 1 ? "元" : std::to_string(year);
}

std::string TimeText(int hour, int minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", hour, minute);
  return buf;
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const Date& d) {
  return os << ToIso(d);
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

bool IsValidDate(Date d) {
  return d.year >= kMinDate.year && d.year <= kMaxDate.year && d.month >= 1 && d.month <= 12 &&
         d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const auto y = number(0, 4);
  const auto m = number(5, 2);
  const auto d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  const Date date{*y, *m, *d};
  if (!IsValidDate(date)) return std::nullopt;
  return date;
}

std::string ToIso(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

int Weekday(Date d) {
  return static_cast<int>(std::chrono::weekday{ToSysDays(d)}.c_encoding());
}

Date AddDays(Date d, int days) {
  return FromSysDays(
      Clamp(static_cast<std::int64_t>(ToSysDays(d).time_since_epoch().count()) + days));
}

int DaysBetween(Date from, Date to) {
  return static_cast<int>((ToSysDays(to) - ToSysDays(from)).count());
}

Date DateFromUnixSeconds(std::int64_t secs, int utc_offset_minutes) {
  constexpr std::int64_t kDay = 86400;
  // Split before adding the offset so extreme inputs cannot overflow.
  std::int64_t days = secs / kDay;
  std::int64_t rem = secs % kDay;
  if (rem < 0) {
    rem += kDay;
    --days;
  }
  rem += static_cast<std::int64_t>(utc_offset_minutes) * 60;
  std::int64_t carry = rem / kDay;
  if (rem % kDay < 0) --carry;
  return FromSysDays(Clamp(days + carry));
}

std::span<const Era> Eras() {
  return kEras;
}

std::optional<WarekiYear> ToWareki(Date d) {
  const Era* era = EraOf(d);
  if (era == nullptr) return std::nullopt;
  return WarekiYear{std::string(era->name), d.year - era->start.year + 1};
}

std::string FormatWareki(Date d) {
  const auto w = ToWareki(d);
  std::string out = w ? w->era + YearText(w->year) : std::to_string(d.year);
  out += "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
  return out;
}

std::string FormatWarekiWithWeekday(Date d) {
  std::string out = FormatWareki(d);
  if (IsValidDate(d)) {
    out += "（";
    out += kWeekdayKanji[Weekday(d)];
    out += "）";
  }
  return out;
}

std::string FormatWarekiDateTime(Date d, int hour, int minute) {
  return FormatWarekiWithWeekday(d) + TimeText(hour, minute);
}

std::string FormatDateEn(Date d) {
  if (!IsValidDate(d)) return ToIso(d);
  std::string out(kWeekdayEn[Weekday(d)]);
  out += " " + std::to_string(d.day) + " ";
  out += kMonthEn[d.month - 1];
  out += " " + std::to_string(d.year);
  return out + RomajiSuffix(d);
}

std::string FormatDateTimeEn(Date d, int hour, int minute) {
  return FormatDateEn(d) + " " + TimeText(hour, minute);
}

std::string FormatDate(Date d, std::string_view lang) {
  return lang == "en" ? FormatDateEn(d) : FormatWarekiWithWeekday(d);
}

std::string FormatDateTime(Date d, int hour, int minute, std::string_view lang) {
  return lang == "en" ? FormatDateTimeEn(d, hour, minute) : FormatWarekiDateTime(d, hour, minute);
}

int FiscalYear(Date d) {
  return d.month >= 4 ? d.year : d.year - 1;
}

Date FiscalYearStart(int fy) {
  return {fy, 4, 1};
}

Date FiscalYearEnd(int fy) {
  return {fy + 1, 3, 31};
}

// Naming rule: a 年度 takes the era in force on December 31 of the calendar year it starts in,
// and that calendar year's number in the era. So an era that begins during April–December
// renames its whole fiscal year (FY2019 is 令和元年度, although April 2019 was still 平成 and
// documents issued before May called it 平成31年度), while an era that begins in January–March
// does not (FY1988 stays 昭和63年度 although 平成 began on 1989-01-08).
std::string FormatFiscalYear(int fy) {
  const auto w = ToWareki({fy, 12, 31});
  if (!w) return std::to_string(fy) + "年度";
  return w->era + YearText(w->year) + "年度";
}

std::string FormatFiscalYearEn(int fy) {
  return "FY" + std::to_string(fy) + RomajiSuffix({fy, 12, 31});
}

int JstMinuteOfDay(std::int64_t secs) {
  constexpr std::int64_t kDay = 86400;
  constexpr std::int64_t kJst = std::int64_t{9} * 3600;
  const std::int64_t of_day = (secs % kDay + kDay + kJst) % kDay;
  return static_cast<int>(of_day / 60);
}

std::string FormatDateTime(std::int64_t unix_seconds, std::string_view lang) {
  const int minute = JstMinuteOfDay(unix_seconds);
  return FormatDateTime(DateFromUnixSeconds(unix_seconds), minute / 60, minute % 60, lang);
}

std::string IsoDateTimeJst(std::int64_t unix_seconds) {
  const int minute = JstMinuteOfDay(unix_seconds);
  char time[16];
  std::snprintf(time, sizeof time, "T%02d:%02d+09:00", minute / 60, minute % 60);
  return ToIso(DateFromUnixSeconds(unix_seconds)) + time;
}

}  // namespace tsunagu::core
