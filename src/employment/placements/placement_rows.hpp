// What the placement service's files share (applications.cpp, retention.cpp): access to the
// case, the sealed columns' associated data, code checks and the step order. Internal.
#pragma once

#include <soci/soci.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "auth/record_access.hpp"
#include "consultations/model.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"

namespace tsunagu::employment::placements::rows {

// The case as `who` may see it: NotFound unless its records are visible to them; with `edit`,
// Forbidden unless their organisation runs it, Conflict when it is closed.
auth::CaseView CaseAccess(soci::session& s, const auth::Principal& who, long long case_id,
                          bool edit, core::Date today);

inline std::string Ad(const char* table, long long id, const char* column) {
  return std::string(table) + ":" + std::to_string(id) + ":" + column;
}

template <std::size_t N>
void CheckCode(std::vector<core::FieldError>& errors, const std::string& field,
               const std::string& value, const std::array<std::string_view, N>& list) {
  if (value.empty()) {
    errors.push_back({field, "error.required"});
  } else if (!consultations::InList(list, value)) {
    errors.push_back({field, "error.invalid_choice"});
  }
}

// A date the person gives for something that happened: required, not in the future.
// Returns the parsed date (for entered_late) when valid.
std::optional<core::Date> CheckPastDate(std::vector<core::FieldError>& errors,
                                        const std::string& field, const std::string& value,
                                        core::Date today);

void CheckText(std::vector<core::FieldError>& errors, const std::string& field,
               const std::string& value, std::size_t max, bool required);

// Position in kSteps (applied 0 … placed 4), or -1 for an ending / unknown code.
int StepIndex(std::string_view status);

}  // namespace tsunagu::employment::placements::rows
