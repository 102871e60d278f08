// Server-side sessions (SECURITY.md rule 7): 256-bit random ids, stored hashed, idle and
// absolute expiry, a new id whenever the login stage changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "orgs/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::auth {

struct Session {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t organization_id = 0;
  std::string stage;  // password, enroll, full
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
  // When the password and a second-factor code were last entered in this session (the login
  // itself, or the confirmation page); 0: never.
  std::int64_t reauth_at = 0;
};

struct SessionPolicy {
  std::int64_t idle_seconds = std::int64_t{30} * 60;
  std::int64_t absolute_seconds = std::int64_t{12} * 3600;
  // A login step (password accepted, code pending) must finish quickly.
  std::int64_t pending_seconds = std::int64_t{10} * 60;
  // Creating API tokens or recovery codes needs the password and a code this recently.
  std::int64_t confirm_seconds = std::int64_t{5} * 60;
};

// A live session with its user and the user's memberships of active organisations.
struct SignedIn {
  Session session;
  orgs::UserMemberships user;
};

class SessionStore {
 public:
  SessionStore(storage::Database& db, const core::Clock& clock, SessionPolicy policy)
      : db_(db), clock_(clock), policy_(policy) {}

  // Creates a session inside the caller's transaction; returns the raw token for the cookie.
  std::string Create(soci::session& s, std::int64_t user_id, std::int64_t organization_id,
                     const std::string& stage);
  // Finds a live session by raw token, ending it when idle or past its absolute expiry, with
  // its user and the user's memberships read in the same statement (every signed-in request
  // needs all three).
  core::Result<std::optional<SignedIn>> FindSignedIn(const std::string& token);
  void Destroy(soci::session& s, std::int64_t session_id);
  void DestroyAllForUser(soci::session& s, std::int64_t user_id);
  // Records that the password and a code were just entered again in this session.
  void MarkConfirmed(soci::session& s, std::int64_t session_id);
  // Whether the session confirmed the password and a code within policy().confirm_seconds.
  bool RecentlyConfirmed(const Session& session) const;
  void SetOrganization(soci::session& s, std::int64_t session_id, std::int64_t org_id);
  const SessionPolicy& policy() const { return policy_; }

 private:
  // A session as read: nothing when it is idle or past its expiry (then ended), else the
  // session with its last_seen_at brought up to date when a minute has passed.
  core::Result<std::optional<Session>> Admit(Session session);

  storage::Database& db_;
  const core::Clock& clock_;
  SessionPolicy policy_;
};

}  // namespace tsunagu::auth
