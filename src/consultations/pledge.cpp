#include "consultations/pledge.hpp"

#include "storage/row.hpp"

namespace tsunagu::consultations {

bool PledgeAcknowledged(soci::session& s, std::int64_t program_id, std::int64_t user_id,
                        int fiscal_year) {
  long long pid = program_id;
  long long uid = user_id;
  int fy = fiscal_year;
  long long n = 0;
  s << "SELECT COUNT(*) FROM pledge_ack WHERE program_id = :p AND user_id = :u AND "
       "fiscal_year = :f",
      soci::into(n), soci::use(pid), soci::use(uid), soci::use(fy);
  return n > 0;
}

bool OnRoster(soci::session& s, std::int64_t day_id, std::int64_t user_id) {
  long long did = day_id;
  long long uid = user_id;
  long long n = 0;
  s << "SELECT COUNT(*) FROM day_staff WHERE day_id = :d AND user_id = :u", soci::into(n),
      soci::use(did), soci::use(uid);
  return n > 0;
}

std::string PartnerOrganisationOf(soci::session& s, std::int64_t program_id, std::int64_t host_org,
                                  std::int64_t user_id) {
  long long pid = program_id;
  long long host = host_org;
  long long uid = user_id;
  long long own = 0;
  s << "SELECT COUNT(*) FROM membership WHERE user_id = :u AND organization_id = :o",
      soci::into(own), soci::use(uid), soci::use(host);
  if (own > 0) return {};
  std::string name;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT o.name FROM membership m JOIN program_partner pp ON "
                    "pp.organization_id = m.organization_id AND pp.program_id = :p JOIN "
                    "organization o ON o.id = m.organization_id WHERE m.user_id = :u ORDER BY "
                    "o.name",
       soci::use(pid), soci::use(uid));
  for (const auto& r : rows) {
    name = storage::GetText(r, 0);
    break;
  }
  return name;
}

}  // namespace tsunagu::consultations
