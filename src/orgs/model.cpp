#include "orgs/model.hpp"

#include <algorithm>

namespace tsunagu::orgs {

bool IsOrganizationKind(std::string_view s) {
  return std::find(kOrganizationKinds.begin(), kOrganizationKinds.end(), s) !=
         kOrganizationKinds.end();
}

bool IsProfession(std::string_view s) {
  return std::find(kProfessions.begin(), kProfessions.end(), s) != kProfessions.end();
}

}  // namespace tsunagu::orgs
