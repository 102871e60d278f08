// One-time recovery codes for when the TOTP device is lost (SECURITY.md rule 6).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::auth {

// Lower-case letters and digits without the look-alikes 0/o, 1/l/i: 31 symbols.
inline constexpr std::string_view kRecoveryAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";
inline constexpr int kRecoveryCodeSymbols = 10;  // 10 * log2(31) = 49.5 bits

// `count` fresh codes formatted "xxxx-xxxx-xx". Show them once; store only HashRecoveryCode.
std::vector<std::string> NewRecoveryCodes(int count = 10);

// Lower-case, without spaces and hyphens, so "ABCD EFGH-JK" and "abcd-efgh-jk" are the same code.
std::string NormalizeRecoveryCode(std::string_view code);

// crypto::HashToken of the normalised code: the only form that is stored and compared.
std::string HashRecoveryCode(std::string_view code);

}  // namespace tsunagu::auth
