// The running organisation's view of its own case, decided without a statement of its own
// (issue 17, point 7: each round trip to PostgreSQL costs a page as much as a small query).
//
// What RecordAccess::Case reads to decide splits in two:
//   - facts that never change once the case exists (no code updates them): the case's
//     organisation, its client and the client's registering organisation. A process keeps
//     them after the first access check that read them (CaseFactsCache);
//   - the consents, which change at any time, so they are read at every request. For the
//     organisation that runs the case they only decide what it sees of the person (the
//     client's items); the caller reads them in the statement that reads the case
//     (OwnerConsentsSql), and RunningCaseView decides from them as RecordAccess::Case would.
// The decision stays here, in the policy module (SECURITY.md rule 1).
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "auth/record_access.hpp"

namespace tsunagu::auth {

struct CaseFacts {
  std::int64_t case_id = 0;
  std::int64_t case_org_id = 0;
  std::int64_t client_id = 0;
  std::int64_t owner_org_id = 0;  // the client's registering organisation
};

// RecordAccess::Case, also giving the case's facts when the case exists (case_id 0 if not).
std::optional<CaseView> CaseWithFacts(soci::session& s, const Principal& who, std::int64_t case_id,
                                      core::Date today, CaseFacts& facts);

// Whether `who`'s organisation runs the case, with a role that counsels (RecordAccess::Case's
// first question; the answer cannot change for a given case and organisation).
bool RunsCase(const Principal& who, const CaseFacts& facts);

// The active consents over the client that name `who`'s organisation, recorded by the client's
// registering organisation (ActiveFor's condition): a SELECT of (id, items), with the
// placeholders :rc_viewer, :rc_client, :rc_owner, :rc_from and :rc_until in that order (the
// viewer's organisation, the client, the registering organisation, today twice).
const char* OwnerConsentsSql();

// The view of the organisation that runs the case (RunsCase), from its facts and the consents
// OwnerConsentsSql read, in id order (none are read when it registered the person itself):
// the same view RecordAccess::Case gives it.
CaseView RunningCaseView(const Principal& who, const CaseFacts& facts,
                         const std::vector<ConsentGrant>& owner_grants);

// Facts of the cases this process has checked access to. They never change, so they are kept
// without expiry; at kMaxCases the keeping starts again from none.
class CaseFactsCache {
 public:
  static constexpr std::size_t kMaxCases = 100000;

  std::optional<CaseFacts> Find(std::int64_t case_id) const {
    std::lock_guard lock(mutex_);
    auto it = facts_.find(case_id);
    if (it == facts_.end()) return std::nullopt;
    return it->second;
  }
  void Keep(const CaseFacts& facts) {
    std::lock_guard lock(mutex_);
    if (facts_.size() >= kMaxCases) facts_.clear();
    facts_[facts.case_id] = facts;
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, CaseFacts> facts_;
};

}  // namespace tsunagu::auth
