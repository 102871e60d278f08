// One-time recovery codes for when the TOTP device is lost (SECURITY.md rule 6).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auth/password.hpp"

namespace tsunagu::auth {

// Lower-case letters and digits without the look-alikes 0/o, 1/l/i: 31 symbols.
inline constexpr std::string_view kRecoveryAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";
inline constexpr int kRecoveryCodeSymbols = 16;  // 16 * log2(31) = 79 bits

// `count` fresh codes formatted "xxxx-xxxx-xxxx-xxxx". Show them once; store only
// HashRecoveryCode.
std::vector<std::string> NewRecoveryCodes(int count = 10);

// Lower-case, without spaces and hyphens, so "ABCD EFGH-JK…" and "abcd-efgh-jk…" are the same.
std::string NormalizeRecoveryCode(std::string_view code);

// Whether `code` has the shape of a recovery code (after normalising), so that a mistyped TOTP
// code does not cost ten Argon2id verifications.
bool LooksLikeRecoveryCode(std::string_view code);

// Argon2id cost for recovery codes: 79 random bits need less stretching than a password, and a
// login may check all ten codes of the account (OWASP's minimum: 2 passes, 19 MiB).
PasswordHasherOptions RecoveryCodeHashing();

// A salted Argon2id string of the normalised code: the only form that is stored.
std::string HashRecoveryCode(std::string_view code, const PasswordHasherOptions& options);
// False for a wrong code and for anything stored that is not an Argon2id string.
bool VerifyRecoveryCode(std::string_view code, std::string_view stored);

}  // namespace tsunagu::auth
