// Cancelling a booking from the link in the confirmation e-mail (no account): the token is
// the only key, the place goes back to the slot in the same transaction.
#pragma once

#include <cstdint>
#include <string>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// What the cancel page shows: when and where, nothing about the person.
struct CancelView {
  std::string reference;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string mode;
  std::string venue;
};

class BookingCancel {
 public:
  BookingCancel(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // kNotFound for an unknown token or a booking that is no longer active.
  core::Result<CancelView> FindByCancelToken(const std::string& token);
  // Cancels and gives the place back; answers the day whose place was freed, so the waiting
  // list can be offered it. Repeating it (double click, second tab) is harmless: a booking
  // already cancelled answers 0 without touching the slot again.
  core::Result<std::int64_t> CancelByToken(const std::string& token, const audit::Actor& actor);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

// Counts one public submission from `client_address` (login_throttle, key "book:"+hash).
// kRateLimited when more than `limit` fall within `window_seconds`.
core::Status CountPublicSubmission(storage::Database& db, std::int64_t now,
                                   const std::string& client_address, int limit = 20,
                                   int window_seconds = 600);
// The same count inside the caller's transaction (a booking counts in its own): over the limit
// it throws storage::Abort with kRateLimited "error.rate_limited", so nothing of the
// transaction stays (the count included: the window already holds the limit).
void CountPublicSubmissionIn(soci::session& s, std::int64_t now, const std::string& client_address,
                             int limit, int window_seconds);

}  // namespace tsunagu::consultations
