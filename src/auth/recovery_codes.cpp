#include "auth/recovery_codes.hpp"

#include <sodium.h>

namespace tsunagu::auth {

std::vector<std::string> NewRecoveryCodes(int count) {
  std::vector<std::string> codes;
  if (count <= 0) return codes;
  codes.reserve(static_cast<std::size_t>(count));
  for (int n = 0; n < count; ++n) {
    std::string code;
    for (int i = 0; i < kRecoveryCodeSymbols; ++i) {
      if (i > 0 && i % 4 == 0) code += '-';
      // randombytes_uniform has no modulo bias.
      code += kRecoveryAlphabet[randombytes_uniform(kRecoveryAlphabet.size())];
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

std::string NormalizeRecoveryCode(std::string_view code) {
  std::string out;
  out.reserve(code.size());
  for (char c : code) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

bool LooksLikeRecoveryCode(std::string_view code) {
  const std::string n = NormalizeRecoveryCode(code);
  return n.size() == static_cast<std::size_t>(kRecoveryCodeSymbols) &&
         n.find_first_not_of(kRecoveryAlphabet) == std::string::npos;
}

PasswordHasherOptions RecoveryCodeHashing() {
  return {2, std::size_t{19} << 20};
}

std::string HashRecoveryCode(std::string_view code, const PasswordHasherOptions& options) {
  return HashPassword(NormalizeRecoveryCode(code), options);
}

bool VerifyRecoveryCode(std::string_view code, std::string_view stored) {
  if (stored.rfind("$argon2id$", 0) != 0) return false;
  return VerifyPassword(stored, NormalizeRecoveryCode(code));
}

}  // namespace tsunagu::auth
