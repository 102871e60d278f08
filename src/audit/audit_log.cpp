#include "audit/audit_log.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "audit/postgres_append.hpp"
#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::audit {
namespace {

constexpr char kSep = '\x1f';  // unit separator: cannot appear in the fields we write
constexpr std::string_view kKeyedPrefix = "k1.";

bool IsKeyed(const std::string& hash) {
  return hash.rfind(kKeyedPrefix, 0) == 0;
}

// What both hashes cover: the predecessor's hash and every field of the event.
std::string ChainMessage(const StoredEvent& e) {
  std::string m;
  m.reserve(256);
  for (const std::string& part :
       {e.prev_hash, std::to_string(e.seq), std::to_string(e.occurred_at),
        std::to_string(e.actor_user_id), std::to_string(e.organization_id), e.action, e.target_type,
        e.target_id, e.ip, e.request_id, e.detail}) {
    m += part;
    m += kSep;
  }
  return m;
}

StoredEvent ReadRow(const soci::row& r) {
  StoredEvent e;
  e.seq = storage::GetInt(r, 0);
  e.occurred_at = storage::GetInt(r, 1);
  e.actor_user_id = storage::GetInt(r, 2);
  e.organization_id = storage::GetInt(r, 3);
  e.action = storage::GetText(r, 4);
  e.target_type = storage::GetText(r, 5);
  e.target_id = storage::GetText(r, 6);
  e.ip = storage::GetText(r, 7);
  e.request_id = storage::GetText(r, 8);
  e.detail = storage::GetText(r, 9);
  e.prev_hash = storage::GetText(r, 10);
  e.hash = storage::GetText(r, 11);
  return e;
}

constexpr const char* kColumns =
    "seq, occurred_at, actor_user_id, organization_id, action, target_type, target_id, ip, "
    "request_id, detail, prev_hash, hash";

// The organisations holding the record an event is about, two columns of one row: the one that
// registered a client (twice), the one running a case and the client's, both ends of a referral.
// nullptr for a record no organisation holds in this sense.
const char* HoldersSql(const std::string& type) {
  if (type == "client") return "SELECT organization_id, organization_id FROM client WHERE id = :id";
  if (type == "support_case") {
    return "SELECT k.organization_id, c.organization_id FROM support_case k JOIN client c ON c.id "
           "= k.client_id WHERE k.id = :id";
  }
  if (type == "case_form") {
    return "SELECT k.organization_id, c.organization_id FROM case_form f JOIN support_case k ON "
           "k.id = f.case_id JOIN client c ON c.id = k.client_id WHERE f.id = :id";
  }
  if (type == "referral") return "SELECT from_org_id, to_org_id FROM referral WHERE id = :id";
  return nullptr;
}

std::vector<long long> HoldersOf(soci::session& s, const std::string& type, long long id) {
  std::vector<long long> out;
  const char* sql = HoldersSql(type);
  if (sql == nullptr) return out;
  soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(id));
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < r.size(); ++i) out.push_back(storage::GetInt(r, i));
  }
  return out;
}

// The record's id for HoldersSql, or 0 when the event's target is not a record id.
long long HolderTarget(const Event& event) {
  long long target = 0;
  const auto [end, ec] = std::from_chars(event.target_id.data(),
                                         event.target_id.data() + event.target_id.size(), target);
  const bool whole = ec == std::errc() && end == event.target_id.data() + event.target_id.size();
  return whole && target > 0 && HoldersSql(event.target_type) != nullptr ? target : 0;
}

// SECURITY.md rule 4: the organisation holding a record sees every access to it by others.
// An event by another organisation's actor about a held record is linked to each holder.
// The organisations other than the actor's whose records the event touches (audit_holder). On
// SQLite, read before the head's row is written; PostgreSQL reads them in the statement that
// writes the event (Append).
std::vector<long long> HoldersToLink(soci::session& s, const Event& event,
                                     long long organization_id) {
  std::vector<long long> linked;
  const long long target = HolderTarget(event);
  if (target == 0) return linked;
  for (long long holder : HoldersOf(s, event.target_type, target)) {
    if (holder == 0 || holder == organization_id) continue;
    if (std::find(linked.begin(), linked.end(), holder) != linked.end()) continue;
    linked.push_back(holder);
  }
  return linked;
}

void LinkHolders(soci::session& s, const std::vector<long long>& holders, long long seq) {
  for (long long holder : holders) {
    long long h = holder;
    long long at = seq;
    s << "INSERT INTO audit_holder (organization_id, seq) VALUES (:o, :s)", soci::use(h),
        soci::use(at);
  }
}

}  // namespace

std::string ChainHash(const StoredEvent& e) {
  return crypto::Sha256Hex(ChainMessage(e));
}

std::string KeyedChainHash(const StoredEvent& e, const crypto::SecretKey& key) {
  const std::string m = ChainMessage(e);
  unsigned char mac[crypto_generichash_BYTES];
  crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(m.data()), m.size(),
                     key.data(), crypto::SecretKey::kSize);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string(kKeyedPrefix) + hex;
}

crypto::SecretKey ChainKey(const crypto::Keyring& keyring) {
  return keyring.DeriveKey(1, "tsaudit1");
}

namespace {

using detail::ChainHead;

// The chained fields of one event at `seq`, its hash still to be set.
StoredEvent Chained(const PendingEvent& p, long long seq) {
  StoredEvent e;
  e.seq = seq;
  e.occurred_at = p.now;
  e.actor_user_id = p.actor.user_id;
  e.organization_id =
      p.event.organization_id >= 0 ? p.event.organization_id : p.actor.organization_id;
  e.action = p.event.action;
  e.target_type = p.event.target_type;
  e.target_id = p.event.target_id;
  e.ip = p.actor.ip;
  e.request_id = p.actor.request_id;
  e.detail = p.event.detail.empty() ? "{}" : p.event.detail;
  return e;
}

constexpr const char* kInsertEvent =
    "INSERT INTO audit_event (seq, occurred_at, actor_user_id, organization_id, action, "
    "target_type, target_id, ip, request_id, detail, prev_hash, hash) VALUES ";

// One event's row as bound values: each placeholder gets its own variable, kept in place while
// the statement runs.
struct BoundEvent {
  StoredEvent e;
  long long seq = 0, occurred = 0, actor_id = 0, org_id = 0;
  soci::indicator actor_ind = soci::i_null, org_ind = soci::i_null;
  long long holder_seq = 0, target = 0, actor_org = 0;
};

// PostgreSQL: one statement writes every event, each one's holders (found inside it) and the
// new head, after the head `first - 1` whose hash is `prev`. Locked: the caller holds the
// head's row lock (AppendPostgresLocked), the events are plain VALUES and the statement sets
// the new head's hash. Guarded: the statement itself moves the head, only if it is still
// `expected` (AppendPostgresOnHead); the events and holders are written only if it did, and
// the statement answers how many heads it moved (1 or 0).
struct PostgresAppend {
  std::vector<BoundEvent> rows;           // sized once: bound addresses stay valid
  std::vector<BoundEvent*> holder_order;  // the events in the order their holders are bound
  std::string sql;
  ChainHead head;  // what the events leave
};

void BuildPostgresAppend(PostgresAppend& a, const crypto::SecretKey& key,
                         const std::vector<PendingEvent>& events, long long first, std::string prev,
                         bool guarded) {
  a.rows.resize(events.size());
  std::string values;
  for (std::size_t i = 0; i < events.size(); ++i) {
    BoundEvent& b = a.rows[i];
    b.e = Chained(events[i], first + static_cast<long long>(i));
    b.e.prev_hash = prev;
    b.e.hash = KeyedChainHash(b.e, key);
    prev = b.e.hash;
    b.seq = b.e.seq;
    b.occurred = b.e.occurred_at;
    b.actor_id = b.e.actor_user_id;
    b.org_id = b.e.organization_id;
    b.actor_ind = b.actor_id != 0 ? soci::i_ok : soci::i_null;
    b.org_ind = b.org_id != 0 ? soci::i_ok : soci::i_null;
    b.holder_seq = b.seq;
    b.actor_org = b.e.organization_id;
    b.target = HolderTarget(events[i].event);
    const std::string k = std::to_string(i);
    values += (i == 0 ? "(" : ", (");
    // The numbers are cast: in a SELECT from VALUES (guarded) PostgreSQL cannot take their
    // types from the target's columns.
    for (const char* name : {"seq", "at", "actor", "org"}) {
      values += std::string("CAST(:") + name + k + " AS BIGINT), ";
    }
    for (const char* name : {"action", "ttype", "tid", "ip", "rid", "detail", "prev"}) {
      values += std::string(":") + name + k + ", ";
    }
    values += ":hash" + k + ")";
  }
  a.head = {first + static_cast<long long>(events.size()) - 1, prev};
  const char* only_if_moved = guarded ? " WHERE EXISTS (SELECT 1 FROM head)" : "";
  // Each event's holders, for each kind of record among them in one part of the statement (an
  // audited page's events are mostly of one kind): both columns of the record's one row, each
  // once, but not the actor's own organisation (a missing one, NULL, compares to nothing and
  // is left out).
  std::vector<std::string> kinds;
  for (const BoundEvent& b : a.rows) {
    if (b.target != 0 && std::find(kinds.begin(), kinds.end(), b.e.target_type) == kinds.end()) {
      kinds.push_back(b.e.target_type);
    }
  }
  std::string holders;
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    std::string lookup = HoldersSql(kinds[k]);
    lookup.replace(lookup.find(":id"), 3, "v.id");
    std::string list;
    for (BoundEvent& b : a.rows) {
      if (b.target == 0 || b.e.target_type != kinds[k]) continue;
      const std::string i = std::to_string(a.holder_order.size());
      if (!list.empty()) list += ", ";
      list += "(CAST(:hseq" + i + " AS BIGINT), CAST(:hid";
      list += i + " AS BIGINT), CAST(:horg";
      list += i + " AS BIGINT))";
      a.holder_order.push_back(&b);
    }
    holders += ", holder" + std::to_string(k);
    holders +=
        " AS (INSERT INTO audit_holder (organization_id, seq) SELECT DISTINCT x.o, v.seq FROM "
        "(VALUES ";
    holders += list;
    holders += ") AS v(seq, id, actor_org) CROSS JOIN LATERAL (";
    holders += lookup;
    holders +=
        ") AS r(a, b) CROSS JOIN LATERAL (VALUES (r.a), (r.b)) AS x(o) WHERE x.o <> "
        "v.actor_org";
    holders += guarded ? " AND EXISTS (SELECT 1 FROM head))" : ")";
  }
  if (guarded) {
    a.sql =
        "WITH head AS (UPDATE audit_head SET seq = :new_seq, hash = :new_hash WHERE id = 1 AND "
        "seq = :old_seq AND hash = :old_hash RETURNING seq), event AS (" +
        std::string(kInsertEvent)
            .replace(std::string(kInsertEvent).rfind("VALUES "), 7, "SELECT * FROM (VALUES ") +
        values + ") AS v" + only_if_moved + ")" + holders + " SELECT COUNT(*) FROM head";
  } else {
    a.sql = std::string("WITH event AS (") + kInsertEvent + values + ")" + holders +
            " UPDATE audit_head SET hash = :head WHERE id = 1";
  }
}

void BindEvents(soci::statement& st, PostgresAppend& a) {
  for (BoundEvent& b : a.rows) {
    st.exchange(soci::use(b.seq));
    st.exchange(soci::use(b.occurred));
    st.exchange(soci::use(b.actor_id, b.actor_ind));
    st.exchange(soci::use(b.org_id, b.org_ind));
    st.exchange(soci::use(b.e.action));
    st.exchange(soci::use(b.e.target_type));
    st.exchange(soci::use(b.e.target_id));
    st.exchange(soci::use(b.e.ip));
    st.exchange(soci::use(b.e.request_id));
    st.exchange(soci::use(b.e.detail));
    st.exchange(soci::use(b.e.prev_hash));
    st.exchange(soci::use(b.e.hash));
  }
  for (BoundEvent* h : a.holder_order) {
    BoundEvent& b = *h;
    st.exchange(soci::use(b.holder_seq));
    st.exchange(soci::use(b.target));
    st.exchange(soci::use(b.actor_org));
  }
}

// SQLite: the transaction holds the write lock already (BEGIN IMMEDIATE; a deferred one would
// fail at the write below rather than fork the chain), so the head is read and then written
// with the new hash. RETURNING cost SQLite a temporary B-tree at every execution.
void AppendSqlite(soci::session& s, const crypto::SecretKey& key, const PendingEvent& p) {
  StoredEvent e = Chained(p, 0);
  const auto holders = HoldersToLink(s, p.event, e.organization_id);
  long long seq = 0;
  s << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(e.prev_hash);
  e.seq = ++seq;
  e.hash = KeyedChainHash(e, key);
  long long occurred = e.occurred_at;
  long long actor_id = e.actor_user_id;
  long long org_id = e.organization_id;
  soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
  soci::indicator org_ind = org_id ? soci::i_ok : soci::i_null;
  s << std::string(kInsertEvent) +
           "(:seq, :at, :actor, :org, :action, :ttype, :tid, :ip, :rid, :detail, :prev, :hash)",
      soci::use(seq), soci::use(occurred), soci::use(actor_id, actor_ind),
      soci::use(org_id, org_ind), soci::use(e.action), soci::use(e.target_type),
      soci::use(e.target_id), soci::use(e.ip), soci::use(e.request_id), soci::use(e.detail),
      soci::use(e.prev_hash), soci::use(e.hash);
  s << "UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1", soci::use(seq), soci::use(e.hash);
  LinkHolders(s, holders, seq);
}

}  // namespace

namespace detail {

ChainHead AppendPostgresLocked(soci::session& s, const crypto::SecretKey& key,
                               const std::vector<PendingEvent>& events) {
  // Two statements: the first takes the lock, the numbers and the previous hash; the second
  // writes the events. Every round trip held under the lock slows every audited page; several
  // events in one turn share them (AppendRead).
  long long n = static_cast<long long>(events.size());
  long long last = 0;
  std::string prev;
  s << "UPDATE audit_head SET seq = seq + :n WHERE id = 1 RETURNING seq, hash", soci::use(n),
      soci::into(last), soci::into(prev);
  PostgresAppend a;
  BuildPostgresAppend(a, key, events, last - n + 1, prev, false);
  soci::statement st(s);
  BindEvents(st, a);
  st.exchange(soci::use(a.head.hash));
  st.alloc();
  st.prepare(a.sql);
  st.define_and_bind();
  st.execute(true);
  return a.head;
}

std::optional<ChainHead> AppendPostgresOnHead(soci::session& s, const crypto::SecretKey& key,
                                              const std::vector<PendingEvent>& events,
                                              const ChainHead& expected) {
  PostgresAppend a;
  BuildPostgresAppend(a, key, events, expected.seq + 1, expected.hash, true);
  long long new_seq = a.head.seq;
  long long old_seq = expected.seq;
  std::string old_hash = expected.hash;
  long long moved = 0;
  soci::statement st(s);
  st.exchange(soci::use(new_seq));
  st.exchange(soci::use(a.head.hash));
  st.exchange(soci::use(old_seq));
  st.exchange(soci::use(old_hash));
  BindEvents(st, a);
  st.exchange(soci::into(moved));
  st.alloc();
  st.prepare(a.sql);
  st.define_and_bind();
  st.execute(true);
  if (moved != 1) return std::nullopt;
  return a.head;
}

ChainHead HeadAfter(const crypto::SecretKey& key, const std::vector<PendingEvent>& events,
                    const ChainHead& from) {
  ChainHead head = from;
  for (const PendingEvent& p : events) {
    StoredEvent e = Chained(p, head.seq + 1);
    e.prev_hash = head.hash;
    head = {e.seq, KeyedChainHash(e, key)};
  }
  return head;
}

ChainHead ReadHead(soci::session& s) {
  ChainHead head;
  s << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(head.seq), soci::into(head.hash);
  return head;
}

}  // namespace detail

void AuditLog::Append(soci::session& s, const Actor& actor, const Event& event, std::int64_t now) {
  AppendAll(s, {PendingEvent{actor, event, now}});
}

void AuditLog::AppendAll(soci::session& s, const std::vector<PendingEvent>& events) {
  const crypto::SecretKey* key = storage::Database::CurrentChainKey();
  if (key == nullptr) {
    throw std::logic_error("audit event outside a write transaction of a keyed database");
  }
  if (events.empty()) return;
  // Updating the head row takes its row lock (PostgreSQL) or is already under the write lock
  // (SQLite), so concurrent appends queue and the chain stays linear.
  if (s.get_backend_name() == "postgresql") {
    detail::AppendPostgresLocked(s, *key, events);
    return;
  }
  for (const PendingEvent& p : events) AppendSqlite(s, *key, p);
}

core::Result<std::vector<StoredEvent>> AuditLog::ListForOrganization(storage::Database& db,
                                                                     std::int64_t organization_id,
                                                                     std::int64_t before_seq,
                                                                     int limit, bool others_only) {
  return db.Read<std::vector<StoredEvent>>([&](soci::session& s) {
    std::vector<StoredEvent> out;
    long long org = organization_id;
    long long before = before_seq > 0 ? before_seq : (1LL << 62);
    const std::string lim = std::to_string(limit);
    // What others did to the organisation's records, newest first (each side limited, so
    // neither scans the whole log).
    const std::string others =
        "SELECT e.seq, e.occurred_at, e.actor_user_id, e.organization_id, e.action, "
        "e.target_type, e.target_id, e.ip, e.request_id, e.detail, e.prev_hash, e.hash FROM "
        "audit_holder h JOIN audit_event e ON e.seq = h.seq WHERE h.organization_id = :org2 AND "
        "h.seq < :before2 ORDER BY h.seq DESC LIMIT " +
        lim;
    if (others_only) {
      soci::rowset<soci::row> rows = (s.prepare << others, soci::use(org), soci::use(before));
      for (const auto& r : rows) out.push_back(ReadRow(r));
      return out;
    }
    long long org_again = org;  // each placeholder gets its own bound variable
    long long before_again = before;
    const std::string own = std::string("SELECT ") + kColumns +
                            " FROM audit_event WHERE organization_id = :org AND seq < :before "
                            "ORDER BY seq DESC LIMIT " +
                            lim;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT * FROM (SELECT * FROM (" + own +
                          ") own_events UNION ALL SELECT * FROM (" + others +
                          ") other_events) all_events ORDER BY seq DESC LIMIT " + lim,
         soci::use(org), soci::use(before), soci::use(org_again), soci::use(before_again));
    for (const auto& r : rows) out.push_back(ReadRow(r));
    return out;
  });
}

core::Status AuditLog::SealUnkeyedChain(storage::Database& db, std::int64_t now) {
  return db.WriteVoid([&](soci::session& s) {
    // Takes the head's row lock first, so two servers starting together seal once.
    s << "UPDATE audit_head SET seq = seq WHERE id = 1";
    long long seq = 0;
    std::string hash;
    s << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(hash);
    if (seq == 0 || IsKeyed(hash)) return;
    Append(s, {0, 0, "", ""},
           {"audit.chain_keyed", "audit", std::to_string(seq),
            "{\"plain_events\":" + std::to_string(seq) + "}", 0},
           now);
  });
}

core::Result<VerifyReport> AuditLog::Verify(storage::Database& db) {
  const crypto::SecretKey* key = db.chain_key();
  return db.Read<VerifyReport>([&](soci::session& s) {
    VerifyReport report;
    std::string prev(64, '0');
    long long expected_seq = 1;
    bool keyed_seen = false;
    // Read in pages so a long log does not need to fit in memory.
    constexpr int kPage = 5000;
    for (;;) {
      long long from = expected_seq;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT " << kColumns
                     << " FROM audit_event WHERE seq >= :from ORDER BY seq LIMIT " << kPage,
           soci::use(from));
      int n = 0;
      for (const auto& r : rows) {
        ++n;
        StoredEvent e = ReadRow(r);
        auto broken = [&](std::int64_t seq, std::string problem) {
          report = {false, report.events_checked, seq, std::move(problem)};
        };
        if (e.seq != expected_seq) {
          broken(expected_seq, "event " + std::to_string(expected_seq) + " is missing");
          return report;
        }
        if (e.prev_hash != prev) {
          broken(e.seq, "link to the previous event is broken");
          return report;
        }
        if (IsKeyed(e.hash)) {
          if (key == nullptr) {
            broken(e.seq, "no key to check the keyed chain with (load the key file)");
            return report;
          }
          if (KeyedChainHash(e, *key) != e.hash) {
            broken(e.seq, "event content was changed, or the key file is not this log's");
            return report;
          }
          keyed_seen = true;
        } else {
          // A plain hash needs no key: after the first keyed event it is a forgery.
          if (keyed_seen) {
            broken(e.seq, "event without the key's hash after keyed events (rewritten)");
            return report;
          }
          if (ChainHash(e) != e.hash) {
            broken(e.seq, "event content was changed");
            return report;
          }
        }
        prev = e.hash;
        ++expected_seq;
        ++report.events_checked;
      }
      if (n < kPage) break;
    }
    long long head_seq = 0;
    std::string head_hash;
    s << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(head_seq),
        soci::into(head_hash);
    if (head_seq != expected_seq - 1 || head_hash != prev) {
      report = {false, report.events_checked, expected_seq,
                "the newest events were removed (head is at " + std::to_string(head_seq) + ")"};
    } else if (report.events_checked > 0 && !keyed_seen) {
      report = {false, report.events_checked, 1,
                "no event is keyed: the log was rewritten without the key, or it was written "
                "before keyed chains and no keyed version has started on it yet (start "
                "`tsunagu serve` once to seal it)"};
    }
    return report;
  });
}

}  // namespace tsunagu::audit
