// Individual consultation requests from the public form (issue 15, seed 002: 個別なご相談・ご依頼
// は依頼フォームより。当日、翌日にはお返事). Labels: "requests.<list>.<code>".
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tsunagu::requests {

// Who writes: the person, a family member, an employer about an employee, a supporter.
inline constexpr std::array<std::string_view, 5> kRequesterKinds = {"self", "family", "employer",
                                                                    "supporter", "other"};
// What the person lives with: がん, 難病, その他の病気.
inline constexpr std::array<std::string_view, 3> kConditionKinds = {"cancer", "intractable",
                                                                    "other"};
// What they would like: an online 面談, one in person, a telephone call, information.
inline constexpr std::array<std::string_view, 4> kWishes = {"online", "in_person", "phone",
                                                            "information"};
// What the request is about: an individual consultation, or starting a new cancer salon
// (seed 004: サポートセンターが支援、世話人の人選). Labels "requests.topic.<code>".
inline constexpr std::array<std::string_view, 2> kTopics = {"individual", "new_salon"};
// How a 面談 is held. Labels "requests.meeting_mode.<code>".
inline constexpr std::array<std::string_view, 2> kMeetingModes = {"online", "in_person"};

// Length limits of what people type (code points).
inline constexpr std::size_t kMaxMessage = 2000;
inline constexpr std::size_t kMaxReply = 4000;
inline constexpr std::size_t kMaxCloseReason = 200;
inline constexpr std::size_t kMaxMeetingPlace = 200;
inline constexpr std::size_t kMaxMeetingUrl = 500;

struct RequestInput {
  std::string requester_kind;
  std::string condition_kind;
  std::string wish;
  std::string name;
  std::string furigana;
  std::string phone;
  std::string email;
  std::string message;
  bool consent = false;              // agreed to the handling of personal information
  std::string lang = "ja";           // the pages' language: the reply mail follows it
  std::string topic = "individual";  // kTopics
};

// A 面談 as staff type it: mode (kMeetingModes), ISO date, "HH:MM" times, the place (in person)
// or the meeting link (online).
struct MeetingInput {
  std::string mode;
  std::string date;
  std::string start;
  std::string end;
  std::string place;
  std::string url;
};

// 支援へ移行: the person's consent and the client's details (from the request, or for an
// employer's request the employee's, entered by staff).
struct ToCaseInput {
  bool consent = false;
  std::string consent_method;  // sharing::kConsentMethods
  std::string name;
  std::string kana;
  std::string phone;
  std::string email;
};

struct ToCaseResult {
  std::int64_t client_id = 0;
  std::int64_t case_id = 0;
};

// What the queue shows: no name, no words of the person.
struct QueueRow {
  std::int64_t id = 0;
  std::string reference;
  std::string requester_kind;
  std::string condition_kind;
  std::string wish;
  std::int64_t received_at = 0;
  std::int64_t reply_due_at = 0;
  std::string status;  // open, replied, closed
  std::optional<std::int64_t> replied_at;
  bool overdue = false;  // still open past its deadline
  std::string topic;     // kTopics
  // The 面談: status "" (none), "set" or "cancelled".
  std::string meeting_status;
  std::string meeting_mode;
  std::string meeting_date;  // ISO
  int meeting_start = 0;     // minutes after midnight JST
  int meeting_end = 0;
  std::string meeting_place;
  int meeting_sequence = 0;
  std::int64_t client_id = 0;  // 支援へ移行: the client and case it became (0: not)
  std::int64_t case_id = 0;
};

// One request as its organisation's staff read it (the read is audited).
struct RequestView {
  QueueRow row;
  std::string name;
  std::string furigana;
  std::string phone;
  std::string email;
  std::string message;
  std::string reply;
  std::string closed_reason;
  std::string lang;
  std::string meeting_url;  // decrypted, staff pages only
  std::string consent_method;
  std::int64_t consented_at = 0;
};

// A fiscal year's figures of the organisation's requests (the yearly report's 相談依頼 line).
struct YearFigures {
  int fiscal_year = 0;
  int received = 0;
  int replied = 0;          // by e-mail or by phone
  int replied_in_time = 0;  // before the deadline
  int closed = 0;           // closed without a reply
  int open = 0;
  // By who asked (kRequesterKinds order).
  std::array<int, kRequesterKinds.size()> by_requester{};
  // By what they are about (kTopics order): new-salon requests are counted apart.
  std::array<int, kTopics.size()> by_topic{};
  int to_case = 0;  // became a client and a support case
};

struct Intake {
  bool enabled = false;
  int closes_at_minutes = 17 * 60;
};

// What the public form's done page tells the person.
struct Receipt {
  std::string reference;
  std::int64_t reply_due_at = 0;
};

}  // namespace tsunagu::requests
