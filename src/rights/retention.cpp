#include "rights/retention.hpp"

#include <string>
#include <vector>

#include "rights/erasure.hpp"
#include "storage/row.hpp"

namespace tsunagu::rights {
namespace {

using storage::GetInt;

int YearsOf(soci::session& s, long long org) {
  int years = kDefaultBookingYears;
  s << "SELECT booking_years FROM retention_setting WHERE organization_id = :o", soci::use(org),
      soci::into(years);
  return s.got_data() ? years : kDefaultBookingYears;
}

// Bookings whose day lies before this date are due: `years` before today (29 Feb → 28 Feb).
std::string CutOff(core::Date today, int years) {
  core::Date d{today.year - years, today.month, today.day};
  if (d.month == 2 && d.day == 29) d.day = 28;
  return core::ToIso(d);
}

// Due bookings of one organisation: not yet anonymised, and no client was made from them.
std::vector<long long> Due(soci::session& s, long long org, const std::string& before) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT b.id FROM booking b JOIN consultation_day d ON d.id = b.day_id JOIN "
                    "program p ON p.id = d.program_id WHERE p.organization_id = :o AND "
                    "d.day_date < :b AND b.anonymised_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                    "client c WHERE c.booking_id = b.id) ORDER BY b.id",
       soci::use(org), soci::use(before));
  for (const auto& r : rows) out.push_back(GetInt(r, 0));
  return out;
}

}  // namespace

core::Result<int> RetentionService::BookingYears(const auth::Principal& who) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<int>(
      [&](soci::session& s) { return YearsOf(s, static_cast<long long>(who.organization_id)); });
}

core::Status RetentionService::SetBookingYears(const auth::Principal& who,
                                               const audit::Actor& actor, int years) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  if (years < 1 || years > 20) {
    return core::Error::Invalid("error.invalid_input", {{"booking_years", "rights.error.years"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long org = who.organization_id;
    long long by = who.user_id;
    long long at = now;
    s << "INSERT INTO retention_setting (organization_id, booking_years, updated_by, updated_at) "
         "VALUES (:o, :y, :b, :a) ON CONFLICT (organization_id) DO UPDATE SET booking_years = "
         "excluded.booking_years, updated_by = excluded.updated_by, updated_at = "
         "excluded.updated_at",
        soci::use(org), soci::use(years), soci::use(by), soci::use(at);
    audit::AuditLog::Append(s, actor,
                            {"retention.settings", "organization", std::to_string(org),
                             "{\"booking_years\":" + std::to_string(years) + "}", org},
                            now);
  });
}

core::Result<int> RetentionService::DueCount(const auth::Principal& who, core::Date today) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<int>([&](soci::session& s) {
    long long org = who.organization_id;
    return static_cast<int>(Due(s, org, CutOff(today, YearsOf(s, org))).size());
  });
}

core::Result<int> RetentionService::Run(core::Date today) {
  const std::string on = core::ToIso(today);
  // The clock round calls this every minute: only organisations without today's run are tried,
  // so once the day's work is done a round is one read and no write.
  auto orgs = db_.Read<std::vector<long long>>([&](soci::session& s) {
    std::vector<long long> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT DISTINCT organization_id FROM program WHERE organization_id NOT IN "
                      "(SELECT organization_id FROM retention_run WHERE rule = 'booking' AND "
                      "run_on = :d) ORDER BY organization_id",
         soci::use(on));
    for (const auto& r : rows) out.push_back(GetInt(r, 0));
    return out;
  });
  if (!orgs) return orgs.error();
  int total = 0;
  for (long long org : *orgs) {
    const std::int64_t now = clock_.NowSeconds();
    auto n = db_.Write<int>([&](soci::session& s) {
      long long at = now;
      // The claim: a second server (or a second round today) inserts nothing and stops here.
      soci::statement claim =
          (s.prepare << "INSERT INTO retention_run (organization_id, rule, run_on, anonymised, "
                        "ran_at) VALUES (:o, 'booking', :d, 0, :a) ON CONFLICT DO NOTHING",
           soci::use(org), soci::use(on), soci::use(at));
      claim.execute(true);
      if (claim.get_affected_rows() == 0) return 0;
      const int years = YearsOf(s, org);
      int count = 0;
      for (long long id : Due(s, org, CutOff(today, years))) {
        if (AnonymiseBooking(s, cipher_, id, now)) ++count;
      }
      s << "UPDATE retention_run SET anonymised = :n WHERE organization_id = :o AND rule = "
           "'booking' AND run_on = :d",
          soci::use(count), soci::use(org), soci::use(on);
      audit::AuditLog::Append(s, audit::Actor{},
                              {"retention.run", "organization", std::to_string(org),
                               "{\"rule\":\"booking\",\"years\":" + std::to_string(years) +
                                   ",\"anonymised\":" + std::to_string(count) + "}",
                               org},
                              now);
      return count;
    });
    if (!n) return n.error();
    total += *n;
  }
  return total;
}

}  // namespace tsunagu::rights
