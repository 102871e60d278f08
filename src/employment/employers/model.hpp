// Employers (事業所) and their job openings (求人), issue 16, seeds 000 and 002: records kept by an
// employment-support organisation. Codes are stored (0027_employment.sql); labels live in
// ja/en.employers.toml.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::employment::employers {

// 日本標準産業分類 major groups. Labels "employers.industry.<code>".
inline constexpr std::array<std::string_view, 20> kIndustries = {"A", "B", "C", "D", "E", "F", "G",
                                                                 "H", "I", "J", "K", "L", "M", "N",
                                                                 "O", "P", "Q", "R", "S", "T"};
// Labels "employers.size.<code>".
inline constexpr std::array<std::string_view, 5> kSizeBands = {"1-9", "10-49", "50-299", "300-999",
                                                               "1000+"};
// What the employer offers to keep a person with an illness at work. Labels
// "employers.practice.<code>".
inline constexpr std::array<std::string_view, 8> kPractices = {
    "ryoritsu_system", "short_hours",   "staggered_hours",      "telework",
    "hospital_leave",  "leave_by_hour", "industrial_physician", "consultation_desk"};
// Labels "employers.employment_type.<code>".
inline constexpr std::array<std::string_view, 6> kEmploymentTypes = {
    "regular", "contract", "part_time", "disability_quota", "dispatch", "other"};
inline constexpr std::array<std::string_view, 2> kWageKinds = {"hourly", "monthly"};

template <std::size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view code) {
  for (auto c : list) {
    if (c == code) return true;
  }
  return false;
}

struct EmployerInput {
  std::string name;
  std::string furigana;
  std::string industry;
  std::string size_band;
  std::string municipality;
  std::string address;
  std::vector<std::string> practices;
  std::string attitude_note;  // encrypted at rest
  bool share_partners = false;
  int version = 0;  // the version the form was read at (updates only)
};

struct Employer : EmployerInput {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::string status;  // active | archived
  bool own = false;    // the reader's organisation keeps it (may edit, sees the contacts)
  int open_openings = 0;
};

struct EmployerQuery {
  std::string text;  // name and ふりがな, kana folded
  std::string industry;
  std::string municipality;
  std::string practice;
  bool archived = false;  // archived ones instead of active ones
  int page = 1;
};
inline constexpr int kPageSize = 20;

struct EmployerPage {
  std::vector<Employer> rows;
  int total = 0;
  int page = 1;
};

// A person to contact at the employer (人事・産業保健スタッフ…): every field encrypted.
struct ContactInput {
  std::string name;
  std::string role;
  std::string phone;
  std::string email;
};
struct Contact : ContactInput {
  std::int64_t id = 0;
};

struct OpeningInput {
  std::int64_t employer_id = 0;
  std::string title;
  std::string duties;
  std::string municipality;
  std::string work_place;
  std::optional<int> start_minutes;
  std::optional<int> end_minutes;
  std::optional<int> weekly_days;
  std::optional<int> weekly_hours;
  std::string hours_note;
  bool short_hours = false;
  bool staggered_hours = false;
  bool telework = false;
  bool hospital_leave = false;
  std::string wage_kind = "hourly";
  std::optional<int> wage_min;
  std::optional<int> wage_max;
  std::string employment_type;
  std::string valid_until;  // ISO date, empty: no end
  bool published = false;
  int version = 0;
  // Fields the form could not read (a time that is not HH:MM, a number that is not one):
  // reported as field errors.
  std::vector<std::string> unreadable;
};

struct Opening : OpeningInput {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string employer_name;
  std::string employer_practices;  // the employer's codes, comma separated
  std::string status;              // open | closed
  bool expired = false;            // valid_until is before today
  bool own = false;
};

struct OpeningQuery {
  std::string state;  // "" any, "open" (open and not expired), "closed", "expired"
  std::string municipality;
  std::string employment_type;
  bool short_hours = false;
  bool telework = false;
  std::string valid_on;  // ISO date: valid (no end or ending on/after it)
  std::int64_t employer_id = 0;
  std::optional<int> max_weekly_hours;
};

}  // namespace tsunagu::employment::employers
