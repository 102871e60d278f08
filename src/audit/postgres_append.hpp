// The audit chain's append on PostgreSQL, inside audit/ only (audit_log.cpp, read_group.cpp).
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "crypto/secret_key.hpp"

namespace tsunagu::audit::detail {

// The chain's head: the last event's number and hash.
struct ChainHead {
  long long seq = 0;
  std::string hash;
  bool operator==(const ChainHead&) const = default;
};

// Inside a write transaction: takes the head's row lock (held to the commit, so concurrent
// appends queue), then writes every event, each one's holders and the new head in one
// statement. Returns the head the events leave (valid once the transaction commits).
ChainHead AppendPostgresLocked(soci::session& s, const crypto::SecretKey& key,
                               const std::vector<PendingEvent>& events);

// Outside a transaction, one statement: the events are written after `expected` only if the
// head is still `expected` (a compare-and-set on its row); nothing is written when another
// append moved it since. Returns the head the events left, or nullopt when nothing was
// written.
std::optional<ChainHead> AppendPostgresOnHead(soci::session& s, const crypto::SecretKey& key,
                                              const std::vector<PendingEvent>& events,
                                              const ChainHead& expected);

// The head that `events` appended after `from` leave (computed, nothing read or written).
ChainHead HeadAfter(const crypto::SecretKey& key, const std::vector<PendingEvent>& events,
                    const ChainHead& from);

// The head as it is now.
ChainHead ReadHead(soci::session& s);

}  // namespace tsunagu::audit::detail
