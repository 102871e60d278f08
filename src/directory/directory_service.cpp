#include "directory/directory_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "directory/search.hpp"
#include "directory/validation.hpp"
#include "storage/row.hpp"

namespace tsunagu::directory {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

// Every service column and its organisation's, in the order ReadService reads them.
constexpr const char* kServiceSelect =
    "SELECT s.id, s.owner_organization_id, s.organization_id, s.name, s.furigana, "
    "s.description, s.category, s.eligibility_description, s.fees_description, "
    "s.application_process, s.url, s.email, s.status, s.state_province, s.city, s.address_1, "
    "s.postal_code, s.transportation, s.phone_number, s.schedule_description, s.updated_at, "
    "o.name, o.furigana, o.description, o.website, o.email, o.updated_at, s.search_key, "
    "o.search_key FROM directory_service s JOIN directory_organization o ON o.id = "
    "s.organization_id ";

struct Keyed {
  Service service;
  std::string service_key;
  std::string organization_key;
};

Keyed ReadService(const soci::row& r) {
  Keyed k;
  Service& s = k.service;
  s.id = GetInt(r, 0);
  s.owner_id = GetInt(r, 1);
  s.organization_id = GetInt(r, 2);
  s.name = GetText(r, 3);
  s.furigana = GetText(r, 4);
  s.description = GetText(r, 5);
  s.category = GetText(r, 6);
  s.eligibility = GetText(r, 7);
  s.fees = GetText(r, 8);
  s.application = GetText(r, 9);
  s.url = GetText(r, 10);
  s.email = GetText(r, 11);
  s.status = GetText(r, 12);
  s.prefecture = GetText(r, 13);
  s.municipality = GetText(r, 14);
  s.address = GetText(r, 15);
  s.postal_code = GetText(r, 16);
  s.access = GetText(r, 17);
  s.phone = GetText(r, 18);
  s.schedule = GetText(r, 19);
  s.updated_at = GetInt(r, 20);
  s.organization.id = s.organization_id;
  s.organization.owner_id = s.owner_id;
  s.organization.name = GetText(r, 21);
  s.organization.furigana = GetText(r, 22);
  s.organization.description = GetText(r, 23);
  s.organization.website = GetText(r, 24);
  s.organization.email = GetText(r, 25);
  s.organization.updated_at = GetInt(r, 26);
  k.service_key = GetText(r, 27);
  k.organization_key = GetText(r, 28);
  return k;
}

std::vector<Keyed> ReadServices(soci::rowset<soci::row>& rows) {
  std::vector<Keyed> out;
  for (const auto& r : rows) out.push_back(ReadService(r));
  return out;
}

// By category as kCategories orders them, then by reading (the name when there is none).
void SortForPeople(std::vector<Service>& services) {
  auto reading = [](const Service& s) {
    return core::NormalizeForSearch(s.furigana.empty() ? s.name : s.furigana);
  };
  std::stable_sort(services.begin(), services.end(), [&](const Service& a, const Service& b) {
    const auto ca = CategoryOrder(a.category);
    const auto cb = CategoryOrder(b.category);
    if (ca != cb) return ca < cb;
    return reading(a) < reading(b);
  });
}

std::string OrganizationKey(const OrganizationInput& in) {
  return SearchKey({in.name, in.furigana});
}
std::string ServiceKey(const ServiceInput& in) {
  return SearchKey({in.name, in.furigana, in.description});
}

std::optional<Keyed> LoadService(soci::session& s, std::int64_t id) {
  long long sid = id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kServiceSelect) + "WHERE s.id = :i", soci::use(sid));
  for (const auto& r : rows) return ReadService(r);
  return std::nullopt;
}

// The service when `who` may edit it; Abort otherwise (Forbidden when the public can read it).
Service EditableService(soci::session& s, const auth::Principal& who, std::int64_t id) {
  auto found = LoadService(s, id);
  if (!found) throw Abort{core::Error::NotFound()};
  if (!auth::Policy::CanCoordinate(who, found->service.owner_id)) {
    throw Abort{found->service.status == "active" ? core::Error::Forbidden()
                                                  : core::Error::NotFound()};
  }
  return found->service;
}

Organization EditableOrganization(soci::session& s, const auth::Principal& who, std::int64_t id) {
  long long oid = id;
  std::optional<Organization> org;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, owner_organization_id, name, furigana, description, website, "
                    "email, updated_at FROM directory_organization WHERE id = :i",
       soci::use(oid));
  for (const auto& r : rows) {
    Organization o;
    o.id = GetInt(r, 0);
    o.owner_id = GetInt(r, 1);
    o.name = GetText(r, 2);
    o.furigana = GetText(r, 3);
    o.description = GetText(r, 4);
    o.website = GetText(r, 5);
    o.email = GetText(r, 6);
    o.updated_at = GetInt(r, 7);
    org = o;
  }
  if (!org) throw Abort{core::Error::NotFound()};
  if (!auth::Policy::CanCoordinate(who, org->owner_id)) {
    long long active = 0;
    s << "SELECT COUNT(*) FROM directory_service WHERE organization_id = :i AND status = "
         "'active'",
        soci::use(oid), soci::into(active);
    throw Abort{active > 0 ? core::Error::Forbidden() : core::Error::NotFound()};
  }
  return *org;
}

void Require(bool may_coordinate) {
  if (!may_coordinate) throw Abort{core::Error::Forbidden()};
}

void CheckOrThrow(std::vector<core::FieldError> errors) {
  if (!errors.empty()) throw Abort{core::Error::Invalid("error.form", std::move(errors))};
}

// The owner's directory organisation, or a field error (another's, or none).
void CheckOwnOrganization(soci::session& s, const auth::Principal& who, std::int64_t org_id) {
  long long oid = org_id;
  long long owner = who.organization_id;
  long long found = 0;
  s << "SELECT COUNT(*) FROM directory_organization WHERE id = :i AND owner_organization_id = :o",
      soci::use(oid), soci::use(owner), soci::into(found);
  if (found == 0) {
    throw Abort{
        core::Error::Invalid("error.form", {{"organization", "directory.error.organization"}})};
  }
}

void Audit(soci::session& s, const audit::Actor& actor, const auth::Principal& who,
           const std::string& action, const std::string& type, std::int64_t id,
           const std::string& detail, std::int64_t now) {
  audit::AuditLog::Append(s, actor, {action, type, std::to_string(id), detail, who.organization_id},
                          now);
}

// Names of the fields an update changes, for the audit event (values are public, but the
// event says only what changed).
std::string ChangedFields(const std::vector<std::pair<const char*, bool>>& fields) {
  std::string out = "{\"fields\":[";
  bool first = true;
  for (const auto& [name, changed] : fields) {
    if (!changed) continue;
    out += std::string(first ? "" : ",") + "\"" + name + "\"";
    first = false;
  }
  return out + "]}";
}

}  // namespace

core::Result<std::vector<Service>> DirectoryService::Search(const std::string& query) {
  const auto terms = SearchTerms(query);
  return db_.Read<std::vector<Service>>([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kServiceSelect) + "WHERE s.status = 'active'");
    std::vector<Service> out;
    for (auto& k : ReadServices(rows)) {
      if (MatchesAll(terms, {k.service_key, k.organization_key})) {
        out.push_back(std::move(k.service));
      }
    }
    SortForPeople(out);
    return out;
  });
}

core::Result<Service> DirectoryService::Find(std::int64_t service_id) {
  return db_.Read<Service>([&](soci::session& s) {
    auto found = LoadService(s, service_id);
    if (!found || found->service.status != "active") throw Abort{core::Error::NotFound()};
    return found->service;
  });
}

core::Result<std::vector<Organization>> DirectoryService::OwnOrganizations(
    const auth::Principal& who) {
  return db_.Read<std::vector<Organization>>([&](soci::session& s) {
    Require(auth::Policy::CanCoordinate(who, who.organization_id));
    long long owner = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name, furigana, website, email FROM directory_organization "
                      "WHERE owner_organization_id = :o ORDER BY name, id",
         soci::use(owner));
    std::vector<Organization> out;
    for (const auto& r : rows) {
      Organization o;
      o.id = GetInt(r, 0);
      o.owner_id = who.organization_id;
      o.name = GetText(r, 1);
      o.furigana = GetText(r, 2);
      o.website = GetText(r, 3);
      o.email = GetText(r, 4);
      out.push_back(std::move(o));
    }
    return out;
  });
}

core::Result<std::vector<Service>> DirectoryService::OwnServices(const auth::Principal& who) {
  return db_.Read<std::vector<Service>>([&](soci::session& s) {
    Require(auth::Policy::CanCoordinate(who, who.organization_id));
    long long owner = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kServiceSelect) + "WHERE s.owner_organization_id = :o",
         soci::use(owner));
    std::vector<Service> out;
    for (auto& k : ReadServices(rows)) out.push_back(std::move(k.service));
    SortForPeople(out);
    return out;
  });
}

core::Result<Organization> DirectoryService::OrganizationToEdit(const auth::Principal& who,
                                                                std::int64_t id) {
  return db_.Read<Organization>([&](soci::session& s) { return EditableOrganization(s, who, id); });
}

core::Result<Service> DirectoryService::ServiceToEdit(const auth::Principal& who, std::int64_t id) {
  return db_.Read<Service>([&](soci::session& s) { return EditableService(s, who, id); });
}

core::Result<std::int64_t> DirectoryService::CreateOrganization(const auth::Principal& who,
                                                                const audit::Actor& actor,
                                                                const OrganizationInput& input) {
  const OrganizationInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    Require(auth::Policy::CanCoordinate(who, who.organization_id));
    CheckOrThrow(Check(in));
    long long owner = who.organization_id;
    long long at = now;
    const std::string key = OrganizationKey(in);
    long long id = 0;
    s << "INSERT INTO directory_organization (owner_organization_id, name, furigana, "
         "description, website, email, search_key, created_at, updated_at) VALUES (:ow, :n, :f, "
         ":d, :w, :e, :k, :t, :t2) RETURNING id",
        soci::use(owner), soci::use(in.name), soci::use(in.furigana), soci::use(in.description),
        soci::use(in.website), soci::use(in.email), soci::use(key), soci::use(at), soci::use(at),
        soci::into(id);
    Audit(s, actor, who, "directory_organization.create", "directory_organization", id, "{}", now);
    return static_cast<std::int64_t>(id);
  });
}

core::Status DirectoryService::UpdateOrganization(const auth::Principal& who,
                                                  const audit::Actor& actor, std::int64_t id,
                                                  const OrganizationInput& input) {
  const OrganizationInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const Organization old = EditableOrganization(s, who, id);
    CheckOrThrow(Check(in));
    long long oid = id;
    long long at = now;
    const std::string key = OrganizationKey(in);
    s << "UPDATE directory_organization SET name = :n, furigana = :f, description = :d, "
         "website = :w, email = :e, search_key = :k, updated_at = :t WHERE id = :i",
        soci::use(in.name), soci::use(in.furigana), soci::use(in.description),
        soci::use(in.website), soci::use(in.email), soci::use(key), soci::use(at), soci::use(oid);
    Audit(s, actor, who, "directory_organization.update", "directory_organization", id,
          ChangedFields({{"name", old.name != in.name},
                         {"furigana", old.furigana != in.furigana},
                         {"description", old.description != in.description},
                         {"website", old.website != in.website},
                         {"email", old.email != in.email}}),
          now);
  });
}

core::Result<std::int64_t> DirectoryService::CreateService(const auth::Principal& who,
                                                           const audit::Actor& actor,
                                                           const ServiceInput& input) {
  const ServiceInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    Require(auth::Policy::CanCoordinate(who, who.organization_id));
    CheckOrThrow(Check(in));
    CheckOwnOrganization(s, who, in.organization_id);
    long long owner = who.organization_id;
    long long org = in.organization_id;
    long long at = now;
    const std::string key = ServiceKey(in);
    long long id = 0;
    s << "INSERT INTO directory_service (owner_organization_id, organization_id, name, furigana, "
         "description, category, eligibility_description, fees_description, "
         "application_process, url, email, status, state_province, city, address_1, postal_code, "
         "transportation, phone_number, schedule_description, search_key, created_at, "
         "updated_at) VALUES (:ow, :o, :n, :f, :d, :c, :el, :fe, :ap, :u, :e, 'active', :sp, "
         ":ci, :a1, :pc, :tr, :ph, :sc, :k, :t, :t2) RETURNING id",
        soci::use(owner), soci::use(org), soci::use(in.name), soci::use(in.furigana),
        soci::use(in.description), soci::use(in.category), soci::use(in.eligibility),
        soci::use(in.fees), soci::use(in.application), soci::use(in.url), soci::use(in.email),
        soci::use(in.prefecture), soci::use(in.municipality), soci::use(in.address),
        soci::use(in.postal_code), soci::use(in.access), soci::use(in.phone),
        soci::use(in.schedule), soci::use(key), soci::use(at), soci::use(at), soci::into(id);
    Audit(s, actor, who, "directory_service.create", "directory_service", id,
          "{\"category\":\"" + in.category + "\"}", now);
    return static_cast<std::int64_t>(id);
  });
}

core::Status DirectoryService::UpdateService(const auth::Principal& who, const audit::Actor& actor,
                                             std::int64_t id, const ServiceInput& input) {
  const ServiceInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const Service old = EditableService(s, who, id);
    CheckOrThrow(Check(in));
    CheckOwnOrganization(s, who, in.organization_id);
    long long sid = id;
    long long org = in.organization_id;
    long long at = now;
    const std::string key = ServiceKey(in);
    s << "UPDATE directory_service SET organization_id = :o, name = :n, furigana = :f, "
         "description = :d, category = :c, eligibility_description = :el, fees_description = "
         ":fe, application_process = :ap, url = :u, email = :e, state_province = :sp, city = "
         ":ci, address_1 = :a1, postal_code = :pc, transportation = :tr, phone_number = :ph, "
         "schedule_description = :sc, search_key = :k, updated_at = :t WHERE id = :i",
        soci::use(org), soci::use(in.name), soci::use(in.furigana), soci::use(in.description),
        soci::use(in.category), soci::use(in.eligibility), soci::use(in.fees),
        soci::use(in.application), soci::use(in.url), soci::use(in.email), soci::use(in.prefecture),
        soci::use(in.municipality), soci::use(in.address), soci::use(in.postal_code),
        soci::use(in.access), soci::use(in.phone), soci::use(in.schedule), soci::use(key),
        soci::use(at), soci::use(sid);
    Audit(s, actor, who, "directory_service.update", "directory_service", id,
          ChangedFields(
              {{"organization", old.organization_id != in.organization_id},
               {"name", old.name != in.name},
               {"furigana", old.furigana != in.furigana},
               {"description", old.description != in.description},
               {"category", old.category != in.category},
               {"eligibility", old.eligibility != in.eligibility},
               {"fees", old.fees != in.fees},
               {"application", old.application != in.application},
               {"url", old.url != in.url},
               {"email", old.email != in.email},
               {"address", old.prefecture != in.prefecture || old.municipality != in.municipality ||
                               old.address != in.address || old.postal_code != in.postal_code},
               {"access", old.access != in.access},
               {"phone", old.phone != in.phone},
               {"schedule", old.schedule != in.schedule}}),
          now);
  });
}

core::Status DirectoryService::SetActive(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t id, bool active) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const Service old = EditableService(s, who, id);
    const std::string status = active ? "active" : "inactive";
    if (old.status == status) return;
    long long sid = id;
    long long at = now;
    s << "UPDATE directory_service SET status = :s, updated_at = :t WHERE id = :i",
        soci::use(status), soci::use(at), soci::use(sid);
    Audit(s, actor, who, active ? "directory_service.reactivate" : "directory_service.deactivate",
          "directory_service", id, "{}", now);
  });
}

}  // namespace tsunagu::directory
