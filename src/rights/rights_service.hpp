// The person's data rights (APPI 第33条〜第35条) for the organisation that holds the person's
// record: disclosure of everything held (開示), stopping and resuming use (利用停止), erasure by
// anonymisation (消去), and the log of rights requests that staff follow to answer within two
// weeks. Only the holding organisation's coordinators and admins act (Policy::CanCoordinate on
// the client's organisation); anyone else is told "not found". Every step writes its audit event
// in the same transaction, without personal data in it.
#pragma once

#include <cstdint>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "rights/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::rights {

class RightsService {
 public:
  RightsService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // Everything the principal's organisation holds about the client: the client's fields, the
  // bookings (the one the person came from and those with the same phone or e-mail), the
  // consultation records, the cases with their timelines, consents, provision records, event
  // registrations with the same phone or e-mail, documents (names only), contacts and
  // placements. Audited "rights.disclose" with the format ("html" or "json").
  core::Result<Disclosure> Disclose(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t client_id, const std::string& format);
  // 利用停止 and its lifting. Stopping twice, or lifting a person in use, changes nothing.
  core::Status StopUse(const auth::Principal& who, const audit::Actor& actor,
                       std::int64_t client_id);
  core::Status LiftStop(const auth::Principal& who, const audit::Actor& actor,
                        std::int64_t client_id);
  // 消去: the client's personal fields, those of the bookings the person came from or made
  // with the same phone or e-mail, the free text of their records, case goals, timeline,
  // tasks, contacts, consents' notes and documents are replaced with empty sealed text; the
  // codes the yearly figures count, the audit chain and the provision records (kept for their
  // legal period) stay. kConflict "rights.error.already_erased" on a second request.
  core::Status Erase(const auth::Principal& who, const audit::Actor& actor, std::int64_t client_id);

  // A person who never became a client, found by phone or e-mail (at least one): the
  // organisation's bookings (not those a client was made from) with their records, and its
  // event registrations. Audited "rights.disclose" with kind "contact" (never the contact).
  // kInvalidInput "rights.error.contact" when both are empty.
  core::Result<Disclosure> DiscloseByContact(const auth::Principal& who, const audit::Actor& actor,
                                             const std::string& phone, const std::string& email);
  // Anonymises what DiscloseByContact finds; returns how many bookings and registrations.
  core::Result<int> EraseByContact(const auth::Principal& who, const audit::Actor& actor,
                                   const std::string& phone, const std::string& email);

  // The rights requests log.
  core::Result<std::int64_t> AddRequest(const auth::Principal& who, const audit::Actor& actor,
                                        const RightsRequestInput& input);
  // Records the answer (state "answered" or "refused") on `answered_on`.
  core::Status Answer(const auth::Principal& who, const audit::Actor& actor,
                      std::int64_t request_id, const std::string& state,
                      const std::string& answered_on);
  // Open requests first (oldest receipt first), then answered ones, newest first.
  core::Result<std::vector<RightsRequest>> Requests(const auth::Principal& who);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace tsunagu::rights
