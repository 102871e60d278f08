// Pieces shared by the request service's files (request_service.cpp, request_meeting.cpp,
// request_to_case.cpp): the associated data of encrypted columns and the queue's columns.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

#include "auth/policy.hpp"
#include "requests/model.hpp"

namespace tsunagu::requests::rows {

inline std::string Ad(const std::string& reference, const char* column) {
  return "consultation_request:" + reference + ":" + column;
}

// The columns QueueRow is read from (ReadRow); a query may add its own after them.
inline constexpr const char* kQueueColumns =
    "id, reference, requester_kind, condition_kind, wish, received_at, reply_due_at, status, "
    "replied_at, topic, meeting_status, meeting_mode, meeting_date, meeting_start, meeting_end, "
    "meeting_place, meeting_sequence, client_id, case_id";
inline constexpr int kQueueColumnCount = 19;

QueueRow ReadRow(const soci::row& r, std::int64_t now);

// The caller's organisation when they may counsel there (NotFound thrown otherwise).
std::int64_t CounselOrg(const auth::Principal& who);

}  // namespace tsunagu::requests::rows
