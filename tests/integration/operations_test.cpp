// Operations: encrypted backup and restore on both engines, static files, and logs that carry
// no personal data (canary strings).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "audit/audit_log.hpp"
#include "core/config.hpp"
#include "harness.hpp"
#include "orgs/org_store.hpp"
#include "storage/backup.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Operations, BackupAndRestoreBringTheDataBack) {
  TestServer t;
  auto org = t.CreateOrg("バックアップ病院");
  t.CreateUser({"backup@example.jp", "控え", "admin", "nurse", org});
  storage::BackupKey key{};
  key.fill(7);
  const auto file = t.dir() / "backup.tsb";
  ASSERT_TRUE(storage::Backup(t.app().db(), file, key).ok());

  // The backup is encrypted: the organisation name is not in it.
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_THAT(bytes.str(), Not(HasSubstr("backup@example.jp")));

  std::string target;
  std::string pg_db;
  if (t.is_postgresql()) {
    std::string base = std::getenv("TSUNAGU_TEST_PG_URL");
    pg_db = "restore_" + std::to_string(::getpid());
    soci::session admin(soci::postgresql, storage::PostgresConninfo(base));
    admin << "CREATE DATABASE " + pg_db;
    target = base.substr(0, base.rfind('/') + 1) + pg_db;
  } else {
    target = "sqlite:" + (t.dir() / "restored.db").string();
  }
  storage::BackupKey wrong{};
  EXPECT_FALSE(storage::Restore(target, file, wrong).ok()) << "a wrong key is refused";
  ASSERT_TRUE(storage::Restore(target, file, key).ok());
  {
    auto db = storage::Database::Open(target, 1);
    ASSERT_TRUE(db.ok());
    auto user = (*db)->Read<std::optional<orgs::User>>(
        [](soci::session& s) { return orgs::OrgStore::FindUserByEmail(s, "backup@example.jp"); });
    ASSERT_TRUE(user.ok() && user->has_value());
    (*db)->SetChainKey(audit::ChainKey(t.sv().cipher.keyring()));  // the same key file
    auto report = audit::AuditLog::Verify(**db);
    EXPECT_TRUE(report.ok() && report->ok) << "the restored audit chain verifies";
  }
  if (!pg_db.empty()) {
    soci::session admin(soci::postgresql,
                        storage::PostgresConninfo(std::getenv("TSUNAGU_TEST_PG_URL")));
    admin << "DROP DATABASE IF EXISTS " + pg_db + " WITH (FORCE)";
  }
}

TEST(Operations, StaticFilesHaveETagsAndCompressedVariants) {
  TestServer t;
  auto c = t.NewClient();
  auto css = c.Get("/static/css/app.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_THAT(css.Header("content-type"), HasSubstr("text/css"));
  const std::string etag = css.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(c.Get("/static/css/app.css", {{"If-None-Match", etag}}).status, 304);
  EXPECT_EQ(c.Get("/static/../../etc/passwd").status, 404);
  // scripts/vendor-static (run by `make`) writes gzip siblings; they are served when accepted.
  if (std::filesystem::exists(core::SourceDir() + "/web/static/css/app.css.gz")) {
    auto gz = c.Get("/static/css/app.css", {{"Accept-Encoding", "gzip"}});
    EXPECT_EQ(gz.Header("content-encoding"), "gzip");
    EXPECT_THAT(gz.Header("vary"), HasSubstr("Accept-Encoding"));
    EXPECT_LT(gz.body.size(), css.body.size());
  }
  EXPECT_EQ(c.Get("/static/css/nope.css").status, 404);
}

TEST(Operations, LogsAndStaffMailCarryNoPersonalData) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::info);
  spdlog::set_default_logger(logger);
  {
    TestServer t;
    const std::string canary_email = "canary-4f1c@example.jp";
    const std::string canary_name = "カナリア花子XQ";
    auto org = t.CreateOrg("カナリア病院");
    t.CreateUser({"canary-admin@example.jp", "管理", "admin", "nurse", org});
    auto c = t.LoginAs("canary-admin@example.jp");
    auto invited = c.Submit("/org/members/invite", {{"email", canary_email},
                                                    {"display_name", canary_name},
                                                    {"role", "counselor"},
                                                    {"profession", "msw"}});
    ASSERT_EQ(invited.status, 303) << invited.body;
    // The staff mail (the invitation) carries its link, not the person's name nor who invited.
    const std::string mail = MailSink::Get().WaitFor(canary_email);
    ASSERT_FALSE(mail.empty()) << "no invitation mail";
    EXPECT_THAT(mail, HasSubstr("アカウント作成のご案内"));
    EXPECT_THAT(mail, HasSubstr(t.config().server.public_url + "/invitation/"));
    EXPECT_THAT(mail, Not(HasSubstr(canary_name)));
    EXPECT_THAT(mail, Not(HasSubstr("canary-admin")));
    EXPECT_THAT(
        t.NewClient()
            .Submit("/login", {{"email", canary_email}, {"password", "canary-password-XQ-1"}})
            .status,
        401)
        << "the wrong password is refused";
    t.NewClient().Get("/login?email=" + canary_email);
    // A database error with bound values must not leak them either.
    const std::string duplicate = "カナリア病院";
    auto inserted = t.app().db().WriteVoid([&](soci::session& s) {
      s << "INSERT INTO organization (kind, name, status, created_at) VALUES ('hospital', :n, "
           "'active', 1)",
          soci::use(duplicate);
    });
    ASSERT_FALSE(inserted.ok()) << "the duplicate name must fail, or the log check below is void";
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured.str();
  EXPECT_THAT(log, HasSubstr("access"));
  EXPECT_THAT(log, HasSubstr("database error"));  // the failed insert was logged, and how
  EXPECT_THAT(log, Not(HasSubstr("canary-4f1c")));
  EXPECT_THAT(log, Not(HasSubstr("カナリア花子")));
  EXPECT_THAT(log, Not(HasSubstr("canary-password")));
  EXPECT_THAT(log, Not(HasSubstr("canary-admin")));
  EXPECT_THAT(log, Not(HasSubstr("カナリア病院")));
}

}  // namespace
}  // namespace tsunagu::testing
