// One-stop consultation days (seeds 000 and 001): programmes, days, slots and bookings.
// Code lists are stored as codes; their labels live in the catalogues (ja/en.booking.toml).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/wareki.hpp"

namespace tsunagu::consultations {

inline constexpr std::array<std::string_view, 3> kDayModes = {"in_person", "phone", "online"};
inline constexpr std::array<std::string_view, 4> kChannels = {"web", "phone", "mail", "walk_in"};

// Intake of seed 001 別表 (FORMS.md). Labels: "intake.<list>.<code>".
inline constexpr std::array<std::string_view, 4> kGenders = {"female", "male", "other",
                                                             "no_answer"};
inline constexpr std::array<std::string_view, 7> kAgeBands = {"under20", "20s", "30s",   "40s",
                                                              "50s",     "60s", "70plus"};
// Whose municipality the person gave: seed 001 対象者 県内に住所又は勤務地を有する方.
inline constexpr std::array<std::string_view, 2> kMunicipalityKinds = {"residence", "workplace"};
inline constexpr std::array<std::string_view, 8> kHeardFrom = {
    "hospital",  "leaflet",  "prefecture",   "website",
    "newspaper", "employer", "acquaintance", "other"};
// ①治療開始前 ②治療中 ③経過観察中
inline constexpr std::array<std::string_view, 3> kTreatmentStatuses = {"before", "during",
                                                                       "follow_up"};
// 別表: 就労中・休職中; DOMAIN.md adds 離職中・求職中.
inline constexpr std::array<std::string_view, 4> kWorkStatuses = {"employed", "on_leave",
                                                                  "left_job", "job_seeking"};
// 相談したい事項 ①–⑦ (several may apply).
inline constexpr std::array<std::string_view, 7> kTopics = {
    "illness", "symptoms", "work", "finances", "medical_relationship", "peer_experience", "other"};

template <std::size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view code) {
  for (auto c : list) {
    if (c == code) return true;
  }
  return false;
}

struct Program {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string name;
  std::string description;
  std::string status;
  bool published = false;  // bookable on the public pages (the 事務局 publishes it)
};

struct Target {
  int fiscal_year = 0;
  int consultations = 0;
  int placements = 0;
  int days = 0;
};

// Settings shared by the days generated from one rule.
struct DaySettings {
  std::string mode = "in_person";
  std::string venue;
  std::string meeting_url;
  int booths = 2;
  int slot_minutes = 45;     // seed 001: about 45 minutes in person, 30 by phone or online
  int prep_minutes = 15;     // the prep meeting before the first consultation
  int debrief_minutes = 15;  // the debrief after the last one
};

struct Slot {
  std::int64_t id = 0;
  std::int64_t day_id = 0;
  int start_minutes = 0;
  int end_minutes = 0;
  int capacity = 0;
  int booked = 0;
  int Free() const { return capacity - booked; }
};

struct ConsultationDay {
  std::int64_t id = 0;
  std::int64_t program_id = 0;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string mode;
  std::string venue;
  std::string meeting_url;
  int booths = 0;
  int slot_minutes = 0;
  std::string status;
  std::optional<core::Date> moved_from;
  std::vector<Slot> slots;  // filled by the queries that need them
};

// The status people read for a day: a scheduled day before today was held (開催済み), not
// 開催予定. Labels "days.status.<code>".
inline std::string DayStatusCode(const ConsultationDay& day, const core::Date& today) {
  return day.status == "scheduled" && day.date < today ? "held" : day.status;
}

// The staff page of one day (the day's board), the link staff e-mails give.
inline std::string DayBoardPath(std::int64_t program_id, std::int64_t day_id) {
  return "/programs/" + std::to_string(program_id) + "/days/" + std::to_string(day_id);
}

struct Intake {
  bool for_family = false;
  std::string relationship;  // 続柄 when a family member books
  std::string gender;
  std::string age_band;
  std::string municipality;
  std::string heard_from;
  std::string treatment_status;
  std::string work_status;
  std::vector<std::string> topics;
  // Whose municipality it is: "residence" (住所地) or "workplace" (勤務地, for a person who
  // works in the prefecture but lives outside it; seed 001 県内に住所又は勤務地). Last, so
  // that brace-initialised intakes keep their meaning.
  std::string municipality_kind = "residence";
};

// What identifies the person: encrypted at rest, never in logs or staff notices.
struct Contact {
  std::string name;
  std::string furigana;
  std::string phone;
  std::string email;
  std::string diagnosis;
  std::string notes;
};

struct BookingRequest {
  std::int64_t slot_id = 0;
  std::string channel = "web";
  Intake intake;
  Contact contact;
  bool consent = false;     // agreed to the handling of personal information
  std::string lang = "ja";  // the pages' language: the person's later e-mails follow it
};

// "en" for English, else "ja": the languages people's e-mails are written in.
inline std::string PersonLanguage(const std::string& lang) {
  return lang == "en" ? "en" : "ja";
}

struct BookingReceipt {
  std::int64_t booking_id = 0;
  std::string reference;     // shown to the person, e.g. "TS-7K3M-9QXA"
  std::string cancel_token;  // only in the confirmation e-mail's link
};

// Slot times for a day: after the prep meeting, back to back, ending before the debrief.
std::vector<std::pair<int, int>> SlotTimes(int start_minutes, int end_minutes,
                                           const DaySettings& settings);

}  // namespace tsunagu::consultations
