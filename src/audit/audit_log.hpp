// Append-only, hash-chained audit log (SECURITY.md rule 4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::audit {

// Who acts and from where; built once per request and passed to services.
struct Actor {
  std::int64_t user_id = 0;          // 0: anonymous or the system
  std::int64_t organization_id = 0;  // 0: no organisation context
  std::string ip;
  std::string request_id;
};

struct Event {
  std::string action;       // e.g. "user.login", "membership.create"
  std::string target_type;  // e.g. "user", "organization"
  std::string target_id;
  std::string detail;  // short JSON; never personal data (names, contacts, free text)
  std::int64_t organization_id = -1;  // -1: use the actor's organisation
};

struct StoredEvent {
  std::int64_t seq = 0;
  std::int64_t occurred_at = 0;
  std::int64_t actor_user_id = 0;
  std::int64_t organization_id = 0;
  std::string action, target_type, target_id, ip, request_id, detail, prev_hash, hash;
};

struct VerifyReport {
  bool ok = true;
  std::int64_t events_checked = 0;
  std::int64_t first_broken_seq = 0;  // 0 when ok
  std::string problem;                // for the operator; no personal data
};

// The hash of one event given its predecessor's hash (exposed for tests).
std::string ChainHash(const StoredEvent& e);

class AuditLog {
 public:
  // Appends inside the caller's transaction, so the event commits or rolls back with the
  // change it describes (habit 4).
  static void Append(soci::session& s, const Actor& actor, const Event& event, std::int64_t now);

  // The organisation's own staff's events and every event of another organisation's actor
  // about a record the organisation holds (a client it registered, a case it runs, a
  // referral it sent or received), newest first; with `others_only`, only the latter.
  static core::Result<std::vector<StoredEvent>> ListForOrganization(storage::Database& db,
                                                                    std::int64_t organization_id,
                                                                    std::int64_t before_seq,
                                                                    int limit,
                                                                    bool others_only = false);
  static core::Result<VerifyReport> Verify(storage::Database& db);
};

}  // namespace tsunagu::audit
