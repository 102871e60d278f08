// Small, misuse-resistant wrappers around libsodium for tokens, hashes and encodings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tsunagu::crypto {

// `bytes` random bytes as URL-safe base64 without padding: session ids, invite and API tokens,
// CSRF tokens. 32 bytes (256 bits) unless there is a reason for less.
std::string RandomToken(std::size_t bytes = 32);

// A reference people read out on the telephone: `prefix` then 8 random characters in two groups
// ("TS-K7QA-4MXR"), from an alphabet without look-alikes (no 0/O, 1/I, 2/Z, 5/S, 8/B).
std::string ReadableReference(std::string_view prefix);

// Lower-case hex of unkeyed BLAKE2b-256. Tokens are stored only in this form, so a database dump
// gives nobody a usable session or invite.
std::string HashToken(std::string_view token);

// Compares without an early exit, so response time tells nothing about how much of a secret
// matched. Different lengths are unequal (lengths of hashes and tokens are not secret).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Standard base64 (RFC 4648 section 4) with padding.
std::string Base64Encode(std::string_view bytes);
// nullopt unless the whole input is valid standard base64.
std::optional<std::string> Base64Decode(std::string_view text);

// Lower-case hex.
std::string HexEncode(std::string_view bytes);

// Lower-case hex of SHA-256; the audit chain uses it because auditors can recompute it anywhere.
std::string Sha256Hex(std::string_view data);

}  // namespace tsunagu::crypto
