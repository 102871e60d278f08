#include "auth/accounts.hpp"

#include <algorithm>
#include <cctype>

#include "auth/recovery_codes.hpp"
#include "auth/totp.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "orgs/org_service.hpp"
#include "orgs/org_store.hpp"
#include "storage/row.hpp"

namespace tsunagu::auth {
namespace {

using storage::Abort;

// Per-address limits are looser than per-account ones: several staff share one office NAT.
constexpr int kAddressThreshold = 50;
constexpr std::int64_t kThrottleWindowSeconds = std::int64_t{15} * 60;
constexpr int kMaxCodeAttemptsPerLogin = 5;
constexpr const char* kTotpAd = "app_user:totp_secret:";

std::string ReplaceLink(std::string text, const std::string& link) {
  const std::string marker = "{link}";
  if (auto pos = text.find(marker); pos != std::string::npos) {
    text.replace(pos, marker.size(), link);
  } else {
    text += "\n" + link + "\n";
  }
  return text;
}

template <typename T>
core::Result<T> Flatten(core::Result<core::Result<T>> r) {
  if (!r) return r.error();
  return std::move(*r);
}

core::Error LoginFailed() {
  // One message for every reason, so it never tells whether the account exists.
  return core::Error::Unauthorized("login.failed");
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
}

void AccountService::ClearFailures(soci::session& s, const std::string& key) {
  s << "DELETE FROM login_throttle WHERE throttle_key = :k", soci::use(key);
}

// --- invitation -------------------------------------------------------------------------

core::Result<std::int64_t> AccountService::Invite(const audit::Actor& actor,
                                                  const InviteRequest& req,
                                                  const MailTexts& texts) {
  const std::string email = NormalizeEmail(req.email);
  // The rules live here, not only in the form, so every caller (pages, API, CLI) gets them.
  std::vector<core::FieldError> errors;
  if (!core::LooksLikeEmail(email)) errors.push_back({"email", "members.error.email"});
  const std::string name = core::Trim(core::NormalizeNfkc(req.display_name));
  if (name.empty()) errors.push_back({"display_name", "members.error.name_required"});
  if (core::CountCodePoints(name) > 100) {
    errors.push_back({"display_name", "members.error.name_too_long"});
  }
  for (auto& e : orgs::ValidateMemberFields(req.role, req.profession)) errors.push_back(e);
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  std::string token = crypto::RandomToken(32);
  std::string token_hash = crypto::HashToken(token);
  std::string link = config_.server.public_url + "/invitation/" + token;
  return db_.Write<std::int64_t>([&](soci::session& s) -> std::int64_t {
    auto org = orgs::OrgStore::GetOrganization(s, req.organization_id);
    if (!org || org->status != "active") throw Abort{core::Error::NotFound()};
    std::int64_t user_id = 0;
    auto existing = orgs::OrgStore::FindUserByEmail(s, email);
    if (existing) {
      if (existing->status == "disabled") {
        throw Abort{core::Error::Invalid("members.error.user_disabled",
                                         {{"email", "members.error.user_disabled"}})};
      }
      user_id = existing->id;
      if (orgs::OrgStore::FindMembership(s, user_id, req.organization_id)) {
        throw Abort{core::Error::Invalid("members.error.already_member",
                                         {{"email", "members.error.already_member"}})};
      }
      return InviteExisting(s, actor, req, *existing, now);
    } else {
      user_id = orgs::OrgStore::CreateUser(s, email, name, false, now);
    }
    auto membership_id = orgs::OrgStore::AddMembership(s, user_id, req.organization_id, req.role,
                                                       req.profession, now);
    // An active user just gains the organisation; an invited one gets a set-up link.
    if (!existing || existing->status == "invited") {
      long long u = user_id;
      long long o = req.organization_id;
      long long by = actor.user_id;
      soci::indicator by_ind = actor.user_id ? soci::i_ok : soci::i_null;
      long long at = now;
      long long expires =
          now + static_cast<long long>(config_.security.invitation_valid_hours) * 3600;
      s << "UPDATE invitation SET used_at = :n WHERE user_id = :u AND used_at IS NULL",
          soci::use(at), soci::use(u);
      s << "INSERT INTO invitation (token_hash, organization_id, user_id, purpose, invited_by, "
           "created_at, expires_at) VALUES (:h, :o, :u, 'invite', :by, :at, :ex)",
          soci::use(token_hash), soci::use(o), soci::use(u), soci::use(by, by_ind), soci::use(at),
          soci::use(expires);
      notify::MailMessage m;
      m.to = email;
      m.subject = texts.subject;
      m.text_body = ReplaceLink(texts.body, link);
      outbox_.Enqueue(s, m, "invitation");
    }
    audit::AuditLog::Append(
        s, actor,
        {"membership.invite", "membership", std::to_string(membership_id),
         "{\"role\":\"" + req.role + "\",\"profession\":\"" + req.profession + "\"}",
         req.organization_id},
        now);
    return membership_id;
  });
}

// An existing account never becomes a member by someone else's act (SECURITY.md rule 2): it
// gets an invitation to accept or decline while signed in. A system administrator's account
// is invited only by an admin of that organisation, never from the system pages (nor by
// itself: accepting needs a different inviter).
std::int64_t AccountService::InviteExisting(soci::session& s, const audit::Actor& actor,
                                            const InviteRequest& req, const orgs::User& existing,
                                            std::int64_t now) {
  if (existing.is_system_admin) {
    auto inviter = orgs::OrgStore::FindMembership(s, actor.user_id, req.organization_id);
    if (!inviter || inviter->role != "admin" || actor.user_id == existing.id) {
      throw Abort{core::Error::Invalid("members.error.system_admin",
                                       {{"email", "members.error.system_admin"}})};
    }
  }
  if (req.join_mail.subject.empty()) {
    throw Abort{core::Error{core::ErrorCode::kInternal, "error.internal", {}}};
  }
  const std::string token = crypto::RandomToken(32);
  const std::int64_t expires =
      now + static_cast<std::int64_t>(config_.security.invitation_valid_hours) * 3600;
  const auto id = orgs::OrgStore::AddJoinInvitation(s, req.organization_id, existing.id, req.role,
                                                    req.profession, actor.user_id,
                                                    crypto::HashToken(token), now, expires);
  notify::MailMessage m;
  m.to = existing.email;
  m.subject = req.join_mail.subject;
  m.text_body = ReplaceLink(req.join_mail.body, config_.server.public_url + "/join/" + token);
  outbox_.Enqueue(s, m, "join_invitation");
  audit::AuditLog::Append(
      s, actor,
      {"membership.invite", "membership_invitation", std::to_string(id),
       "{\"role\":\"" + req.role + "\",\"profession\":\"" + req.profession + "\"}",
       req.organization_id},
      now);
  return 0;
}

core::Result<InvitationView> AccountService::FindInvitation(const std::string& token) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  std::string hash = crypto::HashToken(token);
  long long now = clock_.NowSeconds();
  return db_.Read<InvitationView>([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT u.id, u.email, u.display_name, o.name FROM invitation i "
                      "JOIN app_user u ON u.id = i.user_id JOIN organization o ON o.id = "
                      "i.organization_id WHERE i.token_hash = :h AND i.used_at IS NULL AND "
                      "i.expires_at > :n AND u.status = 'invited'",
         soci::use(hash), soci::use(now));
    for (const auto& r : rows) {
      return InvitationView{storage::GetInt(r, 0), storage::GetText(r, 1), storage::GetText(r, 2),
                            storage::GetText(r, 3)};
    }
    throw Abort{core::Error{core::ErrorCode::kNotFound, "invitation.invalid", {}}};
  });
}

core::Result<LoginStep> AccountService::AcceptInvitation(const std::string& token,
                                                         const std::string& password,
                                                         const std::string& ip) {
  auto invitation = FindInvitation(token);
  if (!invitation) return invitation.error();
  if (auto st = password_policy_.Check(password, invitation->email); !st) return st.error();
  std::string hash = HashPassword(password, hasher_);
  std::string token_hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<LoginStep>([&](soci::session& s) {
    long long at = now;
    // The used_at check makes a double submit (or a race) use the link once only.
    soci::statement st = (s.prepare << "UPDATE invitation SET used_at = :n WHERE token_hash = "
                                       ":h AND used_at IS NULL",
                          soci::use(at), soci::use(token_hash));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      throw Abort{core::Error{core::ErrorCode::kNotFound, "invitation.invalid", {}}};
    }
    orgs::OrgStore::SetPassword(s, invitation->user_id, hash, now);
    sessions_.DestroyAllForUser(s, invitation->user_id);
    std::string session = sessions_.Create(s, invitation->user_id, 0, "enroll");
    audit::AuditLog::Append(
        s, {invitation->user_id, 0, ip, ""},
        {"user.password_set", "user", std::to_string(invitation->user_id), "{}", 0}, now);
    return LoginStep{session, "enroll"};
  });
}

std::string AccountService::DecryptTotp(const orgs::User& u) const {
  if (u.totp_secret.empty()) return {};
  auto plain = cipher_.Decrypt(u.totp_secret, kTotpAd + std::to_string(u.id));
  return plain ? *plain : std::string();
}

core::Result<Enrollment> AccountService::BeginEnrollment(std::int64_t user_id) {
  return db_.Write<Enrollment>([&](soci::session& s) {
    auto user = orgs::OrgStore::GetUser(s, user_id);
    if (!user || user->status == "disabled") throw Abort{core::Error::NotFound()};
    long long confirmed = 0;
    soci::indicator ind = soci::i_null;
    long long id = user_id;
    s << "SELECT totp_confirmed_at FROM app_user WHERE id = :id", soci::use(id),
        soci::into(confirmed, ind);
    if (ind == soci::i_ok) throw Abort{core::Error::Conflict("enroll.already_done")};
    std::string secret = DecryptTotp(*user);
    if (secret.empty()) {
      secret = NewTotpSecret();
      orgs::OrgStore::SetTotp(s, user_id,
                              cipher_.Encrypt(secret, kTotpAd + std::to_string(user_id)), 0);
    }
    return Enrollment{secret, OtpauthUri("Tsunagu", user->email, secret)};
  });
}

AccountService::RecoveryCodes AccountService::NewRecoveryCodeSet() const {
  RecoveryCodes set;
  set.codes = NewRecoveryCodes(10);
  for (const auto& c : set.codes) set.hashes.push_back(HashRecoveryCode(c, recovery_hasher_));
  return set;
}

void AccountService::StoreRecoveryCodes(soci::session& s, std::int64_t user_id,
                                        const RecoveryCodes& set) {
  long long id = user_id;
  s << "DELETE FROM recovery_code WHERE user_id = :u", soci::use(id);
  for (const auto& h : set.hashes) {
    s << "INSERT INTO recovery_code (user_id, code_hash) VALUES (:u, :h)", soci::use(id),
        soci::use(h);
  }
}

std::optional<std::int64_t> AccountService::MatchRecoveryCode(std::int64_t user_id,
                                                              const std::string& code) {
  if (!LooksLikeRecoveryCode(code)) return std::nullopt;
  auto unused = db_.Read<std::vector<std::pair<std::int64_t, std::string>>>([&](soci::session& s) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    long long id = user_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, code_hash FROM recovery_code WHERE user_id = :u AND used_at "
                      "IS NULL ORDER BY id",
         soci::use(id));
    for (const auto& r : rows) out.emplace_back(storage::GetInt(r, 0), storage::GetText(r, 1));
    return out;
  });
  if (!unused) return std::nullopt;
  // Salted hashes cannot be looked up: each unused code is checked (outside any transaction).
  for (const auto& [id, hash] : *unused) {
    if (VerifyRecoveryCode(code, hash)) return id;
  }
  return std::nullopt;
}

// The organisation the person chose last, while they are still a member of it (active);
// else the one they joined first. Never one they did not choose or join.
std::int64_t AccountService::DefaultOrganization(soci::session& s, std::int64_t user_id) {
  auto memberships = orgs::OrgStore::MembershipsOf(s, user_id);
  if (memberships.empty()) return 0;
  long long id = user_id;
  long long last = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT last_organization_id FROM app_user WHERE id = :id", soci::use(id),
      soci::into(last, ind);
  const auto* first = &memberships.front();
  for (const auto& m : memberships) {
    if (ind == soci::i_ok && m.organization_id == last) return m.organization_id;
    if (m.id < first->id) first = &m;
  }
  return first->organization_id;
}

core::Result<std::pair<LoginStep, std::vector<std::string>>> AccountService::ConfirmEnrollment(
    const Session& session, const std::string& code, const std::string& ip) {
  const std::int64_t now = clock_.NowSeconds();
  using Out = std::pair<LoginStep, std::vector<std::string>>;
  const RecoveryCodes recovery = NewRecoveryCodeSet();  // Argon2id outside the transaction
  return db_.Write<Out>([&](soci::session& s) -> Out {
    auto user = orgs::OrgStore::GetUser(s, session.user_id);
    if (!user || user->status == "disabled") throw Abort{LoginFailed()};
    std::string secret = DecryptTotp(*user);
    if (secret.empty()) throw Abort{core::Error::Invalid("enroll.error.start_again")};
    auto step = VerifyTotp(secret, code, now, user->totp_last_step);
    if (!step) {
      throw Abort{core::Error::Invalid("enroll.error.code", {{"code", "enroll.error.code"}})};
    }
    long long id = user->id;
    long long at = now;
    long long st = *step;
    s << "UPDATE app_user SET status = 'active', totp_confirmed_at = :n, totp_last_step = :st "
         "WHERE id = :id",
        soci::use(at), soci::use(st), soci::use(id);
    StoreRecoveryCodes(s, user->id, recovery);
    sessions_.Destroy(s, session.id);
    std::int64_t org = DefaultOrganization(s, user->id);
    std::string token = sessions_.Create(s, user->id, org, "full");
    audit::AuditLog::Append(s, {user->id, org, ip, ""},
                            {"user.mfa_enrolled", "user", std::to_string(user->id), "{}", org},
                            now);
    return {LoginStep{token, "full"}, recovery.codes};
  });
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
  if (pre->first) return core::Error::RateLimited();
  const auto& user = pre->second;
  // Hash work happens outside the write transaction so slow Argon2 never holds the lock.
  bool password_ok = VerifyPassword(
      user && !user->password_hash.empty() ? user->password_hash : dummy_hash_, password);
  bool ok = password_ok && user && user->status != "disabled" && !user->password_hash.empty();
  // Failures are committed (counters, audit) and then reported, so the transaction returns
  // the outcome instead of aborting.
  return Flatten(
      db_.Write<core::Result<LoginStep>>([&](soci::session& s) -> core::Result<LoginStep> {
        if (!ok) {
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
                                {"auth.password_ok", "user", std::to_string(user->id), "{}", 0},
                                now);
        return LoginStep{token, stage};
      }));
}

core::Result<LoginStep> AccountService::LoginWithCode(const Session& pending,
                                                      const std::string& code_in,
                                                      const std::string& ip) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string code = core::Trim(core::NormalizeNfkc(code_in));
  // A recovery code is checked against the salted hashes before the transaction, so that
  // Argon2id never holds the write lock; using it up is still one conditional UPDATE inside.
  const std::optional<std::int64_t> recovery = MatchRecoveryCode(pending.user_id, code);
  return Flatten(
      db_.Write<core::Result<LoginStep>>([&](soci::session& s) -> core::Result<LoginStep> {
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
          RecordFailure(s, account_key, now, config_.security.lockout_threshold);
          // Count attempts on this pending login; too many ends it (the user starts again).
          long long attempts = 0;
          long long sid = pending.id;
          s << "UPDATE user_session SET failed_codes = failed_codes + 1 WHERE id = :id",
              soci::use(sid);
          s << "SELECT failed_codes FROM user_session WHERE id = :id", soci::use(sid),
              soci::into(attempts);
          audit::AuditLog::Append(s, {user->id, 0, ip, ""},
                                  {"auth.code_failed", "user", std::to_string(user->id), "{}", 0},
                                  now);
          if (attempts >= kMaxCodeAttemptsPerLogin) sessions_.Destroy(s, pending.id);
          return core::Error::Invalid("login.code_failed", {{"code", "login.code_failed"}});
        }
        ClearFailures(s, account_key);
        sessions_.Destroy(s, pending.id);
        std::int64_t org = DefaultOrganization(s, user->id);
        std::string token = sessions_.Create(s, user->id, org, "full");
        audit::AuditLog::Append(s, {user->id, org, ip, ""},
                                {"auth.login", "user", std::to_string(user->id),
                                 "{\"method\":\"" + method + "\"}", org},
                                now);
        return LoginStep{token, "full"};
      }));
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
  return Flatten(db_.Write<core::Status>([&](soci::session& s) -> core::Status {
    auto fresh = orgs::OrgStore::GetUser(s, session.user_id);
    if (!fresh || fresh->status != "active") return core::Error::Unauthorized("login.failed");
    // The code is only tried after the right password, so a wrong password uses up no step.
    const auto step = password_ok
                          ? VerifyTotp(DecryptTotp(*fresh), code, now, fresh->totp_last_step)
                          : std::nullopt;
    if (!step) {
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
  }));
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
      RecordFailure(s, account_key, started, config_.security.lockout_threshold);
    });
    if (!st) return st.error();
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
