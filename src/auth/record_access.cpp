#include "auth/record_access.hpp"

#include <algorithm>

#include "auth/running_case.hpp"
#include "core/text.hpp"
#include "storage/row.hpp"

namespace tsunagu::auth {
namespace {

using storage::GetInt;
using storage::GetText;

bool Contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Active consents of a client that name `org` as a party, with their items, among those
// recorded by one of `recorders` (SECURITY.md rule 2: a consent opens only what its recording
// organisation holds).
std::vector<ConsentGrant> ActiveFor(soci::session& s, long long client_id, long long org,
                                    const std::string& today,
                                    const std::vector<long long>& recorders) {
  std::vector<ConsentGrant> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT c.id, c.items, c.organization_id FROM consent c JOIN consent_party p "
                    "ON p.consent_id = c.id AND p.organization_id = :o WHERE c.client_id = :c AND "
                    "c.withdrawn_at IS NULL AND c.valid_from <= :t1 AND c.valid_until >= :t2 "
                    "ORDER BY c.id",
       soci::use(org), soci::use(client_id), soci::use(today), soci::use(today));
  for (const auto& r : rows) {
    const long long recorder = GetInt(r, 2);
    if (std::find(recorders.begin(), recorders.end(), recorder) == recorders.end()) continue;
    out.push_back({GetInt(r, 0), core::SplitCodes(GetText(r, 1))});
  }
  return out;
}

// An active consent of a client as read for a case (RecordAccess::Case): one row per consent
// and organisation it names, among the organisations asked about.
struct NamedConsent {
  ConsentGrant grant;
  long long party = 0;     // the organisation it names
  long long recorder = 0;  // the organisation that recorded it
};

// ActiveFor over consents already read: those naming `org` recorded by one of `recorders`, in
// the order read (by id).
std::vector<ConsentGrant> Naming(const std::vector<NamedConsent>& read, long long org,
                                 const std::vector<long long>& recorders) {
  std::vector<ConsentGrant> out;
  for (const auto& c : read) {
    if (c.party != org) continue;
    if (std::find(recorders.begin(), recorders.end(), c.recorder) == recorders.end()) continue;
    out.push_back(c.grant);
  }
  return out;
}

long long OwnerOf(soci::session& s, long long client_id) {
  long long owner = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT organization_id FROM client WHERE id = :id", soci::into(owner, ind),
      soci::use(client_id);
  return s.got_data() && ind == soci::i_ok ? owner : 0;
}

// The consents among `grants` that name both organisations and cover every item of `items`.
std::vector<std::int64_t> Covering(const std::vector<ConsentGrant>& of_a,
                                   const std::vector<ConsentGrant>& of_b,
                                   const std::vector<std::string>& items) {
  std::vector<std::int64_t> out;
  for (const auto& c : of_a) {
    const bool names_b =
        std::any_of(of_b.begin(), of_b.end(), [&](const ConsentGrant& b) { return b.id == c.id; });
    if (!names_b) continue;
    const bool covers = std::all_of(items.begin(), items.end(),
                                    [&](const std::string& i) { return Contains(c.items, i); });
    if (covers) out.push_back(c.id);
  }
  return out;
}

// The client's view for `who`, the registering organisation `owner` known, from the active
// consents naming `who`'s organisation that `owner` recorded (none needed when `who` is of it).
std::optional<ClientView> ClientFrom(const Principal& who, long long id, long long owner,
                                     std::vector<ConsentGrant> owner_grants);

// The same, reading those consents (Client reads the owner).
std::optional<ClientView> ClientOwnedBy(soci::session& s, const Principal& who, long long id,
                                        long long owner, core::Date today) {
  if (owner == who.organization_id) return ClientFrom(who, id, owner, {});
  return ClientFrom(who, id, owner,
                    ActiveFor(s, id, who.organization_id, core::ToIso(today), {owner}));
}

}  // namespace

bool ClientView::Has(std::string_view item) const {
  return Contains(items, item);
}

std::vector<ConsentGrant> ClientView::Provided(const std::vector<std::string>& provided) const {
  std::vector<ConsentGrant> out;
  for (const auto& g : grants) {
    ConsentGrant used{g.id, {}};
    for (const auto& item : provided) {
      if (Contains(g.items, item) && Has(item)) used.items.push_back(item);
    }
    if (!used.items.empty()) out.push_back(std::move(used));
  }
  return out;
}

bool CaseView::SeesDocuments() const {
  return runs_case || !document_consents.empty();
}

std::optional<DayAccess> RecordAccess::Day(soci::session& s, const Principal& who,
                                           std::int64_t program_id, std::int64_t day_id) {
  if (!Policy::Allows(&who, Permission::kOrgCounsel)) return std::nullopt;
  long long pid = program_id;
  long long did = day_id;
  long long host = 0;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT p.organization_id FROM consultation_day d JOIN program p ON p.id = "
                      "d.program_id WHERE d.id = :d AND p.id = :p",
         soci::use(did), soci::use(pid));
    for (const auto& r : rows) host = GetInt(r, 0);
  }
  if (host == 0) return std::nullopt;
  DayAccess access;
  access.program_id = program_id;
  access.host_org = host;
  if (Policy::CanCounsel(who, host)) {
    access.coordinate = Policy::CanCoordinate(who, host);
    return access;
  }
  long long org = who.organization_id;
  long long user = who.user_id;
  long long n = 0;
  s << "SELECT COUNT(*) FROM program_partner pp JOIN day_staff ds ON ds.day_id = :d AND "
       "ds.user_id = :u WHERE pp.program_id = :p AND pp.organization_id = :o",
      soci::into(n), soci::use(did), soci::use(user), soci::use(pid), soci::use(org);
  if (n == 0) return std::nullopt;
  access.partner = true;
  return access;
}

std::optional<BookingContact> RecordAccess::Booking(soci::session& s, const Principal& who,
                                                    std::int64_t booking_id, core::Date today) {
  long long id = booking_id;
  soci::row r;
  s << "SELECT d.program_id, d.id, d.mode, d.day_date FROM booking b JOIN consultation_day d ON "
       "d.id = b.day_id WHERE b.id = :b",
      soci::into(r), soci::use(id);
  if (!s.got_data()) return std::nullopt;
  const auto day = Day(s, who, GetInt(r, 0), GetInt(r, 1));
  if (!day) return std::nullopt;
  if (day->coordinate) return BookingContact::kCoordinator;
  const std::string mode = GetText(r, 2);
  if ((mode != "phone" && mode != "online") || GetText(r, 3) != core::ToIso(today)) {
    return BookingContact::kNone;
  }
  long long user = who.user_id;
  long long assigned = 0;
  s << "SELECT COUNT(*) FROM booking_staff WHERE booking_id = :b AND user_id = :u",
      soci::into(assigned), soci::use(id), soci::use(user);
  return assigned > 0 ? BookingContact::kCallSheet : BookingContact::kNone;
}

std::optional<ClientView> RecordAccess::Client(soci::session& s, const Principal& who,
                                               std::int64_t client_id, core::Date today) {
  if (!Policy::Allows(&who, Permission::kOrgCounsel)) return std::nullopt;
  long long id = client_id;
  long long owner = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT organization_id FROM client WHERE id = :id", soci::into(owner, ind), soci::use(id);
  if (!s.got_data() || ind != soci::i_ok) return std::nullopt;
  return ClientOwnedBy(s, who, id, owner, today);
}

namespace {

std::optional<ClientView> ClientFrom(const Principal& who, long long id, long long owner,
                                     std::vector<ConsentGrant> owner_grants) {
  ClientView view;
  view.client_id = id;
  view.owner_org_id = owner;
  if (owner == who.organization_id) {
    view.owner = true;
    for (auto item : kConsentItems) view.items.emplace_back(item);
    return view;
  }
  // Only the owner's consents open the owner's record: a partner's own consent never does.
  std::vector<std::string> granted;
  for (auto& c : owner_grants) {
    view.consents.push_back(c.id);
    for (const auto& item : c.items) {
      if (!Contains(granted, item)) granted.push_back(item);
    }
    view.grants.push_back(std::move(c));
  }
  if (view.consents.empty()) return std::nullopt;
  for (auto item : kConsentItems) {
    if (Contains(granted, item)) view.items.emplace_back(item);
  }
  return view;
}

}  // namespace

std::vector<std::int64_t> RecordAccess::ConsentsBetween(soci::session& s, std::int64_t client_id,
                                                        std::int64_t org_a, std::int64_t org_b,
                                                        const std::vector<std::string>& items,
                                                        core::Date today) {
  const std::string day = core::ToIso(today);
  const long long owner = OwnerOf(s, client_id);
  return Covering(ActiveFor(s, client_id, org_a, day, {owner}),
                  ActiveFor(s, client_id, org_b, day, {owner}), items);
}

std::vector<std::int64_t> RecordAccess::CaseConsentsBetween(
    soci::session& s, std::int64_t client_id, std::int64_t case_org, std::int64_t org_a,
    std::int64_t org_b, const std::vector<std::string>& items, core::Date today) {
  const std::string day = core::ToIso(today);
  const std::vector<long long> recorders = {OwnerOf(s, client_id), case_org};
  return Covering(ActiveFor(s, client_id, org_a, day, recorders),
                  ActiveFor(s, client_id, org_b, day, recorders), items);
}

bool RecordAccess::HoldsFor(soci::session& s, const Principal& who, std::int64_t client_id) {
  if (!Policy::Allows(&who, Permission::kOrgCounsel)) return false;
  long long client = client_id;
  long long org = who.organization_id;
  long long n = 0;
  s << "SELECT COUNT(*) FROM support_case WHERE client_id = :c AND organization_id = :o",
      soci::into(n), soci::use(client), soci::use(org);
  return n > 0;
}

std::optional<CaseView> RecordAccess::Case(soci::session& s, const Principal& who,
                                           std::int64_t case_id, core::Date today) {
  CaseFacts facts;
  return CaseWithFacts(s, who, case_id, today, facts);
}

bool RunsCase(const Principal& who, const CaseFacts& facts) {
  return Policy::Allows(&who, Permission::kOrgCounsel) && facts.case_org_id == who.organization_id;
}

const char* OwnerConsentsSql() {
  return "SELECT k.id, k.items FROM consent k JOIN consent_party p ON p.consent_id = k.id AND "
         "p.organization_id = :rc_viewer WHERE k.client_id = :rc_client AND k.organization_id "
         "= :rc_owner AND k.withdrawn_at IS NULL AND k.valid_from <= :rc_from AND "
         "k.valid_until >= :rc_until";
}

CaseView RunningCaseView(const Principal& who, const CaseFacts& facts,
                         const std::vector<ConsentGrant>& owner_grants) {
  CaseView view;
  view.case_id = facts.case_id;
  view.case_org_id = facts.case_org_id;
  view.client_id = facts.client_id;
  view.runs_case = true;
  auto client_view = ClientFrom(who, facts.client_id, facts.owner_org_id, owner_grants);
  if (client_view) {
    view.client = *client_view;
  } else {
    // As in CaseWithFacts: the running organisation keeps its own records without the consent.
    view.client.client_id = facts.client_id;
  }
  return view;
}

std::optional<CaseView> CaseWithFacts(soci::session& s, const Principal& who, std::int64_t case_id,
                                      core::Date today, CaseFacts& facts) {
  if (!Policy::Allows(&who, Permission::kOrgCounsel)) return std::nullopt;
  // One statement (each round trip to PostgreSQL costs about as much as a small query): the
  // case with its client's registering organisation (part 0), then every active consent of
  // the client that names the viewer's organisation or the case's (part 1), with the
  // organisation it names and the one that recorded it. The questions below are asked of
  // these rows as ActiveFor would ask them of the database.
  long long id = case_id;
  long long consents_case = case_id;  // each placeholder gets its own bound variable
  long long viewer = who.organization_id;
  const std::string day = core::ToIso(today);
  const std::string until = core::ToIso(today);
  bool found = false;
  long long org = 0;
  long long client = 0;
  long long owner = 0;
  std::vector<NamedConsent> read;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT 0, sc.organization_id, sc.client_id, c.organization_id, "
                      "CAST(NULL AS TEXT) FROM support_case sc JOIN client c ON c.id = "
                      "sc.client_id WHERE sc.id = :id UNION ALL SELECT 1, k.id, "
                      "p.organization_id, k.organization_id, k.items FROM support_case sc JOIN "
                      "consent k ON k.client_id = sc.client_id JOIN consent_party p ON "
                      "p.consent_id = k.id AND (p.organization_id = :viewer OR p.organization_id "
                      "= sc.organization_id) WHERE sc.id = :consents_case AND k.withdrawn_at IS "
                      "NULL AND k.valid_from <= :t1 AND k.valid_until >= :t2 ORDER BY 1, 2, 3",
         soci::use(id), soci::use(viewer), soci::use(consents_case), soci::use(day),
         soci::use(until));
    for (const auto& r : rows) {
      if (GetInt(r, 0) == 0) {
        found = true;
        org = GetInt(r, 1);
        client = GetInt(r, 2);
        owner = GetInt(r, 3);
      } else {
        read.push_back(
            {{GetInt(r, 1), core::SplitCodes(GetText(r, 4))}, GetInt(r, 2), GetInt(r, 3)});
      }
    }
  }
  if (!found) return std::nullopt;
  facts = {case_id, org, client, owner};
  CaseView view;
  view.case_id = case_id;
  view.case_org_id = org;
  view.client_id = client;
  view.runs_case = org == who.organization_id;
  if (!view.runs_case) {
    // A case is the running organisation's record: the owner's consents and the running
    // organisation's own open it, never a consent recorded by a third organisation.
    // (CaseConsentsBetween, with the registering organisation known and each side's consents
    // read once for both questions.)
    const std::vector<long long> recorders = {owner, org};
    const auto of_viewer = Naming(read, who.organization_id, recorders);
    const auto of_case = Naming(read, org, recorders);
    view.record_consents = Covering(of_viewer, of_case, {"records"});
    if (view.record_consents.empty()) return std::nullopt;
    // Asked of the same pair: the client's registering organisation sees the person's core
    // data whatever it agreed, but another organisation's documents only under a consent.
    view.document_consents = Covering(of_viewer, of_case, {"documents"});
  }
  auto client_view = ClientFrom(who, client, owner, Naming(read, who.organization_id, {owner}));
  if (client_view) {
    view.client = *client_view;
  } else {
    // The case's organisation sees its own case even if the consent that brought the person
    // has ended: it keeps its own records (but no longer the core data of another organisation).
    view.client.client_id = client;
  }
  return view;
}

const char* RecordAccess::ClientListFilter() {
  return "(c.organization_id = :org OR EXISTS (SELECT 1 FROM consent k JOIN consent_party p ON "
         "p.consent_id = k.id WHERE k.client_id = c.id AND k.organization_id = c.organization_id "
         "AND p.organization_id = :org2 AND k.withdrawn_at IS NULL AND k.valid_from <= :today1 "
         "AND k.valid_until >= :today2))";
}

const char* RecordAccess::CaseListFilter() {
  return "(sc.organization_id = :org OR EXISTS (SELECT 1 FROM consent k JOIN consent_party p ON "
         "p.consent_id = k.id WHERE k.client_id = sc.client_id AND (k.organization_id = "
         "c.organization_id OR k.organization_id = sc.organization_id) AND p.organization_id = "
         ":org2 AND k.withdrawn_at IS NULL AND k.valid_from <= :today1 AND k.valid_until >= "
         ":today2))";
}

}  // namespace tsunagu::auth
