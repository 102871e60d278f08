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

std::optional<ProgramDay> LoadProgramDay(soci::session& s, std::int64_t program_id,
                                         std::int64_t day_id, bool with_slots) {
  long long pid = program_id;
  long long did = day_id;
  std::vector<ConsultationDay> days;
  ProgramDay found;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT d.id, d.program_id, d.day_date, d.start_minutes, d.end_minutes, "
                    "d.mode, d.venue, d.meeting_url, d.booths, d.slot_minutes, d.status, "
                    "d.moved_from, p.organization_id, p.name FROM consultation_day d JOIN "
                    "program p ON p.id = d.program_id WHERE d.id = :d AND p.id = :p",
       soci::use(did), soci::use(pid));
  for (const auto& r : rows) {
    days.push_back(ReadDay(r));
    found.org = GetInt(r, 12);
    found.program_name = GetText(r, 13);
  }
  if (days.empty()) return std::nullopt;
  if (with_slots) AttachSlots(s, days);
  found.day = std::move(days.front());
  return found;
}

std::int64_t InsertDayWithSlots(soci::session& s, std::int64_t program_id, core::Date date,
                                int start_minutes, int end_minutes,
                                std::optional<core::Date> moved_from, const DaySettings& settings,
                                std::int64_t now) {
  long long pid = program_id;
  long long at = now;
  std::string iso = core::ToIso(date);
  std::string moved = moved_from ? core::ToIso(*moved_from) : std::string();
  soci::indicator moved_ind = moved_from ? soci::i_ok : soci::i_null;
  long long day_id = 0;
  s << "INSERT INTO consultation_day (program_id, day_date, start_minutes, end_minutes, mode, "
       "venue, meeting_url, booths, slot_minutes, status, moved_from, created_at) VALUES (:p, "
       ":d, :s, :e, :m, :v, :u, :b, :sl, 'scheduled', :mv, :t) RETURNING id",
      soci::use(pid), soci::use(iso), soci::use(start_minutes), soci::use(end_minutes),
      soci::use(settings.mode), soci::use(settings.venue), soci::use(settings.meeting_url),
      soci::use(settings.booths), soci::use(settings.slot_minutes), soci::use(moved, moved_ind),
      soci::use(at), soci::into(day_id);
  for (auto [start, end] : SlotTimes(start_minutes, end_minutes, settings)) {
    s << "INSERT INTO consultation_slot (day_id, start_minutes, end_minutes, capacity, booked) "
         "VALUES (:d, :s, :e, :c, 0)",
        soci::use(day_id), soci::use(start), soci::use(end), soci::use(settings.booths);
  }
  return day_id;
}

}  // namespace tsunagu::consultations
