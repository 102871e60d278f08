// 相談者 (clients): the person a case is about, registered by one organisation and seen by
// others only through a consent (auth::RecordAccess). Names, contacts, diagnosis, employer and
// notes are encrypted at rest; look-ups by name, ふりがな or phone go through keyed blind
// indexes (client_search), so the database never holds a searchable name in clear.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "auth/record_access.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::clients {

struct ClientInput {
  std::string name;  // 氏名
  std::string kana;  // ふりがな
  std::string phone;
  std::string email;
  int birth_year = 0;            // 0: not given (the age band may be given instead)
  std::string age_band;          // consultations::kAgeBands
  std::string gender;            // consultations::kGenders
  std::string municipality;      // 住所地（市区町村まで）
  std::string diagnosis;         // 診断名
  std::string treatment_status;  // consultations::kTreatmentStatuses
  std::string work_status;       // consultations::kWorkStatuses
  std::string employer;          // 勤務先
  std::string notes;
  std::int64_t booking_id = 0;  // the consultation booking the person came from, if any
};

// A client as one organisation may see it: fields outside its consent's items stay empty and
// `view` says which items were shown.
struct Client {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  ClientInput data;
  auth::ClientView view;
  int version = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// One line of a list or search result.
struct ClientSummary {
  std::int64_t id = 0;
  std::string name;  // empty when the consent does not cover basic data
  std::string kana;
  std::string age_band;
  int birth_year = 0;
  std::string organization_name;
  bool own = false;  // registered by the viewer's organisation
  std::int64_t updated_at = 0;
};

class ClientService {
 public:
  ClientService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // Registers a person for the principal's organisation. kInvalidInput with field errors;
  // kConflict "client.error.booking_taken" when the booking already has its client.
  core::Result<std::int64_t> Create(const auth::Principal& who, const audit::Actor& actor,
                                    const ClientInput& input);
  // Only the registering organisation edits the core record; `version` is the one the form
  // was read at (kConflict "client.error.stale" when someone saved in between).
  core::Status Update(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                      const ClientInput& input, int version);
  // The client as the principal's organisation may see it; audited ("client.read") and, for
  // another organisation's client, recorded as a provision (APPI) once a day per consent.
  core::Result<Client> Get(const auth::Principal& who, const audit::Actor& actor, std::int64_t id);
  // By name (kanji or kana, whole or one part), ふりがな or phone number: exact matches of
  // the normalised text. An empty query lists the most recently updated. Audited.
  core::Result<std::vector<ClientSummary>> Search(const auth::Principal& who,
                                                  const audit::Actor& actor,
                                                  const std::string& query);
  // Every client the principal's organisation may see, newest change first (updated_at, then
  // id, both descending), one page at a time: at most `limit` after the one with the sort key
  // `after` (the API's cursor pagination). Audited as a list (client.search without a query).
  struct ListKey {
    std::int64_t updated_at = 0;
    std::int64_t id = 0;
  };
  core::Result<std::vector<ClientSummary>> ListPage(const auth::Principal& who,
                                                    const audit::Actor& actor,
                                                    std::optional<ListKey> after, int limit);
  // Visible clients with the same name, ふりがな with the same birth year, or phone: shown
  // before a second record of the same person is made.
  core::Result<std::vector<ClientSummary>> LikelyDuplicates(const auth::Principal& who,
                                                            const audit::Actor& actor,
                                                            const ClientInput& input);
  // A new client's fields from a booking of the principal's organisation (audited read);
  // NotFound for another organisation's booking.
  core::Result<ClientInput> FromBooking(const auth::Principal& who, const audit::Actor& actor,
                                        std::int64_t booking_id);
  // The client made from a booking, 0 when none.
  core::Result<std::int64_t> ClientOfBooking(const auth::Principal& who, std::int64_t booking_id);

  static std::vector<core::FieldError> Validate(const ClientInput& input, int this_year);

  static constexpr std::size_t kMaxName = 100;
  static constexpr std::size_t kMaxShort = 200;
  static constexpr std::size_t kMaxNotes = 4000;
  static constexpr int kListLimit = 50;

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

// The bodies of FromBooking and Create inside a caller's own transaction (the hand-off from a
// 相談記録, consultations/handoff.cpp, makes the client, the consent and the referral in one).
// Same rules and audit events; errors are thrown as storage::Abort.
ClientInput ClientInputFromBooking(soci::session& s, const crypto::FieldCipher& cipher,
                                   const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t booking_id, std::int64_t now);
std::int64_t InsertClient(soci::session& s, const crypto::FieldCipher& cipher,
                          const auth::Principal& who, const audit::Actor& actor,
                          const ClientInput& input, std::int64_t now);

}  // namespace tsunagu::clients
