// Record-level access to what organisations share (SECURITY.md rules 1–3): the second half of
// the policy, next to Policy's route-level half. It answers, inside the caller's transaction,
// "may this principal see this client, case, referral or document, and which items?", and is
// the only code that reads consents for that purpose. Nothing visible means "not found".
#pragma once

#include <soci/soci.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/policy.hpp"
#include "core/wareki.hpp"

namespace tsunagu::auth {

// What a consent may cover (同意の対象項目). Labels "consent.item.<code>".
inline constexpr std::array<std::string_view, 5> kConsentItems = {
    "basic",      // 氏名・連絡先・年代・性別・住所地
    "medical",    // 診断名・治療の状況
    "work",       // 就労状況・勤務先
    "records",    // 支援の経過（経過記録・コメント・タスク・様式）
    "documents",  // 書類
};

// One active consent and the items it covers.
struct ConsentGrant {
  std::int64_t id = 0;
  std::vector<std::string> items;
};

// Which client items one organisation may see, and on what ground.
struct ClientView {
  std::int64_t client_id = 0;
  std::int64_t owner_org_id = 0;
  bool owner = false;                  // the organisation that registered the person
  std::vector<std::string> items;      // kConsentItems order; all of them for the owner
  std::vector<std::int64_t> consents;  // active consents naming this organisation (not owner)
  std::vector<ConsentGrant> grants;    // the same consents with the items each covers

  bool Has(std::string_view item) const;
  // The consents to name in provision records when `provided` items were shown: each consent
  // with the provided items it covers (none for the owner).
  std::vector<ConsentGrant> Provided(const std::vector<std::string>& provided) const;
};

// One case as seen by one organisation.
struct CaseView {
  std::int64_t case_id = 0;
  std::int64_t case_org_id = 0;
  std::int64_t client_id = 0;
  bool runs_case = false;  // the principal's organisation runs the case: may edit it
  ClientView client;       // what the principal may see of the person
  // Consents that let a partner organisation see the case's records, and those that also
  // cover its documents (both empty for the organisation that runs the case).
  std::vector<std::int64_t> record_consents;
  std::vector<std::int64_t> document_consents;

  bool SeesRecords() const { return runs_case || !record_consents.empty(); }
  bool SeesDocuments() const;
};

// How much of a consultation booking's contact data (name, ふりがな, phone, e-mail, the
// diagnosis the person gave) one staff member may see.
enum class BookingContact {
  kNone,         // times, intake and topics only (counselors, seed 001: no details beforehand)
  kCallSheet,    // the name to ask for, the number to call and the diagnosis: a counselor
                 // assigned to this booking on its 電話 / オンライン day, on that day only
  kCoordinator,  // everything (事務局, who receives people)
};

// How one staff member may act on one consultation day (the day board, its call sheet, the
// 相談記録 of its consultations).
struct DayAccess {
  std::int64_t program_id = 0;
  std::int64_t host_org = 0;  // the programme's host: everything written belongs to it
  bool coordinate = false;    // the host's 事務局
  // A member of a partner organisation of the programme, on this day's roster: counsels with
  // a counselor's rights on this day only, and sees nothing else of the host's.
  bool partner = false;
};

class RecordAccess {
 public:
  // nullopt when the day is not the programme's or the principal may not counsel on it
  // (NotFound). The host's counselors, coordinators and admins counsel on every day of its
  // programmes; a counselor, coordinator or admin of a partner organisation of the programme
  // only on the days whose roster names them, and only while the partnership lasts.
  static std::optional<DayAccess> Day(soci::session& s, const Principal& who,
                                      std::int64_t program_id, std::int64_t day_id);
  // nullopt when the booking is not of an organisation whose consultations the principal may
  // see (NotFound); otherwise what of its contact data the principal may see today.
  static std::optional<BookingContact> Booking(soci::session& s, const Principal& who,
                                               std::int64_t booking_id, core::Date today);
  // nullopt when the principal may not counsel (Policy::kOrgCounsel) or its organisation sees
  // nothing of the client: callers answer NotFound, exactly as for a client that does not exist.
  static std::optional<ClientView> Client(soci::session& s, const Principal& who,
                                          std::int64_t client_id, core::Date today);
  // The case when the principal's organisation runs it, or when an active consent names both
  // organisations and covers "records". nullopt otherwise (NotFound).
  static std::optional<CaseView> Case(soci::session& s, const Principal& who, std::int64_t case_id,
                                      core::Date today);
  // Active consents over the client's record — recorded by the organisation that registered
  // the person — naming both organisations (a party each) and covering every item of `items`;
  // the recording organisation counts as a party. A consent a partner recorded never counts.
  static std::vector<std::int64_t> ConsentsBetween(soci::session& s, std::int64_t client_id,
                                                   std::int64_t org_a, std::int64_t org_b,
                                                   const std::vector<std::string>& items,
                                                   core::Date today);
  // The same over a case run by `case_org`: the owner's consents and the running
  // organisation's own (which cover only what it holds: the case's records and documents).
  static std::vector<std::int64_t> CaseConsentsBetween(soci::session& s, std::int64_t client_id,
                                                       std::int64_t case_org, std::int64_t org_a,
                                                       std::int64_t org_b,
                                                       const std::vector<std::string>& items,
                                                       core::Date today);
  // Does the principal's organisation hold something of its own about the client (a support
  // case, with its forms and documents)? What a partner may record consents over.
  static bool HoldsFor(soci::session& s, const Principal& who, std::int64_t client_id);
  // SQL condition for client lists (alias "c"), with :org and :today bound by the caller:
  // the organisation's own clients and those an active consent names it for.
  static const char* ClientListFilter();
  // SQL condition for case lists (aliases "sc" for the case, "c" for its client), with :org,
  // :org2 and :today1/:today2 bound: the organisation's own cases and those a consent of the
  // person's registering organisation or of the running organisation names it for.
  static const char* CaseListFilter();
};

}  // namespace tsunagu::auth
