#include "employment/employers/rows.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "storage/database.hpp"
#include "storage/row.hpp"

namespace tsunagu::employment::employers {

using storage::GetInt;
using storage::GetText;

const char* VisibleEmployerFilter() {
  return "(e.organization_id = :vo1 OR (e.share_partners = 1 AND e.status = 'active' AND EXISTS "
         "(SELECT 1 FROM program p WHERE p.status = 'active' AND (p.organization_id = "
         "e.organization_id OR EXISTS (SELECT 1 FROM program_partner pa WHERE pa.program_id = "
         "p.id AND pa.organization_id = e.organization_id)) AND (p.organization_id = :vo2 OR "
         "EXISTS (SELECT 1 FROM program_partner pb WHERE pb.program_id = p.id AND "
         "pb.organization_id = :vo3)))))";
}

std::optional<Employer> LoadVisibleEmployer(soci::session& s, const auth::Principal& who,
                                            std::int64_t id) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return std::nullopt;
  long long eid = id;
  long long org = who.organization_id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT e.id, e.organization_id, o.name, e.name, e.furigana, "
                                "e.industry, e.size_band, e.municipality, e.address, e.practices, "
                                "e.share_partners, e.status, e.version FROM employer e JOIN "
                                "organization o ON o.id = e.organization_id WHERE e.id = :i AND ") +
                        VisibleEmployerFilter(),
       soci::use(eid), soci::use(org), soci::use(org), soci::use(org));
  for (const auto& r : rows) {
    Employer e;
    e.id = GetInt(r, 0);
    e.organization_id = GetInt(r, 1);
    e.organization_name = GetText(r, 2);
    e.name = GetText(r, 3);
    e.furigana = GetText(r, 4);
    e.industry = GetText(r, 5);
    e.size_band = GetText(r, 6);
    e.municipality = GetText(r, 7);
    e.address = GetText(r, 8);
    e.practices = PracticeList(GetText(r, 9));
    e.share_partners = GetInt(r, 10) == 1;
    e.status = GetText(r, 11);
    e.version = static_cast<int>(GetInt(r, 12));
    e.own = e.organization_id == who.organization_id;
    return e;
  }
  return std::nullopt;
}

Employer LoadOwnEmployer(soci::session& s, const auth::Principal& who, std::int64_t id) {
  auto e = LoadVisibleEmployer(s, who, id);
  if (!e || !e->own) throw storage::Abort{core::Error::NotFound()};
  return *e;
}

std::string PracticeCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (auto p : kPractices) {
    if (std::find(codes.begin(), codes.end(), std::string(p)) == codes.end()) continue;
    if (!out.empty()) out += ',';
    out += p;
  }
  return out;
}

std::vector<std::string> PracticeList(const std::string& codes) {
  std::vector<std::string> out;
  for (const auto& c : core::SplitCodes(codes)) {
    if (InList(kPractices, c)) out.push_back(c);
  }
  return out;
}

}  // namespace tsunagu::employment::employers
