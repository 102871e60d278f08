#include "consultations/record_resources.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "auth/record_access.hpp"
#include "core/wareki.hpp"
#include "directory/model.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

namespace {

// The booking's day and record (0 when not written yet); NotFound unless the principal may
// write records on that day of the programme.
struct Target {
  long long record_id = 0;
  std::int64_t host_org = 0;
};

Target Find(soci::session& s, const auth::Principal& who, std::int64_t program_id,
            std::int64_t booking_id) {
  long long bid = booking_id;
  long long pid = program_id;
  long long day = 0;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT b.day_id FROM booking b JOIN consultation_day d ON d.id = b.day_id "
                    "WHERE b.id = :b AND d.program_id = :p",
       soci::use(bid), soci::use(pid));
  for (const auto& r : rows) day = GetInt(r, 0);
  if (day == 0) throw Abort{core::Error::NotFound()};
  auto access = auth::RecordAccess::Day(s, who, program_id, day);
  if (!access) throw Abort{core::Error::NotFound()};
  Target t;
  t.host_org = access->host_org;
  soci::rowset<soci::row> record =
      (s.prepare << "SELECT id FROM consultation_record WHERE booking_id = :b", soci::use(bid));
  for (const auto& r : record) t.record_id = GetInt(r, 0);
  return t;
}

constexpr const char* kOptionColumns =
    "s.id, s.name, o.name, s.category, s.status, s.furigana FROM directory_service s JOIN "
    "directory_organization o ON o.id = s.organization_id";

struct Sorted {
  ResourceOption option;
  std::string furigana;
};

std::vector<ResourceOption> InOrder(std::vector<Sorted> rows) {
  std::sort(rows.begin(), rows.end(), [](const Sorted& a, const Sorted& b) {
    const auto ca = directory::CategoryOrder(a.option.category);
    const auto cb = directory::CategoryOrder(b.option.category);
    if (ca != cb) return ca < cb;
    if (a.furigana != b.furigana) return a.furigana < b.furigana;
    return a.option.id < b.option.id;
  });
  std::vector<ResourceOption> out;
  for (auto& r : rows) out.push_back(std::move(r.option));
  return out;
}

std::set<long long> Linked(soci::session& s, long long record_id) {
  std::set<long long> ids;
  if (record_id == 0) return ids;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT directory_service_id FROM record_resource WHERE record_id = :r",
       soci::use(record_id));
  for (const auto& r : rows) ids.insert(GetInt(r, 0));
  return ids;
}

// Options: active entries, and the record's own (any status).
std::vector<ResourceOption> ReadOptions(soci::session& s, long long record_id, bool only_linked) {
  const std::set<long long> linked = Linked(s, record_id);
  std::vector<Sorted> rows;
  soci::rowset<soci::row> found =
      (s.prepare << "SELECT " << kOptionColumns
                 << " WHERE s.status = 'active' OR s.id IN (SELECT directory_service_id FROM "
                    "record_resource WHERE record_id = :r)",
       soci::use(record_id));
  for (const auto& r : found) {
    Sorted row;
    row.option.id = GetInt(r, 0);
    row.option.name = GetText(r, 1);
    row.option.organization_name = GetText(r, 2);
    row.option.category = GetText(r, 3);
    row.option.active = GetText(r, 4) == "active";
    row.option.picked = linked.count(row.option.id) > 0;
    row.furigana = GetText(r, 5);
    if (only_linked && !row.option.picked) continue;
    rows.push_back(std::move(row));
  }
  return InOrder(std::move(rows));
}

void CheckIds(soci::session& s, long long record_id, const std::vector<std::int64_t>& ids) {
  const std::set<long long> linked = Linked(s, record_id);
  for (auto id : ids) {
    long long sid = id;
    long long ok = 0;
    if (sid > 0) {
      s << "SELECT COUNT(*) FROM directory_service WHERE id = :i AND status = 'active'",
          soci::use(sid), soci::into(ok);
    }
    if (ok == 0 && linked.count(sid) == 0) {
      throw Abort{
          core::Error::Invalid("error.form", {{"resources", "record_resources.error.choice"}})};
    }
  }
}

}  // namespace

std::vector<std::int64_t> ParseResourceIds(const std::vector<std::string>& values) {
  std::vector<std::int64_t> ids;
  for (const auto& v : values) {
    std::int64_t id = 0;
    bool ok = !v.empty() && v.size() <= 18;
    for (char c : v) {
      if (c < '0' || c > '9') {
        ok = false;
        break;
      }
      id = id * 10 + (c - '0');
    }
    const std::int64_t value = ok && id > 0 ? id : -1;
    if (std::find(ids.begin(), ids.end(), value) == ids.end()) ids.push_back(value);
  }
  return ids;
}

core::Result<std::vector<ResourceOption>> RecordResources::Options(const auth::Principal& who,
                                                                   std::int64_t program_id,
                                                                   std::int64_t booking_id) {
  return db_.Read<std::vector<ResourceOption>>([&](soci::session& s) {
    const Target t = Find(s, who, program_id, booking_id);
    return ReadOptions(s, t.record_id, false);
  });
}

core::Result<std::vector<ResourceOption>> RecordResources::OfRecord(const auth::Principal& who,
                                                                    std::int64_t program_id,
                                                                    std::int64_t booking_id) {
  return db_.Read<std::vector<ResourceOption>>([&](soci::session& s) {
    const Target t = Find(s, who, program_id, booking_id);
    if (t.record_id == 0) return std::vector<ResourceOption>{};
    return ReadOptions(s, t.record_id, true);
  });
}

core::Status RecordResources::Check(const auth::Principal& who, std::int64_t program_id,
                                    std::int64_t booking_id, const std::vector<std::int64_t>& ids) {
  auto checked = db_.Read<bool>([&](soci::session& s) {
    const Target t = Find(s, who, program_id, booking_id);
    CheckIds(s, t.record_id, ids);
    return true;
  });
  if (!checked) return checked.error();
  return core::OkStatus();
}

core::Status RecordResources::Set(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t program_id, std::int64_t booking_id,
                                  const std::vector<std::int64_t>& ids) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const Target t = Find(s, who, program_id, booking_id);
    if (t.record_id == 0) throw Abort{core::Error::Conflict("record.error.not_attended")};
    CheckIds(s, t.record_id, ids);
    long long record = t.record_id;
    const std::set<long long> before = Linked(s, record);
    const std::set<long long> after(ids.begin(), ids.end());
    if (before == after) return;
    s << "DELETE FROM record_resource WHERE record_id = :r", soci::use(record);
    for (long long sid : after) {
      s << "INSERT INTO record_resource (record_id, directory_service_id) VALUES (:r, :s)",
          soci::use(record), soci::use(sid);
    }
    audit::AuditLog::Append(s, actor,
                            {"record.resources", "consultation_record", std::to_string(record),
                             "{\"count\":" + std::to_string(after.size()) + "}", t.host_org},
                            now);
  });
}

core::Result<ResourceCounts> RecordResources::Count(const auth::Principal& who,
                                                    std::int64_t program_id, int fiscal_year) {
  if (fiscal_year < 2000 || fiscal_year > 2100) return core::Error::NotFound();
  const std::string from = core::ToIso(core::FiscalYearStart(fiscal_year));
  const std::string to = core::ToIso(core::FiscalYearEnd(fiscal_year));
  return db_.Read<ResourceCounts>([&](soci::session& s) {
    long long pid = program_id;
    long long org = 0;
    s << "SELECT organization_id FROM program WHERE id = :p", soci::use(pid), soci::into(org);
    if (!s.got_data() || !auth::Policy::CanCoordinate(who, org)) {
      throw Abort{core::Error::NotFound()};
    }
    ResourceCounts out;
    std::map<std::string, std::int64_t> per_category;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT s.id, s.name, s.category, s.status, COUNT(DISTINCT r.id) FROM "
                      "record_resource rr JOIN consultation_record r ON r.id = rr.record_id JOIN "
                      "consultation_day d ON d.id = r.day_id JOIN directory_service s ON s.id = "
                      "rr.directory_service_id WHERE d.program_id = :p AND d.day_date BETWEEN :a "
                      "AND :b AND d.status <> 'cancelled' GROUP BY s.id, s.name, s.category, "
                      "s.status ORDER BY COUNT(DISTINCT r.id) DESC, s.id",
         soci::use(pid), soci::use(from), soci::use(to));
    for (const auto& r : rows) {
      ResourceCount c;
      c.id = GetInt(r, 0);
      c.name = GetText(r, 1);
      c.category = GetText(r, 2);
      c.active = GetText(r, 3) == "active";
      c.records = GetInt(r, 4);
      out.by_entry.push_back(c);
    }
    // A record that introduced two entries of one category counts once for the category.
    soci::rowset<soci::row> cats =
        (s.prepare << "SELECT s.category, COUNT(DISTINCT r.id) FROM record_resource rr JOIN "
                      "consultation_record r ON r.id = rr.record_id JOIN consultation_day d ON "
                      "d.id = r.day_id JOIN directory_service s ON s.id = rr.directory_service_id "
                      "WHERE d.program_id = :p AND d.day_date BETWEEN :a AND :b AND d.status <> "
                      "'cancelled' GROUP BY s.category",
         soci::use(pid), soci::use(from), soci::use(to));
    for (const auto& r : cats) per_category[GetText(r, 0)] = GetInt(r, 1);
    for (auto code : directory::kCategories) {
      ResourceCount c;
      c.category = std::string(code);
      c.records = per_category[c.category];
      out.by_category.push_back(c);
    }
    return out;
  });
}

}  // namespace tsunagu::consultations
