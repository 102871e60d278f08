// Account life cycle: invitation, password, TOTP enrolment, login in two steps, throttling,
// recovery codes, logout. Handlers call this; it owns the rules and writes the audit events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/password.hpp"
#include "auth/sessions.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/outbox.hpp"
#include "orgs/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::auth {

struct LoginStep {
  std::string session_token;  // new cookie value
  std::string stage;          // "password" (code next), "enroll" (TOTP set-up next) or "full"
};

struct Enrollment {
  std::string secret_b32;
  std::string otpauth_uri;
};

struct InvitationView {
  std::int64_t user_id = 0;
  std::string email;
  std::string display_name;
  std::string organization_name;
};

// Texts of e-mails are built by the caller's catalogue; this keeps the service free of UI text.
struct MailTexts {
  std::string subject;
  std::string body;  // with {link} placeholder replaced by the service
};

struct InviteRequest {
  std::int64_t organization_id = 0;
  std::string email;
  std::string display_name;
  std::string role;
  std::string profession;
  std::string lang = "ja";  // language of the e-mail
  // The e-mail to an existing account: an invitation to join that it accepts or declines.
  MailTexts join_mail;
};

class AccountService {
 public:
  AccountService(storage::Database& db, const core::Clock& clock, const core::Config& config,
                 const crypto::FieldCipher& cipher, SessionStore& sessions,
                 const PasswordPolicy& password_policy, notify::Outbox& outbox);

  // --- invitation and first set-up
  // A new address: creates the account and its membership, and sends `texts` (the set-up
  // link); returns the membership id. An existing account: only an invitation to join, sent
  // with req.join_mail, that the person accepts while signed in (orgs::OrgService); returns 0.
  core::Result<std::int64_t> Invite(const audit::Actor& actor, const InviteRequest& req,
                                    const MailTexts& texts);
  core::Result<InvitationView> FindInvitation(const std::string& token);
  // Sets the password and starts an enrolment session (stage "enroll").
  core::Result<LoginStep> AcceptInvitation(const std::string& token, const std::string& password,
                                           const std::string& ip);
  // Creates (or returns the pending) TOTP secret of a user who is enrolling.
  core::Result<Enrollment> BeginEnrollment(std::int64_t user_id);
  // Confirms the first code; activates the account; returns the recovery codes (shown once)
  // and replaces the enrolment session with a full one.
  core::Result<std::pair<LoginStep, std::vector<std::string>>> ConfirmEnrollment(
      const Session& session, const std::string& code, const std::string& ip);

  // --- login
  core::Result<LoginStep> LoginWithPassword(const std::string& email, const std::string& password,
                                            const std::string& ip);
  core::Result<LoginStep> LoginWithCode(const Session& pending, const std::string& code,
                                        const std::string& ip);
  // Ends every session of the user (SECURITY.md rule 7), not only this one.
  core::Status Logout(const Session& session, const std::string& ip);
  // The password and a current TOTP code entered again: the session counts as recently
  // confirmed (auth::Permission::kSignedInConfirmed) for SessionPolicy::confirm_seconds.
  // Failures count towards the account's lockout and name the field that was wrong.
  core::Status ConfirmIdentity(const Session& session, const std::string& password,
                               const std::string& code, const std::string& ip);

  // --- self-service
  core::Status ChangePassword(std::int64_t user_id, const std::string& current,
                              const std::string& next, const std::string& ip);
  core::Status SetLanguage(std::int64_t user_id, const std::string& lang);
  // The person's choice of active organisation: remembered for their next login, audited.
  core::Status SwitchOrganization(const Session& session, std::int64_t org_id,
                                  const audit::Actor& actor);
  core::Result<std::vector<std::string>> RegenerateRecoveryCodes(std::int64_t user_id,
                                                                 const std::string& ip);
  int RemainingRecoveryCodes(std::int64_t user_id);

  // --- operator commands (CLI)
  core::Status DisableUser(const audit::Actor& actor, std::int64_t user_id);
  core::Status ResetMfa(const audit::Actor& actor, std::int64_t user_id);
  // Creates an active user with a password (CLI `user create`); TOTP enrolment at first login.
  core::Result<std::int64_t> CreateUserWithPassword(const audit::Actor& actor,
                                                    const std::string& email,
                                                    const std::string& display_name,
                                                    const std::string& password, bool system_admin);

  // Demo data only: enrols a known TOTP secret (listed in the README) without a code.
  core::Status EnrollKnownSecret(std::int64_t user_id, const std::string& secret_b32);

  static std::string NormalizeEmail(std::string_view email);
  const PasswordHasherOptions& hasher() const { return hasher_; }

 private:
  bool Throttled(soci::session& s, const std::string& key, std::int64_t now);
  void RecordFailure(soci::session& s, const std::string& key, std::int64_t now, int threshold);
  void ClearFailures(soci::session& s, const std::string& key);
  std::string DecryptTotp(const orgs::User& u) const;
  struct RecoveryCodes {
    std::vector<std::string> codes;   // shown once
    std::vector<std::string> hashes;  // stored
  };
  // Fresh codes and their Argon2id hashes, made before the transaction that stores them.
  RecoveryCodes NewRecoveryCodeSet() const;
  void StoreRecoveryCodes(soci::session& s, std::int64_t user_id, const RecoveryCodes& set);
  // The id of the user's unused recovery code that `code` is, if any.
  std::optional<std::int64_t> MatchRecoveryCode(std::int64_t user_id, const std::string& code);
  // Rule 7: every session of the user ends and every API token is revoked.
  void EndCredentials(soci::session& s, std::int64_t user_id, std::int64_t now);
  std::int64_t DefaultOrganization(soci::session& s, std::int64_t user_id);
  std::int64_t InviteExisting(soci::session& s, const audit::Actor& actor, const InviteRequest& req,
                              const orgs::User& existing, std::int64_t now);

  storage::Database& db_;
  const core::Clock& clock_;
  const core::Config& config_;
  const crypto::FieldCipher& cipher_;
  SessionStore& sessions_;
  const PasswordPolicy& password_policy_;
  notify::Outbox& outbox_;
  PasswordHasherOptions hasher_;
  PasswordHasherOptions recovery_hasher_;
  std::string dummy_hash_;  // verified when the account does not exist: same timing
};

}  // namespace tsunagu::auth
