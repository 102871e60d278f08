// Checks and tidies what staff typed for a directory entry (issue 15): length limits in
// characters, ふりがな in kana, web addresses, e-mail, public telephone numbers and postal codes.
// Errors name catalogue keys ("directory.error.*"); the caller keeps what was typed.
#pragma once

#include <vector>

#include "core/result.hpp"
#include "directory/model.hpp"

namespace tsunagu::directory {

// Trimmed, with LF line breaks; codes, web addresses, e-mail, numbers and ふりがな also NFKC.
OrganizationInput Tidy(const OrganizationInput& in);
ServiceInput Tidy(const ServiceInput& in);

// Field errors of tidied input (empty when valid). The service's organisation is checked
// against the caller's own by the service.
std::vector<core::FieldError> Check(const OrganizationInput& in);
std::vector<core::FieldError> Check(const ServiceInput& in);

}  // namespace tsunagu::directory
