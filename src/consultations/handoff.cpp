#include "consultations/handoff.hpp"

#include <algorithm>

#include "auth/record_access.hpp"
#include "clients/client_service.hpp"
#include "consultations/day_board_support.hpp"
#include "consultations/model.hpp"
#include "core/text.hpp"
#include "live/bus.hpp"
#include "referrals/referral_service.hpp"
#include "sharing/consent_service.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

namespace {

// How long the consent recorded at the hand-off lasts: the 促進員's support usually ends
// within months; a year leaves room, and the person may withdraw at any time.
constexpr int kConsentDays = 365;

HandoffState ReadState(soci::session& s, std::int64_t booking_id) {
  long long bid = booking_id;
  HandoffState state;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT h.wished, h.client_id, h.consent_id, h.referral_id, o.name, "
                    "r.status, h.started_at FROM consultation_handoff h LEFT JOIN organization o "
                    "ON o.id = h.to_org_id LEFT JOIN referral r ON r.id = h.referral_id WHERE "
                    "h.booking_id = :b",
       soci::use(bid));
  for (const auto& r : rows) {
    state.wished = GetInt(r, 0) != 0;
    state.client_id = GetInt(r, 1);
    state.consent_id = GetInt(r, 2);
    state.referral_id = GetInt(r, 3);
    state.to_org_name = GetText(r, 4);
    state.referral_status = GetText(r, 5);
    state.started_at = GetInt(r, 6);
  }
  return state;
}

bool IsCentre(soci::session& s, std::int64_t org_id) {
  long long id = org_id;
  long long n = 0;
  s << "SELECT COUNT(*) FROM organization WHERE id = :o AND kind = 'occupational_health' AND "
       "status = 'active'",
      soci::use(id), soci::into(n);
  return n > 0;
}

}  // namespace

void WriteHandoffWish(soci::session& s, std::int64_t booking_id, bool wished, std::int64_t now) {
  long long bid = booking_id;
  long long at = now;
  int flag = wished ? 1 : 0;
  soci::statement update =
      (s.prepare << "UPDATE consultation_handoff SET wished = :w, updated_at = :t WHERE "
                    "booking_id = :b",
       soci::use(flag), soci::use(at), soci::use(bid));
  update.execute(true);
  if (update.get_affected_rows() > 0 || !wished) return;
  s << "INSERT INTO consultation_handoff (booking_id, wished, updated_at) VALUES (:b, 1, :t)",
      soci::use(bid), soci::use(at);
}

bool ReadHandoffWish(soci::session& s, std::int64_t booking_id) {
  return ReadState(s, booking_id).wished;
}

HandoffCounts CountHandoffs(soci::session& s, std::int64_t program_id, const std::string& first,
                            const std::string& last) {
  long long pid = program_id;
  std::string a = first;
  std::string b = last;
  HandoffCounts counts;
  soci::row r;
  s << "SELECT COUNT(*), COALESCE(SUM(CASE WHEN rf.status IN ('accepted','in_progress',"
       "'completed') THEN 1 ELSE 0 END), 0) FROM consultation_handoff h JOIN booking bk ON bk.id "
       "= h.booking_id JOIN consultation_day d ON d.id = bk.day_id JOIN referral rf ON rf.id = "
       "h.referral_id WHERE d.program_id = :p AND d.day_date BETWEEN :a AND :b",
      soci::use(pid), soci::use(a), soci::use(b), soci::into(r);
  counts.made = GetInt(r, 0);
  counts.accepted = GetInt(r, 1);
  return counts;
}

core::Result<HandoffState> HandoffService::Get(const auth::Principal& who, std::int64_t program_id,
                                               std::int64_t booking_id) {
  return db_.Read<HandoffState>([&](soci::session& s) {
    board_detail::BookingFor(s, who, program_id, booking_id, false);
    return ReadState(s, booking_id);
  });
}

core::Result<std::vector<HandoffCentre>> HandoffService::Centres(const auth::Principal& who) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<HandoffCentre>>([&](soci::session& s) {
    std::vector<HandoffCentre> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name FROM organization WHERE kind = 'occupational_health' AND "
                      "status = 'active' ORDER BY name, id");
    for (const auto& r : rows) out.push_back({GetInt(r, 0), GetText(r, 1)});
    return out;
  });
}

core::Result<HandoffState> HandoffService::Start(const auth::Principal& who,
                                                 const audit::Actor& actor, std::int64_t program_id,
                                                 std::int64_t booking_id,
                                                 const HandoffInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  bool sent = false;
  auto done = db_.Write<HandoffState>([&](soci::session& s) {
    sent = false;
    const auto b = board_detail::BookingFor(s, who, program_id, booking_id, true);
    long long bid = booking_id;
    long long at = now;
    // Locks the row first: of two starts at once, the second finds the first one's referral.
    s << "UPDATE consultation_handoff SET updated_at = updated_at WHERE booking_id = :b",
        soci::use(bid);
    HandoffState state = ReadState(s, booking_id);
    if (state.Started()) return state;
    if (!state.wished || b.status != "attended") {
      throw Abort{core::Error::Conflict("phoneday.handoff_error.not_wished")};
    }
    std::vector<core::FieldError> errors;
    if (input.to_org_id == 0 || !IsCentre(s, input.to_org_id)) {
      errors.push_back({"to_org_id", "phoneday.handoff_error.centre"});
    }
    if (std::find(input.items.begin(), input.items.end(), "basic") == input.items.end()) {
      errors.push_back({"items", "phoneday.handoff_error.basic"});
    }
    if (!InList(sharing::kConsentMethods, input.method)) {
      errors.push_back(
          {"method", input.method.empty() ? "error.required" : "error.invalid_choice"});
    }
    if (core::CountCodePoints(input.note) > referrals::ReferralService::kMaxNote) {
      errors.push_back({"note", "error.too_long"});
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form", errors)};

    // The client record from the booking, unless the 事務局 already made one from it.
    long long org = b.org;
    long long client = 0;
    s << "SELECT id FROM client WHERE booking_id = :b AND organization_id = :o", soci::use(bid),
        soci::use(org), soci::into(client);
    if (!s.got_data() || client == 0) {
      const clients::ClientInput from_booking =
          clients::ClientInputFromBooking(s, cipher_, who, actor, booking_id, now);
      client = clients::InsertClient(s, cipher_, who, actor, from_booking, now);
    }
    sharing::ConsentInput consent;
    consent.organizations = {input.to_org_id};
    consent.items = input.items;
    consent.purpose = "employment_support";
    consent.valid_from = core::ToIso(today);
    consent.valid_until = core::ToIso(core::AddDays(today, kConsentDays));
    consent.method = input.method;
    const std::int64_t consent_id =
        sharing::RecordConsent(s, cipher_, who, actor, client, consent, now);
    referrals::ReferralInput referral;
    referral.to_org_id = input.to_org_id;
    referral.reason = "workplace_coordination";  // 事業場との調整
    referral.note = input.note;
    const std::int64_t referral_id =
        referrals::SendReferral(s, cipher_, notifier_, who, actor, client, referral, now);
    long long cid = client;
    long long kid = consent_id;
    long long rid = referral_id;
    long long to = input.to_org_id;
    long long user = who.user_id;
    s << "UPDATE consultation_handoff SET client_id = :c, consent_id = :k, referral_id = :r, "
         "to_org_id = :o, started_by = :u, started_at = :t, updated_at = :t2 WHERE booking_id = :b",
        soci::use(cid), soci::use(kid), soci::use(rid), soci::use(to), soci::use(user),
        soci::use(at), soci::use(at), soci::use(bid);
    board_detail::Audit(s, actor, "booking.handoff", booking_id, b.org, now,
                        "{\"referral\":" + std::to_string(referral_id) + "}");
    sent = true;
    return ReadState(s, booking_id);
  });
  if (done && sent) {
    bus_.Publish("referral:" + std::to_string(done->referral_id), "referral", "sent");
  }
  return done;
}

}  // namespace tsunagu::consultations
