#include "storage/backup.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "crypto/field_cipher.hpp"

extern char** environ;

namespace tsunagu::storage {

BackupKey DeriveBackupKey(const crypto::FieldCipher& cipher) {
  const std::string hex = cipher.BlindIndex("tsunagu backup key v1", "backup");
  BackupKey key{};
  for (std::size_t i = 0; i < key.size(); ++i) {
    key[i] = static_cast<unsigned char>(std::stoi(hex.substr(i * 2, 2), nullptr, 16));
  }
  return key;
}

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "TSUNAGU-BACKUP-1";
constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;
constexpr std::size_t kHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr int kSqliteBusyTimeoutMs = 10000;
constexpr int kBackupStepRetries = 200;  // x 50 ms: how long a busy source may delay a backup

static_assert(std::tuple_size_v<BackupKey> == crypto_secretstream_xchacha20poly1305_KEYBYTES);

core::Error Failed() {
  return core::Error{core::ErrorCode::kInternal, "error.backup_failed", {}};
}
core::Error DecryptFailed() {
  return core::Error::Invalid("error.backup_decrypt_failed");
}
core::Error Exists() {
  return core::Error::Invalid("error.backup_exists");
}

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { Close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  bool Close() {
    if (fd_ < 0) return true;
    const bool ok = ::close(fd_) == 0;
    fd_ = -1;
    return ok;
  }

 private:
  int fd_;
};

// Fills buf unless end of file comes first; returns the bytes read or -1.
ssize_t ReadFull(int fd, unsigned char* buf, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::read(fd, buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return static_cast<ssize_t>(got);
}

bool WriteAll(int fd, const unsigned char* data, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return false;
    data += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

// O_EXCL: a backup never replaces a file; 0600 (and fchmod, since umask may differ) because even
// an encrypted backup is nobody else's business.
int CreateExclusive(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::fchmod(fd, 0600);
  return fd;
}

// A 0600 temporary file beside `near`, removed (with any SQLite side files) when destroyed.
class TempFile {
 public:
  static core::Result<std::unique_ptr<TempFile>> Create(const fs::path& dir,
                                                        const std::string& stem) {
    std::string pattern =
        (fs::absolute(dir.empty() ? fs::path(".") : dir) / ("." + stem + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      spdlog::error("backup: cannot create a temporary file in {}: {}", dir.string(),
                    std::strerror(errno));
      return Failed();
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    return std::unique_ptr<TempFile>(new TempFile(pattern));
  }
  ~TempFile() {
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      fs::remove(path_.string() + suffix, ec);
    }
  }
  const fs::path& path() const { return path_; }

 private:
  explicit TempFile(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

core::Status EncryptStream(int in, int out, const BackupKey& key) {
  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char header[kHeaderBytes];
  crypto_secretstream_xchacha20poly1305_init_push(&state, header, key.data());
  if (!WriteAll(out, reinterpret_cast<const unsigned char*>(kMagic.data()), kMagic.size()) ||
      !WriteAll(out, header, sizeof header)) {
    return Failed();
  }
  const auto* ad = reinterpret_cast<const unsigned char*>(kMagic.data());
  std::vector<unsigned char> current(kChunkBytes), next(kChunkBytes);
  std::vector<unsigned char> sealed(kChunkBytes + kChunkOverhead);
  core::Status status = core::OkStatus();
  ssize_t n = ReadFull(in, current.data(), kChunkBytes);
  for (;;) {
    if (n < 0) {
      status = Failed();
      break;
    }
    // Read one chunk ahead: the last chunk must carry TAG_FINAL so truncation is detected.
    ssize_t m = 0;
    if (static_cast<std::size_t>(n) == kChunkBytes) m = ReadFull(in, next.data(), kChunkBytes);
    if (m < 0) {
      status = Failed();
      break;
    }
    const bool final = m == 0;
    unsigned long long sealed_len = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state, sealed.data(), &sealed_len, current.data(), static_cast<std::size_t>(n), ad,
        kMagic.size(),
        final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
              : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    if (!WriteAll(out, sealed.data(), static_cast<std::size_t>(sealed_len))) {
      status = Failed();
      break;
    }
    if (final) break;
    current.swap(next);
    n = m;
  }
  sodium_memzero(current.data(), current.size());
  sodium_memzero(next.data(), next.size());
  sodium_memzero(&state, sizeof state);
  return status;
}

core::Status DecryptStream(int in, int out, const BackupKey& key) {
  unsigned char magic[kMagic.size()];
  unsigned char header[kHeaderBytes];
  if (ReadFull(in, magic, sizeof magic) != static_cast<ssize_t>(sizeof magic) ||
      std::memcmp(magic, kMagic.data(), kMagic.size()) != 0 ||
      ReadFull(in, header, sizeof header) != static_cast<ssize_t>(sizeof header)) {
    return DecryptFailed();
  }
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, header, key.data()) != 0) {
    return DecryptFailed();
  }
  const auto* ad = reinterpret_cast<const unsigned char*>(kMagic.data());
  std::vector<unsigned char> sealed(kChunkBytes + kChunkOverhead), plain(kChunkBytes);
  core::Status status = core::OkStatus();
  for (;;) {
    const ssize_t n = ReadFull(in, sealed.data(), sealed.size());
    if (n < 0) {
      status = Failed();
      break;
    }
    // Ends before a FINAL chunk: truncated.
    if (static_cast<std::size_t>(n) < kChunkOverhead) {
      status = DecryptFailed();
      break;
    }
    unsigned long long plain_len = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plain_len, &tag,
                                                   sealed.data(), static_cast<std::size_t>(n), ad,
                                                   kMagic.size()) != 0) {
      status = DecryptFailed();
      break;
    }
    if (!WriteAll(out, plain.data(), static_cast<std::size_t>(plain_len))) {
      status = Failed();
      break;
    }
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      unsigned char extra;
      if (ReadFull(in, &extra, 1) != 0) status = DecryptFailed();  // data after the end
      break;
    }
  }
  sodium_memzero(plain.data(), plain.size());
  sodium_memzero(&state, sizeof state);
  return status;
}

using SqliteHandle = std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>;

core::Result<SqliteHandle> OpenSqlite(const fs::path& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteHandle handle(raw, sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    spdlog::error("backup: cannot open SQLite file {}: {}", path.string(), sqlite3_errstr(rc));
    return Failed();
  }
  sqlite3_busy_timeout(raw, kSqliteBusyTimeoutMs);
  sqlite3_extended_result_codes(raw, 1);
  return handle;
}

// One sqlite3_backup_step(-1) copies every page under a single read transaction of the source:
// a consistent snapshot, while WAL lets other connections keep writing.
core::Status CopySqlite(sqlite3* from, sqlite3* to) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) {
    spdlog::error("backup: sqlite3_backup_init failed: {}", sqlite3_errmsg(to));
    return Failed();
  }
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < kBackupStepRetries; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const int finish_rc = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE || finish_rc != SQLITE_OK) {
    spdlog::error("backup: SQLite copy failed: {}",
                  sqlite3_errstr(rc != SQLITE_DONE ? rc : finish_rc));
    return Failed();
  }
  return core::OkStatus();
}

core::Status IntegrityCheck(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
    return Failed();
  }
  std::string first;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    if (text != nullptr) first = reinterpret_cast<const char*>(text);
  }
  sqlite3_finalize(stmt);
  if (first != "ok") {
    spdlog::error("restore: integrity_check failed on the restored database");
    return core::Error{core::ErrorCode::kInternal, "error.restore_integrity", {}};
  }
  return core::OkStatus();
}

// Splits a libpq keyword/value conninfo (as PostgresConninfo writes it) into the conninfo
// without the password and the password, so the password travels in the child's environment
// (PGPASSWORD) instead of its argv, which every local user can read in /proc.
std::pair<std::string, std::string> SplitPassword(std::string_view conninfo) {
  std::string rest, password;
  std::size_t i = 0;
  while (i < conninfo.size()) {
    while (i < conninfo.size() && conninfo[i] == ' ') ++i;
    if (i >= conninfo.size()) break;
    const std::size_t start = i;
    const std::size_t eq = conninfo.find('=', i);
    if (eq == std::string_view::npos) break;
    const std::string_view key = conninfo.substr(i, eq - i);
    i = eq + 1;
    std::string value;
    if (i < conninfo.size() && conninfo[i] == '\'') {
      ++i;
      while (i < conninfo.size() && conninfo[i] != '\'') {
        if (conninfo[i] == '\\' && i + 1 < conninfo.size()) ++i;
        value += conninfo[i++];
      }
      ++i;  // closing quote
    } else {
      while (i < conninfo.size() && conninfo[i] != ' ') value += conninfo[i++];
    }
    if (key == "password") {
      password = std::move(value);
    } else {
      if (!rest.empty()) rest += ' ';
      rest += conninfo.substr(start, std::min(i, conninfo.size()) - start);
    }
  }
  return {rest, password};
}

// Runs a program found on PATH with an argv array (no shell) and waits for it.
core::Status RunProgram(const std::vector<std::string>& args, const std::string& password) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_storage;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    if (std::strncmp(*e, "PGPASSWORD=", 11) != 0) env_storage.emplace_back(*e);
  }
  if (!password.empty()) env_storage.push_back("PGPASSWORD=" + password);
  std::vector<char*> envp;
  envp.reserve(env_storage.size() + 1);
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data());
  for (std::string& e : env_storage) sodium_memzero(e.data(), e.size());
  if (rc != 0) {
    spdlog::error("backup: cannot start {}: {}", args[0], std::strerror(rc));
    return Failed();
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Failed();
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    spdlog::error("backup: {} failed (exit status {})", args[0],
                  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return Failed();
  }
  return core::OkStatus();
}

// A backup holds one engine's own format: a SQLite file or a pg_dump archive. Restoring it into
// the other engine is refused before the target is touched, with the way that does work.
core::Status SameEngine(const fs::path& plain, Engine target) {
  char head[16] = {};
  Fd fd(::open(plain.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return Failed();
  const ssize_t n = ::read(fd.get(), head, sizeof head);
  const std::string_view start(head, n > 0 ? static_cast<std::size_t>(n) : 0);
  const bool sqlite = start.rfind(std::string_view("SQLite format 3\0", 16), 0) == 0;
  const bool pg_dump = start.rfind("PGDMP", 0) == 0;
  if ((target == Engine::kPostgresql && sqlite) || (target == Engine::kSqlite && pg_dump)) {
    return core::Error::Invalid("error.restore_other_engine",
                                {{"backup", sqlite ? "SQLite" : "PostgreSQL"},
                                 {"target", target == Engine::kSqlite ? "SQLite" : "PostgreSQL"}});
  }
  return core::OkStatus();
}

core::Status BackupSqlite(Database& db, const fs::path& plain) {
  auto source = OpenSqlite(db.sqlite_path(), SQLITE_OPEN_READWRITE);
  if (!source) return source.error();
  auto target = OpenSqlite(plain, SQLITE_OPEN_READWRITE);
  if (!target) return target.error();
  return CopySqlite(source->get(), target->get());
}

core::Status RestoreSqlite(const fs::path& target_path, const fs::path& in, const BackupKey& key,
                           bool force) {
  std::error_code ec;
  const bool exists = fs::exists(target_path, ec);
  if (exists && fs::file_size(target_path, ec) > 0 && !force) {
    return core::Error::Invalid("error.restore_target_not_empty");
  }
  fs::path dir = target_path.parent_path();
  if (!dir.empty()) fs::create_directories(dir, ec);
  auto plain = TempFile::Create(dir, target_path.filename().string());
  if (!plain) return plain.error();
  {
    Fd in_fd(::open(in.c_str(), O_RDONLY | O_CLOEXEC));
    Fd out_fd(::open((*plain)->path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
    if (in_fd.get() < 0 || out_fd.get() < 0) return Failed();
    if (auto s = DecryptStream(in_fd.get(), out_fd.get(), key); !s) return s;
    if (!out_fd.Close()) return Failed();
  }
  if (auto s = SameEngine((*plain)->path(), Engine::kSqlite); !s) return s;
  if (!exists) {
    // The database holds personal data (encrypted fields and all): 0600 from the first byte.
    Fd created(CreateExclusive(target_path));
    if (created.get() < 0) return Failed();
  }
  auto source = OpenSqlite((*plain)->path(), SQLITE_OPEN_READWRITE);
  if (!source) return source.error();
  auto target = OpenSqlite(target_path, SQLITE_OPEN_READWRITE);
  if (!target) return target.error();
  if (auto s = CopySqlite(source->get(), target->get()); !s) return s;
  return IntegrityCheck(target->get());
}

}  // namespace

core::Status EncryptFile(const fs::path& in, const fs::path& out, const BackupKey& key) {
  Fd in_fd(::open(in.c_str(), O_RDONLY | O_CLOEXEC));
  if (in_fd.get() < 0) return Failed();
  Fd out_fd(CreateExclusive(out));
  if (out_fd.get() < 0) return errno == EEXIST ? Exists() : Failed();
  core::Status status = EncryptStream(in_fd.get(), out_fd.get(), key);
  if (status && ::fsync(out_fd.get()) != 0) status = Failed();
  if (!out_fd.Close() && status) status = Failed();
  if (!status) ::unlink(out.c_str());
  return status;
}

core::Status DecryptFile(const fs::path& in, const fs::path& out, const BackupKey& key) {
  Fd in_fd(::open(in.c_str(), O_RDONLY | O_CLOEXEC));
  if (in_fd.get() < 0) return Failed();
  Fd out_fd(CreateExclusive(out));
  if (out_fd.get() < 0) return errno == EEXIST ? Exists() : Failed();
  core::Status status = DecryptStream(in_fd.get(), out_fd.get(), key);
  if (!out_fd.Close() && status) status = Failed();
  if (!status) ::unlink(out.c_str());
  return status;
}

core::Status Backup(Database& db, const fs::path& out, const BackupKey& key) {
  std::error_code ec;
  if (fs::exists(out, ec)) return Exists();
  auto plain = TempFile::Create(out.parent_path(), out.filename().string());
  if (!plain) return plain.error();
  core::Status dumped = core::OkStatus();
  if (db.engine() == Engine::kSqlite) {
    dumped = BackupSqlite(db, (*plain)->path());
  } else {
    auto [conninfo, password] = SplitPassword(PostgresConninfo(db.url()));
    dumped = RunProgram({"pg_dump", "--format=custom", "--no-owner",
                         "--file=" + (*plain)->path().string(), "--dbname=" + conninfo},
                        password);
    sodium_memzero(password.data(), password.size());
  }
  if (!dumped) return dumped;
  return EncryptFile((*plain)->path(), out, key);
}

core::Status Restore(const std::string& db_url, const fs::path& in, const BackupKey& key,
                     bool force) {
  if (db_url.rfind("sqlite:", 0) == 0) {
    const std::string path = db_url.substr(7);
    if (path.empty()) return core::Error::Invalid("config: empty sqlite path");
    return RestoreSqlite(path, in, key, force);
  }
  if (db_url.rfind("postgresql://", 0) != 0 && db_url.rfind("postgres://", 0) != 0) {
    return core::Error::Invalid("config: database URL must start with sqlite: or postgresql://");
  }
  // The archive is authenticated completely before pg_restore touches the database.
  auto plain = TempFile::Create(in.parent_path(), in.filename().string());
  if (!plain) return plain.error();
  {
    Fd in_fd(::open(in.c_str(), O_RDONLY | O_CLOEXEC));
    Fd out_fd(::open((*plain)->path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
    if (in_fd.get() < 0 || out_fd.get() < 0) return Failed();
    if (auto s = DecryptStream(in_fd.get(), out_fd.get(), key); !s) return s;
    if (!out_fd.Close()) return Failed();
  }
  if (auto s = SameEngine((*plain)->path(), Engine::kPostgresql); !s) return s;
  auto [conninfo, password] = SplitPassword(PostgresConninfo(db_url));
  core::Status restored = RunProgram({"pg_restore", "--clean", "--if-exists", "--no-owner",
                                      "--dbname=" + conninfo, (*plain)->path().string()},
                                     password);
  sodium_memzero(password.data(), password.size());
  return restored;
}

}  // namespace tsunagu::storage
