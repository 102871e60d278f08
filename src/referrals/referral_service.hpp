// 紹介・引継ぎ, closed loop (seed 003's complaint: a hospital refers by phone and never learns
// what happened). A referral needs a consent naming both organisations; it moves sent →
// accepted / declined → in_progress → completed, or is withdrawn by the sender, and both sides
// see every change with who and when (referral_event).
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
#include "crypto/field_cipher.hpp"
#include "sharing/update_notice.hpp"
#include "storage/database.hpp"

namespace tsunagu::live {
class Bus;
}

namespace tsunagu::referrals {

// What the receiving organisation is asked to do. Labels "referral.reason.<code>".
inline constexpr std::array<std::string_view, 7> kReasons = {
    "employment_support",      // 就労支援（就職・復職）
    "workplace_coordination",  // 職場との調整（両立支援促進員）
    "social_insurance",        // 社会保険・傷病手当金（社会保険労務士）
    "legal",                   // 法律相談（弁護士）
    "medical",                 // 医療・がん相談支援センター
    "peer_support",            // ピアサポート・患者会
    "other"};

// FORMS.md: 対象外, 受入枠なし, 本人と連絡不可, 本人辞退, その他. Labels "referral.decline.<code>".
inline constexpr std::array<std::string_view, 5> kDeclineReasons = {
    "not_eligible", "no_capacity", "unreachable", "client_declined", "other"};

// Completion: 成果あり / 成果なし. Labels "referral.result.<code>".
inline constexpr std::array<std::string_view, 2> kResults = {"successful", "unsuccessful"};
// Why it ended without the hoped-for result. Labels "referral.unsuccessful.<code>".
inline constexpr std::array<std::string_view, 5> kUnsuccessfulReasons = {
    "client_stopped", "unreachable", "health", "not_matched", "other"};

struct ReferralInput {
  std::int64_t to_org_id = 0;
  std::string reason;  // kReasons
  std::string note;    // what the receiving side should know (encrypted, needs the consent)
};

struct ReferralEvent {
  std::string status;
  std::string reason;
  std::string note;
  std::string actor_name;
  std::string actor_org_name;
  std::int64_t occurred_at = 0;
};

struct Referral {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::string client_name;  // empty when the viewer's consent does not cover basic data
  std::int64_t consent_id = 0;
  std::int64_t from_org_id = 0;
  std::string from_org_name;
  std::int64_t to_org_id = 0;
  std::string to_org_name;
  std::string reason;
  std::string note;  // shown only while a consent between the two still holds
  std::string status;
  std::string decline_reason;
  std::string result;
  std::string result_reason;
  std::int64_t case_id = 0;
  int version = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  bool incoming = false;              // the viewer's organisation received it
  std::vector<ReferralEvent> events;  // Get only, oldest first
};

// The referral a support case was opened from follows the case, inside the case's own
// transaction: `to` is "in_progress" when the case leaves 受付, "completed" (with `result` and
// `reason`) when it closes. Only a referral in a state that leads there moves (accepted →
// in_progress; accepted or in_progress → completed); then the event, the audit record and the
// referring organisation's notice are written as for any other move. Returns whether it moved:
// the caller publishes "referral:<id>" after the commit.
bool FollowCase(soci::session& s, const crypto::FieldCipher& cipher,
                const sharing::Notifier& notifier, const auth::Principal& who,
                const audit::Actor& actor, std::int64_t referral_id, const std::string& to,
                const std::string& result, const std::string& reason, std::int64_t now);

class ReferralService {
 public:
  ReferralService(storage::Database& db, const core::Clock& clock,
                  const crypto::FieldCipher& cipher, const sharing::Notifier& notifier,
                  live::Bus& bus)
      : db_(db), clock_(clock), cipher_(cipher), notifier_(notifier), bus_(bus) {}

  // Sends a referral of a client the principal's organisation sees. kConflict
  // "referral.error.no_consent" unless an active consent names both organisations; writes
  // the APPI provision record and tells the receiving organisation.
  core::Result<std::int64_t> Send(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t client_id, const ReferralInput& input);
  // Receiving side: accept opens the support case (owner: the accepting user) and returns its
  // id; decline needs a reason (kDeclineReasons).
  core::Result<std::int64_t> Accept(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t id, int version);
  core::Status Decline(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                       int version, const std::string& reason, const std::string& note);
  // Receiving side, once support starts (the case leaves 受付).
  core::Status Start(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                     int version);
  // Receiving side: the outcome. `reason` is from kUnsuccessfulReasons when unsuccessful,
  // empty or a case outcome code when successful.
  core::Status Complete(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                        int version, const std::string& result, const std::string& reason);
  // Sending side, until it is completed or declined.
  core::Status Withdraw(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                        int version, const std::string& note);

  // Referrals the principal's organisation sent or received, newest change first.
  core::Result<std::vector<Referral>> List(const auth::Principal& who, const audit::Actor& actor,
                                           bool incoming);
  // One referral with its history; NotFound unless the principal's organisation is a side.
  core::Result<Referral> Get(const auth::Principal& who, const audit::Actor& actor,
                             std::int64_t id);
  // The client's referrals the principal's organisation is a side of.
  core::Result<std::vector<Referral>> ForClient(const auth::Principal& who, std::int64_t client_id);
  // Organisations the principal's organisation may refer the client to now: those an active
  // consent naming both covers for "basic" (RecordAccess::ConsentsBetween, as Send asks).
  // NotFound unless the principal's organisation sees the client.
  core::Result<std::vector<std::int64_t>> CoveredRecipients(const auth::Principal& who,
                                                            std::int64_t client_id);
  // The referral's version when the principal may counsel and its organisation is a side of
  // the referral, NotFound otherwise: the cheap check before a live stream is opened (every
  // status change adds 1 to the version, so a page can tell whether it missed one). Not
  // audited (the stream carries no data; the fragments it triggers are read through Get).
  core::Result<std::int64_t> LiveMark(const auth::Principal& who, std::int64_t id);

  static constexpr std::size_t kMaxNote = 2000;

 private:
  // Moves a referral from one of `from` statuses to `to`, checking the side and the version;
  // writes the event and the audit record and tells the other side.
  void Move(soci::session& s, const auth::Principal& who, const audit::Actor& actor,
            std::int64_t id, int version, bool receiver, std::initializer_list<const char*> from,
            const std::string& to, const std::string& reason, const std::string& note,
            std::int64_t now);

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const sharing::Notifier& notifier_;
  live::Bus& bus_;
};

// The body of ReferralService::Send inside a caller's own transaction (the hand-off from a
// 相談記録, consultations/handoff.cpp): same rules, event, provision record, audit and notice;
// errors thrown as storage::Abort. The caller publishes "referral:<id>" after the commit.
std::int64_t SendReferral(soci::session& s, const crypto::FieldCipher& cipher,
                          const sharing::Notifier& notifier, const auth::Principal& who,
                          const audit::Actor& actor, std::int64_t client_id,
                          const ReferralInput& input, std::int64_t now);

}  // namespace tsunagu::referrals
