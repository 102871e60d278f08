// Identifiers of the directory's records in Open Referral HSDS 3.0, which asks for UUIDs.
//
// Tsunagu's records have numeric ids, so each HSDS id is a name-based UUID in RFC 9562's
// version 8 (custom) layout that carries the record's kind and number openly:
//
//   7473756e-6167-8KKK-8000-NNNNNNNNNNNN
//   "tsunag"     ver 8 + kind (3 hex digits), variant 10, the number (12 hex digits)
//
// The same record always has the same id, different kinds never share one, and the API reads
// the number back from a UUID it was given (with its kind checked), without a lookup table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tsunagu::directory {

enum class HsdsKind : int {
  kOrganization = 1,
  kService = 2,
  kLocation = 3,
  kAddress = 4,
  kPhone = 5,
  kSchedule = 6,
  kServiceAtLocation = 7,
};

// Lower-case, e.g. HsdsId(kService, 12) == "7473756e-6167-8002-8000-00000000000c".
// `number` must be in 1 … 2^48 − 1.
std::string HsdsId(HsdsKind kind, std::int64_t number);

// The number in an id of `kind` (upper or lower case); nullopt for anything else, including an
// id of another kind and a plain number.
std::optional<std::int64_t> ParseHsdsId(HsdsKind kind, std::string_view id);

}  // namespace tsunagu::directory
