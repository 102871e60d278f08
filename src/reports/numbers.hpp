// Numbers as people read them in reports, formatted with integer arithmetic so a rate never
// prints as 8.299999% or 1e+03 and the page, the CSV and the spreadsheet agree to the digit.
#pragma once

#include <cstdint>
#include <string>

namespace tsunagu::reports {

// part / whole as a percentage with `decimals` digits after the point (clamped to 0..6),
// rounded half away from zero: 25/300 → "8.3%", 3/25 → "12.0%", 1/8 with 1 decimal → "12.5%",
// 1/16 → "6.3%". Works for rates above 100% ("106.7%"). whole == 0 gives "—" (U+2014): there
// is no rate, and 0% would be a claim.
std::string FormatPercent(std::int64_t part, std::int64_t whole, int decimals = 1);

// An integer with a comma every three digits: 1234 → "1,234", -1234567 → "-1,234,567".
std::string FormatCount(std::int64_t value);

}  // namespace tsunagu::reports
