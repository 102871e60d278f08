#include "crypto/field_cipher.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <utility>

#include "crypto/random.hpp"

namespace tsunagu::crypto {

namespace {

constexpr std::string_view kFormatLine = "tsunagu-keyring-v1";
constexpr std::string_view kCipherPrefix = "v1.";
constexpr std::size_t kMaxKidLength = 32;
constexpr std::size_t kMaxKeyFileBytes = 1 << 20;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

static_assert(SecretKey::kSize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(SecretKey::kSize >= crypto_generichash_KEYBYTES_MIN &&
              SecretKey::kSize <= crypto_generichash_KEYBYTES_MAX);

core::Error KeyfileError(std::string key) {
  return core::Error{core::ErrorCode::kInternal, std::move(key), {}};
}

// Wipes a string that held key material, whatever way the function holding it returns.
class WipeOnExit {
 public:
  explicit WipeOnExit(std::string& s) : s_(s) {}
  WipeOnExit(const WipeOnExit&) = delete;
  WipeOnExit& operator=(const WipeOnExit&) = delete;
  ~WipeOnExit() { sodium_memzero(s_.data(), s_.size()); }

 private:
  std::string& s_;
};

bool ValidKid(std::string_view kid) {
  if (kid.empty() || kid.size() > kMaxKidLength) return false;
  for (char c : kid) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string_view> SplitWords(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

// Decodes straight into secure memory so the raw key never sits in an ordinary buffer.
bool DecodeKey(std::string_view b64, SecretKey& key) {
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(key.data(), key.size(), b64.data(), b64.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return false;
  }
  return end == b64.data() + b64.size() && len == key.size();
}

std::string EncodeKey(const SecretKey& key) {
  return Base64Encode(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
}

std::string NewKid() {
  char raw[4];
  randombytes_buf(raw, sizeof raw);
  return "k" + HexEncode(std::string_view(raw, sizeof raw));
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// O_EXCL so that a key file is never silently replaced; fchmod because umask may differ.
core::Status WriteNewFile(const std::filesystem::path& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return KeyfileError(errno == EEXIST ? "error.keyfile_exists" : "error.keyfile_write");
  }
  const bool ok = ::fchmod(fd, 0600) == 0 && WriteAll(fd, content) && ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!ok || !closed) {
    ::unlink(path.c_str());
    return KeyfileError("error.keyfile_write");
  }
  return core::OkStatus();
}

void SyncDirectory(const std::filesystem::path& file) {
  std::filesystem::path dir = file.parent_path();
  if (dir.empty()) dir = ".";
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

Keyring Keyring::Generate() {
  Keyring keyring;
  keyring.blind_index_key_ = SecretKey::Random();
  keyring.AddKey();
  return keyring;
}

std::string Keyring::AddKey() {
  std::string kid = NewKid();
  while (keys_.count(kid) != 0) kid = NewKid();
  keys_.emplace(kid, SecretKey::Random());
  current_kid_ = kid;
  return kid;
}

std::vector<std::string> Keyring::KeyIds() const {
  std::vector<std::string> ids;
  ids.reserve(keys_.size());
  for (const auto& entry : keys_) ids.push_back(entry.first);
  return ids;
}

const SecretKey* Keyring::Find(std::string_view kid) const {
  const auto it = keys_.find(kid);
  return it == keys_.end() ? nullptr : &it->second;
}

SecretKey Keyring::DeriveKey(std::uint64_t subkey_id, std::string_view context) const {
  static_assert(SecretKey::kSize == crypto_kdf_KEYBYTES);
  if (context.size() != crypto_kdf_CONTEXTBYTES) {
    throw std::invalid_argument("a key derivation context is exactly 8 characters");
  }
  char ctx[crypto_kdf_CONTEXTBYTES];
  std::copy(context.begin(), context.end(), ctx);
  SecretKey key;
  crypto_kdf_derive_from_key(key.data(), SecretKey::kSize, subkey_id, ctx, blind_index_key_.data());
  return key;
}

const SecretKey& Keyring::current_key() const {
  return keys_.find(current_kid_)->second;
}

core::Result<Keyring> Keyring::Parse(std::string_view text) {
  Keyring keyring;
  bool saw_format = false;
  bool saw_index = false;
  std::string current;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const std::vector<std::string_view> words = SplitWords(line);
    if (words.empty()) continue;
    const std::string_view directive = words[0];
    if (directive == "format" && words.size() == 2 && words[1] == kFormatLine && !saw_format) {
      saw_format = true;
    } else if (directive == "current" && words.size() == 2 && current.empty() &&
               ValidKid(words[1])) {
      current = std::string(words[1]);
    } else if (directive == "key" && words.size() == 3 && ValidKid(words[1]) &&
               keyring.keys_.count(words[1]) == 0) {
      SecretKey key;
      if (!DecodeKey(words[2], key)) return KeyfileError("error.keyfile_invalid");
      keyring.keys_.emplace(std::string(words[1]), std::move(key));
    } else if (directive == "blind_index" && words.size() == 2 && !saw_index) {
      if (!DecodeKey(words[1], keyring.blind_index_key_)) {
        return KeyfileError("error.keyfile_invalid");
      }
      saw_index = true;
    } else {
      return KeyfileError("error.keyfile_invalid");
    }
  }
  if (!saw_format || !saw_index || keyring.keys_.count(current) == 0) {
    return KeyfileError("error.keyfile_invalid");
  }
  keyring.current_kid_ = std::move(current);
  return keyring;
}

std::string Keyring::Serialize() const {
  constexpr std::string_view kHeader =
      "# Tsunagu field encryption keys. Keep this file mode 0600, outside the database and its\n"
      "# backups. Old keys must stay until every value written under them is re-encrypted.\n";
  constexpr std::size_t kLineBytes = 128;  // longer than any line below
  std::string out;
  // Reserved once, so appending never reallocates and leaves key text behind in freed memory.
  out.reserve(kHeader.size() + (keys_.size() + 3) * kLineBytes);
  out.append(kHeader).append("format ").append(kFormatLine).append("\n");
  out.append("current ").append(current_kid_).append("\n");
  const auto append_key = [&out](std::string_view label, std::string_view kid,
                                 const SecretKey& key) {
    std::string encoded = EncodeKey(key);
    out.append(label);
    if (!kid.empty()) out.append(" ").append(kid);
    out.append(" ").append(encoded).append("\n");
    sodium_memzero(encoded.data(), encoded.size());
  };
  for (const auto& [kid, key] : keys_) append_key("key", kid, key);
  append_key("blind_index", "", blind_index_key_);
  return out;
}

core::Result<Keyring> Keyring::LoadFile(const std::filesystem::path& path) {
  // fstat on the open descriptor, not stat on the path, so the mode checked is the mode of the
  // file actually read.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return KeyfileError("error.keyfile_unreadable");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return KeyfileError("error.keyfile_unreadable");
  }
  const mode_t perms = st.st_mode & 07777;
  if (perms != 0600 && perms != 0400) {
    ::close(fd);
    return KeyfileError("error.keyfile_permissions");
  }
  std::string text;
  WipeOnExit wipe(text);
  text.reserve(kMaxKeyFileBytes);  // no reallocation, so no unwiped copy is left behind
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || text.size() + static_cast<std::size_t>(n) > kMaxKeyFileBytes) {
      sodium_memzero(buf, sizeof buf);
      ::close(fd);
      return KeyfileError("error.keyfile_unreadable");
    }
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  sodium_memzero(buf, sizeof buf);
  ::close(fd);
  return Parse(text);
}

core::Status Keyring::GenerateFile(const std::filesystem::path& path) {
  std::string text = Generate().Serialize();
  WipeOnExit wipe(text);
  return WriteNewFile(path, text);
}

core::Result<std::string> Keyring::RotateFile(const std::filesystem::path& path) {
  core::Result<Keyring> loaded = LoadFile(path);
  if (!loaded) return loaded.error();
  Keyring keyring = std::move(loaded).value();
  std::string kid = keyring.AddKey();
  std::string text = keyring.Serialize();
  WipeOnExit wipe(text);
  std::filesystem::path temp = path;
  temp += ".new";
  if (core::Status written = WriteNewFile(temp, text); !written) return written.error();
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return KeyfileError("error.keyfile_write");
  }
  SyncDirectory(path);
  return kid;
}

std::string FieldCipher::Encrypt(std::string_view plaintext,
                                 std::string_view associated_data) const {
  std::string sealed(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, kNonceBytes);
  unsigned long long cipher_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out + kNonceBytes, &cipher_len, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(associated_data.data()),
      associated_data.size(), nullptr, out, keyring_.current_key().data());
  std::string stored(kCipherPrefix);
  stored += keyring_.current_kid();
  stored += '.';
  stored += Base64Encode(sealed);
  return stored;
}

namespace {

struct StoredParts {
  std::string_view kid;
  std::string_view payload;
};

std::optional<StoredParts> SplitStored(std::string_view stored) {
  if (stored.substr(0, kCipherPrefix.size()) != kCipherPrefix) return std::nullopt;
  stored.remove_prefix(kCipherPrefix.size());
  const std::size_t dot = stored.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return StoredParts{stored.substr(0, dot), stored.substr(dot + 1)};
}

}  // namespace

core::Result<std::string> FieldCipher::Decrypt(std::string_view stored,
                                               std::string_view associated_data) const {
  const core::Error failed = KeyfileError("error.decrypt_failed");
  const std::optional<StoredParts> parts = SplitStored(stored);
  if (!parts) return failed;
  const SecretKey* key = keyring_.Find(parts->kid);
  if (key == nullptr) return KeyfileError("error.unknown_key_id");
  const std::optional<std::string> sealed = Base64Decode(parts->payload);
  if (!sealed || sealed->size() < kNonceBytes + kTagBytes) {
    return failed;
  }
  const auto* in = reinterpret_cast<const unsigned char*>(sealed->data());
  std::string plaintext(sealed->size() - kNonceBytes - kTagBytes, '\0');
  unsigned long long plain_len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plaintext.data()), &plain_len, nullptr, in + kNonceBytes,
          sealed->size() - kNonceBytes,
          reinterpret_cast<const unsigned char*>(associated_data.data()), associated_data.size(),
          in, key->data()) != 0) {
    return failed;
  }
  plaintext.resize(static_cast<std::size_t>(plain_len));
  return plaintext;
}

bool FieldCipher::NeedsReencrypt(std::string_view stored) const {
  const std::optional<StoredParts> parts = SplitStored(stored);
  return !parts || parts->kid != keyring_.current_kid();
}

std::string FieldCipher::BlindIndex(std::string_view normalized_value,
                                    std::string_view purpose) const {
  // The purpose goes in with its length first, so ("ab", "c") and ("a", "bc") cannot collide.
  const std::uint64_t purpose_len = purpose.size();
  unsigned char len_le[8];
  for (int i = 0; i < 8; ++i) len_le[i] = static_cast<unsigned char>(purpose_len >> (8 * i));
  crypto_generichash_state state;
  crypto_generichash_init(&state, keyring_.blind_index_key().data(), SecretKey::kSize,
                          crypto_generichash_BYTES);
  crypto_generichash_update(&state, len_le, sizeof len_le);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(purpose.data()),
                            purpose.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(normalized_value.data()),
                            normalized_value.size());
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash_final(&state, digest, sizeof digest);
  sodium_memzero(&state, sizeof state);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace tsunagu::crypto
