// When a request must be answered (seed 002: 当日、翌日にはお返事): a request that comes on a
// business day before the office closes is answered that day, at the closing time; any other
// (after hours, at the weekend, on a holiday) by the closing time of the next business day.
#pragma once

#include <cstdint>

#include "consultations/holidays.hpp"

namespace tsunagu::requests {

// Unix seconds of the deadline for a request received at `received_at` (Unix seconds), with the
// office closing `closes_at_minutes` after midnight JST. Days the calendar does not cover count
// as business days unless they fall on a weekend.
std::int64_t ReplyDueAt(std::int64_t received_at, int closes_at_minutes,
                        const consultations::HolidayCalendar& holidays);

}  // namespace tsunagu::requests
