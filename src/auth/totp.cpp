#include "auth/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <new>
#include <string>

#include "crypto/random.hpp"

namespace tsunagu::auth {

namespace {

constexpr std::size_t kSecretBytes = 20;

// Decoded secret that wipes itself.
class SecretBytes {
 public:
  SecretBytes() = default;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  ~SecretBytes() {
    if (data_ != nullptr) {
      sodium_memzero(data_, size_);
      std::free(data_);
    }
  }
  char** out_data() { return &data_; }
  std::size_t* out_size() { return &size_; }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
};

// Apps and people write base32 in lower case, with spaces and without padding; liboath wants
// upper case padded to a multiple of 8.
bool DecodeSecret(std::string_view b32, SecretBytes& out) {
  std::string canonical;
  for (char c : b32) {
    if (c == ' ' || c == '=') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    canonical += c;
  }
  if (canonical.empty()) return false;
  while (canonical.size() % 8 != 0) canonical += '=';
  const bool ok = oath_base32_decode(canonical.data(), canonical.size(), out.out_data(),
                                     out.out_size()) == OATH_OK &&
                  out.size() > 0;
  sodium_memzero(canonical.data(), canonical.size());
  return ok;
}

bool CodeForStep(const SecretBytes& secret, std::int64_t step,
                 std::array<char, kTotpDigits + 1>& code) {
  return oath_hotp_generate(secret.data(), secret.size(), static_cast<std::uint64_t>(step),
                            kTotpDigits, false, OATH_HOTP_DYNAMIC_TRUNCATION,
                            code.data()) == OATH_OK;
}

// Floor division, so times before 1970 (only in tests) still map to the right step.
std::int64_t StepOf(std::int64_t unix_seconds) {
  std::int64_t step = unix_seconds / kTotpStepSeconds;
  if (unix_seconds % kTotpStepSeconds < 0) --step;
  return step;
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

}  // namespace

std::string NewTotpSecret() {
  std::array<char, kSecretBytes> raw{};
  randombytes_buf(raw.data(), raw.size());
  char* encoded = nullptr;
  std::size_t encoded_len = 0;
  const int rc = oath_base32_encode(raw.data(), raw.size(), &encoded, &encoded_len);
  sodium_memzero(raw.data(), raw.size());
  if (rc != OATH_OK) throw std::bad_alloc();
  std::string secret(encoded, encoded_len);
  sodium_memzero(encoded, encoded_len);
  std::free(encoded);
  while (!secret.empty() && secret.back() == '=') secret.pop_back();
  return secret;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_b32) {
  const std::string encoded_issuer = PercentEncode(issuer);
  std::string uri = "otpauth://totp/" + encoded_issuer + ":" + PercentEncode(account);
  uri += "?secret=" + PercentEncode(secret_b32);
  uri += "&issuer=" + encoded_issuer;
  uri += "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits);
  uri += "&period=" + std::to_string(kTotpStepSeconds);
  return uri;
}

std::optional<std::int64_t> VerifyTotp(std::string_view secret_b32, std::string_view code,
                                       std::int64_t now_unix, std::int64_t last_used_step) {
  std::string digits;
  for (const char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  if (digits.size() != kTotpDigits) return std::nullopt;
  SecretBytes secret;
  if (!DecodeSecret(secret_b32, secret)) return std::nullopt;

  // All three candidates are computed and compared whatever matches, so timing does not say
  // which step (if any) was hit.
  const std::int64_t now_step = StepOf(now_unix);
  std::optional<std::int64_t> matched;
  for (std::int64_t step = now_step - 1; step <= now_step + 1; ++step) {
    std::array<char, kTotpDigits + 1> expected{};
    if (step < 0 || !CodeForStep(secret, step, expected)) continue;
    const bool equal =
        crypto::ConstantTimeEquals(std::string_view(expected.data(), kTotpDigits), digits);
    if (equal && step > last_used_step && !matched) matched = step;
  }
  return matched;
}

std::string TotpCodeAt(std::string_view secret_b32, std::int64_t unix_seconds) {
  SecretBytes secret;
  if (!DecodeSecret(secret_b32, secret)) return {};
  std::array<char, kTotpDigits + 1> code{};
  if (!CodeForStep(secret, StepOf(unix_seconds), code)) return {};
  return std::string(code.data(), kTotpDigits);
}

}  // namespace tsunagu::auth
