#include "orgs/org_store.hpp"

#include "storage/row.hpp"

namespace tsunagu::orgs {
namespace {

using storage::GetInt;
using storage::GetText;

constexpr const char* kUserColumns =
    "id, email, display_name, password_hash, totp_secret, totp_last_step, status, "
    "is_system_admin, language, failed_logins, locked_until, created_at";

// A user's columns (kUserColumns) from column `at` on.
User ReadUser(const soci::row& r, std::size_t at = 0) {
  User u;
  u.id = GetInt(r, at);
  u.email = GetText(r, at + 1);
  u.display_name = GetText(r, at + 2);
  u.password_hash = GetText(r, at + 3);
  u.totp_secret = GetText(r, at + 4);
  u.totp_last_step = GetInt(r, at + 5);
  u.status = GetText(r, at + 6);
  u.is_system_admin = GetInt(r, at + 7) != 0;
  u.language = GetText(r, at + 8);
  u.failed_logins = GetInt(r, at + 9);
  u.locked_until = GetInt(r, at + 10);
  u.created_at = GetInt(r, at + 11);
  return u;
}

Organization ReadOrg(const soci::row& r) {
  return Organization{GetInt(r, 0), GetText(r, 1), GetText(r, 2), GetText(r, 3), GetInt(r, 4)};
}

constexpr const char* kMembershipSelect =
    "SELECT m.id, m.user_id, m.organization_id, m.role, m.profession, o.name, o.kind, u.email, "
    "u.display_name, u.status FROM membership m JOIN organization o ON o.id = m.organization_id "
    "JOIN app_user u ON u.id = m.user_id ";

// A membership's columns (kMembershipSelect's) from column `at` on.
Membership ReadMembership(const soci::row& r, std::size_t at = 0) {
  Membership m;
  m.id = GetInt(r, at);
  m.user_id = GetInt(r, at + 1);
  m.organization_id = GetInt(r, at + 2);
  m.role = GetText(r, at + 3);
  m.profession = GetText(r, at + 4);
  m.organization_name = GetText(r, at + 5);
  m.organization_kind = GetText(r, at + 6);
  m.user_email = GetText(r, at + 7);
  m.user_display_name = GetText(r, at + 8);
  m.user_status = GetText(r, at + 9);
  return m;
}

}  // namespace

std::int64_t OrgStore::CreateOrganization(soci::session& s, const std::string& kind,
                                          const std::string& name, std::int64_t now) {
  long long id = 0;
  long long at = now;
  s << "INSERT INTO organization (kind, name, status, created_at) VALUES (:k, :n, 'active', :t) "
       "RETURNING id",
      soci::use(kind), soci::use(name), soci::use(at), soci::into(id);
  return id;
}

std::optional<Organization> OrgStore::GetOrganization(soci::session& s, std::int64_t id) {
  long long key = id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, kind, name, status, created_at FROM organization WHERE id = :id",
       soci::use(key));
  for (const auto& r : rows) return ReadOrg(r);
  return std::nullopt;
}

std::optional<Organization> OrgStore::FindOrganizationByName(soci::session& s,
                                                             const std::string& name) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, kind, name, status, created_at FROM organization WHERE name = :n",
       soci::use(name));
  for (const auto& r : rows) return ReadOrg(r);
  return std::nullopt;
}

std::vector<Organization> OrgStore::ListOrganizations(soci::session& s) {
  std::vector<Organization> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, kind, name, status, created_at FROM organization ORDER BY id");
  for (const auto& r : rows) out.push_back(ReadOrg(r));
  return out;
}

void OrgStore::SetOrganizationStatus(soci::session& s, std::int64_t id, const std::string& status) {
  long long key = id;
  s << "UPDATE organization SET status = :s WHERE id = :id", soci::use(status), soci::use(key);
}

std::int64_t OrgStore::CreateUser(soci::session& s, const std::string& email,
                                  const std::string& display_name, bool is_system_admin,
                                  std::int64_t now) {
  long long id = 0;
  long long at = now;
  int admin = is_system_admin ? 1 : 0;
  s << "INSERT INTO app_user (email, display_name, status, is_system_admin, created_at) "
       "VALUES (:e, :d, 'invited', :a, :t) RETURNING id",
      soci::use(email), soci::use(display_name), soci::use(admin), soci::use(at), soci::into(id);
  return id;
}

std::optional<User> OrgStore::GetUser(soci::session& s, std::int64_t id) {
  long long key = id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " << kUserColumns << " FROM app_user WHERE id = :id", soci::use(key));
  for (const auto& r : rows) return ReadUser(r);
  return std::nullopt;
}

std::optional<User> OrgStore::FindUserByEmail(soci::session& s, const std::string& email) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " << kUserColumns << " FROM app_user WHERE email = :e",
       soci::use(email));
  for (const auto& r : rows) return ReadUser(r);
  return std::nullopt;
}

void OrgStore::SetUserStatus(soci::session& s, std::int64_t id, const std::string& status) {
  long long key = id;
  s << "UPDATE app_user SET status = :s WHERE id = :id", soci::use(status), soci::use(key);
}

void OrgStore::SetPassword(soci::session& s, std::int64_t id, const std::string& hash,
                           std::int64_t now) {
  long long key = id;
  long long at = now;
  s << "UPDATE app_user SET password_hash = :h, password_changed_at = :t WHERE id = :id",
      soci::use(hash), soci::use(at), soci::use(key);
}

void OrgStore::SetTotp(soci::session& s, std::int64_t id, const std::string& encrypted_secret,
                       std::int64_t last_step) {
  long long key = id;
  long long step = last_step;
  soci::indicator ind = encrypted_secret.empty() ? soci::i_null : soci::i_ok;
  s << "UPDATE app_user SET totp_secret = :s, totp_last_step = :st WHERE id = :id",
      soci::use(encrypted_secret, ind), soci::use(step), soci::use(key);
}

void OrgStore::SetTotpLastStep(soci::session& s, std::int64_t id, std::int64_t step) {
  long long key = id;
  long long st = step;
  s << "UPDATE app_user SET totp_last_step = :st WHERE id = :id", soci::use(st), soci::use(key);
}

void OrgStore::SetLanguage(soci::session& s, std::int64_t id, const std::string& lang) {
  long long key = id;
  s << "UPDATE app_user SET language = :l WHERE id = :id", soci::use(lang), soci::use(key);
}

void OrgStore::SetSystemAdmin(soci::session& s, std::int64_t id, bool on) {
  long long key = id;
  int flag = on ? 1 : 0;
  s << "UPDATE app_user SET is_system_admin = :a WHERE id = :id", soci::use(flag), soci::use(key);
}

std::int64_t OrgStore::AddMembership(soci::session& s, std::int64_t user_id, std::int64_t org_id,
                                     const std::string& role, const std::string& profession,
                                     std::int64_t now) {
  long long id = 0;
  long long u = user_id;
  long long o = org_id;
  long long at = now;
  s << "INSERT INTO membership (user_id, organization_id, role, profession, created_at) "
       "VALUES (:u, :o, :r, :p, :t) RETURNING id",
      soci::use(u), soci::use(o), soci::use(role), soci::use(profession), soci::use(at),
      soci::into(id);
  return id;
}

void OrgStore::UpdateMembership(soci::session& s, std::int64_t membership_id,
                                const std::string& role, const std::string& profession) {
  long long key = membership_id;
  s << "UPDATE membership SET role = :r, profession = :p WHERE id = :id", soci::use(role),
      soci::use(profession), soci::use(key);
}

void OrgStore::RemoveMembership(soci::session& s, std::int64_t membership_id) {
  long long key = membership_id;
  s << "DELETE FROM membership WHERE id = :id", soci::use(key);
}

std::optional<Membership> OrgStore::GetMembership(soci::session& s, std::int64_t membership_id) {
  long long key = membership_id;
  soci::rowset<soci::row> rows =
      (s.prepare << kMembershipSelect << "WHERE m.id = :id", soci::use(key));
  for (const auto& r : rows) return ReadMembership(r);
  return std::nullopt;
}

std::optional<Membership> OrgStore::FindMembership(soci::session& s, std::int64_t user_id,
                                                   std::int64_t org_id) {
  long long u = user_id;
  long long o = org_id;
  soci::rowset<soci::row> rows =
      (s.prepare << kMembershipSelect << "WHERE m.user_id = :u AND m.organization_id = :o",
       soci::use(u), soci::use(o));
  for (const auto& r : rows) return ReadMembership(r);
  return std::nullopt;
}

std::vector<Membership> OrgStore::MembersOf(soci::session& s, std::int64_t org_id) {
  std::vector<Membership> out;
  long long o = org_id;
  soci::rowset<soci::row> rows =
      (s.prepare << kMembershipSelect << "WHERE m.organization_id = :o ORDER BY u.display_name",
       soci::use(o));
  for (const auto& r : rows) out.push_back(ReadMembership(r));
  return out;
}

std::vector<Membership> OrgStore::MembershipsOf(soci::session& s, std::int64_t user_id) {
  std::vector<Membership> out;
  long long u = user_id;
  soci::rowset<soci::row> rows =
      (s.prepare << kMembershipSelect
                 << "WHERE m.user_id = :u AND o.status = 'active' ORDER BY o.name",
       soci::use(u));
  for (const auto& r : rows) out.push_back(ReadMembership(r));
  return out;
}

// A user's columns (as kUserColumns) and then a membership's (as kMembershipSelect's, NULL for
// a user without one), from app_user `u` and the user's memberships of active organisations
// `m` (kUserMembershipsJoin): one row per membership (a statement orders them by `m.name`).
const char* const OrgStore::kUserMembershipsColumns =
    "u.id, u.email, u.display_name, u.password_hash, u.totp_secret, u.totp_last_step, u.status, "
    "u.is_system_admin, u.language, u.failed_logins, u.locked_until, u.created_at, m.id, "
    "m.user_id, m.organization_id, m.role, m.profession, m.name, m.kind, u.email, "
    "u.display_name, u.status";
const char* const OrgStore::kUserMembershipsJoin =
    "LEFT JOIN (SELECT m.id, m.user_id, m.organization_id, m.role, m.profession, o.name, o.kind "
    "FROM membership m JOIN organization o ON o.id = m.organization_id AND o.status = 'active') "
    "m ON m.user_id = u.id";

void OrgStore::ReadUserMembershipsRow(const soci::row& r, std::size_t at,
                                      std::optional<UserMemberships>& into) {
  if (!into) into = UserMemberships{ReadUser(r, at), {}};
  if (!storage::IsNull(r, at + 12)) into->memberships.push_back(ReadMembership(r, at + 12));
}

int OrgStore::CountAdmins(soci::session& s, std::int64_t org_id) {
  long long o = org_id;
  int n = 0;
  s << "SELECT COUNT(*) FROM membership m JOIN app_user u ON u.id = m.user_id "
       "WHERE m.organization_id = :o AND m.role = 'admin' AND u.status = 'active'",
      soci::use(o), soci::into(n);
  return n;
}

}  // namespace tsunagu::orgs
