// 同意 (consent, SECURITY.md rules 2–3): what a person agreed another organisation may receive,
// for what, from when to when, and how the agreement was given. Withdrawal ends access at the
// other organisation's next request, because every read asks auth::RecordAccess again.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "sharing/update_notice.hpp"
#include "storage/database.hpp"

namespace tsunagu::sharing {

// Why the data is shared (利用目的). Labels "consent.purpose.<code>".
inline constexpr std::array<std::string_view, 5> kConsentPurposes = {
    "employment_support",      // 就労支援（就職・復職・就労継続）
    "workplace_coordination",  // 勤務先との両立支援の調整
    "medical_coordination",    // 主治医・医療機関との連携
    "expert_consultation",     // 専門家（社労士・弁護士）への相談
    "other"};

// 書面 / 口頭 / 電子. Labels "consent.method.<code>".
inline constexpr std::array<std::string_view, 3> kConsentMethods = {"written", "oral",
                                                                    "electronic"};

struct ConsentInput {
  std::vector<std::int64_t> organizations;  // who may receive (besides the recording one)
  std::vector<std::string> items;           // auth::kConsentItems
  std::string purpose;                      // kConsentPurposes
  std::string purpose_note;                 // free text (encrypted)
  std::string valid_from;                   // ISO dates, inclusive
  std::string valid_until;
  std::string method;  // kConsentMethods
  // For "workplace_coordination": the employer the person agreed to (required) and its
  // contact's e-mail address (optional). Documents go by share link only to them.
  std::string employer;
  std::string employer_email;
};

struct ConsentParty {
  std::int64_t organization_id = 0;
  std::string name;
  std::string kind;
};

struct Consent {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::int64_t organization_id = 0;  // recorded by
  std::string organization_name;
  std::vector<ConsentParty> parties;  // the named organisations (not the recording one)
  std::vector<std::string> items;
  std::string purpose;
  std::string purpose_note;
  core::Date valid_from;
  core::Date valid_until;
  std::string method;
  std::string recorded_by_name;  // staff member (shown to staff only)
  std::int64_t recorded_at = 0;
  std::int64_t withdrawn_at = 0;  // 0: not withdrawn
  std::string withdrawn_org_name;
  std::string withdrawal_note;
  std::int64_t form_file_id = 0;
  std::string employer;  // decrypted; workplace coordination only
  std::string employer_email;
  // "active", "withdrawn", "expired" or "future" (today against the dates).
  std::string state;
};

class ConsentService {
 public:
  ConsentService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
                 const Notifier& notifier)
      : db_(db), clock_(clock), cipher_(cipher), notifier_(notifier) {}

  // Records a consent the person gave the principal's organisation about a client it sees.
  // Only the organisation that registered the person records consents over the client's
  // record. A partner that runs its own case for the person may record consents over what it
  // holds (items "records" and "documents" of its case): kForbidden "consent.error.not_holder"
  // when it holds nothing; such consents never open the registering organisation's record.
  // kInvalidInput with field errors (no organisation, no item, bad dates, unknown codes).
  core::Result<std::int64_t> Record(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t client_id, const ConsentInput& input);
  // Any party may record the person's withdrawal; kConflict "consent.error.withdrawn" when it
  // was already withdrawn. The other parties are told (no personal data in the mail).
  core::Status Withdraw(const auth::Principal& who, const audit::Actor& actor,
                        std::int64_t consent_id, const std::string& note);
  // The client's consents the principal's organisation is party to (all of them for the
  // registering organisation), newest first; audited.
  core::Result<std::vector<Consent>> ForClient(const auth::Principal& who,
                                               const audit::Actor& actor, std::int64_t client_id);
  // One consent, for its page and the printed form; NotFound unless the principal's
  // organisation is a party or registered the client.
  core::Result<Consent> Get(const auth::Principal& who, const audit::Actor& actor,
                            std::int64_t consent_id);

  // The organisations a consent may name: every active one except the principal's own and
  // employers (employer contacts receive documents only through share links).
  core::Result<std::vector<ConsentParty>> Recipients(const auth::Principal& who);

  // Which items the principal's organisation may record consents for about the client:
  // every item for the registering organisation, "records" and "documents" for a partner
  // that runs a case for the person, none otherwise.
  core::Result<std::vector<std::string>> RecordableItems(const auth::Principal& who,
                                                         std::int64_t client_id);

  static std::vector<core::FieldError> Validate(const ConsentInput& input);
  static constexpr std::size_t kMaxEmployer = 100;
  static constexpr std::size_t kMaxNote = 1000;

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const Notifier& notifier_;
};

// The body of ConsentService::Record inside a caller's own transaction (the hand-off from a
// 相談記録, consultations/handoff.cpp). Same rules and audit event; errors thrown as
// storage::Abort.
std::int64_t RecordConsent(soci::session& s, const crypto::FieldCipher& cipher,
                           const auth::Principal& who, const audit::Actor& actor,
                           std::int64_t client_id, const ConsentInput& input, std::int64_t now);

}  // namespace tsunagu::sharing
