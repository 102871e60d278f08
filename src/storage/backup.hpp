// Online-consistent, encrypted backups and restore (SECURITY.md rule 13).
//
// Backup file format ("TSUNAGU-BACKUP-1"):
//   16 bytes  magic "TSUNAGU-BACKUP-1"
//   24 bytes  crypto_secretstream_xchacha20poly1305 header
//   chunks    each 64 KiB of plaintext + 17 bytes (the last one shorter, tagged FINAL), with the
//             magic as associated data
// Any change, reordering, truncation or appended data makes decryption fail.
// The plaintext is a SQLite database file (SQLite) or a pg_dump custom-format archive.
#pragma once

#include <array>
#include <filesystem>
#include <string>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace tsunagu::crypto {
class FieldCipher;
}

namespace tsunagu::storage {

using BackupKey = std::array<unsigned char, 32>;

// The backups' own key, derived from the key file (keyed BLAKE2b with a fixed purpose): a
// backup restores with the key file that wrote it and with no other.
BackupKey DeriveBackupKey(const crypto::FieldCipher& cipher);

// Streams `in` into a new file `out` (mode 0600, never overwritten: "error.backup_exists").
core::Status EncryptFile(const std::filesystem::path& in, const std::filesystem::path& out,
                         const BackupKey& key);
// Refuses a wrong key, a changed, truncated or extended file ("error.backup_decrypt_failed");
// `out` is removed again then.
core::Status DecryptFile(const std::filesystem::path& in, const std::filesystem::path& out,
                         const BackupKey& key);

// Writes an encrypted backup of the running database to `out`, which must not exist.
// SQLite: a consistent snapshot through the sqlite3 backup API on its own connection; writers go
// on meanwhile. PostgreSQL: pg_dump --format=custom --no-owner (pg_dump on PATH).
// The plain copy lives in a 0600 temporary file beside `out` and is removed afterwards.
core::Status Backup(Database& db, const std::filesystem::path& out, const BackupKey& key);

// Restores an encrypted backup into the database at db_url (stop the server first).
// SQLite: refuses a target file that exists and is not empty unless `force`
// ("error.restore_target_not_empty"), then copies with the backup API and runs
// PRAGMA integrity_check. PostgreSQL: pg_restore --clean --if-exists --no-owner.
// The backup is decrypted and authenticated completely before the target is touched.
core::Status Restore(const std::string& db_url, const std::filesystem::path& in,
                     const BackupKey& key, bool force = false);

}  // namespace tsunagu::storage
