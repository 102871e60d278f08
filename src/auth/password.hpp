// Password hashing (Argon2id) and the password policy of SECURITY.md rule 6.
#pragma once

#include <sodium.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/result.hpp"

namespace tsunagu::auth {

// Argon2id cost. The defaults (3 passes, 64 MiB) follow OWASP's guidance and take about 0.1-0.2 s
// on one core; tests pass ForTests() so that hashing does not dominate the suite.
struct PasswordHasherOptions {
  unsigned long long opslimit = 3;
  std::size_t memlimit = std::size_t{64} << 20;

  static PasswordHasherOptions ForTests() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
  }
};

// An encoded "$argon2id$..." string holding salt and cost. Throws std::runtime_error only when
// the memory for Argon2 cannot be had.
std::string HashPassword(std::string_view password, const PasswordHasherOptions& options = {});
// False for a wrong password and for a hash that is not a valid encoded string.
bool VerifyPassword(std::string_view hash, std::string_view password);
// True when the hash is not Argon2id with exactly these costs: after a successful login, hash the
// password again and store the new hash.
bool NeedsRehash(std::string_view hash, const PasswordHasherOptions& options = {});

// Length is counted in Unicode code points (UTF-8 input), so a Japanese passphrase is not
// penalised for taking three bytes a character.
class PasswordPolicy {
 public:
  static constexpr std::size_t kMinCodePoints = 13;
  static constexpr std::size_t kMaxCodePoints = 256;

  // The common-password list: one password a line (no comments: '#' can start a password),
  // blank lines ignored; compared ASCII-case-insensitively. Fails with
  // "error.password_list_unreadable".
  static core::Result<PasswordPolicy> Load(const std::filesystem::path& path);
  // A policy over an in-memory list (tests, and callers that embed the list).
  static PasswordPolicy FromList(std::string_view list_text);

  // Errors are ErrorCode::kInvalidInput with a field error on "password":
  //   "password.too_short", "password.too_long",
  //   "password.common" (on the list, also after dropping trailing digits and symbols or undoing
  //     look-alike substitutions such as p@ssw0rd; or one short unit repeated, e.g. "aaaa...",
  //     "abcabc..."),
  //   "password.contains_identity" (contains the e-mail local part or a part of it, or the name).
  core::Status Check(std::string_view password, std::string_view email_or_name) const;

 private:
  explicit PasswordPolicy(std::unordered_set<std::string> common) : common_(std::move(common)) {}
  bool IsCommon(const std::string& lowered) const;

  std::unordered_set<std::string> common_;
};

}  // namespace tsunagu::auth
