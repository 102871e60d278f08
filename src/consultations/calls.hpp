// Calls on 電話 / オンライン days (seed 001 別紙: 相談従事者が予約時間に相談者へ電話) and the
// walk-ins guided to another window (seed 001: 適切な相談窓口への誘導). The actions are members
// of DayBoardService (declared in day_board.hpp, written in calls.cpp and walk_ins.cpp); these
// are the board's readers and the report's counts. Internal to the consultations domain.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

#include "consultations/day_board.hpp"

namespace tsunagu::consultations {

// Fills each booking's calls (unanswered tries, the last call) and whether it ended 連絡つかず.
void AttachCalls(soci::session& s, DayBoard& board);

// Fills the day's walk-ins guided elsewhere, oldest first.
void AttachGuided(soci::session& s, DayBoard& board);

// Walk-ins guided to another window on the programme's days between `first` and `last`
// (ISO dates, inclusive; cancelled days left out): for the yearly report.
std::int64_t CountGuidedElsewhere(soci::session& s, std::int64_t program_id,
                                  const std::string& first, const std::string& last);

}  // namespace tsunagu::consultations
