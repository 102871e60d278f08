#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/policy.hpp"

namespace tsunagu::orgs {

// Organisation kinds of DOMAIN.md; the code is stored, labels live in the catalogues
// ("org_kind.<code>").
inline constexpr std::array<std::string_view, 6> kOrganizationKinds = {
    "municipality",        "hospital",      "employment_support",
    "occupational_health", "patient_group", "employer"};

// Professions of the issue (看護師, MSW, 両立支援促進員, キャリアコンサルタント, 社会保険労務士,
// 弁護士, ピアサポーター, 事務); labels in the catalogues ("profession.<code>").
inline constexpr std::array<std::string_view, 8> kProfessions = {"nurse",
                                                                 "msw",
                                                                 "support_promoter",
                                                                 "career_consultant",
                                                                 "labor_consultant",
                                                                 "lawyer",
                                                                 "peer_supporter",
                                                                 "clerical"};

inline constexpr std::array<std::string_view, 4> kRoles = {"admin", "coordinator", "counselor",
                                                           "viewer"};

bool IsOrganizationKind(std::string_view s);
bool IsProfession(std::string_view s);

struct Organization {
  std::int64_t id = 0;
  std::string kind;
  std::string name;
  std::string status;
  std::int64_t created_at = 0;
};

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  std::string password_hash;  // empty until set
  std::string totp_secret;    // encrypted; empty until enrolled
  std::int64_t totp_last_step = 0;
  std::string status;  // invited, active, disabled
  bool is_system_admin = false;
  std::string language = "ja";
  std::int64_t failed_logins = 0;
  std::int64_t locked_until = 0;
  std::int64_t created_at = 0;
};

struct Membership {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t organization_id = 0;
  std::string role;
  std::string profession;
  // Joined for display.
  std::string organization_name;
  std::string organization_kind;
  std::string user_email;
  std::string user_display_name;
  std::string user_status;
};

// A user with their memberships of active organisations, by organisation name.
struct UserMemberships {
  User user;
  std::vector<Membership> memberships;
};

}  // namespace tsunagu::orgs
