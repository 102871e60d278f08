#include "auth/accounts.hpp"

#include <algorithm>
#include <cctype>

#include "auth/account_support.hpp"
#include "auth/recovery_codes.hpp"
#include "auth/totp.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "metrics/instruments.hpp"
#include "orgs/org_service.hpp"
#include "orgs/org_store.hpp"
#include "storage/row.hpp"

namespace tsunagu::auth {

using namespace account_support;  // NOLINT(google-build-using-namespace): this domain's own helpers

namespace {

using storage::Abort;

// Per-address limits are looser than per-account ones: several staff share one office NAT.
constexpr int kAddressThreshold = 50;
constexpr std::int64_t kThrottleWindowSeconds = std::int64_t{15} * 60;
constexpr int kMaxCodeAttemptsPerLogin = 5;

template <typename T>
core::Result<T> Flatten(core::Result<core::Result<T>> r) {
  if (!r) return r.error();
  return std::move(*r);
}

// Monitoring: the locks RecordFailure set in the transaction running on this thread (a
// transaction body runs on its caller's thread), reported once it has committed.
struct Locks {
  bool account = false;
  bool address = false;
};
thread_local Locks locks;

// A failed sign-in step and the locks it caused, counted after the commit.
void CountLoginFailure(std::string_view step) {
  auto& m = metrics::Get();
  m.login_failures.With({step}).Inc();
  if (locks.account) m.login_lockouts.With({"account"}).Inc();
  if (locks.address) m.login_lockouts.With({"address"}).Inc();
  locks = {};
}

}  // namespace

AccountService::AccountService(storage::Database& db, const core::Clock& clock,
                               const core::Config& config, const crypto::FieldCipher& cipher,
                               SessionStore& sessions, const PasswordPolicy& password_policy,
                               notify::Outbox& outbox)
    : db_(db),
      clock_(clock),
      config_(config),
      cipher_(cipher),
      sessions_(sessions),
      password_policy_(password_policy),
      outbox_(outbox),
      hasher_(config.security.fast_password_hashing ? PasswordHasherOptions::ForTests()
                                                    : PasswordHasherOptions{}),
      recovery_hasher_(config.security.fast_password_hashing ? PasswordHasherOptions::ForTests()
                                                             : RecoveryCodeHashing()) {
  dummy_hash_ = HashPassword(crypto::RandomToken(16), hasher_);
}

std::string AccountService::NormalizeEmail(std::string_view email) {
  std::string e = core::Trim(core::NormalizeNfkc(email));
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

// --- throttling -------------------------------------------------------------------------

bool AccountService::Throttled(soci::session& s, const std::string& key, std::int64_t now) {
  long long locked_until = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT locked_until FROM login_throttle WHERE throttle_key = :k", soci::use(key),
      soci::into(locked_until, ind);
  return ind == soci::i_ok && locked_until > now;
}

void AccountService::RecordFailure(soci::session& s, const std::string& key, std::int64_t now,
                                   int threshold) {
  long long n = now;
  // Insert-if-absent, then a no-op update to take the row lock (PostgreSQL; SQLite already
  // holds the write lock), so parallel failures are all counted: no read-then-write race.
  s << "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) "
       "VALUES (:k, 0, :n, 0) ON CONFLICT (throttle_key) DO NOTHING",
      soci::use(key), soci::use(n);
  s << "UPDATE login_throttle SET failures = failures WHERE throttle_key = :k", soci::use(key);
  long long failures = 0;
  long long window_start = 0;
  s << "SELECT failures, window_start FROM login_throttle WHERE throttle_key = :k", soci::use(key),
      soci::into(failures), soci::into(window_start);
  if (now - window_start > kThrottleWindowSeconds) {
    failures = 0;
    window_start = now;
  }
  ++failures;
  long long locked_until = 0;
  if (failures >= threshold) {
    locked_until = now + static_cast<long long>(config_.security.lockout_minutes) * 60;
    failures = 0;
    window_start = now;
  }
  s << "UPDATE login_throttle SET failures = :f, window_start = :w, locked_until = "
       "CASE WHEN :l > locked_until THEN :l2 ELSE locked_until END WHERE throttle_key = :k",
      soci::use(failures), soci::use(window_start), soci::use(locked_until),
      soci::use(locked_until), soci::use(key);
  if (locked_until > 0) (key.rfind("addr:", 0) == 0 ? locks.address : locks.account) = true;
}

void AccountService::ClearFailures(soci::session& s, const std::string& key) {
  s << "DELETE FROM login_throttle WHERE throttle_key = :k", soci::use(key);
}

// --- login ------------------------------------------------------------------------------

core::Result<LoginStep> AccountService::LoginWithPassword(const std::string& email_in,
                                                          const std::string& password,
                                                          const std::string& ip) {
  const std::string email = NormalizeEmail(email_in);
  const std::int64_t now = clock_.NowSeconds();
  const std::string account_key = "acct:" + crypto::HashToken(email);
  const std::string address_key = "addr:" + crypto::HashToken(ip);

  auto pre = db_.Read<std::pair<bool, std::optional<orgs::User>>>([&](soci::session& s) {
    bool throttled = Throttled(s, account_key, now) || Throttled(s, address_key, now);
    return std::make_pair(throttled, orgs::OrgStore::FindUserByEmail(s, email));
  });
  if (!pre) return pre.error();
  if (pre->first) {
    locks = {};  // refused before any failure was recorded
    CountLoginFailure("throttled");
    return core::Error::RateLimited();
  }
  const auto& user = pre->second;
  // Hash work happens outside the write transaction so slow Argon2 never holds the lock.
  bool password_ok = VerifyPassword(
      user && !user->password_hash.empty() ? user->password_hash : dummy_hash_, password);
  bool ok = password_ok && user && user->status != "disabled" && !user->password_hash.empty();
  // Failures are committed (counters, audit) and then reported, so the transaction returns
  // the outcome instead of aborting.
  auto step = db_.Write<core::Result<LoginStep>>([&](soci::session& s) -> core::Result<LoginStep> {
    if (!ok) {
      locks = {};
      RecordFailure(s, account_key, now, config_.security.lockout_threshold);
      RecordFailure(s, address_key, now, kAddressThreshold);
      audit::AuditLog::Append(
          s, {0, 0, ip, ""},
          {"auth.login_failed", "user", user ? std::to_string(user->id) : "-", "{}", 0}, now);
      return LoginFailed();
    }
    long long confirmed = 0;
    soci::indicator ind = soci::i_null;
    long long id = user->id;
    s << "SELECT totp_confirmed_at FROM app_user WHERE id = :id", soci::use(id),
        soci::into(confirmed, ind);
    const std::string stage = ind == soci::i_ok ? "password" : "enroll";
    std::string token = sessions_.Create(s, user->id, 0, stage);
    audit::AuditLog::Append(s, {user->id, 0, ip, ""},
                            {"auth.password_ok", "user", std::to_string(user->id), "{}", 0}, now);
    return LoginStep{token, stage};
  });
  if (step && !ok) CountLoginFailure("password");
  return Flatten(std::move(step));
}

core::Result<LoginStep> AccountService::LoginWithCode(const Session& pending,
                                                      const std::string& code_in,
                                                      const std::string& ip) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string code = core::Trim(core::NormalizeNfkc(code_in));
  // A recovery code is checked against the salted hashes before the transaction, so that
  // Argon2id never holds the write lock; using it up is still one conditional UPDATE inside.
  const std::optional<std::int64_t> recovery = MatchRecoveryCode(pending.user_id, code);
  bool failed = false;
  auto step = db_.Write<core::Result<LoginStep>>([&](soci::session& s) -> core::Result<LoginStep> {
    failed = false;
    auto user = orgs::OrgStore::GetUser(s, pending.user_id);
    if (!user || user->status != "active") return LoginFailed();
    const std::string account_key = "acct:" + crypto::HashToken(user->email);
    if (Throttled(s, account_key, now)) return core::Error::RateLimited();

    bool ok = false;
    std::string method = "totp";
    if (auto step = VerifyTotp(DecryptTotp(*user), code, now, user->totp_last_step)) {
      orgs::OrgStore::SetTotpLastStep(s, user->id, *step);
      ok = true;
    } else if (recovery) {
      long long code_id = *recovery;
      long long id = user->id;
      long long at = now;
      soci::statement st =
          (s.prepare << "UPDATE recovery_code SET used_at = :n WHERE id = :c AND user_id = "
                        ":u AND used_at IS NULL",
           soci::use(at), soci::use(code_id), soci::use(id));
      st.execute(true);
      ok = st.get_affected_rows() == 1;
      method = "recovery_code";
    }
    if (!ok) {
      failed = true;
      locks = {};
      RecordFailure(s, account_key, now, config_.security.lockout_threshold);
      // Count attempts on this pending login; too many ends it (the user starts again).
      long long attempts = 0;
      long long sid = pending.id;
      s << "UPDATE user_session SET failed_codes = failed_codes + 1 WHERE id = :id", soci::use(sid);
      s << "SELECT failed_codes FROM user_session WHERE id = :id", soci::use(sid),
          soci::into(attempts);
      audit::AuditLog::Append(s, {user->id, 0, ip, ""},
                              {"auth.code_failed", "user", std::to_string(user->id), "{}", 0}, now);
      if (attempts >= kMaxCodeAttemptsPerLogin) sessions_.Destroy(s, pending.id);
      return core::Error::Invalid("login.code_failed", {{"code", "login.code_failed"}});
    }
    ClearFailures(s, account_key);
    sessions_.Destroy(s, pending.id);
    std::int64_t org = DefaultOrganization(s, user->id);
    std::string token = sessions_.Create(s, user->id, org, "full");
    audit::AuditLog::Append(
        s, {user->id, org, ip, ""},
        {"auth.login", "user", std::to_string(user->id), "{\"method\":\"" + method + "\"}", org},
        now);
    return LoginStep{token, "full"};
  });
  if (step && failed) CountLoginFailure("code");
  return Flatten(std::move(step));
}

core::Status AccountService::Logout(const Session& session, const std::string& ip) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    // Rule 7: logging out ends every session of the user, on every device (a forgotten
    // session on a shared PC ends with the next logout anywhere). API tokens stay: they are
    // revoked one by one, or by a password change.
    sessions_.DestroyAllForUser(s, session.user_id);
    audit::AuditLog::Append(s, {session.user_id, session.organization_id, ip, ""},
                            {"auth.logout", "user", std::to_string(session.user_id),
                             "{\"sessions\":\"all\"}", session.organization_id},
                            now);
  });
}

void AccountService::EndCredentials(soci::session& s, std::int64_t user_id, std::int64_t now) {
  sessions_.DestroyAllForUser(s, user_id);
  long long id = user_id;
  long long at = now;
  s << "UPDATE api_token SET revoked_at = :n WHERE user_id = :u AND revoked_at IS NULL",
      soci::use(at), soci::use(id);
}

core::Status AccountService::ConfirmIdentity(const Session& session, const std::string& password,
                                             const std::string& code_in, const std::string& ip) {
  auto user = db_.Read<std::optional<orgs::User>>(
      [&](soci::session& s) { return orgs::OrgStore::GetUser(s, session.user_id); });
  if (!user) return user.error();
  if (!*user || (*user)->status != "active") return core::Error::Unauthorized("login.failed");
  const std::int64_t started = clock_.NowSeconds();
  // Wrong answers count towards the account's lockout like failed logins, so a stolen session
  // cannot be used to guess the password or the code.
  const std::string account_key = "acct:" + crypto::HashToken((*user)->email);
  auto throttled =
      db_.Read<bool>([&](soci::session& s) { return Throttled(s, account_key, started); });
  if (!throttled) return throttled.error();
  if (*throttled) return core::Error::RateLimited();
  const bool password_ok = VerifyPassword((*user)->password_hash, password);  // Argon2id
  const std::string code = core::Trim(core::NormalizeNfkc(code_in));
  const std::int64_t now = clock_.NowSeconds();
  bool confirm_failed = false;
  auto confirmed = db_.Write<core::Status>([&](soci::session& s) -> core::Status {
    confirm_failed = false;
    auto fresh = orgs::OrgStore::GetUser(s, session.user_id);
    if (!fresh || fresh->status != "active") return core::Error::Unauthorized("login.failed");
    // The code is only tried after the right password, so a wrong password uses up no step.
    const auto step = password_ok
                          ? VerifyTotp(DecryptTotp(*fresh), code, now, fresh->totp_last_step)
                          : std::nullopt;
    if (!step) {
      confirm_failed = true;
      locks = {};
      RecordFailure(s, account_key, now, config_.security.lockout_threshold);
      audit::AuditLog::Append(s, {fresh->id, session.organization_id, ip, ""},
                              {"auth.confirm_failed", "user", std::to_string(fresh->id), "{}", 0},
                              now);
      return password_ok ? core::Error::Invalid("error.form", {{"code", "login.code_failed"}})
                         : core::Error::Invalid("error.form",
                                                {{"password", "account.confirm.error.password"}});
    }
    orgs::OrgStore::SetTotpLastStep(s, fresh->id, *step);
    sessions_.MarkConfirmed(s, session.id);
    audit::AuditLog::Append(s, {fresh->id, session.organization_id, ip, ""},
                            {"auth.confirmed", "user", std::to_string(fresh->id), "{}", 0}, now);
    return core::OkStatus();
  });
  if (confirmed && confirm_failed) CountLoginFailure("reauth");
  return Flatten(std::move(confirmed));
}

// --- self-service -------------------------------------------------------------------------

core::Status AccountService::ChangePassword(std::int64_t user_id, const std::string& current,
                                            const std::string& next, const std::string& ip) {
  auto user = db_.Read<std::optional<orgs::User>>(
      [&](soci::session& s) { return orgs::OrgStore::GetUser(s, user_id); });
  if (!user) return user.error();
  const std::int64_t started = clock_.NowSeconds();
  if (!*user) return core::Error::NotFound();
  // Wrong current passwords count towards the account's lockout like failed logins, so a
  // stolen session cannot be used to guess the password.
  const std::string account_key = "acct:" + crypto::HashToken((*user)->email);
  auto throttled =
      db_.Read<bool>([&](soci::session& s) { return Throttled(s, account_key, started); });
  if (!throttled) return throttled.error();
  if (*throttled) return core::Error::RateLimited();
  if (!VerifyPassword((*user)->password_hash, current)) {
    auto st = db_.WriteVoid([&](soci::session& s) {
      locks = {};
      RecordFailure(s, account_key, started, config_.security.lockout_threshold);
    });
    if (!st) return st.error();
    CountLoginFailure("reauth");
    return core::Error::Invalid("account.error.current_password",
                                {{"current_password", "account.error.current_password"}});
  }
  if (auto st = password_policy_.Check(next, (*user)->email); !st) return st.error();
  std::string hash = HashPassword(next, hasher_);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    orgs::OrgStore::SetPassword(s, user_id, hash, now);
    EndCredentials(s, user_id, now);  // rule 7: every session and API token ends
    audit::AuditLog::Append(s, {user_id, 0, ip, ""},
                            {"user.password_changed", "user", std::to_string(user_id), "{}", 0},
                            now);
  });
}

core::Status AccountService::SetLanguage(std::int64_t user_id, const std::string& lang) {
  if (lang != "ja" && lang != "en") return core::Error::Invalid("error.invalid_input");
  return db_.WriteVoid([&](soci::session& s) { orgs::OrgStore::SetLanguage(s, user_id, lang); });
}

core::Status AccountService::SwitchOrganization(const Session& session, std::int64_t org_id,
                                                const audit::Actor& actor) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    auto org = orgs::OrgStore::GetOrganization(s, org_id);
    if (!org || org->status != "active" ||
        !orgs::OrgStore::FindMembership(s, session.user_id, org_id)) {
      throw Abort{core::Error::NotFound()};
    }
    sessions_.SetOrganization(s, session.id, org_id);
    long long uid = session.user_id;
    long long oid = org_id;
    s << "UPDATE app_user SET last_organization_id = :o WHERE id = :u", soci::use(oid),
        soci::use(uid);
    // In the audit of the organisation switched to: its admins see who works in it from now.
    audit::AuditLog::Append(s, {session.user_id, org_id, actor.ip, actor.request_id},
                            {"session.switch_organization", "organization", std::to_string(org_id),
                             "{\"from\":" + std::to_string(session.organization_id) + "}", org_id},
                            now);
  });
}

core::Result<std::vector<std::string>> AccountService::RegenerateRecoveryCodes(
    std::int64_t user_id, const std::string& ip) {
  const std::int64_t now = clock_.NowSeconds();
  const RecoveryCodes recovery = NewRecoveryCodeSet();  // Argon2id outside the transaction
  return db_.Write<std::vector<std::string>>([&](soci::session& s) {
    StoreRecoveryCodes(s, user_id, recovery);
    audit::AuditLog::Append(
        s, {user_id, 0, ip, ""},
        {"user.recovery_codes_regenerated", "user", std::to_string(user_id), "{}", 0}, now);
    return recovery.codes;
  });
}

int AccountService::RemainingRecoveryCodes(std::int64_t user_id) {
  auto n = db_.Read<int>([&](soci::session& s) {
    int count = 0;
    long long id = user_id;
    s << "SELECT COUNT(*) FROM recovery_code WHERE user_id = :u AND used_at IS NULL", soci::use(id),
        soci::into(count);
    return count;
  });
  return n ? *n : 0;
}

// --- operator commands --------------------------------------------------------------------

core::Status AccountService::DisableUser(const audit::Actor& actor, std::int64_t user_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    if (!orgs::OrgStore::GetUser(s, user_id)) throw Abort{core::Error::NotFound()};
    orgs::OrgStore::SetUserStatus(s, user_id, "disabled");
    EndCredentials(s, user_id, now);  // rule 7: suspension ends every session and API token
    audit::AuditLog::Append(s, actor, {"user.disable", "user", std::to_string(user_id), "{}", 0},
                            now);
  });
}

core::Status AccountService::ResetMfa(const audit::Actor& actor, std::int64_t user_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    if (!orgs::OrgStore::GetUser(s, user_id)) throw Abort{core::Error::NotFound()};
    long long id = user_id;
    s << "UPDATE app_user SET totp_secret = NULL, totp_confirmed_at = NULL, totp_last_step = 0 "
         "WHERE id = :id",
        soci::use(id);
    s << "DELETE FROM recovery_code WHERE user_id = :u", soci::use(id);
    // Whoever may have had the second factor loses everything it opened.
    EndCredentials(s, user_id, now);
    audit::AuditLog::Append(s, actor, {"user.mfa_reset", "user", std::to_string(user_id), "{}", 0},
                            now);
  });
}

core::Result<std::int64_t> AccountService::CreateUserWithPassword(const audit::Actor& actor,
                                                                  const std::string& email_in,
                                                                  const std::string& display_name,
                                                                  const std::string& password,
                                                                  bool system_admin) {
  const std::string email = NormalizeEmail(email_in);
  if (!core::LooksLikeEmail(email)) {
    return core::Error::Invalid("members.error.email", {{"email", "members.error.email"}});
  }
  if (auto st = password_policy_.Check(password, email); !st) return st.error();
  std::string hash = HashPassword(password, hasher_);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    if (orgs::OrgStore::FindUserByEmail(s, email)) {
      throw Abort{core::Error::Conflict("error.duplicate")};
    }
    auto id = orgs::OrgStore::CreateUser(s, email, display_name, system_admin, now);
    orgs::OrgStore::SetPassword(s, id, hash, now);
    orgs::OrgStore::SetUserStatus(s, id, "active");
    audit::AuditLog::Append(
        s, actor,
        {"user.create", "user", std::to_string(id),
         std::string("{\"system_admin\":") + (system_admin ? "true" : "false") + "}", 0},
        now);
    return id;
  });
}

core::Status AccountService::EnrollKnownSecret(std::int64_t user_id,
                                               const std::string& secret_b32) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    orgs::OrgStore::SetTotp(s, user_id,
                            cipher_.Encrypt(secret_b32, kTotpAd + std::to_string(user_id)), 0);
    long long id = user_id;
    long long at = now;
    s << "UPDATE app_user SET status = 'active', totp_confirmed_at = :n WHERE id = :id",
        soci::use(at), soci::use(id);
  });
}

}  // namespace tsunagu::auth
