#include "consultations/day_rows.hpp"

#include <algorithm>

#include "storage/row.hpp"

namespace tsunagu::consultations {

using storage::GetInt;
using storage::GetText;

ConsultationDay ReadDay(const soci::row& r) {
  ConsultationDay d;
  d.id = GetInt(r, 0);
  d.program_id = GetInt(r, 1);
  d.date = core::ParseIsoDate(GetText(r, 2)).value_or(core::Date{});
  d.start_minutes = static_cast<int>(GetInt(r, 3));
  d.end_minutes = static_cast<int>(GetInt(r, 4));
  d.mode = GetText(r, 5);
  d.venue = GetText(r, 6);
  d.meeting_url = GetText(r, 7);
  d.booths = static_cast<int>(GetInt(r, 8));
  d.slot_minutes = static_cast<int>(GetInt(r, 9));
  d.status = GetText(r, 10);
  if (!storage::IsNull(r, 11)) d.moved_from = core::ParseIsoDate(GetText(r, 11));
  return d;
}

void AttachSlots(soci::session& s, std::vector<ConsultationDay>& days) {
  if (days.empty()) return;
  long long first = days.front().id;
  long long last = days.front().id;
  for (const auto& d : days) {
    first = std::min<long long>(first, d.id);
    last = std::max<long long>(last, d.id);
  }
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, day_id, start_minutes, end_minutes, capacity, booked FROM "
                    "consultation_slot WHERE day_id BETWEEN :a AND :b ORDER BY day_id, "
                    "start_minutes",
       soci::use(first), soci::use(last));
  for (const auto& r : rows) {
    Slot slot{GetInt(r, 0),
              GetInt(r, 1),
              static_cast<int>(GetInt(r, 2)),
              static_cast<int>(GetInt(r, 3)),
              static_cast<int>(GetInt(r, 4)),
              static_cast<int>(GetInt(r, 5))};
    for (auto& d : days) {
      if (d.id == slot.day_id) d.slots.push_back(slot);
    }
  }
}

}  // namespace tsunagu::consultations
