// Japanese public holidays (国民の祝日, 振替休日, 国民の休日) and business days, from the data file
// scripts/vendor-static generates out of the npm package @holiday-jp/holiday_jp
// (data/holidays/README.md describes the format). Nothing here is typed by hand: a new law or a
// newly announced equinox day arrives by updating the package.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/wareki.hpp"

namespace tsunagu::consultations {

// 行政機関の休日に関する法律 (法1条1項3号): government offices, and most hospitals and
// prefectures following them, close from 12月29日 to 1月3日. Not a public holiday, so it is a
// separate rule that callers switch on.
bool IsYearEndClosure(core::Date d);

// Immutable after loading, so one instance can be shared by every request thread.
class HolidayCalendar {
 public:
  // Errors are developer-facing (the data ships with the program): code kInternal, message_key
  // "error.holiday_data_unreadable" or "error.holiday_data_invalid", and fields[0] holding where
  // (file or JSON key) as `field` and what is wrong as `message_key`.
  static core::Result<HolidayCalendar> LoadFile(const std::filesystem::path& path);
  static core::Result<HolidayCalendar> Parse(std::string_view json);

  // False outside [First(), Last()]: callers check the range before planning (see Covers).
  bool IsHoliday(core::Date d) const;
  // The holiday's name from the data: "en" gives the English name, anything else the Japanese
  // one ("こどもの日 振替休日"). nullopt when `d` is not a holiday.
  std::optional<std::string> Name(core::Date d, std::string_view lang) const;
  // Not Saturday or Sunday, not a holiday, and, when `closed_year_end`, not 12/29–1/3.
  bool IsBusinessDay(core::Date d, bool closed_year_end = false) const;

  // The first and last day the data is complete for (whole calendar years in the package), so
  // a day inside the range that IsHoliday denies is known not to be a holiday.
  core::Date First() const { return first_; }
  core::Date Last() const { return last_; }
  bool Covers(core::Date from, core::Date to) const { return first_ <= from && to <= last_; }
  // "@holiday-jp/holiday_jp 2.5.1": shown next to generated schedules.
  const std::string& Source() const { return source_; }

 private:
  struct Names {
    std::string ja;
    std::string en;
  };

  HolidayCalendar() = default;

  std::string source_;
  core::Date first_;
  core::Date last_;
  std::map<core::Date, Names> holidays_;
};

}  // namespace tsunagu::consultations
