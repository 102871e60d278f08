// Reading consultation days and their slots from rows: shared by the services of the
// consultations domain so every page sees a day the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "consultations/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// The columns ReadDay expects, in order (prefix them with a table alias when joining).
inline constexpr const char* kDayColumns =
    "id, program_id, day_date, start_minutes, end_minutes, mode, venue, meeting_url, booths, "
    "slot_minutes, status, moved_from";

// A day from a row whose first twelve columns are kDayColumns.
ConsultationDay ReadDay(const soci::row& r);

// A day of a programme, with the programme's host organisation and name.
struct ProgramDay {
  ConsultationDay day;
  std::int64_t org = 0;
  std::string program_name;
};

// The day when it belongs to the programme (its slots too when `with_slots`); nullopt for a
// missing day or another programme's.
std::optional<ProgramDay> LoadProgramDay(soci::session& s, std::int64_t program_id,
                                         std::int64_t day_id, bool with_slots);

// Inserts a scheduled day of the programme with its slots (SlotTimes of `settings`, each with
// `settings.booths` places); `moved_from` when it replaces a moved day. Returns the day's id.
// Generated, regenerated and hand-added days all go through here.
std::int64_t InsertDayWithSlots(soci::session& s, std::int64_t program_id, core::Date date,
                                int start_minutes, int end_minutes,
                                std::optional<core::Date> moved_from, const DaySettings& settings,
                                std::int64_t now);

// Loads the slots of the given days in one query.
void AttachSlots(soci::session& s, std::vector<ConsultationDay>& days);

}  // namespace tsunagu::consultations
