// Append-only audit log, chained with a key from the key file (SECURITY.md rule 4): each event's
// hash is keyed BLAKE2b over its fields and its predecessor's hash, so someone who can write to
// the database but has no key file cannot change, insert or remove an event and recompute the
// chain. Events written before the chain was keyed keep their plain SHA-256 hashes; the first
// start of a keyed version seals them with a keyed event ("audit.chain_keyed").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "crypto/secret_key.hpp"
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

// An event waiting to be appended, with its actor and time.
struct PendingEvent {
  Actor actor;
  Event event;
  std::int64_t now = 0;
};

// How the read events of this process have been appended (AppendRead), for tests and metrics.
struct ReadGroupStats {
  std::int64_t events = 0;        // appended
  std::int64_t transactions = 0;  // that appended them
  std::int64_t waiting = 0;       // events waiting for the append under way to end
  bool appending = false;         // an append is under way
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

// The plain SHA-256 of one event and its predecessor's hash: how events were chained before the
// key (exposed for tests, which play someone rewriting the log without the key).
std::string ChainHash(const StoredEvent& e);
// The keyed hash of one event: "k1." and the hex of keyed BLAKE2b-256 over the same fields.
std::string KeyedChainHash(const StoredEvent& e, const crypto::SecretKey& key);
// The chain key of a key file (crypto_kdf from its blind-index key, context "tsaudit1").
crypto::SecretKey ChainKey(const crypto::Keyring& keyring);

class AuditLog {
 public:
  // Appends inside the caller's transaction, so the event commits or rolls back with the
  // change it describes (habit 4). Must run inside storage::Database::Write of a database
  // with a chain key (throws std::logic_error otherwise, which rolls the change back).
  static void Append(soci::session& s, const Actor& actor, const Event& event, std::int64_t now);
  // The same for several events, in order, in one turn of the chain head's lock.
  static void AppendAll(soci::session& s, const std::vector<PendingEvent>& events);
  // Audits a read that changed nothing, in a write transaction of its own (so never call it
  // inside a Database::Write body), and returns once the event is committed (the caller shows
  // what was read only then; an error means it must not).
  // The read events of concurrent requests of this process share one transaction: on
  // PostgreSQL the chain head's row lock is held from an append to its commit, and audited
  // pages queued there one at a time. SQLite's write group shares the commit already.
  static core::Status AppendRead(storage::Database& db, const Actor& actor, const Event& event,
                                 std::int64_t now);
  static ReadGroupStats ReadStats(const storage::Database& db);
  // When the newest event still has a plain hash (a log written before the chain was keyed),
  // appends "audit.chain_keyed", whose keyed hash covers the plain chain before it. Run at
  // start-up; does nothing on a keyed or empty log.
  static core::Status SealUnkeyedChain(storage::Database& db, std::int64_t now);

  // The organisation's own staff's events and every event of another organisation's actor
  // about a record the organisation holds (a client it registered, a case it runs, a
  // referral it sent or received), newest first; with `others_only`, only the latter.
  static core::Result<std::vector<StoredEvent>> ListForOrganization(storage::Database& db,
                                                                    std::int64_t organization_id,
                                                                    std::int64_t before_seq,
                                                                    int limit,
                                                                    bool others_only = false);
  // Checks every event with the database's chain key (Database::SetChainKey): each link,
  // each hash, no gap, the head; plain hashes only before the first keyed event, and the
  // newest event keyed.
  static core::Result<VerifyReport> Verify(storage::Database& db);
};

}  // namespace tsunagu::audit
