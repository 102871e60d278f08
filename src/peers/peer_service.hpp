// The peer supporter registry's rules (issue 15). Only the keeping organisation's coordinators
// and admins see or change a peer; another organisation's peer answers NotFound like a missing
// one. Reading a peer decrypts their name and contact and is audited ("peer.read") in the same
// transaction. A peer is never on two overlapping shifts: the shift is written under a lock on
// the peer's row after checking the others.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "peers/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::peers {

class PeerService {
 public:
  PeerService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  core::Result<std::vector<PeerSummary>> List(const auth::Principal& who);
  // Decrypted, with trainings, shifts and dispatches; audited "peer.read".
  core::Result<Peer> Get(const auth::Principal& who, const audit::Actor& actor, std::int64_t id);
  static std::vector<core::FieldError> Validate(const PeerInput& input);
  core::Result<std::int64_t> Create(const auth::Principal& who, const audit::Actor& actor,
                                    const PeerInput& input);
  core::Status Update(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                      const PeerInput& input);
  core::Result<std::int64_t> AddTraining(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t peer_id, const TrainingInput& input);
  // kConflict "peers.error.overlap" when the peer already has a shift overlapping this one.
  core::Result<std::int64_t> AddShift(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t peer_id, const ShiftInput& input);
  core::Result<std::int64_t> AddDispatch(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t peer_id, const DispatchInput& input);
  // The organisation's shifts from `from` on, by date (display names only).
  core::Result<std::vector<Shift>> UpcomingShifts(const auth::Principal& who, core::Date from);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

// Display names of active peers of the salon, for its public page.
core::Result<std::vector<std::string>> ActiveDisplayNamesAtSalon(storage::Database& db,
                                                                 std::int64_t salon_id);
// Display names of active peers on shift at a peer_talk event, for its public page.
core::Result<std::vector<std::string>> ActiveDisplayNamesForEvent(storage::Database& db,
                                                                  std::int64_t event_id);

// For the yearly report (fiscal year April–March) of the keeping organisation.
struct PeerYearFigures {
  int registered = 0;           // peers registered (consent) by the end of the year
  int active = 0;               // of those, active now
  int trainings_basic = 0;      // 養成研修 completed in the year
  int trainings_follow_up = 0;  // フォローアップ研修 completed in the year
  int shifts_peer_talk = 0;     // おしゃべり相談室 shifts in the year
  int shifts_hotline = 0;
  // Dispatches in the year by role, and by destination kind (kDestinationKinds order).
  int dispatches_storyteller = 0;
  int dispatches_facilitator = 0;
  std::vector<std::pair<std::string, int>> dispatches_by_destination;
};
core::Result<PeerYearFigures> YearFigures(storage::Database& db, std::int64_t organization_id,
                                          int fiscal_year);

}  // namespace tsunagu::peers
