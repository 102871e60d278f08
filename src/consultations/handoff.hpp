// The hand-off to the 両立支援促進員 (seed 001: 事業場との調整が必要で、相談者が希望する場合):
// the 相談記録 asks whether the person wishes it; if so, one action of the 事務局 makes the
// client record from the booking, records the person's consent naming the 産業保健総合支援
// センター, and sends that centre a referral for 事業場との調整, all in one transaction.
// Starting it again finds what the first start made.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
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

namespace tsunagu::consultations {

struct HandoffInput {
  std::int64_t to_org_id = 0;      // the 産業保健総合支援センター the person agreed to
  std::vector<std::string> items;  // consent items (auth::kConsentItems); "basic" is needed
  std::string method;              // sharing::kConsentMethods
  std::string note;  // for the 両立支援促進員 (sent with the referral, encrypted)
};

struct HandoffCentre {
  std::int64_t id = 0;
  std::string name;
};

struct HandoffState {
  bool wished = false;  // the record says the person wishes the hand-off
  std::int64_t client_id = 0;
  std::int64_t consent_id = 0;
  std::int64_t referral_id = 0;  // 0 until started
  std::string to_org_name;
  std::string referral_status;
  std::int64_t started_at = 0;
  bool Started() const { return referral_id != 0; }
};

struct HandoffCounts {
  std::int64_t made = 0;
  std::int64_t accepted = 0;  // the centre accepted the referral (and maybe went on)
};

// The record's answer, written in the record's own transaction (RecordService::Save).
void WriteHandoffWish(soci::session& s, std::int64_t booking_id, bool wished, std::int64_t now);
bool ReadHandoffWish(soci::session& s, std::int64_t booking_id);

// Hand-offs started from consultations on the programme's days between `first` and `last`
// (ISO dates, inclusive), and how many of them the centre accepted: for the yearly report.
HandoffCounts CountHandoffs(soci::session& s, std::int64_t program_id, const std::string& first,
                            const std::string& last);

class HandoffService {
 public:
  HandoffService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
                 const sharing::Notifier& notifier, live::Bus& bus)
      : db_(db), clock_(clock), cipher_(cipher), notifier_(notifier), bus_(bus) {}

  // The booking's hand-off (staff of the host organisation; NotFound otherwise).
  core::Result<HandoffState> Get(const auth::Principal& who, std::int64_t program_id,
                                 std::int64_t booking_id);
  // Active 産業保健総合支援センター the hand-off may go to.
  core::Result<std::vector<HandoffCentre>> Centres(const auth::Principal& who);
  // The 事務局 starts it. kConflict "phoneday.handoff_error.not_wished" unless the record says the
  // person wishes it; kInvalidInput for a centre, items or method that will not do. A second
  // start returns the first one's state and makes nothing new.
  core::Result<HandoffState> Start(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t program_id, std::int64_t booking_id,
                                   const HandoffInput& input);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const sharing::Notifier& notifier_;
  live::Bus& bus_;
};

}  // namespace tsunagu::consultations
