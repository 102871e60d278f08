#include "requests/deadline.hpp"

#include "core/wareki.hpp"

namespace tsunagu::requests {
namespace {

constexpr std::int64_t kJst = 9LL * 3600;
constexpr std::int64_t kDay = 86400;

std::int64_t AtJst(core::Date date, int minutes) {
  return std::int64_t{core::DaysBetween(core::Date{1970, 1, 1}, date)} * kDay + minutes * 60LL -
         kJst;
}

}  // namespace

std::int64_t ReplyDueAt(std::int64_t received_at, int closes_at_minutes,
                        const consultations::HolidayCalendar& holidays) {
  const core::Date day = core::DateFromUnixSeconds(received_at);
  const std::int64_t closes_today = AtJst(day, closes_at_minutes);
  if (holidays.IsBusinessDay(day) && received_at < closes_today) return closes_today;
  core::Date next = core::AddDays(day, 1);
  for (int i = 0; i < 30 && !holidays.IsBusinessDay(next); ++i) next = core::AddDays(next, 1);
  return AtJst(next, closes_at_minutes);
}

}  // namespace tsunagu::requests
