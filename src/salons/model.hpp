// Cancer salons (がんサロン, issue 15, seed 004): places where patients and families meet, hosted
// by a hospital or a patient group and run by 世話人, kept in one directory by the coordinating
// organisation (the support centre). Codes are stored; labels live in ja/en.salons.toml.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "consultations/schedule_rule.hpp"
#include "core/wareki.hpp"

namespace tsunagu::salons {

// Labels "salons.host_kind.<code>".
inline constexpr std::array<std::string_view, 3> kHostKinds = {"hospital", "patient_group",
                                                               "other"};
// 開催中・休止中・閉鎖. A paused or closed salon has no meetings ahead. Labels
// "salons.status.<code>".
inline constexpr std::array<std::string_view, 3> kStatuses = {"active", "paused", "closed"};
// What a meeting on a holiday does. Labels "salons.holiday.<code>".
inline constexpr std::array<std::string_view, 3> kHolidayPolicies = {"skip", "next", "previous"};
// How far ahead meetings are on the calendar.
inline constexpr int kMonthsAhead = 6;

// What the coordinating organisation's staff type. 世話人 appear by role only
// (代表世話人・ピアサポーター), never by name: the page is public.
struct SalonInput {
  std::string name;
  std::string furigana;
  std::string host_kind = "hospital";
  std::string host_name;
  std::string caretaker_roles;
  consultations::ScheduleRule rule;
  std::string venue;
  std::string access;
  std::string municipality;  // 市町村, the area filter
  std::string audience;      // who may come
  std::string network;       // the salon network it belongs to (empty: none)
  std::string contact;       // the salon's public contact
  int capacity = 0;          // places per meeting for registration; 0: no registration
  std::string status = "active";
};

struct Salon : SalonInput {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::int64_t updated_at = 0;
};

// One meeting on the calendar (a community_event of kind salon_meeting).
struct Meeting {
  std::int64_t event_id = 0;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string status;  // published or cancelled
};

// The public list's filters.
struct SalonQuery {
  std::string text;          // searched in name, ふりがな, host and municipality, kana folded
  std::string municipality;  // exact, empty: any
  std::string network;       // exact, empty: any
};

// "skip" | "next" | "previous" ↔ HolidayPolicy.
std::string HolidayCode(consultations::HolidayPolicy policy);
consultations::HolidayPolicy HolidayPolicyOf(std::string_view code);

template <std::size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view code) {
  for (auto c : list) {
    if (c == code) return true;
  }
  return false;
}

}  // namespace tsunagu::salons
