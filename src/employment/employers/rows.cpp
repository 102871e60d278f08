#include "employment/employers/rows.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "directory/search.hpp"
#include "storage/database.hpp"
#include "storage/row.hpp"

namespace tsunagu::employment::employers {

using storage::GetInt;
using storage::GetText;

namespace {

struct Bound {
  int value = 0;
  soci::indicator ind = soci::i_null;
};
Bound Bind(const std::optional<int>& v) {
  return v ? Bound{*v, soci::i_ok} : Bound{};
}

}  // namespace

const char* VisibleEmployerFilter() {
  return "(e.organization_id = :vo1 OR (e.share_partners = 1 AND e.status = 'active' AND EXISTS "
         "(SELECT 1 FROM program p WHERE p.status = 'active' AND (p.organization_id = "
         "e.organization_id OR EXISTS (SELECT 1 FROM program_partner pa WHERE pa.program_id = "
         "p.id AND pa.organization_id = e.organization_id)) AND (p.organization_id = :vo2 OR "
         "EXISTS (SELECT 1 FROM program_partner pb WHERE pb.program_id = p.id AND "
         "pb.organization_id = :vo3)))))";
}

Employer EmployerHead(const soci::row& r) {
  Employer e;
  e.id = GetInt(r, 0);
  e.organization_id = GetInt(r, 1);
  e.organization_name = GetText(r, 2);
  e.name = GetText(r, 3);
  e.furigana = GetText(r, 4);
  e.industry = GetText(r, 5);
  e.size_band = GetText(r, 6);
  e.municipality = GetText(r, 7);
  return e;
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
    Employer e = EmployerHead(r);
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

std::int64_t InsertEmployer(soci::session& s, const crypto::FieldCipher& cipher,
                            const auth::Principal& who, const audit::Actor& actor,
                            const EmployerInput& in, std::int64_t now) {
  long long org = who.organization_id;
  long long user = who.user_id;
  long long at = now;
  const std::string practices = PracticeCodes(in.practices);
  const std::string key = directory::SearchKey({in.name, in.furigana});
  int share = in.share_partners ? 1 : 0;
  long long id = 0;
  s << "INSERT INTO employer (organization_id, name, furigana, industry, size_band, "
       "municipality, address, practices, share_partners, search_key, created_by, created_at, "
       "updated_at) VALUES (:o, :n, :f, :i, :sb, :m, :a, :p, :sh, :k, :u, :at, :up) RETURNING id",
      soci::use(org), soci::use(in.name), soci::use(in.furigana), soci::use(in.industry),
      soci::use(in.size_band), soci::use(in.municipality), soci::use(in.address),
      soci::use(practices), soci::use(share), soci::use(key), soci::use(user), soci::use(at),
      soci::use(at), soci::into(id);
  const std::string note =
      in.attitude_note.empty()
          ? std::string()
          : cipher.Encrypt(in.attitude_note, "employer:" + std::to_string(id) + ":attitude_note");
  s << "UPDATE employer SET attitude_note_enc = :n WHERE id = :i", soci::use(note), soci::use(id);
  audit::AuditLog::Append(
      s, actor, {"employer.create", "employer", std::to_string(id), "{}", who.organization_id},
      now);
  return id;
}

std::int64_t InsertOpening(soci::session& s, const auth::Principal& who, const audit::Actor& actor,
                           const OpeningInput& in, std::int64_t now) {
  long long org = who.organization_id;
  long long eid = in.employer_id;
  long long user = who.user_id;
  long long at = now;
  auto sm = Bind(in.start_minutes), em = Bind(in.end_minutes), wd = Bind(in.weekly_days),
       wh = Bind(in.weekly_hours), wmin = Bind(in.wage_min), wmax = Bind(in.wage_max);
  int sh = in.short_hours, st = in.staggered_hours, tw = in.telework, hl = in.hospital_leave,
      pub = in.published;
  long long id = 0;
  s << "INSERT INTO job_opening (organization_id, employer_id, title, duties, municipality, "
       "work_place, start_minutes, end_minutes, weekly_days, weekly_hours, hours_note, "
       "short_hours, staggered_hours, telework, hospital_leave, wage_kind, wage_min, wage_max, "
       "employment_type, valid_until, published, created_by, created_at, updated_at) VALUES "
       "(:o, :e, :t, :d, :m, :wp, :sm, :em, :wd, :wh, :hn, :sh, :st, :tw, :hl, :wk, :wmin, "
       ":wmax, :et, :vu, :pub, :u, :at, :up) RETURNING id",
      soci::use(org), soci::use(eid), soci::use(in.title), soci::use(in.duties),
      soci::use(in.municipality), soci::use(in.work_place), soci::use(sm.value, sm.ind),
      soci::use(em.value, em.ind), soci::use(wd.value, wd.ind), soci::use(wh.value, wh.ind),
      soci::use(in.hours_note), soci::use(sh), soci::use(st), soci::use(tw), soci::use(hl),
      soci::use(in.wage_kind), soci::use(wmin.value, wmin.ind), soci::use(wmax.value, wmax.ind),
      soci::use(in.employment_type), soci::use(in.valid_until), soci::use(pub), soci::use(user),
      soci::use(at), soci::use(at), soci::into(id);
  audit::AuditLog::Append(
      s, actor,
      {"job_opening.create", "job_opening", std::to_string(id), "{}", who.organization_id}, now);
  return id;
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
