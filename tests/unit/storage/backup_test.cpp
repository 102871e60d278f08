#include "storage/backup.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "crypto/init.hpp"
#include "storage/database.hpp"

namespace tsunagu::storage {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr std::size_t kFileHeader = 16 + 24;  // magic + secretstream header
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kChunkOverhead = 17;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const fs::path& path, const std::string& data) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
}

mode_t ModeOf(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

std::string RandomBytes(std::size_t n) {
  std::string s(n, '\0');
  randombytes_buf(s.data(), s.size());
  return s;
}

long long Count(Database& db, const std::string& sql) {
  auto n = db.Read<long long>([&](soci::session& s) {
    long long v = 0;
    s << sql, soci::into(v);
    return v;
  });
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : -1;
}

class BackupTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(crypto::Initialize()); }

  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "tsunagu-backup-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    randombytes_buf(key_.data(), key_.size());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A live database with two tables written together, so a torn snapshot would show as
  // different counts.
  std::unique_ptr<Database> OpenLive() {
    auto db = Database::Open("sqlite:" + (dir_ / "live.db").string(), 3);
    EXPECT_TRUE(db.ok());
    if (!db.ok()) return nullptr;
    EXPECT_TRUE((*db)
                    ->WriteVoid([](soci::session& s) {
                      s << "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)";
                      s << "CREATE TABLE person_log (id INTEGER PRIMARY KEY, person_id INTEGER)";
                      s << "INSERT INTO person (name) VALUES ('CANARY-氏名-4d2c')";
                      s << "INSERT INTO person_log (person_id) VALUES (1)";
                    })
                    .ok());
    return std::move(db).value();
  }

  fs::path dir_;
  BackupKey key_{};
};

TEST_F(BackupTest, EncryptDecryptRoundTripsAtChunkEdges) {
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, kChunk - 1, kChunk, kChunk + 1,
                           2 * kChunk, 3 * kChunk + 12345}) {
    SCOPED_TRACE(size);
    const std::string plain = RandomBytes(size);
    const fs::path in = dir_ / "in.bin", enc = dir_ / "enc.bin", out = dir_ / "out.bin";
    WriteFile(in, plain);
    ASSERT_TRUE(EncryptFile(in, enc, key_).ok());
    const std::string sealed = ReadFile(enc);
    EXPECT_EQ(sealed.substr(0, 16), "TSUNAGU-BACKUP-1");
    // The last chunk carries the FINAL tag, so an exact multiple needs no empty trailer.
    const std::size_t chunks = std::max<std::size_t>(1, (size + kChunk - 1) / kChunk);
    EXPECT_EQ(sealed.size(), kFileHeader + size + chunks * kChunkOverhead);
    EXPECT_EQ(ModeOf(enc), 0600u);
    ASSERT_TRUE(DecryptFile(enc, out, key_).ok());
    EXPECT_EQ(ReadFile(out), plain);
    EXPECT_EQ(ModeOf(out), 0600u);
    fs::remove(in);
    fs::remove(enc);
    fs::remove(out);
  }
}

TEST_F(BackupTest, RefusesChangedTruncatedExtendedFilesAndWrongKey) {
  const std::string plain = RandomBytes(2 * kChunk + 100);
  const fs::path in = dir_ / "in.bin", enc = dir_ / "enc.bin", out = dir_ / "out.bin";
  WriteFile(in, plain);
  ASSERT_TRUE(EncryptFile(in, enc, key_).ok());
  const std::string sealed = ReadFile(enc);

  auto refused = [&](const std::string& bad, const BackupKey& key) {
    const fs::path bad_path = dir_ / "bad.bin";
    WriteFile(bad_path, bad);
    const core::Status s = DecryptFile(bad_path, out, key);
    fs::remove(bad_path);
    const bool out_left = fs::exists(out);
    fs::remove(out);
    EXPECT_FALSE(out_left) << "partial plaintext left behind";
    if (s.ok()) return false;
    EXPECT_EQ(s.error().message_key, "error.backup_decrypt_failed");
    return true;
  };
  for (std::size_t pos : {std::size_t{0}, std::size_t{20}, kFileHeader + 10,
                          kFileHeader + kChunk + 30, sealed.size() - 1}) {
    std::string bad = sealed;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x01);
    EXPECT_TRUE(refused(bad, key_)) << "flipped byte " << pos;
  }
  EXPECT_TRUE(refused(sealed.substr(0, sealed.size() - 1), key_));
  // Cut exactly after a whole chunk: only the missing FINAL tag reveals it.
  EXPECT_TRUE(refused(sealed.substr(0, kFileHeader + 2 * (kChunk + kChunkOverhead)), key_));
  EXPECT_TRUE(refused(sealed.substr(0, kFileHeader), key_));
  EXPECT_TRUE(refused(sealed + "x", key_));
  EXPECT_TRUE(refused("", key_));
  BackupKey wrong = key_;
  wrong[0] ^= 0x80;
  EXPECT_TRUE(refused(sealed, wrong));
  // The untouched file still decrypts.
  ASSERT_TRUE(DecryptFile(enc, out, key_).ok());
  EXPECT_EQ(ReadFile(out), plain);
}

TEST_F(BackupTest, NeverOverwritesAnExistingFile) {
  const fs::path in = dir_ / "in.bin", enc = dir_ / "enc.bin";
  WriteFile(in, "data");
  WriteFile(enc, "precious");
  const core::Status s = EncryptFile(in, enc, key_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message_key, "error.backup_exists");
  EXPECT_EQ(ReadFile(enc), "precious");

  auto db = OpenLive();
  ASSERT_NE(db, nullptr);
  const core::Status b = Backup(*db, enc, key_);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().message_key, "error.backup_exists");
  EXPECT_EQ(ReadFile(enc), "precious");
}

TEST_F(BackupTest, SqliteBackupWhileWritingRestoresConsistentSnapshot) {
  auto db = OpenLive();
  ASSERT_NE(db, nullptr);
  std::atomic<bool> stop{false};
  std::atomic<long long> committed{1};
  std::thread writer([&] {
    while (!stop) {
      const bool ok = db->WriteVoid([](soci::session& s) {
                          s << "INSERT INTO person (name) VALUES ('患者')";
                          s << "INSERT INTO person_log (person_id) SELECT MAX(id) FROM person";
                        }).ok();
      if (ok) ++committed;
    }
  });
  // Some megabytes, so the copy takes long enough for writes to land while it runs.
  ASSERT_TRUE(db->WriteVoid([](soci::session& s) {
                  s << "CREATE TABLE filler (payload TEXT)";
                  s << "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < 20000) INSERT INTO filler SELECT hex(randomblob(150)) FROM n";
                }).ok());
  while (committed < 200) std::this_thread::sleep_for(1ms);
  const long long before = committed;
  const fs::path backup = dir_ / "tsunagu.backup";
  const core::Status status = Backup(*db, backup, key_);
  const long long after = committed;
  while (committed < after + 50) std::this_thread::sleep_for(1ms);  // writes go on afterwards
  stop = true;
  writer.join();
  ASSERT_TRUE(status.ok()) << status.error().message_key;

  EXPECT_EQ(ModeOf(backup), 0600u);
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    names.insert(entry.path().filename().string());
  }
  EXPECT_EQ(names,
            (std::set<std::string>{"live.db", "live.db-wal", "live.db-shm", "tsunagu.backup"}))
      << "temporary plain copy left behind";
  const std::string sealed = ReadFile(backup);
  EXPECT_EQ(sealed.find("CANARY-氏名-4d2c"), std::string::npos);
  EXPECT_EQ(sealed.find("SQLite format 3"), std::string::npos);

  const fs::path restored = dir_ / "restored" / "tsunagu.db";
  const core::Status r = Restore("sqlite:" + restored.string(), backup, key_);
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  EXPECT_EQ(ModeOf(restored), 0600u);
  auto copy = Database::Open("sqlite:" + restored.string(), 1);
  ASSERT_TRUE(copy.ok());
  const long long people = Count(**copy, "SELECT COUNT(*) FROM person");
  EXPECT_EQ(people, Count(**copy, "SELECT COUNT(*) FROM person_log")) << "torn snapshot";
  EXPECT_GE(people, before);
  EXPECT_LE(people, after);
  EXPECT_EQ(Count(**copy, "SELECT COUNT(*) FROM filler"), 20000);
  RecordProperty("committed_during_backup", static_cast<int>(after - before));
  EXPECT_EQ(Count(**copy, "SELECT COUNT(*) FROM person WHERE name = 'CANARY-氏名-4d2c'"), 1);
  EXPECT_LT(people, Count(*db, "SELECT COUNT(*) FROM person"));
}

TEST_F(BackupTest, RestoreRefusesNonEmptyTargetUnlessForced) {
  auto db = OpenLive();
  ASSERT_NE(db, nullptr);
  const fs::path backup = dir_ / "tsunagu.backup";
  ASSERT_TRUE(Backup(*db, backup, key_).ok());

  const fs::path target = dir_ / "target.db";
  {
    auto other = Database::Open("sqlite:" + target.string(), 1);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)
                    ->WriteVoid([](soci::session& s) {
                      s << "CREATE TABLE unrelated (x INTEGER)";
                      s << "INSERT INTO unrelated VALUES (7)";
                    })
                    .ok());
  }
  const core::Status refused = Restore("sqlite:" + target.string(), backup, key_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message_key, "error.restore_target_not_empty");

  ASSERT_TRUE(Restore("sqlite:" + target.string(), backup, key_, /*force=*/true).ok());
  auto restored = Database::Open("sqlite:" + target.string(), 1);
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(Count(**restored, "SELECT COUNT(*) FROM person"), 1);
  EXPECT_EQ(Count(**restored,
                  "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'unrelated'"),
            0);

  // An empty file (e.g. created by an installer) counts as no database.
  const fs::path empty = dir_ / "empty.db";
  WriteFile(empty, "");
  EXPECT_TRUE(Restore("sqlite:" + empty.string(), backup, key_).ok());
}

TEST_F(BackupTest, RestoreRefusesTamperedBackupAndWrongKeyWithoutTouchingTarget) {
  auto db = OpenLive();
  ASSERT_NE(db, nullptr);
  const fs::path backup = dir_ / "tsunagu.backup";
  ASSERT_TRUE(Backup(*db, backup, key_).ok());
  std::string sealed = ReadFile(backup);
  sealed[sealed.size() / 2] = static_cast<char>(sealed[sealed.size() / 2] ^ 0x40);
  const fs::path tampered = dir_ / "tampered.backup";
  WriteFile(tampered, sealed);

  const fs::path target = dir_ / "new" / "tsunagu.db";
  const core::Status t = Restore("sqlite:" + target.string(), tampered, key_);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().message_key, "error.backup_decrypt_failed");
  EXPECT_FALSE(fs::exists(target));

  BackupKey wrong = key_;
  wrong[31] ^= 0x01;
  const core::Status w = Restore("sqlite:" + target.string(), backup, wrong);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().message_key, "error.backup_decrypt_failed");
  EXPECT_FALSE(fs::exists(target));
  // Nothing but the target's directory itself was left there.
  EXPECT_TRUE(fs::is_empty(target.parent_path()));
}

}  // namespace
}  // namespace tsunagu::storage
