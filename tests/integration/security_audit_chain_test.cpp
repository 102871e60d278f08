// The audit chain is keyed with a key from the key file (SECURITY.md rule 4, issue 12 item 12):
// someone who can write to the database but has no key file cannot change an event and
// recompute the chain; `audit verify` finds it. Events written before the chain was keyed
// stay verifiable.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "audit/audit_log.hpp"
#include "crypto/random.hpp"
#include "harness.hpp"
#include "storage/row.hpp"

namespace tsunagu::testing {
namespace {

void DropGuard(TestServer& t) {
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    if (t.is_postgresql()) {
                      s << "DROP TRIGGER audit_event_no_change ON audit_event";
                    } else {
                      s << "DROP TRIGGER audit_event_no_update";
                      s << "DROP TRIGGER audit_event_no_delete";
                    }
                  })
                  .ok());
}

std::vector<audit::StoredEvent> AllEvents(storage::Database& db) {
  auto events = db.Read<std::vector<audit::StoredEvent>>([](soci::session& s) {
    std::vector<audit::StoredEvent> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT seq, occurred_at, actor_user_id, organization_id, action, "
                      "target_type, target_id, ip, request_id, detail, prev_hash, hash FROM "
                      "audit_event ORDER BY seq");
    for (const auto& r : rows) {
      audit::StoredEvent e;
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
      out.push_back(e);
    }
    return out;
  });
  return events ? *events : std::vector<audit::StoredEvent>{};
}

// What someone with write access to the database but without the key file can do: change
// event `seq` (when `detail` is not empty) and recompute the plain SHA-256 chain from `from`
// on, head included.
void Rechain(TestServer& t, std::int64_t from, std::int64_t seq, const std::string& detail) {
  auto events = AllEvents(t.app().db());
  ASSERT_FALSE(events.empty());
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    std::string prev = std::string(64, '0');
                    for (auto& e : events) {
                      if (e.seq < from) {
                        prev = e.hash;
                        continue;
                      }
                      if (e.seq == seq && !detail.empty()) e.detail = detail;
                      e.prev_hash = prev;
                      e.hash = audit::ChainHash(e);
                      long long n = e.seq;
                      s << "UPDATE audit_event SET detail = :d, prev_hash = :p, hash = :h WHERE "
                           "seq = :s",
                          soci::use(e.detail), soci::use(e.prev_hash), soci::use(e.hash),
                          soci::use(n);
                      prev = e.hash;
                    }
                    s << "UPDATE audit_head SET hash = :h WHERE id = 1", soci::use(prev);
                  })
                  .ok());
}

TEST(SecurityAuditChain, RewritingAnEventAndRecomputingAPlainChainIsFound) {
  TestServer t;
  for (int i = 0; i < 5; ++i) t.CreateOrg("鍵付き" + std::to_string(i));
  auto before = audit::AuditLog::Verify(t.app().db());
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(before->ok) << before->problem;
  DropGuard(t);
  Rechain(t, 3, 3, "{\"kind\":\"employer\"}");
  auto report = audit::AuditLog::Verify(t.app().db());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok) << "a re-hashed chain must not verify without the key";
  EXPECT_EQ(report->first_broken_seq, 3);
}

TEST(SecurityAuditChain, AnotherKeyDoesNotVerifyTheChain) {
  TestServer t;
  for (int i = 0; i < 3; ++i) t.CreateOrg("別鍵" + std::to_string(i));
  // The same database checked with a key file that is not the one it was written with.
  auto other_keys = t.dir() / "other-keys.toml";
  ASSERT_TRUE(crypto::Keyring::GenerateFile(other_keys).ok());
  auto keyring = crypto::Keyring::LoadFile(other_keys);
  ASSERT_TRUE(keyring.ok());
  auto db = storage::Database::Open(t.config().database.url, 1);
  ASSERT_TRUE(db.ok());
  (*db)->SetChainKey(audit::ChainKey(*keyring));
  auto report = audit::AuditLog::Verify(**db);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->first_broken_seq, 1);
}

TEST(SecurityAuditChain, EventsFromBeforeTheKeyedChainStillVerifyAndAreSealed) {
  TestServer t;
  // A log written by an older version: a plain SHA-256 chain of three events.
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    std::string prev(64, '0');
                    for (long long seq = 1; seq <= 3; ++seq) {
                      audit::StoredEvent e;
                      e.seq = seq;
                      e.occurred_at = 1700000000 + seq;
                      e.action = "organization.create";
                      e.target_type = "organization";
                      e.target_id = std::to_string(seq);
                      e.ip = "127.0.0.1";
                      e.request_id = "old";
                      e.detail = "{}";
                      e.prev_hash = prev;
                      e.hash = audit::ChainHash(e);
                      long long at = e.occurred_at;
                      s << "INSERT INTO audit_event (seq, occurred_at, action, target_type, "
                           "target_id, ip, request_id, detail, prev_hash, hash) VALUES (:s, :o, "
                           ":a, :tt, :ti, :ip, :r, :d, :p, :h)",
                          soci::use(seq), soci::use(at), soci::use(e.action),
                          soci::use(e.target_type), soci::use(e.target_id), soci::use(e.ip),
                          soci::use(e.request_id), soci::use(e.detail), soci::use(e.prev_hash),
                          soci::use(e.hash);
                      prev = e.hash;
                    }
                    s << "UPDATE audit_head SET seq = 3, hash = :h WHERE id = 1", soci::use(prev);
                  })
                  .ok());
  // The new version starts on that database: it seals the old chain with a keyed event.
  auto upgraded = app::App::Create(t.config(), t.clock());
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message_key;
  auto report = audit::AuditLog::Verify(t.app().db());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->problem;
  EXPECT_EQ(report->events_checked, 4);
  EXPECT_EQ(AllEvents(t.app().db()).back().action, "audit.chain_keyed");
  // Starting again does not seal twice.
  ASSERT_TRUE(app::App::Create(t.config(), t.clock()).ok());
  EXPECT_EQ(AllEvents(t.app().db()).size(), 4u);

  // An old event changed and the old part re-hashed: the keyed seal no longer matches.
  DropGuard(t);
  Rechain(t, 2, 2, "{\"kind\":\"employer\"}");
  auto changed = audit::AuditLog::Verify(t.app().db());
  EXPECT_FALSE(changed->ok);
  // The whole chain re-hashed without the key, the seal included: no keyed event is left.
  Rechain(t, 1, 0, "");
  auto plain = audit::AuditLog::Verify(t.app().db());
  EXPECT_FALSE(plain->ok);
}

}  // namespace
}  // namespace tsunagu::testing
