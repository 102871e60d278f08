// The restore drill (docs/operations.md): a backup of the demo restored into an empty database
// of the same engine shows every table with the same row count and the sampled encrypted fields
// decrypting to the same plain text (100% parity), and the drill says so; a drill against a
// database that changed after the backup, with another key file, or into a database holding
// data fails and says why.
#include "ops/restore_drill.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "app/demo.hpp"
#include "crypto/field_cipher.hpp"
#include "harness.hpp"
#include "pg_scratch.hpp"
#include "storage/backup.hpp"

namespace tsunagu::testing {
namespace {

namespace fs = std::filesystem;

class RestoreDrill : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(app::LoadDemoData(t_.sv()).ok());
    backup_ = t_.dir() / "drill.tsb";
    ASSERT_TRUE(
        storage::Backup(t_.app().db(), backup_, storage::DeriveBackupKey(t_.sv().cipher)).ok());
  }

  // An empty database of this run's engine: a scratch PostgreSQL database, or (SQLite) none,
  // so that the drill makes its own temporary file.
  std::string EmptyTarget() {
    if (!t_.is_postgresql()) return "";
    scratch_ = std::make_unique<PgScratchDatabase>("drill");
    return scratch_->url();
  }

  ops::DrillOptions Drill(const std::string& into) {
    ops::DrillOptions o;
    o.backup_file = backup_;
    o.backup_key = storage::DeriveBackupKey(t_.sv().cipher);
    o.key_file = t_.config().security.key_file;
    o.into_url = into;
    o.compare_url = t_.config().database.url;
    return o;
  }

  TestServer t_;
  fs::path backup_;
  std::unique_ptr<PgScratchDatabase> scratch_;
};

TEST_F(RestoreDrill, RestoresEveryTableAndTheSampledFieldsWithFullParity) {
  std::int64_t reported_tables = 0;
  auto options = Drill(EmptyTarget());
  options.on_table = [&](const std::string&, std::int64_t) { ++reported_tables; };
  auto report = ops::RunRestoreDrill(options);
  ASSERT_TRUE(report.ok()) << report.error().message_key;

  EXPECT_TRUE(report->compared);
  EXPECT_TRUE(report->count_mismatches.empty())
      << report->count_mismatches.front().table << ": " << report->count_mismatches.front().restored
      << " vs " << report->count_mismatches.front().compared;
  EXPECT_GT(report->tables, 60);
  EXPECT_EQ(reported_tables, report->tables);
  EXPECT_GT(report->rows, 1000);
  EXPECT_TRUE(report->chain_ok) << report->chain_problem;
  EXPECT_GT(report->audit_events, 50);
  // Four kinds of field (booking and client names, consultation summaries, timeline entries),
  // each sampled in the demo: every one decrypts, and to the same text as in the live database.
  EXPECT_GE(report->fields_sampled, 40);
  EXPECT_EQ(report->fields_decrypted, report->fields_sampled);
  EXPECT_EQ(report->fields_matched, report->fields_sampled);
  EXPECT_TRUE(report->ok());
}

TEST_F(RestoreDrill, ADatabaseChangedSinceTheBackupIsNotCalledTheSame) {
  t_.CreateOrg("訓練後に加わった病院");
  auto report = ops::RunRestoreDrill(Drill(EmptyTarget()));
  ASSERT_TRUE(report.ok()) << report.error().message_key;
  ASSERT_FALSE(report->count_mismatches.empty());
  bool organisation = false;
  for (const auto& m : report->count_mismatches) {
    if (m.table == "organization") {
      organisation = true;
      EXPECT_EQ(m.compared, m.restored + 1);
    }
  }
  EXPECT_TRUE(organisation);
  EXPECT_FALSE(report->ok());
}

TEST_F(RestoreDrill, AnotherKeyFileCannotRestoreOrVouchForTheBackup) {
  const fs::path other = t_.dir() / "other-keys.toml";
  ASSERT_TRUE(crypto::Keyring::GenerateFile(other).ok());
  auto keyring = crypto::Keyring::LoadFile(other);
  ASSERT_TRUE(keyring.ok());
  const crypto::FieldCipher other_cipher(std::move(*keyring));

  // The backup key comes from the key file: another key file's backup key decrypts nothing.
  auto options = Drill(EmptyTarget());
  options.key_file = other;
  options.backup_key = storage::DeriveBackupKey(other_cipher);
  auto report = ops::RunRestoreDrill(options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message_key, "error.backup_decrypt_failed");

  // With the right backup key but another key file, the copy restores and the drill fails:
  // the chain does not verify and no sampled field decrypts.
  scratch_.reset();
  options = Drill(EmptyTarget());
  options.key_file = other;
  report = ops::RunRestoreDrill(options);
  ASSERT_TRUE(report.ok()) << report.error().message_key;
  EXPECT_FALSE(report->chain_ok);
  EXPECT_GT(report->fields_sampled, 0);
  EXPECT_EQ(report->fields_decrypted, 0);
  EXPECT_FALSE(report->ok());
}

TEST_F(RestoreDrill, NeverRestoresIntoADatabaseHoldingData) {
  // The live database itself, named by mistake as the drill's target: refused, nothing changed.
  auto options = Drill(t_.config().database.url);
  options.compare_url.clear();
  const auto before = t_.sv().db.Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM organization", soci::into(n);
    return n;
  });
  ASSERT_TRUE(before.ok());
  auto report = ops::RunRestoreDrill(options);
  ASSERT_FALSE(report.ok());
  EXPECT_TRUE(report.error().message_key == "drill.error.target_not_empty" ||
              report.error().message_key == "drill.error.target_file_not_empty")
      << report.error().message_key;
  const auto after = t_.sv().db.Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM organization", soci::into(n);
    return n;
  });
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *before);

  // Naming the compared database as the target is refused before anything is read.
  options = Drill(t_.config().database.url);
  report = ops::RunRestoreDrill(options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message_key, "drill.error.into_is_compared");
}

}  // namespace
}  // namespace tsunagu::testing
