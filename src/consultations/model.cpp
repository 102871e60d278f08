#include "consultations/model.hpp"

namespace tsunagu::consultations {

std::vector<std::pair<int, int>> SlotTimes(int start_minutes, int end_minutes,
                                           const DaySettings& settings) {
  std::vector<std::pair<int, int>> out;
  if (settings.slot_minutes <= 0) return out;
  const int last_end = end_minutes - settings.debrief_minutes;
  for (int t = start_minutes + settings.prep_minutes; t + settings.slot_minutes <= last_end;
       t += settings.slot_minutes) {
    out.emplace_back(t, t + settings.slot_minutes);
  }
  return out;
}

}  // namespace tsunagu::consultations
