// `tsunagu transfer`: the demo and a generated year moved from SQLite to an empty PostgreSQL
// database (and back), with every table's rows, the audit chain, encrypted fields and the pages
// the same on both; refusals that change nothing, and a failure midway that leaves the target
// empty. Needs both engines, so it runs in the PostgreSQL run (TSUNAGU_TEST_PG_URL).
#include "transfer/transfer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "app/demo.hpp"
#include "audit/audit_log.hpp"
#include "crypto/field_cipher.hpp"
#include "harness.hpp"
#include "pg_scratch.hpp"
#include "storage/database.hpp"
#include "transfer/copy.hpp"
#include "transfer/schema.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

constexpr int kFiscalYear = 2025;
constexpr int kGeneratedRecords = 3000;  // several batches of the copy
constexpr const char* kEmail = "transfer-admin@example.jp";

std::unique_ptr<storage::Database> OpenDb(const std::string& url) {
  auto db = storage::Database::Open(url, 1);
  if (!db) throw std::runtime_error("open " + url + ": " + db.error().message_key);
  return std::move(*db);
}

// Rows of every table but the migrations' bookkeeping, read from the database itself.
std::map<std::string, std::int64_t> Counts(const std::string& url) {
  auto db = OpenDb(url);
  auto counts = db->Read<std::map<std::string, std::int64_t>>([&](soci::session& s) {
    std::map<std::string, std::int64_t> out;
    for (const auto& t : transfer::ReadTables(s, db->engine())) {
      if (t.name != transfer::kMigrationTable) out[t.name] = transfer::CountRows(s, t.name);
    }
    return out;
  });
  if (!counts) throw std::runtime_error("counts: " + counts.error().message_key);
  return *counts;
}

// Each case's timeline count and mark and its details mark (kept by triggers), with the count of
// its entries as counted: "id entries/mark/details/counted".
std::vector<std::string> CaseTimelines(const std::string& url) {
  auto db = OpenDb(url);
  auto rows = db->Read<std::vector<std::string>>([](soci::session& s) {
    std::vector<std::string> out;
    soci::rowset<soci::row> rs =
        (s.prepare << "SELECT CAST(sc.id AS TEXT) || ' ' || CAST(sc.timeline_entries AS TEXT) || "
                      "'/' || CAST(sc.timeline_mark AS TEXT) || '/' || CAST(sc.details_mark AS "
                      "TEXT) || '/' || CAST((SELECT COUNT(*) "
                      "FROM timeline_entry t WHERE t.case_id = sc.id) AS TEXT) FROM support_case "
                      "sc ORDER BY sc.id");
    for (const auto& r : rs) out.push_back(r.get<std::string>(0));
    return out;
  });
  if (!rows) throw std::runtime_error("timelines: " + rows.error().message_key);
  return *rows;
}

// What a target holds when nothing was copied into it: no rows but the migrations' seed.
void ExpectEmptyButSeed(const std::string& url) {
  for (const auto& [table, rows] : Counts(url)) {
    EXPECT_EQ(rows, table == "audit_head" ? 1 : 0) << table;
  }
}

audit::VerifyReport VerifyChain(const std::string& url, const fs::path& key_file) {
  auto db = OpenDb(url);
  auto keyring = crypto::Keyring::LoadFile(key_file);
  if (!keyring) throw std::runtime_error("key file");
  db->SetChainKey(audit::ChainKey(*keyring));
  auto report = audit::AuditLog::Verify(*db);
  if (!report) throw std::runtime_error("verify: " + report.error().message_key);
  return *report;
}

// Each booking's reference and stored (encrypted) name, by id.
std::map<std::string, std::pair<std::string, std::string>> StoredNames(const std::string& url) {
  auto db = OpenDb(url);
  auto rows =
      db->Read<std::map<std::string, std::pair<std::string, std::string>>>([](soci::session& s) {
        std::map<std::string, std::pair<std::string, std::string>> out;
        soci::rowset<soci::row> rs =
            (s.prepare
             << "SELECT CAST(id AS TEXT), reference, name_enc FROM booking WHERE name_enc <> ''");
        for (const auto& r : rs) {
          out[r.get<std::string>(0)] = {r.get<std::string>(1), r.get<std::string>(2)};
        }
        return out;
      });
  if (!rows) throw std::runtime_error("names: " + rows.error().message_key);
  return *rows;
}

// A year of consultations on the demo's programme office, written straight into the database
// as report-bench does: a programme, its target, 24 days, and as many attended bookings as
// consultation records. Returns the programme's id.
std::int64_t GenerateYear(storage::Database& db, std::int64_t org) {
  auto program = db.Write<std::int64_t>([&](soci::session& s) {
    s << "INSERT INTO program (organization_id, name, description, status, created_at) "
         "VALUES (:o, 'transfer-year', '', 'active', 0)",
        soci::use(org);
    long long id = 0;
    s << "SELECT MAX(id) FROM program", soci::into(id);
    s << "INSERT INTO program_target (program_id, fiscal_year, consultations, placements, days) "
         "VALUES (:p, :y, 300, 25, 24)",
        soci::use(id), soci::use(kFiscalYear);
    for (int m = 0; m < 12; ++m) {
      const int month = (m + 3) % 12 + 1;
      const int year = month <= 3 ? kFiscalYear + 1 : kFiscalYear;
      for (int day : {10, 24}) {
        char date[11];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
        std::string d = date;
        s << "INSERT INTO consultation_day (program_id, day_date, start_minutes, end_minutes, "
             "mode, booths, slot_minutes, status, created_at) "
             "VALUES (:p, :d, 1080, 1260, 'in_person', 2, 45, 'scheduled', 0)",
            soci::use(id), soci::use(d);
      }
    }
    long long d0 = 0, b0 = 0, r0 = 0;
    s << "SELECT MIN(id) FROM consultation_day WHERE program_id = :p", soci::use(id),
        soci::into(d0);
    s << "SELECT COALESCE(MAX(id), 0) FROM booking", soci::into(b0);
    s << "SELECT COALESCE(MAX(id), 0) FROM consultation_record", soci::into(r0);
    const std::string n =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
        std::to_string(kGeneratedRecords) + ") ";
    s << "INSERT INTO booking (id, reference, day_id, status, channel, topics, created_at, "
         "updated_at) " +
             n + "SELECT " + std::to_string(b0) + " + i, 'GEN-' || i, " + std::to_string(d0) +
             " + (i % 24), 'attended', CASE i % 4 WHEN 0 THEN 'web' WHEN 1 THEN 'phone' "
             "WHEN 2 THEN 'mail' ELSE 'walk_in' END, 'work', 0, 0 FROM n";
    s << "INSERT INTO consultation_record (id, booking_id, day_id, professions, topics, "
         "referred_to, outcome, follow_up, minutes, created_at, updated_at) " +
             n + "SELECT " + std::to_string(r0) + " + i, " + std::to_string(b0) + " + i, " +
             std::to_string(d0) +
             " + (i % 24), 'nurse', CASE i % 3 WHEN 0 THEN 'keep_working' WHEN 1 THEN "
             "'treatment' ELSE 'job_search,anxiety' END, '', CASE i % 2 WHEN 0 THEN "
             "'info_provided' ELSE 'kept_job' END, CASE i % 2 WHEN 0 THEN 'none' ELSE "
             "'continue' END, 45, 0, 0 FROM n";
    return static_cast<std::int64_t>(id);
  });
  if (!program) throw std::runtime_error("generate: " + program.error().message_key);
  return *program;
}

// A page with what differs between two requests of it taken out (tokens, nonces).
std::string Normalised(const std::string& html) {
  static const std::regex token(R"((name="csrf_token" value=")[^"]*")");
  static const std::regex nonce(R"((nonce=")[^"]*")");
  return std::regex_replace(std::regex_replace(html, token, "$1\""), nonce, "$1\"");
}

class Transfer : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!UsingPostgresql()) GTEST_SKIP() << "runs in the PostgreSQL run: it needs both engines";
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("tsunagu-transfer-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(dir_);
    key_file_ = dir_ / "keys.toml";
    ASSERT_TRUE(crypto::Keyring::GenerateFile(key_file_).ok());
    source_url_ = "sqlite:" + (dir_ / "source.db").string();
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  // A server on the given database with this test's key file.
  ServerOptions On(const std::string& url) const {
    ServerOptions o;
    o.configure = [url, key = key_file_.string()](core::Config& c) {
      c.database.url = url;
      c.security.key_file = key;
    };
    return o;
  }
  transfer::Options Move(const std::string& from, const std::string& to) const {
    transfer::Options o;
    o.from_url = from;
    o.to_url = to;
    o.key_file = key_file_;
    o.migrations_dir = core::SourceDir() + "/sql/migrations";
    return o;
  }

  fs::path dir_;
  fs::path key_file_;
  std::string source_url_;
};

TEST_F(Transfer, MovesTheDemoAndAYearToPostgresqlWithTheSameRowsChainFieldsAndPages) {
  TestServer source(On(source_url_));
  ASSERT_TRUE(app::LoadDemoData(source.sv()).ok());
  auto org = source.sv().db.Read<long long>([](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM organization WHERE kind = 'municipality'", soci::into(id);
    return id;
  });
  ASSERT_TRUE(org.ok());
  source.CreateUser({kEmail, "移行 確認", "admin", "clerical", *org});
  const std::int64_t program = GenerateYear(source.app().db(), *org);
  const std::vector<std::string> pages = {
      "/", "/clients", "/programs/" + std::to_string(program) + "/report?fy=2025"};
  std::map<std::string, std::string> before;
  {
    auto c = source.LoginAs(kEmail);
    for (const auto& p : pages) {
      auto r = c.Get(p);
      ASSERT_EQ(r.status, 200) << p;
      before[p] = Normalised(r.body);
    }
  }
  ASSERT_THAT(before[pages[2]], HasSubstr("3,"));  // the generated year is on the report

  PgScratchDatabase target("transfer");
  std::vector<std::string> progress;
  auto options = Move(source_url_, target.url());
  options.on_table = [&](const std::string& table, std::int64_t) { progress.push_back(table); };
  auto report = transfer::Run(options);
  ASSERT_TRUE(report.ok()) << report.error().message_key;

  // Every table, the same number of rows; the generated year is among them.
  const auto counts = Counts(source_url_);
  EXPECT_EQ(Counts(target.url()), counts);
  EXPECT_EQ(counts.at("consultation_record") >= kGeneratedRecords, true);
  EXPECT_EQ(static_cast<std::size_t>(report->tables), counts.size());
  EXPECT_EQ(progress.size(), counts.size());
  // The parents come first: organisations before memberships, users before sessions.
  auto at = [&](const std::string& t) {
    return std::find(progress.begin(), progress.end(), t) - progress.begin();
  };
  EXPECT_LT(at("organization"), at("membership"));
  EXPECT_LT(at("app_user"), at("user_session"));
  EXPECT_LT(at("booking"), at("consultation_record"));

  // The audit chain verifies on the target, every event of it.
  const auto chain = VerifyChain(target.url(), key_file_);
  EXPECT_TRUE(chain.ok) << chain.problem;
  EXPECT_GT(chain.events_checked, 10);
  EXPECT_EQ(chain.events_checked, VerifyChain(source_url_, key_file_).events_checked);
  EXPECT_EQ(report->audit_events, chain.events_checked);

  // Each case's timeline count and mark and its details mark, kept by triggers on both sides,
  // are the source's (the copied entries, staff and tasks moved them on the target while they
  // were copied), and the count is right.
  const auto timelines = CaseTimelines(source_url_);
  ASSERT_FALSE(timelines.empty());
  EXPECT_EQ(CaseTimelines(target.url()), timelines);
  for (const auto& line : timelines) {
    const auto entries = line.substr(line.find(' ') + 1, line.find('/') - line.find(' ') - 1);
    EXPECT_EQ(entries, line.substr(line.rfind('/') + 1)) << line;
  }

  // Encrypted fields are the same bytes and decrypt to the same names.
  const auto names = StoredNames(source_url_);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(StoredNames(target.url()), names);

  TestServer moved(On(target.url()));
  const auto moved_names = StoredNames(target.url());
  int named = 0;  // some bookings (walk-ins) hold an encrypted empty name
  for (const auto& [id, row] : names) {
    const std::string ad = "booking:" + row.first + ":name";
    auto a = source.sv().cipher.Decrypt(row.second, ad);
    auto b = moved.sv().cipher.Decrypt(moved_names.at(id).second, ad);
    ASSERT_TRUE(a.ok() && b.ok()) << id;
    EXPECT_EQ(*a, *b);
    if (!a->empty()) ++named;
  }
  EXPECT_GT(named, 5);

  // The pages show the same data (a later TOTP step: the code used above is spent there too).
  moved.clock().Advance(90);
  auto c = moved.LoginAs(kEmail);
  for (const auto& p : pages) {
    auto r = c.Get(p);
    ASSERT_EQ(r.status, 200) << p;
    EXPECT_EQ(Normalised(r.body), before[p]) << p;
  }

  // The sequences moved past the copied ids: new rows get new ids.
  EXPECT_GT(moved.CreateOrg("移行後の病院"), 6);
  EXPECT_GT(moved.CreateUser({"after-transfer@example.jp", "移行 後", "counselor", "nurse", *org}),
            0);

  // And back: PostgreSQL to a new SQLite file gives the same rows again.
  const std::string back = "sqlite:" + (dir_ / "back.db").string();
  auto returned = transfer::Run(Move(target.url(), back));
  ASSERT_TRUE(returned.ok()) << returned.error().message_key;
  EXPECT_EQ(Counts(back), Counts(target.url()));
  EXPECT_TRUE(VerifyChain(back, key_file_).ok);
  EXPECT_EQ(CaseTimelines(back), timelines);
}

TEST_F(Transfer, RefusesATargetHoldingDataAndChangesNothing) {
  {
    TestServer source(On(source_url_));
    source.CreateOrg("移行元の病院");
  }
  PgScratchDatabase target("transfer");
  {
    TestServer other(On(target.url()));
    other.CreateOrg("すでにある病院");
  }
  const auto before = Counts(target.url());
  auto refused = transfer::Run(Move(source_url_, target.url()));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message_key, "transfer.error.target_not_empty");
  EXPECT_EQ(Counts(target.url()), before);
}

TEST_F(Transfer, RefusesASourceNotFullyMigrated) {
  {
    TestServer source(On(source_url_));
    source.CreateOrg("移行元の病院");
  }
  {
    soci::session s(soci::sqlite3, (dir_ / "source.db").string());
    s << "DELETE FROM schema_migration WHERE version = (SELECT MAX(version) FROM "
         "schema_migration)";
  }
  PgScratchDatabase target("transfer");
  auto refused = transfer::Run(Move(source_url_, target.url()));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message_key, "transfer.error.source_not_migrated");
  // Nothing was created in the target, not even the schema.
  auto db = OpenDb(target.url());
  auto tables = db->Read<std::size_t>(
      [&](soci::session& s) { return transfer::ReadTables(s, db->engine()).size(); });
  ASSERT_TRUE(tables.ok());
  EXPECT_EQ(*tables, 0u);
}

TEST_F(Transfer, AFailureMidwayLeavesTheTargetEmpty) {
  {
    TestServer source(On(source_url_));
    ASSERT_TRUE(app::LoadDemoData(source.sv()).ok());
  }
  // A row the target refuses, in a table copied late (after organisations, users, bookings
  // and much else): an access to an employer link that does not exist. SQLite lets it in with
  // its foreign keys off; PostgreSQL does not.
  {
    soci::session s(soci::sqlite3, (dir_ / "source.db").string());
    s << "PRAGMA foreign_keys = OFF";
    s << "INSERT INTO employer_link_access (link_id, accessed_at, ip, outcome) "
         "VALUES (999999, 0, '127.0.0.1', 'served')";
  }
  PgScratchDatabase target("transfer");
  std::vector<std::string> copied;
  auto options = Move(source_url_, target.url());
  options.on_table = [&](const std::string& table, std::int64_t) { copied.push_back(table); };
  auto failed = transfer::Run(options);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message_key, "transfer.error.copy_failed");
  ASSERT_EQ(failed.error().fields.size(), 1u);
  EXPECT_EQ(failed.error().fields[0].message_key, "employer_link_access");
  EXPECT_GT(copied.size(), 10u);  // it did fail midway, after other tables were written
  ExpectEmptyButSeed(target.url());
}

}  // namespace
}  // namespace tsunagu::testing
