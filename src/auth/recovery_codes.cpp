#include "auth/recovery_codes.hpp"

#include <sodium.h>

#include "crypto/random.hpp"

namespace tsunagu::auth {

std::vector<std::string> NewRecoveryCodes(int count) {
  std::vector<std::string> codes;
  if (count <= 0) return codes;
  codes.reserve(static_cast<std::size_t>(count));
  for (int n = 0; n < count; ++n) {
    std::string code;
    for (int i = 0; i < kRecoveryCodeSymbols; ++i) {
      if (i == 4 || i == 8) code += '-';
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

std::string HashRecoveryCode(std::string_view code) {
  return crypto::HashToken(NormalizeRecoveryCode(code));
}

}  // namespace tsunagu::auth
