// Staff from several organisations (issue 14, seed 001 6: 相談従事者 are nurses and MSWs of
// hospitals and the 両立支援促進員 of the 産業保健総合支援センター): a programme names its
// partner organisations, whose members can be put on its rosters and counsel on the days they
// are rostered on (auth::RecordAccess::Day decides). And the programme's confidentiality
// pledge (守秘義務, seed 001 ク), which each rostered staff member acknowledges once a fiscal
// year before their first day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

struct PartnerOrg {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // org_kind code
};

struct PartnerList {
  std::int64_t program_id = 0;
  std::string program_name;
  std::vector<PartnerOrg> partners;    // by name
  std::vector<PartnerOrg> candidates;  // other active organisations that can be added
};

// The pledge as one staff member meets it before a day.
struct DayPledge {
  std::string program_name;
  core::Date date;   // the day's
  std::string text;  // the host's wording; empty: the default (catalogue "pledge.default")
  int fiscal_year = 0;
  bool on_roster = false;
  std::optional<std::int64_t> acknowledged_at;
};

class PartnerService {
 public:
  PartnerService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // --- partner organisations (the host's 事務局; NotFound for another's programme)
  core::Result<PartnerList> Partners(const auth::Principal& who, std::int64_t program_id);
  // kInvalidInput "partners.error.org" for the host itself, an unknown or disabled
  // organisation; adding one already there changes nothing. Audited.
  core::Status Add(const auth::Principal& who, const audit::Actor& actor, std::int64_t program_id,
                   std::int64_t org_id);
  // Ends the partnership: its members lose access at once, and leave the rosters of the
  // programme's days from today on (past rosters stay as history). Audited.
  core::Status Remove(const auth::Principal& who, const audit::Actor& actor,
                      std::int64_t program_id, std::int64_t org_id);

  // --- the confidentiality pledge
  // The host's wording (empty: the default). The 事務局 only.
  core::Result<std::string> PledgeText(const auth::Principal& who, std::int64_t program_id);
  // kInvalidInput "pledge.error.too_long" past kMaxPledge code points. Audited.
  core::Status SetPledgeText(const auth::Principal& who, const audit::Actor& actor,
                             std::int64_t program_id, const std::string& text);
  // The pledge for the day's fiscal year as `who` meets it (anyone who may counsel on the day).
  core::Result<DayPledge> ForDay(const auth::Principal& who, std::int64_t program_id,
                                 std::int64_t day_id);
  // `who` acknowledges the pledge for the day's fiscal year (once; again changes nothing).
  // Audited.
  core::Status Acknowledge(const auth::Principal& who, const audit::Actor& actor,
                           std::int64_t program_id, std::int64_t day_id);

  static constexpr std::size_t kMaxPledge = 4000;

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace tsunagu::consultations
