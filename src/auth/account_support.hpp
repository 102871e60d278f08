// What the account service's files share (accounts.cpp, account_invitations.cpp). Internal to
// the auth domain.
#pragma once

#include <string>

#include "core/result.hpp"

namespace tsunagu::auth::account_support {

// The associated data that binds a sealed TOTP secret to its user (followed by the user id).
inline constexpr const char* kTotpAd = "app_user:totp_secret:";

// The mail text with "{link}" replaced by `link` (or the link appended on its own line).
inline std::string ReplaceLink(std::string text, const std::string& link) {
  const std::string marker = "{link}";
  if (auto pos = text.find(marker); pos != std::string::npos) {
    text.replace(pos, marker.size(), link);
  } else {
    text += "\n" + link + "\n";
  }
  return text;
}

// One message for every reason, so it never tells whether the account exists.
inline core::Error LoginFailed() {
  return core::Error::Unauthorized("login.failed");
}

}  // namespace tsunagu::auth::account_support
