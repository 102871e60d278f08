#include "salons/rrule.hpp"

#include <array>

namespace tsunagu::salons {
namespace {

constexpr std::array<std::string_view, 7> kDays = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

}  // namespace

std::string ByDayList(const std::vector<consultations::MonthlyOccurrence>& occurrences) {
  std::string out;
  for (const auto& o : occurrences) {
    if (o.weekday < 0 || o.weekday > 6) continue;
    if (!out.empty()) out += ',';
    out += std::to_string(o.nth);
    out += kDays[static_cast<std::size_t>(o.weekday)];
  }
  return out;
}

std::string ToRrule(const consultations::ScheduleRule& rule) {
  return "FREQ=MONTHLY;BYDAY=" + ByDayList(rule.occurrences);
}

std::optional<std::vector<consultations::MonthlyOccurrence>> ParseByDayList(std::string_view text) {
  if (!text.empty() && text.back() == ',') return std::nullopt;
  std::vector<consultations::MonthlyOccurrence> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = text.substr(pos, end - pos);
    if (item.size() < 3) return std::nullopt;
    const std::string_view day = item.substr(item.size() - 2);
    const std::string_view number = item.substr(0, item.size() - 2);
    int nth = 0;
    if (number == "-1") {
      nth = consultations::kLastOccurrence;
    } else if (number.size() == 1 && number[0] >= '1' && number[0] <= '5') {
      nth = number[0] - '0';
    } else {
      return std::nullopt;
    }
    int weekday = -1;
    for (std::size_t i = 0; i < kDays.size(); ++i) {
      if (kDays[i] == day) weekday = static_cast<int>(i);
    }
    if (weekday < 0) return std::nullopt;
    out.push_back({nth, weekday});
    pos = end + 1;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace tsunagu::salons
