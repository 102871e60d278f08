#include "notify/outbox.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "crypto/field_cipher.hpp"
#include "crypto/init.hpp"
#include "storage/database.hpp"
#include "storage/migrator.hpp"
#include "storage/row.hpp"

extern char** environ;

namespace tsunagu::notify {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool Accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// The repository's real SMTP server for tests (scripts/smtp_sink.py, aiosmtpd under Debian's
// python3): each accepted message becomes DIR/<stamp>.eml plus DIR/<stamp>.json (envelope).
class SmtpSink {
 public:
  ~SmtpSink() { Stop(); }

  // port 0: any free port. Returns once the port accepts connections.
  bool Start(const fs::path& dir, int port) {
    fs::create_directories(dir);
    fs::remove(dir / "smtp.port");
    const std::string script = core::SourceDir() + "/scripts/smtp_sink.py";
    const std::string dir_arg = dir.string();
    const std::string port_arg = std::to_string(port);
    std::vector<char*> argv = {const_cast<char*>("/usr/bin/python3"),
                               const_cast<char*>(script.c_str()),
                               const_cast<char*>("--dir"),
                               const_cast<char*>(dir_arg.c_str()),
                               const_cast<char*>("--port"),
                               const_cast<char*>(port_arg.c_str()),
                               nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log = (dir / "smtp.log").string();
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    const int rc = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      pid_ = -1;
      return false;
    }
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        ADD_FAILURE() << "smtp_sink.py exited: " << ReadFile(log);
        return false;
      }
      const std::string port_text = ReadFile(dir / "smtp.port");
      if (!port_text.empty()) {
        port_ = std::stoi(port_text);
        if (Accepts(port_)) return true;
      }
      std::this_thread::sleep_for(20ms);
    }
    Stop();
    return false;
  }

  void Stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(10ms);
    }
    pid_ = -1;
  }

  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// Python's email package reads the delivered message back, independently of our writer.
constexpr const char* kParseScript = R"PY(
import email, json, sys
from email import policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
body = m.get_body(preferencelist=('plain',))
print(json.dumps({
    'subject': str(m['subject']), 'to': str(m['to']), 'from': str(m['from']),
    'body': body.get_content().replace('\r\n', '\n'),
    'attachments': [[a.get_filename(), a.get_content()] for a in m.iter_attachments()]},
    ensure_ascii=False))
)PY";

struct Delivered {
  std::string subject;
  std::string to;
  std::string from;
  std::string body;
  std::vector<std::pair<std::string, std::string>> attachments;
  std::vector<std::string> envelope_recipients;
};

struct Row {
  std::string recipient, subject, body, attachments, kind;
  std::int64_t attempts = 0, next_attempt_at = 0, sent_at = -1, failed_at = -1;
};

class OutboxTest : public ::testing::Test {
 protected:
  static constexpr std::int64_t kStart = 1700000000;

  static void SetUpTestSuite() { ASSERT_TRUE(crypto::Initialize()); }

  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "tsunagu-outbox-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    std::ofstream(dir_ / "parse.py") << kParseScript;
    ASSERT_TRUE(crypto::Keyring::GenerateFile(dir_ / "keys.toml").ok());
    auto keyring = crypto::Keyring::LoadFile(dir_ / "keys.toml");
    ASSERT_TRUE(keyring.ok());
    cipher_ = std::make_unique<crypto::FieldCipher>(std::move(keyring).value());
    db_url_ = "sqlite:" + (dir_ / "tsunagu.db").string();
    auto db = storage::Database::Open(db_url_, 2);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    storage::Migrator migrator(*db_, core::SourceDir() + "/sql/migrations");
    ASSERT_TRUE(migrator.Migrate().ok());
    mail_dir_ = dir_ / "mail";
    ASSERT_TRUE(sink_.Start(mail_dir_, 0));
    config_.smtp_url = "smtp://127.0.0.1:" + std::to_string(sink_.port());
    config_.from = "つなぐ事務局 <noreply@tsunagu.test>";
  }

  void TearDown() override {
    sink_.Stop();
    db_.reset();
    fs::remove_all(dir_);
  }

  void Enqueue(Outbox& outbox, const MailMessage& m, const std::string& kind = "invitation") {
    ASSERT_TRUE(db_->WriteVoid([&](soci::session& s) { outbox.Enqueue(s, m, kind); }).ok());
  }

  std::vector<Row> Rows() {
    auto rows = db_->Read<std::vector<Row>>([](soci::session& s) {
      std::vector<Row> out;
      soci::rowset<soci::row> rs =
          (s.prepare << "SELECT recipient, subject, body, attachments, kind, attempts, "
                        "next_attempt_at, sent_at, failed_at FROM mail_outbox ORDER BY id");
      for (const soci::row& r : rs) {
        Row row;
        row.recipient = storage::GetText(r, 0);
        row.subject = storage::GetText(r, 1);
        row.body = storage::GetText(r, 2);
        row.attachments = storage::GetText(r, 3);
        row.kind = storage::GetText(r, 4);
        row.attempts = storage::GetInt(r, 5);
        row.next_attempt_at = storage::GetInt(r, 6);
        row.sent_at = storage::GetInt(r, 7, -1);
        row.failed_at = storage::GetInt(r, 8, -1);
        out.push_back(std::move(row));
      }
      return out;
    });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? std::move(rows).value() : std::vector<Row>{};
  }

  std::vector<fs::path> MailFiles() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(mail_dir_)) {
      if (entry.path().extension() == ".eml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  Delivered ReadMail(const fs::path& eml) {
    const std::string command =
        "/usr/bin/python3 '" + (dir_ / "parse.py").string() + "' '" + eml.string() + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    char buf[4096];
    for (std::size_t n; pipe != nullptr && (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) {
      output.append(buf, n);
    }
    EXPECT_EQ(pipe == nullptr ? -1 : ::pclose(pipe), 0) << output;
    const auto parsed = boost::json::parse(output).as_object();
    Delivered d;
    d.subject = std::string(parsed.at("subject").as_string());
    d.to = std::string(parsed.at("to").as_string());
    d.from = std::string(parsed.at("from").as_string());
    d.body = std::string(parsed.at("body").as_string());
    for (const auto& a : parsed.at("attachments").as_array()) {
      d.attachments.emplace_back(std::string(a.as_array()[0].as_string()),
                                 std::string(a.as_array()[1].as_string()));
    }
    fs::path envelope = eml;
    envelope.replace_extension(".json");
    const auto meta = boost::json::parse(ReadFile(envelope)).as_object();
    for (const auto& r : meta.at("rcpt_tos").as_array()) {
      d.envelope_recipients.emplace_back(r.as_string());
    }
    return d;
  }

  fs::path dir_;
  fs::path mail_dir_;
  std::string db_url_;
  std::unique_ptr<crypto::FieldCipher> cipher_;
  std::unique_ptr<storage::Database> db_;
  core::FakeClock clock_{kStart};
  core::MailConfig config_;
  SmtpSink sink_;
};

MailMessage Invitation(const std::string& to = "canary.recipient.7f3a@example.jp") {
  MailMessage m;
  m.to = to;
  m.subject = "【つなぐ】アカウントへのご招待";
  m.text_body =
      "つなぐへ招待されました。\n次のリンクから72時間以内に登録してください。\n"
      "https://tsunagu.example.jp/invite/CANARY-SECRET-9b1e4d\n";
  return m;
}

TEST_F(OutboxTest, SendsThroughRealSmtpAndStoresNothingInPlaintext) {
  Outbox outbox(*db_, *cipher_, clock_, config_);
  MailMessage m = Invitation();
  m.attachments.push_back({"相談日.ics", "text/calendar; charset=UTF-8",
                           "BEGIN:VCALENDAR\r\nSUMMARY:CANARY-ICS-5c1a\r\nEND:VCALENDAR\r\n"});
  Enqueue(outbox, m);
  EXPECT_EQ(outbox.PendingCount(), 1);

  // At rest: every personal column is a FieldCipher value, and no canary is anywhere in the
  // database files (main file and WAL).
  const std::vector<Row> before = Rows();
  ASSERT_EQ(before.size(), 1u);
  for (const std::string* v :
       {&before[0].recipient, &before[0].subject, &before[0].body, &before[0].attachments}) {
    EXPECT_EQ(v->rfind("v1.", 0), 0u) << *v;
  }
  EXPECT_EQ(before[0].kind, "invitation");
  EXPECT_EQ(before[0].attempts, 0);
  const std::string raw = ReadFile(dir_ / "tsunagu.db") + ReadFile(dir_ / "tsunagu.db-wal");
  ASSERT_FALSE(raw.empty());
  for (const char* canary : {"canary.recipient.7f3a", "CANARY-SECRET-9b1e4d", "CANARY-ICS-5c1a",
                             "アカウントへのご招待", "招待されました"}) {
    EXPECT_EQ(raw.find(canary), std::string::npos) << canary;
  }

  EXPECT_EQ(outbox.DeliverDue(), 1);
  const auto files = MailFiles();
  ASSERT_EQ(files.size(), 1u);
  const Delivered d = ReadMail(files[0]);
  EXPECT_EQ(d.subject, m.subject);
  EXPECT_EQ(d.body, m.text_body);
  EXPECT_EQ(d.to, m.to);
  EXPECT_EQ(d.from, "つなぐ事務局 <noreply@tsunagu.test>");
  ASSERT_EQ(d.envelope_recipients.size(), 1u);
  EXPECT_EQ(d.envelope_recipients[0], m.to);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].first, "相談日.ics");
  EXPECT_NE(d.attachments[0].second.find("CANARY-ICS-5c1a"), std::string::npos);

  const std::vector<Row> after = Rows();
  EXPECT_EQ(after[0].sent_at, kStart);
  EXPECT_EQ(after[0].failed_at, -1);
  EXPECT_EQ(after[0].attempts, 1);
  EXPECT_EQ(after[0].body, "");
  EXPECT_EQ(after[0].attachments, "");
  EXPECT_EQ(outbox.PendingCount(), 0);

  EXPECT_EQ(outbox.DeliverDue(), 0);
  EXPECT_EQ(MailFiles().size(), 1u);
}

TEST_F(OutboxTest, RetriesWhileServerIsDownAndSendsWhenItIsBack) {
  Outbox outbox(*db_, *cipher_, clock_, config_);
  const int port = sink_.port();
  sink_.Stop();
  Enqueue(outbox, Invitation());

  EXPECT_EQ(outbox.DeliverDue(), 0);
  std::vector<Row> rows = Rows();
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_EQ(rows[0].next_attempt_at, kStart + 30);
  EXPECT_EQ(rows[0].sent_at, -1);
  EXPECT_EQ(rows[0].failed_at, -1);
  EXPECT_NE(rows[0].body, "");
  EXPECT_EQ(outbox.PendingCount(), 1);

  // Not due yet: nothing is tried.
  EXPECT_EQ(outbox.DeliverDue(), 0);
  EXPECT_EQ(Rows()[0].attempts, 1);

  ASSERT_TRUE(sink_.Start(mail_dir_, port));
  clock_.Advance(29);
  EXPECT_EQ(outbox.DeliverDue(), 0);
  EXPECT_TRUE(MailFiles().empty());
  clock_.Advance(1);
  EXPECT_EQ(outbox.DeliverDue(), 1);
  const auto files = MailFiles();
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(ReadMail(files[0]).subject, "【つなぐ】アカウントへのご招待");
  rows = Rows();
  EXPECT_EQ(rows[0].attempts, 2);
  EXPECT_EQ(rows[0].sent_at, kStart + 30);
  EXPECT_EQ(outbox.PendingCount(), 0);
}

TEST_F(OutboxTest, BacksOffExponentiallyAndGivesUpAfterTenAttempts) {
  Outbox outbox(*db_, *cipher_, clock_, config_);
  sink_.Stop();
  Enqueue(outbox, Invitation());
  const std::int64_t expected_delays[] = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
  for (int attempt = 1; attempt <= Outbox::kMaxAttempts; ++attempt) {
    EXPECT_EQ(outbox.DeliverDue(), 0);
    const Row row = Rows()[0];
    EXPECT_EQ(row.attempts, attempt);
    if (attempt < Outbox::kMaxAttempts) {
      EXPECT_EQ(row.failed_at, -1);
      EXPECT_EQ(row.next_attempt_at - clock_.NowSeconds(), expected_delays[attempt - 1]);
      EXPECT_EQ(outbox.PendingCount(), 1);
      clock_.Set(row.next_attempt_at);
    } else {
      EXPECT_EQ(row.failed_at, clock_.NowSeconds());
      EXPECT_EQ(row.sent_at, -1);
    }
  }
  EXPECT_EQ(outbox.PendingCount(), 0);
  clock_.Advance(24 * 3600);
  EXPECT_EQ(outbox.DeliverDue(), 0);
  EXPECT_EQ(Rows()[0].attempts, Outbox::kMaxAttempts);
}

TEST_F(OutboxTest, WithoutSmtpUrlMessagesStayPendingUntouched) {
  core::MailConfig unconfigured = config_;
  unconfigured.smtp_url.clear();
  Outbox outbox(*db_, *cipher_, clock_, unconfigured);
  Enqueue(outbox, Invitation());
  EXPECT_EQ(outbox.DeliverDue(), 0);
  EXPECT_EQ(outbox.DeliverDue(), 0);
  const Row row = Rows()[0];
  EXPECT_EQ(row.attempts, 0);
  EXPECT_EQ(row.next_attempt_at, kStart);
  EXPECT_EQ(outbox.PendingCount(), 1);
  EXPECT_TRUE(MailFiles().empty());
}

TEST_F(OutboxTest, InvalidMessageRollsBackTheWholeTransaction) {
  Outbox outbox(*db_, *cipher_, clock_, config_);
  auto count = [&](const std::string& table) {
    return db_
        ->Read<long long>([&](soci::session& s) {
          long long n = 0;
          s << "SELECT COUNT(*) FROM " + table, soci::into(n);
          return n;
        })
        .value();
  };
  for (const auto& [message, kind] : std::vector<std::pair<MailMessage, std::string>>{
           {Invitation("a@example.jp\r\nBcc: b@example.jp"), "invitation"},
           {MailMessage{"a@example.jp", "件名\r\nBcc: b@example.jp", "本文", {}}, "invitation"},
           {Invitation(), "山田さんへの招待"},
           {Invitation(), ""}}) {
    const core::Status status = db_->WriteVoid([&](soci::session& s) {
      s << "INSERT INTO organization (kind, name, created_at) VALUES ('hospital', 'x', 0)";
      outbox.Enqueue(s, message, kind);
    });
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().message_key, "error.mail_invalid");
  }
  EXPECT_EQ(count("organization"), 0);
  EXPECT_EQ(count("mail_outbox"), 0);
}

TEST_F(OutboxTest, WorkerSendsRightAfterWake) {
  Outbox outbox(*db_, *cipher_, clock_, config_);
  // A poll far longer than the test's patience: only Wake() can explain a quick delivery.
  outbox.StartWorker(60s);
  std::this_thread::sleep_for(200ms);  // let the worker finish its first pass and sleep
  Enqueue(outbox, Invitation());
  outbox.Wake();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (MailFiles().empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(MailFiles().size(), 1u);
  const auto stop_started = std::chrono::steady_clock::now();
  outbox.StopWorker();
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, 5s);
  EXPECT_EQ(outbox.PendingCount(), 0);
}

TEST_F(OutboxTest, TwoSendersNeverSendTheSameMessageTwice) {
  // A second Database on the same file stands for a second process.
  auto other_db = storage::Database::Open(db_url_, 2);
  ASSERT_TRUE(other_db.ok());
  Outbox first(*db_, *cipher_, clock_, config_);
  Outbox second(**other_db, *cipher_, clock_, config_);
  constexpr int kMessages = 16;
  for (int i = 0; i < kMessages; ++i) {
    MailMessage m = Invitation("user" + std::to_string(i) + "@example.jp");
    m.subject = "通知 " + std::to_string(i);
    Enqueue(first, m);
  }
  std::atomic<int> sent{0};
  auto drain = [&](Outbox& outbox) {
    for (int round = 0; round < 50 && outbox.PendingCount() > 0; ++round) {
      sent += outbox.DeliverDue(3);
    }
  };
  std::thread a([&] { drain(first); });
  std::thread b([&] { drain(second); });
  a.join();
  b.join();
  EXPECT_EQ(sent.load(), kMessages);
  std::map<std::string, int> subjects;
  for (const fs::path& f : MailFiles()) ++subjects[ReadMail(f).subject];
  EXPECT_EQ(subjects.size(), static_cast<std::size_t>(kMessages));
  for (const auto& [subject, n] : subjects) EXPECT_EQ(n, 1) << subject;
}

TEST_F(OutboxTest, SmtpSenderRefusesInvalidMessagesWithoutRetryableError) {
  SmtpSender sender(config_);
  const core::Status status =
      sender.Send(Invitation("x@example.jp\r\nRCPT TO:<y@example.jp>"), kStart);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_TRUE(MailFiles().empty());
}

}  // namespace
}  // namespace tsunagu::notify
