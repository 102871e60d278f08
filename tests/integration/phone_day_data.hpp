// The world of the phone-day, hand-off and walk-in tests (issue 14): a prefecture office
// running a consultation day, two counselors (one assigned to the booking), an 産業保健総合
// 支援センター with a 両立支援促進員, and a stranger organisation.
#pragma once

#include <cstdint>
#include <string>

#include "core/wareki.hpp"
#include "harness.hpp"

namespace tsunagu::testing {

inline constexpr const char* kPersonName = "電話 花子";
inline constexpr const char* kPersonPhone = "09012345678";

struct CallDayWorld {
  std::int64_t office = 0;  // the host organisation (prefecture)
  std::int64_t centre = 0;  // 産業保健総合支援センター
  std::int64_t stranger = 0;
  std::int64_t coordinator = 0;
  std::int64_t nurse = 0;  // assigned to the booking
  std::int64_t program = 0;
  std::int64_t day = 0;
  std::int64_t booking = 0;
  core::Date date;
  std::string coordinator_email = "jimu@office.test";
  std::string nurse_email = "kango@office.test";
  std::string other_nurse_email = "kango2@office.test";  // rostered, not assigned
  std::string promoter_email = "sokushin@centre.test";
  std::string stranger_email = "jimu@stranger.test";
  std::string board;  // the day's board
  std::string booking_path;
};

// A day of `mode` ("phone", "online", "in_person") two days after the test clock's today,
// 18:00–20:00, with one booking assigned to the nurse.
CallDayWorld BuildCallDay(TestServer& t, const std::string& mode = "phone");

// The clock on the day at `minutes` after midnight (JST).
void AtDay(TestServer& t, const CallDayWorld& w, int minutes);

std::int64_t CountRows(TestServer& t, const std::string& sql);

}  // namespace tsunagu::testing
