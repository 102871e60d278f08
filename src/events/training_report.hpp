// The training report (seed 004 表6 and 表7) and the events' figures for the yearly report,
// counted from registrations and attendance as entered: no personal data.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "auth/policy.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "storage/database.hpp"

namespace tsunagu::events {

// One training as 表6 / 表7 print it.
struct TrainingLine {
  std::int64_t event_id = 0;
  core::Date date;
  std::string kind;
  std::string title;
  bool held_online = false;  // Web開催 (＊)
  int new_trainees = 0;  // follow-up trainings: 新規養成者 among those who attended (＊＊)
  int attended = 0;      // everyone who attended (表7 参加人数)
  std::map<std::string, int> by_column;  // 表6: peer, medical_staff, government
};

struct TrainingReport {
  core::Date from;
  core::Date to;
  std::vector<TrainingLine> trainings;  // 表6: 養成研修会 and フォローアップ研修会, by date
  std::vector<TrainingLine> organiser;  // 表7: 企画・運営者研修会, by date
};

// The caller's organisation's trainings held (not cancelled) between from and to; staff of the
// organisation (admin, coordinator, counselor).
core::Result<TrainingReport> BuildTrainingReport(storage::Database& db, const auth::Principal& who,
                                                 core::Date from, core::Date to);

// The events part of the yearly report (the lead engineer's report assembles it).
struct AttendanceFigures {
  int fiscal_year = 0;
  int events_held = 0;                        // not cancelled, dated in the fiscal year
  std::map<std::string, int> events_by_kind;  // kind code → events held
  int registered = 0;                         // registrations holding a place
  int attended = 0;                           // registrations attended plus walk-ins
  int walk_ins = 0;
  std::map<std::string, int> registered_by_type;  // participant type → registrations
  std::map<std::string, int> attended_by_type;
  std::map<std::string, int> registered_by_mode;  // venue / online
  std::map<std::string, int> attended_by_mode;
  int people_identified = 0;    // distinct people known by e-mail or phone (blind index)
  int repeat_participants = 0;  // of them, registered for two events or more
};

// For one organisation and fiscal year (April to March). People are told apart by the keyed
// blind index of their e-mail (event_registration.email_bidx), else of their phone; never by
// name. No access check: the caller (the report) decides who may see the figures.
core::Result<AttendanceFigures> AttendanceYearFigures(storage::Database& db,
                                                      std::int64_t organization_id,
                                                      int fiscal_year);

}  // namespace tsunagu::events
