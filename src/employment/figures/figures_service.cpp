#include "employment/figures/figures_service.hpp"

#include <algorithm>
#include <map>

#include "cases/case_service.hpp"
#include "core/wareki.hpp"
#include "employment/contacts/contact_service.hpp"
#include "storage/row.hpp"

namespace tsunagu::employment::figures {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

// Unix seconds at midnight JST starting `d`.
std::int64_t StartOfDayJst(core::Date d) {
  return static_cast<std::int64_t>(core::DaysBetween({1970, 1, 1}, d)) * 86400 - 9 * 3600;
}

// The bounds of one count: the organisation, the programme (0: all), the year's first and last
// dates as ISO text.
struct Scope {
  long long org = 0;
  long long program = 0;
  std::string from;
  std::string to;
};

// How a person is told apart across tables: 'c' and the client id when the booking or the
// contact names a client, else 'b' and the booking (a consultation without a client record is a
// person of its own), 'a' and the contact for an anonymous caller.
constexpr const char* kDayPeople =
    "SELECT CASE WHEN c.id IS NULL THEN 'b' ELSE 'c' END AS k, COALESCE(c.id, b.id) AS pid "
    "FROM booking b JOIN consultation_day d ON d.id = b.day_id JOIN program p ON p.id = "
    "d.program_id LEFT JOIN client c ON c.booking_id = b.id WHERE p.organization_id = :o AND "
    "(:p = 0 OR d.program_id = :p2) AND b.status = 'attended' AND d.day_date >= :f AND "
    "d.day_date <= :t";
constexpr const char* kContactPeople =
    "SELECT CASE WHEN x.client_id IS NULL THEN 'a' ELSE 'c' END AS k, COALESCE(x.client_id, "
    "x.id) AS pid FROM support_contact x WHERE x.organization_id = :o3 AND (:p3 = 0 OR "
    "x.program_id = :p4) AND x.requester_kind <> 'employer' AND x.contacted_on >= :f3 AND "
    "x.contacted_on <= :t3";

long long PeopleConsulted(soci::session& s, const Scope& sc) {
  long long n = 0;
  s << std::string("SELECT COUNT(*) FROM (") + kDayPeople + " UNION " + kContactPeople + ") u",
      soci::use(sc.org), soci::use(sc.program), soci::use(sc.program), soci::use(sc.from),
      soci::use(sc.to), soci::use(sc.org), soci::use(sc.program), soci::use(sc.program),
      soci::use(sc.from), soci::use(sc.to), soci::into(n);
  return n;
}

// People with a placement of `kind` starting in the year or a case closed with `outcome` in
// it, and (for placements) a consultation record of the programme's days saying job_decided.
long long PeoplePlaced(soci::session& s, const Scope& sc, const std::string& kind,
                       const std::string& outcome, bool with_records) {
  std::string sql =
      "SELECT COUNT(*) FROM (SELECT 'c' AS k, sc.client_id AS pid FROM placement pl JOIN "
      "support_case sc ON sc.id = pl.case_id WHERE pl.organization_id = :o AND pl.kind = :k AND "
      "pl.start_on >= :f AND pl.start_on <= :t UNION SELECT 'c' AS k, client_id AS pid FROM "
      "support_case WHERE organization_id = :o2 AND status = 'closed' AND outcome = :oc AND "
      "outcome_on >= :f2 AND outcome_on <= :t2";
  if (with_records) {
    sql +=
        " UNION SELECT CASE WHEN c.id IS NULL THEN 'b' ELSE 'c' END AS k, COALESCE(c.id, b.id) "
        "AS pid FROM consultation_record r JOIN booking b ON b.id = r.booking_id JOIN "
        "consultation_day d ON d.id = r.day_id JOIN program p ON p.id = d.program_id LEFT JOIN "
        "client c ON c.booking_id = b.id WHERE p.organization_id = :o3 AND (:p = 0 OR "
        "d.program_id = :p2) AND r.outcome = 'job_decided' AND d.day_date >= :f3 AND "
        "d.day_date <= :t3";
  }
  sql += ") u";
  long long n = 0;
  if (with_records) {
    s << sql, soci::use(sc.org), soci::use(kind), soci::use(sc.from), soci::use(sc.to),
        soci::use(sc.org), soci::use(outcome), soci::use(sc.from), soci::use(sc.to),
        soci::use(sc.org), soci::use(sc.program), soci::use(sc.program), soci::use(sc.from),
        soci::use(sc.to), soci::into(n);
  } else {
    s << sql, soci::use(sc.org), soci::use(kind), soci::use(sc.from), soci::use(sc.to),
        soci::use(sc.org), soci::use(outcome), soci::use(sc.from), soci::use(sc.to), soci::into(n);
  }
  return n;
}

void Retention(soci::session& s, const Scope& sc, const std::string& today, long long months,
               std::int64_t& due, std::int64_t& kept) {
  long long d = 0;
  long long k = 0;
  s << "SELECT COUNT(*), COALESCE(SUM(CASE WHEN answer IN ('continuing', 'transferred') THEN 1 "
       "ELSE 0 END), 0) FROM retention_check WHERE organization_id = :o AND months = :m AND "
       "due_on >= :f AND due_on <= :t AND due_on <= :today",
      soci::use(sc.org), soci::use(months), soci::use(sc.from), soci::use(sc.to), soci::use(today),
      soci::into(d), soci::into(k);
  due = d;
  kept = k;
}

}  // namespace

core::Result<std::vector<ProgramChoice>> FiguresService::Programs(const auth::Principal& who) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<ProgramChoice>>([&](soci::session& s) {
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name FROM program WHERE organization_id = :o ORDER BY id",
         soci::use(org));
    std::vector<ProgramChoice> out;
    for (const auto& r : rows) out.push_back({GetInt(r, 0), GetText(r, 1)});
    return out;
  });
}

core::Result<EmploymentFigures> FiguresService::Build(const auth::Principal& who, int fiscal_year,
                                                      std::int64_t program_id) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  return db_.Read<EmploymentFigures>([&](soci::session& s) {
    EmploymentFigures f;
    f.fiscal_year = fiscal_year;
    f.program_id = program_id;
    Scope sc;
    sc.org = who.organization_id;
    sc.program = program_id;
    sc.from = core::ToIso(core::FiscalYearStart(fiscal_year));
    sc.to = core::ToIso(core::FiscalYearEnd(fiscal_year));
    const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
    long long fy = fiscal_year;

    if (program_id != 0) {
      long long pid = program_id;
      std::string name;
      soci::indicator ind = soci::i_null;
      s << "SELECT name FROM program WHERE id = :i AND organization_id = :o", soci::use(pid),
          soci::use(sc.org), soci::into(name, ind);
      if (!s.got_data()) throw Abort{core::Error::NotFound()};
      f.program_name = name;
    }

    f.people_consulted = PeopleConsulted(s, sc);
    {
      long long n = 0;
      s << "SELECT COUNT(*) FROM booking b JOIN consultation_day d ON d.id = b.day_id JOIN "
           "program p ON p.id = d.program_id WHERE p.organization_id = :o AND (:p = 0 OR "
           "d.program_id = :p2) AND b.status = 'attended' AND d.day_date >= :f AND d.day_date <= "
           ":t",
          soci::use(sc.org), soci::use(sc.program), soci::use(sc.program), soci::use(sc.from),
          soci::use(sc.to), soci::into(n);
      f.day_consultations = n;
    }
    {
      long long contacts = 0;
      long long employers = 0;
      s << "SELECT COALESCE(SUM(CASE WHEN requester_kind <> 'employer' THEN 1 ELSE 0 END), 0), "
           "COALESCE(SUM(CASE WHEN requester_kind = 'employer' THEN 1 ELSE 0 END), 0) FROM "
           "support_contact WHERE organization_id = :o AND (:p = 0 OR program_id = :p2) AND "
           "contacted_on >= :f AND contacted_on <= :t",
          soci::use(sc.org), soci::use(sc.program), soci::use(sc.program), soci::use(sc.from),
          soci::use(sc.to), soci::into(contacts), soci::into(employers);
      f.contacts = contacts;
      f.employer_consultations = employers;
    }
    {
      std::map<std::string, std::int64_t> by;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT channel, COUNT(*) FROM support_contact WHERE organization_id = "
                        ":o AND (:p = 0 OR program_id = :p2) AND contacted_on >= :f AND "
                        "contacted_on <= :t GROUP BY channel",
           soci::use(sc.org), soci::use(sc.program), soci::use(sc.program), soci::use(sc.from),
           soci::use(sc.to));
      for (const auto& r : rows) by[GetText(r, 0)] = GetInt(r, 1);
      for (auto c : contacts::kChannels) {
        f.contacts_by_channel.push_back({std::string(c), by[std::string(c)]});
      }
    }

    f.placements = PeoplePlaced(s, sc, "placement", "new_job", true);
    f.returned_to_work = PeoplePlaced(s, sc, "return_to_work", "returned", false);
    f.kept_job = PeoplePlaced(s, sc, "kept_job", "kept_job", false);
    {
      long long target = 0;
      long long rows = 0;
      s << "SELECT COALESCE(SUM(t.placements), 0), COUNT(*) FROM program_target t JOIN program "
           "p ON p.id = t.program_id WHERE p.organization_id = :o AND (:p = 0 OR t.program_id = "
           ":p2) AND t.fiscal_year = :y",
          soci::use(sc.org), soci::use(sc.program), soci::use(sc.program), soci::use(fy),
          soci::into(target), soci::into(rows);
      if (rows > 0) f.placement_target = target;
    }
    Retention(s, sc, today, 6, f.retention6_due, f.retention6_kept);
    Retention(s, sc, today, 12, f.retention12_due, f.retention12_kept);
    {
      std::map<std::string, std::int64_t> by;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT outcome, COUNT(*) FROM support_case WHERE organization_id = :o "
                        "AND status = 'closed' AND outcome_on >= :f AND outcome_on <= :t GROUP "
                        "BY outcome",
           soci::use(sc.org), soci::use(sc.from), soci::use(sc.to));
      for (const auto& r : rows) by[GetText(r, 0)] = GetInt(r, 1);
      for (auto o : cases::kOutcomes) f.closures.push_back({std::string(o), by[std::string(o)]});
    }
    {
      // Still supported when the year ended (or now, for the current year).
      long long end = std::min(StartOfDayJst(core::FiscalYearStart(fiscal_year + 1)), now);
      long long n = 0;
      s << "SELECT COUNT(*) FROM support_case WHERE organization_id = :o AND opened_at < :e AND "
           "(closed_at IS NULL OR closed_at >= :e2)",
          soci::use(sc.org), soci::use(end), soci::use(end), soci::into(n);
      f.cases_continuing = n;
    }
    {
      long long n = 0;
      s << "SELECT COUNT(*) FROM (SELECT COALESCE(a.employer_id, o.employer_id) AS e FROM "
           "job_application a LEFT JOIN job_opening o ON o.id = a.opening_id WHERE "
           "a.organization_id = :o AND a.applied_on >= :f AND a.applied_on <= :t UNION SELECT "
           "employer_id AS e FROM placement WHERE organization_id = :o2 AND start_on >= :f2 AND "
           "start_on <= :t2 UNION SELECT employer_id AS e FROM support_contact WHERE "
           "organization_id = :o3 AND contacted_on >= :f3 AND contacted_on <= :t3) u WHERE e IS "
           "NOT NULL",
          soci::use(sc.org), soci::use(sc.from), soci::use(sc.to), soci::use(sc.org),
          soci::use(sc.from), soci::use(sc.to), soci::use(sc.org), soci::use(sc.from),
          soci::use(sc.to), soci::into(n);
      f.employers_engaged = n;
    }
    {
      long long from = StartOfDayJst(core::FiscalYearStart(fiscal_year));
      long long to = StartOfDayJst(core::FiscalYearStart(fiscal_year + 1));
      long long n = 0;
      s << "SELECT COUNT(*) FROM job_opening WHERE organization_id = :o AND created_at >= :f AND "
           "created_at < :t",
          soci::use(sc.org), soci::use(from), soci::use(to), soci::into(n);
      f.openings_collected = n;
    }
    return f;
  });
}

}  // namespace tsunagu::employment::figures
