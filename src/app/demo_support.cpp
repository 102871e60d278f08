#include "app/demo_support.hpp"

#include <optional>
#include <string>

#include "orgs/org_store.hpp"

namespace tsunagu::app {

core::Result<std::int64_t> DemoProgramId(Services& sv, std::int64_t org_id, const char* name) {
  return sv.db.Read<std::int64_t>([&](soci::session& s) -> std::int64_t {
    long long id = 0;
    long long org = org_id;
    const std::string wanted = name;
    s << "SELECT id FROM program WHERE organization_id = :o AND name = :n", soci::use(org),
        soci::use(wanted), soci::into(id);
    return s.got_data() ? id : 0;
  });
}

std::int64_t DemoUserId(Services& sv, const char* email) {
  auto user = sv.db.Read<std::optional<orgs::User>>(
      [&](soci::session& s) { return orgs::OrgStore::FindUserByEmail(s, email); });
  return user && *user ? (*user)->id : 0;
}

std::int64_t DemoOrgId(Services& sv, const char* name) {
  auto org = sv.db.Read<std::optional<orgs::Organization>>(
      [&](soci::session& s) { return orgs::OrgStore::FindOrganizationByName(s, name); });
  return org && *org ? (*org)->id : 0;
}

bool DemoEventExists(Services& sv, std::int64_t org_id, const std::string& title) {
  auto n = sv.db.Read<int>([&](soci::session& s) {
    long long o = org_id;
    int count = 0;
    s << "SELECT COUNT(*) FROM community_event WHERE organization_id = :o AND title = :t",
        soci::use(o), soci::use(title), soci::into(count);
    return count;
  });
  return !n || *n > 0;
}

auth::Principal DemoMember(std::int64_t user_id, std::int64_t org_id, auth::Role role) {
  auth::Principal who;
  who.user_id = user_id;
  who.stage = "full";
  who.organization_id = org_id;
  who.role = role;
  return who;
}

}  // namespace tsunagu::app
