#include "orgs/org_service.hpp"

#include "core/text.hpp"
#include "orgs/org_store.hpp"
#include "storage/row.hpp"

namespace tsunagu::orgs {

using storage::Abort;

std::vector<core::FieldError> ValidateMemberFields(const std::string& role,
                                                   const std::string& profession) {
  std::vector<core::FieldError> errors;
  if (!auth::ParseRole(role)) errors.push_back({"role", "members.error.role"});
  if (!IsProfession(profession)) errors.push_back({"profession", "members.error.profession"});
  return errors;
}

core::Result<std::int64_t> OrgService::CreateOrganization(const audit::Actor& actor,
                                                          const std::string& kind,
                                                          const std::string& name_in) {
  std::string name = core::Trim(core::NormalizeNfkc(name_in));
  std::vector<core::FieldError> errors;
  if (!IsOrganizationKind(kind)) errors.push_back({"kind", "orgs.error.kind"});
  if (name.empty() || core::CountCodePoints(name) > 100) {
    errors.push_back({"name", "orgs.error.name"});
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    if (OrgStore::FindOrganizationByName(s, name)) {
      throw Abort{core::Error::Invalid("error.form", {{"name", "orgs.error.name_taken"}})};
    }
    auto id = OrgStore::CreateOrganization(s, kind, name, now);
    audit::AuditLog::Append(s, actor,
                            {"organization.create", "organization", std::to_string(id),
                             "{\"kind\":\"" + kind + "\"}", id},
                            now);
    return id;
  });
}

core::Result<std::vector<Organization>> OrgService::ListOrganizations() {
  return db_.Read<std::vector<Organization>>(
      [](soci::session& s) { return OrgStore::ListOrganizations(s); });
}

core::Result<Organization> OrgService::GetOrganization(std::int64_t id) {
  return db_.Read<Organization>([&](soci::session& s) {
    auto o = OrgStore::GetOrganization(s, id);
    if (!o) throw Abort{core::Error::NotFound()};
    return *o;
  });
}

core::Status OrgService::SetOrganizationStatus(const audit::Actor& actor, std::int64_t id,
                                               const std::string& status) {
  if (status != "active" && status != "disabled") return core::Error::Invalid("error.form");
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    if (!OrgStore::GetOrganization(s, id)) throw Abort{core::Error::NotFound()};
    OrgStore::SetOrganizationStatus(s, id, status);
    audit::AuditLog::Append(s, actor,
                            {"organization.status", "organization", std::to_string(id),
                             "{\"status\":\"" + status + "\"}", id},
                            now);
  });
}

core::Result<std::int64_t> OrgService::AddMember(const audit::Actor& actor, std::int64_t org_id,
                                                 std::int64_t user_id, const std::string& role,
                                                 const std::string& profession) {
  if (auto errors = ValidateMemberFields(role, profession); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    if (!OrgStore::GetOrganization(s, org_id) || !OrgStore::GetUser(s, user_id)) {
      throw Abort{core::Error::NotFound()};
    }
    if (OrgStore::FindMembership(s, user_id, org_id)) {
      throw Abort{core::Error::Conflict("members.error.already_member")};
    }
    auto id = OrgStore::AddMembership(s, user_id, org_id, role, profession, now);
    audit::AuditLog::Append(s, actor,
                            {"membership.create", "membership", std::to_string(id),
                             "{\"role\":\"" + role + "\"}", org_id},
                            now);
    return id;
  });
}

core::Result<std::vector<Membership>> OrgService::ListMembers(const auth::Principal& who,
                                                              std::int64_t org_id) {
  if (!auth::Policy::CanManageMembersOf(who, org_id)) return core::Error::NotFound();
  return db_.Read<std::vector<Membership>>(
      [&](soci::session& s) { return OrgStore::MembersOf(s, org_id); });
}

core::Status OrgService::UpdateMember(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t membership_id, const std::string& role,
                                      const std::string& profession) {
  if (auto errors = ValidateMemberFields(role, profession); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    auto m = OrgStore::GetMembership(s, membership_id);
    // A membership of another organisation answers exactly like one that does not exist.
    if (!m || !auth::Policy::CanManageMembersOf(who, m->organization_id)) {
      throw Abort{core::Error::NotFound()};
    }
    if (m->role == "admin" && role != "admin" &&
        OrgStore::CountAdmins(s, m->organization_id) <= 1) {
      throw Abort{core::Error::Invalid("error.form", {{"role", "members.error.last_admin"}})};
    }
    OrgStore::UpdateMembership(s, membership_id, role, profession);
    audit::AuditLog::Append(
        s, actor,
        {"membership.update", "membership", std::to_string(membership_id),
         "{\"role\":\"" + role + "\",\"profession\":\"" + profession + "\"}", m->organization_id},
        now);
  });
}

core::Status OrgService::RemoveMember(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t membership_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    auto m = OrgStore::GetMembership(s, membership_id);
    if (!m || !auth::Policy::CanManageMembersOf(who, m->organization_id)) {
      throw Abort{core::Error::NotFound()};
    }
    if (m->role == "admin" && OrgStore::CountAdmins(s, m->organization_id) <= 1) {
      throw Abort{core::Error::Invalid("error.form", {{"role", "members.error.last_admin"}})};
    }
    OrgStore::RemoveMembership(s, membership_id);
    // Sessions that had this organisation active lose it at once.
    long long uid = m->user_id;
    long long oid = m->organization_id;
    s << "UPDATE user_session SET organization_id = NULL WHERE user_id = :u AND "
         "organization_id = :o",
        soci::use(uid), soci::use(oid);
    audit::AuditLog::Append(s, actor,
                            {"membership.remove", "membership", std::to_string(membership_id), "{}",
                             m->organization_id},
                            now);
  });
}

core::Result<Membership> OrgService::GetMember(const auth::Principal& who,
                                               std::int64_t membership_id) {
  return db_.Read<Membership>([&](soci::session& s) {
    auto m = OrgStore::GetMembership(s, membership_id);
    if (!m || !auth::Policy::CanManageMembersOf(who, m->organization_id)) {
      throw Abort{core::Error::NotFound()};
    }
    return *m;
  });
}

core::Result<std::vector<Membership>> OrgService::MembershipsOf(std::int64_t user_id) {
  return db_.Read<std::vector<Membership>>(
      [&](soci::session& s) { return OrgStore::MembershipsOf(s, user_id); });
}

core::Result<std::vector<Membership>> OrgService::ListMembersAsSystemAdmin(
    const auth::Principal& who, std::int64_t org_id) {
  if (!auth::Policy::Allows(&who, auth::Permission::kSystemAdmin)) return core::Error::NotFound();
  return db_.Read<std::vector<Membership>>([&](soci::session& s) {
    if (!OrgStore::GetOrganization(s, org_id)) throw Abort{core::Error::NotFound()};
    return OrgStore::MembersOf(s, org_id);
  });
}

core::Result<std::map<std::int64_t, int>> OrgService::CountMembers(const auth::Principal& who) {
  if (!auth::Policy::Allows(&who, auth::Permission::kSystemAdmin)) return core::Error::NotFound();
  return db_.Read<std::map<std::int64_t, int>>([](soci::session& s) {
    std::map<std::int64_t, int> counts;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT organization_id, COUNT(*) FROM membership GROUP BY organization_id");
    for (const auto& r : rows) {
      counts[storage::GetInt(r, 0)] = static_cast<int>(storage::GetInt(r, 1));
    }
    return counts;
  });
}

core::Result<AuditPage> OrgService::AuditTrail(const auth::Principal& who, std::int64_t org_id,
                                               std::int64_t before_seq, int limit,
                                               bool others_only) {
  if (!auth::Policy::CanViewAuditOf(who, org_id)) return core::Error::NotFound();
  // One extra row tells whether an older page exists without a COUNT over the whole log.
  auto events =
      audit::AuditLog::ListForOrganization(db_, org_id, before_seq, limit + 1, others_only);
  if (!events) return events.error();
  AuditPage page;
  page.events = std::move(*events);
  if (static_cast<int>(page.events.size()) > limit) {
    page.has_older = true;
    page.events.resize(static_cast<std::size_t>(limit));
  }
  auto names = db_.Read<AuditPage>([&](soci::session& s) {
    AuditPage found;
    for (const auto& m : OrgStore::MembersOf(s, org_id)) {
      found.member_names[m.user_id] = m.user_display_name;
    }
    std::set<std::int64_t> others;
    for (const auto& e : page.events) {
      if (e.actor_user_id != 0 && !found.member_names.count(e.actor_user_id)) {
        others.insert(e.actor_user_id);
      }
    }
    for (auto id : others) {
      auto u = OrgStore::GetUser(s, id);
      if (u && u->is_system_admin) found.system_admin_ids.insert(id);
    }
    for (const auto& e : page.events) {
      if (e.organization_id == org_id || e.organization_id == 0) continue;
      if (e.actor_user_id != 0 && !found.outside_names.count(e.actor_user_id)) {
        if (auto u = OrgStore::GetUser(s, e.actor_user_id)) {
          found.outside_names[e.actor_user_id] = u->display_name;
        }
      }
      if (!found.org_names.count(e.organization_id)) {
        long long id = e.organization_id;
        std::string name;
        s << "SELECT name FROM organization WHERE id = :id", soci::into(name), soci::use(id);
        found.org_names[e.organization_id] = name;
      }
    }
    return found;
  });
  if (!names) return names.error();
  page.member_names = std::move(names->member_names);
  page.system_admin_ids = std::move(names->system_admin_ids);
  page.outside_names = std::move(names->outside_names);
  page.org_names = std::move(names->org_names);
  return page;
}

}  // namespace tsunagu::orgs
