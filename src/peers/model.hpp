// Peer supporters (ピア・サポーター, issue 15, seed 004): people who lived through cancer and
// support others at salons, おしゃべり相談室, the hotline, and as 語り手. They have no login; the
// coordinating organisation keeps the registry. Only the display name is ever public; real
// name and contact are encrypted and read by that organisation's staff, each read audited.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/wareki.hpp"

namespace tsunagu::peers {

// Labels "peers.activity.<code>": サロン, おしゃべり相談室, ホットライン, 語り手.
inline constexpr std::array<std::string_view, 4> kActivities = {"salon", "talk", "hotline",
                                                                "storyteller"};
// 活動中・休止. Labels "peers.status.<code>".
inline constexpr std::array<std::string_view, 2> kStatuses = {"active", "paused"};
// 養成研修・フォローアップ研修. Labels "peers.training.<code>".
inline constexpr std::array<std::string_view, 2> kTrainingKinds = {"basic", "follow_up"};
// おしゃべり相談室 (a peer_talk event) or the hotline. Labels "peers.shift_kind.<code>".
inline constexpr std::array<std::string_view, 2> kShiftKinds = {"peer_talk", "hotline"};
// 緩和ケア研修会・講演会・学術大会・養成研修会・その他. Labels "peers.destination.<code>".
inline constexpr std::array<std::string_view, 5> kDestinationKinds = {
    "palliative_training", "lecture", "academic", "peer_training", "other"};
// 語り手・ファシリテーター. Labels "peers.role.<code>".
inline constexpr std::array<std::string_view, 2> kRoles = {"storyteller", "facilitator"};

template <std::size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view code) {
  for (auto c : list) {
    if (c == code) return true;
  }
  return false;
}

struct PeerInput {
  std::string display_name;  // the only thing ever public
  std::string real_name;     // encrypted
  std::string phone;         // encrypted
  std::string email;         // encrypted
  std::string address;       // encrypted
  std::string area;
  std::string consent_date;  // ISO: the day they agreed to be registered
  std::vector<std::string> activities;
  std::int64_t salon_id = 0;  // the salon they are active at (0: none)
  std::string status = "active";
};

struct Training {
  std::int64_t id = 0;
  std::string kind;
  core::Date completed_on;
  std::int64_t event_id = 0;  // a training_* event, when it was one of ours
};

struct Shift {
  std::int64_t id = 0;
  std::int64_t peer_id = 0;
  std::string peer_display_name;
  std::string kind;
  std::int64_t event_id = 0;  // the peer_talk event
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
};

struct ShiftInput {
  std::string kind;
  std::int64_t event_id = 0;
  std::string date;
  int start_minutes = -1;
  int end_minutes = -1;
};

struct Dispatch {
  std::int64_t id = 0;
  core::Date date;
  std::string destination_kind;
  std::string destination_name;
  std::string role;
  std::string notes;
};

struct DispatchInput {
  std::string date;
  std::string destination_kind;
  std::string destination_name;
  std::string role;
  std::string notes;
};

struct TrainingInput {
  std::string kind;
  std::string date;
  std::int64_t event_id = 0;
};

// A registry row: what the staff list shows (no decryption).
struct PeerSummary {
  std::int64_t id = 0;
  std::string display_name;
  std::string area;
  std::vector<std::string> activities;
  std::string status;
  int trainings = 0;
};

// One peer as the keeping organisation's staff see it (decrypted; the read is audited).
struct Peer : PeerInput {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::vector<Training> trainings;
  std::vector<Shift> shifts;
  std::vector<Dispatch> dispatches;
};

}  // namespace tsunagu::peers
