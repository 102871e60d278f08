#include "reports/numbers.hpp"

#include <algorithm>

namespace tsunagu::reports {

namespace {

constexpr int kMaxDecimals = 6;

// |INT64_MIN| × 10⁸ × 2 needs more than 64 bits; GCC and Clang have a 128-bit integer.
__extension__ using Wide = unsigned __int128;
__extension__ using SignedWide = __int128;

std::string Digits(Wide value) {
  std::string out;
  do {
    out += static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  } while (value != 0);
  std::reverse(out.begin(), out.end());
  return out;
}

Wide Magnitude(std::int64_t value) {
  // Negating INT64_MIN overflows; widening first does not.
  const auto wide = static_cast<SignedWide>(value);
  return static_cast<Wide>(wide < 0 ? -wide : wide);
}

}  // namespace

std::string FormatPercent(std::int64_t part, std::int64_t whole, int decimals) {
  if (whole == 0) return "\u2014";
  decimals = std::clamp(decimals, 0, kMaxDecimals);
  Wide scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const bool negative = (part < 0) != (whole < 0) && part != 0;
  const Wide numerator = Magnitude(part) * scale;
  const Wide denominator = Magnitude(whole);
  // Half up on magnitudes: add half the divisor before the integer division.
  const Wide rounded = (numerator * 2 + denominator) / (denominator * 2);

  std::string digits = Digits(rounded);
  if (decimals > 0) {
    if (digits.size() <= static_cast<std::size_t>(decimals)) {
      digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), 1, '.');
  }
  // A tiny negative rate that rounds to zero is shown as 0, not -0.
  const bool shows_sign = negative && rounded != 0;
  return (shows_sign ? "-" : "") + digits + "%";
}

std::string FormatCount(std::int64_t value) {
  const std::string digits = Digits(Magnitude(value));
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 + 1);
  if (value < 0) out += '-';
  const std::size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i >= first_group && (i - first_group) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace tsunagu::reports
