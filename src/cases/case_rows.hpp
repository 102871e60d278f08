// What the case service's files share (case_service.cpp, case_workflow.cpp): the timeline
// entry written in the caller's transaction, who may work on cases, the referrals behind a case,
// and a code-list check for forms. Internal to the cases domain.
#pragma once

#include <soci/soci.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "auth/policy.hpp"
#include "consultations/model.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"

namespace tsunagu::cases::case_rows {

// The associated data that binds a timeline entry's sealed body to its row.
std::string EntryAd(long long id);
std::string CasePath(long long id);

// A timeline entry in the caller's transaction; returns its id.
long long InsertEntry(soci::session& s, const crypto::FieldCipher& cipher, long long case_id,
                      const auth::Principal& who, const std::string& kind,
                      const std::string& occurred_on, const std::string& body, std::int64_t now);

// Users of `org` who may work on cases (admin, coordinator, counselor), active.
bool IsCaseWorker(soci::session& s, long long org, long long user);

// The referrals that led to the case (the one that opened it, and any that joined it later).
std::vector<long long> ReferralsOf(soci::session& s, long long case_id);

// A required code of `list`: "error.required" when empty, "error.invalid_choice" when unknown.
template <std::size_t N>
void CheckCode(std::vector<core::FieldError>& errors, const std::string& field,
               const std::string& value, const std::array<std::string_view, N>& list) {
  if (value.empty()) {
    errors.push_back({field, "error.required"});
  } else if (!consultations::InList(list, value)) {
    errors.push_back({field, "error.invalid_choice"});
  }
}

}  // namespace tsunagu::cases::case_rows
