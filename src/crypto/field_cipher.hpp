// Encryption at rest for identifying and sensitive fields (SECURITY.md rule 5), with key ids for
// rotation and a keyed blind index for exact-match lookups.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crypto/secret_key.hpp"

namespace tsunagu::crypto {

// The keys from the key file. File format (one directive a line, '#' starts a comment):
//
//   format tsunagu-keyring-v1
//   current <kid>
//   key <kid> <base64 of 32 bytes>        (one line per key; old keys stay for reading)
//   blind_index <base64 of 32 bytes>      (exactly one: changing it means rebuilding indexes)
//
// A kid is 1-32 characters of [A-Za-z0-9_-]. Move-only; keys live in SecretKey memory.
class Keyring {
 public:
  // A new keyring in memory with one encryption key and one blind-index key.
  static Keyring Generate();
  static core::Result<Keyring> Parse(std::string_view text);
  // Refuses a file whose mode is not exactly 0600 or 0400 ("error.keyfile_permissions"), and
  // anything but a regular file.
  static core::Result<Keyring> LoadFile(const std::filesystem::path& path);
  // Creates a new key file with mode 0600; never overwrites ("error.keyfile_exists").
  static core::Status GenerateFile(const std::filesystem::path& path);
  // Adds a new current key to an existing key file (replaced atomically, mode 0600) and returns
  // its kid. Values written under older keys stay readable.
  static core::Result<std::string> RotateFile(const std::filesystem::path& path);

  // Adds a new random encryption key, makes it current and returns its kid.
  std::string AddKey();

  const std::string& current_kid() const { return current_kid_; }
  std::vector<std::string> KeyIds() const;
  // nullptr when the kid is unknown.
  const SecretKey* Find(std::string_view kid) const;
  const SecretKey& current_key() const;
  const SecretKey& blind_index_key() const { return blind_index_key_; }
  // A key for one purpose, derived with crypto_kdf from the blind-index key (which never
  // rotates), so a new purpose needs no new entry in existing key files. `context` is exactly
  // 8 characters naming the purpose, e.g. "tsaudit1"; another context or id gives an unrelated
  // key.
  SecretKey DeriveKey(std::uint64_t subkey_id, std::string_view context) const;

 private:
  Keyring() = default;
  // The file text; holds key material, so callers wipe it after use.
  std::string Serialize() const;

  std::map<std::string, SecretKey, std::less<>> keys_;
  std::string current_kid_;
  SecretKey blind_index_key_;
};

// Thread-safe: every method is const and keeps no state between calls.
class FieldCipher {
 public:
  explicit FieldCipher(Keyring keyring) : keyring_(std::move(keyring)) {}

  // "v1.<kid>.<base64(nonce || ciphertext)>", XChaCha20-Poly1305 with a random 24-byte nonce
  // under the current key. associated_data names the value's place (e.g. "client:42:name") so a
  // ciphertext copied to another row or column does not decrypt.
  std::string Encrypt(std::string_view plaintext, std::string_view associated_data) const;
  // "error.unknown_key_id" when the kid is not in the keyring; "error.decrypt_failed" when the
  // value is malformed, was changed, or belongs to another place. Both are ErrorCode::kInternal:
  // stored data that does not decrypt is never the user's fault.
  core::Result<std::string> Decrypt(std::string_view stored,
                                    std::string_view associated_data) const;
  // True when `stored` was written under a key other than the current one (rotation job).
  bool NeedsReencrypt(std::string_view stored) const;

  // Lower-case hex of keyed BLAKE2b-256 over (purpose, value). Callers normalise the value first
  // (NFKC, case, spaces) so equal inputs give equal indexes; purpose ("client.name",
  // "client.phone") keeps indexes of different fields from being compared with each other.
  std::string BlindIndex(std::string_view normalized_value, std::string_view purpose) const;

  const Keyring& keyring() const { return keyring_; }

 private:
  Keyring keyring_;
};

}  // namespace tsunagu::crypto
