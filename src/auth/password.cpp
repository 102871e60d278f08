#include "auth/password.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace tsunagu::auth {

namespace {

constexpr std::string_view kArgon2idPrefix = crypto_pwhash_argon2id_STRPREFIX;
// Shorter identity fragments would refuse too many good passphrases ("ai", "jo").
constexpr std::size_t kMinIdentityPart = 4;
constexpr std::size_t kMaxRepeatedUnit = 4;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Code points of UTF-8 text; each byte that does not continue a sequence starts one.
std::vector<std::string_view> CodePoints(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= s.size(); ++i) {
    if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      out.push_back(s.substr(start, i - start));
      start = i;
    }
  }
  return out;
}

// True when the password is one unit of up to kMaxRepeatedUnit code points repeated.
bool IsRepeatedUnit(const std::vector<std::string_view>& cps) {
  for (std::size_t unit = 1; unit <= kMaxRepeatedUnit && unit * 2 <= cps.size(); ++unit) {
    bool repeated = true;
    for (std::size_t i = unit; i < cps.size() && repeated; ++i) {
      repeated = cps[i] == cps[i % unit];
    }
    if (repeated) return true;
  }
  return false;
}

std::string StripTrailingNonLetters(std::string s) {
  while (!s.empty() && static_cast<unsigned char>(s.back()) < 0x80 &&
         !(s.back() >= 'a' && s.back() <= 'z')) {
    s.pop_back();
  }
  return s;
}

// Undoes the usual look-alike substitutions; '1' is tried both as 'i' and as 'l'.
std::vector<std::string> Unleet(const std::string& s) {
  std::string as_i = s;
  std::string as_l = s;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '0':
        c = 'o';
        break;
      case '3':
        c = 'e';
        break;
      case '4':
      case '@':
        c = 'a';
        break;
      case '5':
      case '$':
        c = 's';
        break;
      case '7':
        c = 't';
        break;
      case '!':
        c = 'i';
        break;
      default:
        break;
    }
    as_i[i] = s[i] == '1' ? 'i' : c;
    as_l[i] = s[i] == '1' ? 'l' : c;
  }
  return {as_i, as_l};
}

std::vector<std::string> IdentityParts(std::string_view email_or_name) {
  std::string lowered = AsciiLower(email_or_name);
  if (const std::size_t at = lowered.find('@'); at != std::string::npos) lowered.resize(at);
  std::vector<std::string> parts;
  if (CodePoints(lowered).size() >= 3) parts.push_back(lowered);
  std::string current;
  for (std::size_t i = 0; i <= lowered.size(); ++i) {
    const char c = i < lowered.size() ? lowered[i] : ' ';
    if (c == '.' || c == '_' || c == '-' || c == '+' || c == ' ' || c == '\t') {
      if (CodePoints(current).size() >= kMinIdentityPart && current != lowered) {
        parts.push_back(current);
      }
      current.clear();
    } else {
      current += c;
    }
  }
  return parts;
}

core::Status Refuse(const char* key) {
  return core::Error::Invalid(key, {core::FieldError{"password", key}});
}

}  // namespace

std::string HashPassword(std::string_view password, const PasswordHasherOptions& options) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), options.opslimit,
                            options.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("crypto_pwhash_str_alg failed: out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view hash, const PasswordHasherOptions& options) {
  if (hash.substr(0, kArgon2idPrefix.size()) != kArgon2idPrefix) return true;
  if (hash.size() >= crypto_pwhash_STRBYTES) return true;
  const std::string terminated(hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), options.opslimit, options.memlimit) !=
         0;
}

PasswordPolicy PasswordPolicy::FromList(std::string_view list_text) {
  std::unordered_set<std::string> common;
  while (!list_text.empty()) {
    const std::size_t nl = list_text.find('\n');
    std::string_view line = list_text.substr(0, nl);
    list_text.remove_prefix(nl == std::string_view::npos ? list_text.size() : nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    common.insert(AsciiLower(line));
  }
  return PasswordPolicy(std::move(common));
}

core::Result<PasswordPolicy> PasswordPolicy::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::Error{core::ErrorCode::kInternal, "error.password_list_unreadable", {}};
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return core::Error{core::ErrorCode::kInternal, "error.password_list_unreadable", {}};
  }
  return FromList(text.str());
}

bool PasswordPolicy::IsCommon(const std::string& lowered) const {
  if (common_.count(lowered) != 0) return true;
  const std::string stripped = StripTrailingNonLetters(lowered);
  if (!stripped.empty() && common_.count(stripped) != 0) return true;
  for (const std::string& candidate : {lowered, stripped}) {
    for (const std::string& plain : Unleet(candidate)) {
      if (common_.count(plain) != 0) return true;
      const std::string plain_stripped = StripTrailingNonLetters(plain);
      if (!plain_stripped.empty() && common_.count(plain_stripped) != 0) return true;
    }
  }
  return false;
}

core::Status PasswordPolicy::Check(std::string_view password,
                                   std::string_view email_or_name) const {
  const std::vector<std::string_view> cps = CodePoints(password);
  if (cps.size() < kMinCodePoints) return Refuse("password.too_short");
  if (cps.size() > kMaxCodePoints) return Refuse("password.too_long");
  const std::string lowered = AsciiLower(password);
  if (IsRepeatedUnit(CodePoints(lowered)) || IsCommon(lowered)) return Refuse("password.common");
  for (const std::string& part : IdentityParts(email_or_name)) {
    if (lowered.find(part) != std::string::npos) return Refuse("password.contains_identity");
  }
  return core::OkStatus();
}

}  // namespace tsunagu::auth
