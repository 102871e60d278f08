#include "consultations/partners.hpp"

#include "auth/record_access.hpp"
#include "consultations/pledge.hpp"
#include "core/text.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

// The programme's name when `who` is the 事務局 of its host; Abort(NotFound) otherwise.
std::string HostedProgram(soci::session& s, const auth::Principal& who, std::int64_t program_id) {
  long long pid = program_id;
  long long org = 0;
  std::string name;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT organization_id, name FROM program WHERE id = :p", soci::use(pid));
  for (const auto& r : rows) {
    org = GetInt(r, 0);
    name = GetText(r, 1);
  }
  if (org == 0 || !auth::Policy::CanCoordinate(who, org)) throw Abort{core::Error::NotFound()};
  return name;
}

std::vector<PartnerOrg> ReadOrgs(soci::rowset<soci::row>& rows) {
  std::vector<PartnerOrg> out;
  for (const auto& r : rows) out.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
  return out;
}

}  // namespace

core::Result<PartnerList> PartnerService::Partners(const auth::Principal& who,
                                                   std::int64_t program_id) {
  return db_.Read<PartnerList>([&](soci::session& s) {
    PartnerList list;
    list.program_id = program_id;
    list.program_name = HostedProgram(s, who, program_id);
    long long pid = program_id;
    long long host = who.organization_id;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT o.id, o.name, o.kind FROM program_partner pp JOIN organization o "
                        "ON o.id = pp.organization_id WHERE pp.program_id = :p ORDER BY o.name, "
                        "o.id",
           soci::use(pid));
      list.partners = ReadOrgs(rows);
    }
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT o.id, o.name, o.kind FROM organization o WHERE o.status = 'active' "
                      "AND o.id <> :h AND NOT EXISTS (SELECT 1 FROM program_partner pp WHERE "
                      "pp.program_id = :p AND pp.organization_id = o.id) ORDER BY o.name, o.id",
         soci::use(host), soci::use(pid));
    list.candidates = ReadOrgs(rows);
    return list;
  });
}

core::Status PartnerService::Add(const auth::Principal& who, const audit::Actor& actor,
                                 std::int64_t program_id, std::int64_t org_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    HostedProgram(s, who, program_id);
    long long pid = program_id;
    long long oid = org_id;
    long long host = who.organization_id;
    long long found = 0;
    s << "SELECT COUNT(*) FROM organization WHERE id = :o AND status = 'active' AND id <> :h",
        soci::into(found), soci::use(oid), soci::use(host);
    if (found == 0) {
      throw Abort{core::Error::Invalid("error.form", {{"organization", "partners.error.org"}})};
    }
    long long at = now;
    soci::statement insert =
        (s.prepare << "INSERT INTO program_partner (program_id, organization_id, added_at) VALUES "
                      "(:p, :o, :t) ON CONFLICT (program_id, organization_id) DO NOTHING",
         soci::use(pid), soci::use(oid), soci::use(at));
    insert.execute(true);
    if (insert.get_affected_rows() == 0) return;
    audit::AuditLog::Append(
        s, actor,
        {"program_partner.add", "program", std::to_string(program_id),
         "{\"organization_id\":" + std::to_string(org_id) + "}", who.organization_id},
        now);
  });
}

core::Status PartnerService::Remove(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t program_id, std::int64_t org_id) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  return db_.WriteVoid([&](soci::session& s) {
    HostedProgram(s, who, program_id);
    long long pid = program_id;
    long long oid = org_id;
    long long host = who.organization_id;
    soci::statement del =
        (s.prepare << "DELETE FROM program_partner WHERE program_id = :p AND organization_id = :o",
         soci::use(pid), soci::use(oid));
    del.execute(true);
    if (del.get_affected_rows() == 0) throw Abort{core::Error::NotFound()};
    // Its members leave the coming rosters, unless they also serve the host or another partner.
    std::string day = today;
    s << "DELETE FROM day_staff WHERE day_id IN (SELECT id FROM consultation_day WHERE "
         "program_id = :p AND day_date >= :d) AND user_id IN (SELECT user_id FROM membership "
         "WHERE organization_id = :o) AND user_id NOT IN (SELECT m.user_id FROM membership m "
         "WHERE m.organization_id = :h OR m.organization_id IN (SELECT organization_id FROM "
         "program_partner WHERE program_id = :p2))",
        soci::use(pid), soci::use(day), soci::use(oid), soci::use(host), soci::use(pid);
    audit::AuditLog::Append(
        s, actor,
        {"program_partner.remove", "program", std::to_string(program_id),
         "{\"organization_id\":" + std::to_string(org_id) + "}", who.organization_id},
        now);
  });
}

core::Result<std::string> PartnerService::PledgeText(const auth::Principal& who,
                                                     std::int64_t program_id) {
  return db_.Read<std::string>([&](soci::session& s) {
    HostedProgram(s, who, program_id);
    long long pid = program_id;
    std::string text;
    s << "SELECT pledge_text FROM program WHERE id = :p", soci::use(pid), soci::into(text);
    return text;
  });
}

core::Status PartnerService::SetPledgeText(const auth::Principal& who, const audit::Actor& actor,
                                           std::int64_t program_id, const std::string& input) {
  std::string text = core::Trim(core::NormalizeNewlines(input));
  if (core::CountCodePoints(text) > kMaxPledge) {
    return core::Error::Invalid("error.form", {{"pledge_text", "pledge.error.too_long"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    HostedProgram(s, who, program_id);
    long long pid = program_id;
    s << "UPDATE program SET pledge_text = :t WHERE id = :p", soci::use(text), soci::use(pid);
    audit::AuditLog::Append(s, actor,
                            {"program.pledge_text", "program", std::to_string(program_id),
                             std::string("{\"default\":") + (text.empty() ? "true" : "false") + "}",
                             who.organization_id},
                            now);
  });
}

core::Result<DayPledge> PartnerService::ForDay(const auth::Principal& who, std::int64_t program_id,
                                               std::int64_t day_id) {
  return db_.Read<DayPledge>([&](soci::session& s) {
    if (!auth::RecordAccess::Day(s, who, program_id, day_id)) {
      throw Abort{core::Error::NotFound()};
    }
    long long pid = program_id;
    long long did = day_id;
    DayPledge pledge;
    std::string date;
    s << "SELECT p.name, p.pledge_text, d.day_date FROM program p JOIN consultation_day d ON "
         "d.program_id = p.id WHERE p.id = :p AND d.id = :d",
        soci::use(pid), soci::use(did), soci::into(pledge.program_name), soci::into(pledge.text),
        soci::into(date);
    pledge.date = core::ParseIsoDate(date).value_or(core::Date{});
    pledge.fiscal_year = core::FiscalYear(pledge.date);
    pledge.on_roster = OnRoster(s, day_id, who.user_id);
    long long uid = who.user_id;
    int fy = pledge.fiscal_year;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT acknowledged_at FROM pledge_ack WHERE program_id = :p AND user_id "
                      "= :u AND fiscal_year = :f",
         soci::use(pid), soci::use(uid), soci::use(fy));
    for (const auto& r : rows) pledge.acknowledged_at = GetInt(r, 0);
    return pledge;
  });
}

core::Status PartnerService::Acknowledge(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t program_id, std::int64_t day_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const auto access = auth::RecordAccess::Day(s, who, program_id, day_id);
    if (!access) throw Abort{core::Error::NotFound()};
    long long pid = program_id;
    long long did = day_id;
    std::string date;
    s << "SELECT day_date FROM consultation_day WHERE id = :d", soci::use(did), soci::into(date);
    int fy = core::FiscalYear(core::ParseIsoDate(date).value_or(core::Date{}));
    long long uid = who.user_id;
    long long at = now;
    soci::statement insert =
        (s.prepare << "INSERT INTO pledge_ack (program_id, user_id, fiscal_year, acknowledged_at) "
                      "VALUES (:p, :u, :f, :t) ON CONFLICT (program_id, user_id, fiscal_year) DO "
                      "NOTHING",
         soci::use(pid), soci::use(uid), soci::use(fy), soci::use(at));
    insert.execute(true);
    if (insert.get_affected_rows() == 0) return;
    audit::AuditLog::Append(s, actor,
                            {"pledge.acknowledge", "program", std::to_string(program_id),
                             "{\"fiscal_year\":" + std::to_string(fy) + "}", access->host_org},
                            now);
  });
}

}  // namespace tsunagu::consultations
