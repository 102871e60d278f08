#include "auth/record_access.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "storage/row.hpp"

namespace tsunagu::auth {
namespace {

using storage::GetInt;
using storage::GetText;

bool Contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Active consents of a client that name `org` as a party, with their items.
struct ActiveConsent {
  std::int64_t id = 0;
  std::vector<std::string> items;
};

std::vector<ActiveConsent> ActiveFor(soci::session& s, long long client_id, long long org,
                                     const std::string& today) {
  std::vector<ActiveConsent> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT c.id, c.items FROM consent c JOIN consent_party p ON p.consent_id = "
                    "c.id AND p.organization_id = :o WHERE c.client_id = :c AND c.withdrawn_at "
                    "IS NULL AND c.valid_from <= :t1 AND c.valid_until >= :t2 ORDER BY c.id",
       soci::use(org), soci::use(client_id), soci::use(today), soci::use(today));
  for (const auto& r : rows) out.push_back({GetInt(r, 0), core::SplitCodes(GetText(r, 1))});
  return out;
}

}  // namespace

bool ClientView::Has(std::string_view item) const {
  return Contains(items, item);
}

bool CaseView::SeesDocuments() const {
  return runs_case || !document_consents.empty();
}

std::optional<ClientView> RecordAccess::Client(soci::session& s, const Principal& who,
                                               std::int64_t client_id, core::Date today) {
  if (!Policy::Allows(&who, Permission::kOrgCounsel)) return std::nullopt;
  long long id = client_id;
  long long owner = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT organization_id FROM client WHERE id = :id", soci::into(owner, ind), soci::use(id);
  if (!s.got_data() || ind != soci::i_ok) return std::nullopt;
  ClientView view;
  view.client_id = client_id;
  view.owner_org_id = owner;
  if (owner == who.organization_id) {
    view.owner = true;
    for (auto item : kConsentItems) view.items.emplace_back(item);
    return view;
  }
  std::vector<std::string> granted;
  for (const auto& c : ActiveFor(s, id, who.organization_id, core::ToIso(today))) {
    view.consents.push_back(c.id);
    for (const auto& item : c.items) {
      if (!Contains(granted, item)) granted.push_back(item);
    }
  }
  if (view.consents.empty()) return std::nullopt;
  for (auto item : kConsentItems) {
    if (Contains(granted, item)) view.items.emplace_back(item);
  }
  return view;
}

std::vector<std::int64_t> RecordAccess::ConsentsBetween(soci::session& s, std::int64_t client_id,
                                                        std::int64_t org_a, std::int64_t org_b,
                                                        const std::vector<std::string>& items,
                                                        core::Date today) {
  const std::string day = core::ToIso(today);
  std::vector<std::int64_t> of_b;
  for (const auto& c : ActiveFor(s, client_id, org_b, day)) of_b.push_back(c.id);
  std::vector<std::int64_t> out;
  for (const auto& c : ActiveFor(s, client_id, org_a, day)) {
    if (std::find(of_b.begin(), of_b.end(), c.id) == of_b.end()) continue;
    const bool covers = std::all_of(items.begin(), items.end(),
                                    [&](const std::string& i) { return Contains(c.items, i); });
    if (covers) out.push_back(c.id);
  }
  return out;
}

std::optional<CaseView> RecordAccess::Case(soci::session& s, const Principal& who,
                                           std::int64_t case_id, core::Date today) {
  if (!Policy::Allows(&who, Permission::kOrgCounsel)) return std::nullopt;
  long long id = case_id;
  long long org = 0;
  long long client = 0;
  soci::indicator i1 = soci::i_null;
  soci::indicator i2 = soci::i_null;
  s << "SELECT organization_id, client_id FROM support_case WHERE id = :id", soci::into(org, i1),
      soci::into(client, i2), soci::use(id);
  if (!s.got_data() || i1 != soci::i_ok) return std::nullopt;
  CaseView view;
  view.case_id = case_id;
  view.case_org_id = org;
  view.client_id = client;
  view.runs_case = org == who.organization_id;
  if (!view.runs_case) {
    view.record_consents = ConsentsBetween(s, client, who.organization_id, org, {"records"}, today);
    if (view.record_consents.empty()) return std::nullopt;
    // Asked of the same pair: the client's registering organisation sees the person's core
    // data whatever it agreed, but another organisation's documents only under a consent.
    view.document_consents =
        ConsentsBetween(s, client, who.organization_id, org, {"documents"}, today);
  }
  auto client_view = Client(s, who, client, today);
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
         "p.consent_id = k.id WHERE k.client_id = c.id AND p.organization_id = :org2 AND "
         "k.withdrawn_at IS NULL AND k.valid_from <= :today1 AND k.valid_until >= :today2))";
}

}  // namespace tsunagu::auth
