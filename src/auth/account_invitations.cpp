// Invitations: an administrator invites a person by e-mail, who sets a password and enrols TOTP
// from the link (declared in accounts.hpp).
#include "auth/account_support.hpp"
#include "auth/accounts.hpp"
#include "auth/recovery_codes.hpp"
#include "auth/totp.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "orgs/org_service.hpp"
#include "orgs/org_store.hpp"
#include "storage/row.hpp"

namespace tsunagu::auth {

using namespace account_support;  // NOLINT(google-build-using-namespace): this domain's own helpers
using storage::Abort;

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

}  // namespace tsunagu::auth
