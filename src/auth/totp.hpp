// TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps), the second factor for staff accounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tsunagu::auth {

inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// 20 random bytes (160 bits, the HMAC-SHA1 block-size recommendation of RFC 4226) as upper-case
// base32 without padding, the form authenticator apps accept.
std::string NewTotpSecret();

// otpauth://totp/Issuer:account?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30,
// with issuer and account percent-encoded (UTF-8), for the enrolment QR code.
std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_b32);

// The time step (unix / 30) the code matches, when `code` is 6 ASCII digits (spaces anywhere are
// ignored, as apps show "123 456"), matches step-1, step or step+1 of now_unix, and that step is
// later than last_used_step. Store the returned step as the new last_used_step, so a code
// cannot be used twice (replay). Accounts that never used a code pass -1.
std::optional<std::int64_t> VerifyTotp(std::string_view secret_b32, std::string_view code,
                                       std::int64_t now_unix, std::int64_t last_used_step);

// The 6-digit code at a time; empty when the secret is not valid base32. For tests and tools.
std::string TotpCodeAt(std::string_view secret_b32, std::int64_t unix_seconds);

}  // namespace tsunagu::auth
