// Calendar dates, 和暦 (Japanese era) formatting and 年度 (April–March fiscal years).
// People see 和暦 with a weekday; URLs, CSV and APIs use ISO 8601 (ToIso / ParseIsoDate).
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tsunagu::core {

// A proleptic Gregorian calendar date with no time zone: the date as people in Japan see it.
struct Date {
  int year = 0;
  int month = 0;  // 1–12
  int day = 0;    // 1–31

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>.
  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

// So that test failures print 2025-04-13 rather than bytes.
std::ostream& operator<<(std::ostream& os, const Date& d);

constexpr bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}
int DaysInMonth(int year, int month);  // 0 when month is out of range
// Years 1–9999 only: the range ISO strings and the database columns can hold.
bool IsValidDate(Date d);

// Strict "YYYY-MM-DD" (exactly 10 ASCII characters), checked against the calendar.
std::optional<Date> ParseIsoDate(std::string_view text);
std::string ToIso(Date d);  // "2025-04-13"

int Weekday(Date d);  // 0 = Sunday … 6 = Saturday
Date AddDays(Date d, int days);
int DaysBetween(Date from, Date to);  // to − from, in days
// The calendar date at `secs` seen from a zone `utc_offset_minutes` east of UTC (JST by default).
Date DateFromUnixSeconds(std::int64_t secs, int utc_offset_minutes = 540);
// Minutes since midnight in Japan (JST, no daylight saving time) at a Unix time: 0 to 1439.
int JstMinuteOfDay(std::int64_t secs);

// One row per era; a new era is one more row (in start order).
struct Era {
  std::string_view name;    // "令和"
  std::string_view romaji;  // "Reiwa"
  Date start;               // first day of year 1 (元年)
};
std::span<const Era> Eras();

struct WarekiYear {
  std::string era;  // "令和"
  int year = 0;     // 1 is written 元年

  friend bool operator==(const WarekiYear&, const WarekiYear&) = default;
};
// nullopt before 明治 (1868-09-08) or for an invalid date.
std::optional<WarekiYear> ToWareki(Date d);

// Before 明治, or for an invalid date, these fall back to the Gregorian year ("1868年9月7日").
std::string FormatWareki(Date d);             // "令和7年4月13日", "令和元年5月1日"
std::string FormatWarekiWithWeekday(Date d);  // "令和7年4月13日（日）"
std::string FormatWarekiDateTime(Date d, int hour, int minute);  // "令和7年4月13日（日）18:00"
std::string FormatDateEn(Date d);                                // "Sun 13 April 2025 (Reiwa 7)"
std::string FormatDateTimeEn(Date d, int hour, int minute);  // "Sun 13 April 2025 (Reiwa 7) 18:00"
// "en" gives the English form; anything else the Japanese one (the system is Japanese-first).
std::string FormatDate(Date d, std::string_view lang);
std::string FormatDateTime(Date d, int hour, int minute, std::string_view lang);
// The same for a Unix time, in JST: 「令和7年4月13日（日）18:00」.
std::string FormatDateTime(std::int64_t unix_seconds, std::string_view lang);
// "2025-04-13T18:00+09:00", for <time datetime> and other machine readers.
std::string IsoDateTimeJst(std::int64_t unix_seconds);

// 年度: April 1 to March 31, named by the calendar year it starts in.
int FiscalYear(Date d);                  // 2026-03-31 → 2025, 2026-04-01 → 2026
Date FiscalYearStart(int fy);            // fy-04-01
Date FiscalYearEnd(int fy);              // (fy+1)-03-31
std::string FormatFiscalYear(int fy);    // 2025 → "令和7年度", 2019 → "令和元年度"
std::string FormatFiscalYearEn(int fy);  // 2025 → "FY2025 (Reiwa 7)"

}  // namespace tsunagu::core
