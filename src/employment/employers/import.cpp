#include "employment/employers/import.hpp"

#include <map>

#include "consultations/import/table_reader.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "employment/employers/employer_service.hpp"
#include "employment/employers/opening_service.hpp"
#include "employment/employers/rows.hpp"
#include "storage/row.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::employers {
namespace {

using storage::Abort;
namespace table = consultations::import;

enum Col {
  kColName,
  kColFurigana,
  kColIndustry,
  kColSize,
  kColMunicipality,
  kColAddress,
  kColPractices,
  kColTitle,
  kColType,
  kColDuties,
  kColWorkPlace,
  kColStart,
  kColEnd,
  kColDays,
  kColHours,
  kColShort,
  kColStaggered,
  kColTelework,
  kColLeave,
  kColWageKind,
  kColWageMin,
  kColWageMax,
  kColValidUntil
};

std::string ColumnCode(std::size_t i) {
  return i < kImportColumns.size() ? std::string(kImportColumns[i]) : std::string("valid_until");
}

core::Result<table::Table> ReadTable(std::string_view bytes) {
  if (bytes.size() > kMaxImportBytes) return core::Error::Invalid("employers.import.error.size");
  if (table::LooksLikeZip(bytes)) return table::ReadXlsx(bytes);
  auto text = table::DecodeText(bytes);
  if (!text) return text.error();
  return table::ReadCsv(*text);
}

// A code, or the catalogue's Japanese (or English) label of one.
template <std::size_t N>
std::string CodeOf(const core::Catalog& catalog, const std::string& prefix,
                   const std::array<std::string_view, N>& codes, const std::string& text) {
  const std::string folded = core::NormalizeForSearch(text);
  for (auto c : codes) {
    const std::string code(c);
    if (text == code || folded == core::NormalizeForSearch(code)) return code;
    for (const char* lang : {"ja", "en"}) {
      if (folded == core::NormalizeForSearch(catalog.Get(lang, prefix + code))) return code;
    }
  }
  return "";
}

bool Yes(const std::string& cell) {
  const std::string t = core::Trim(core::NormalizeNfkc(cell));
  return t == "○" || t == "◯" || t == "1" || t == "可" || t == "あり" || t == "有" || t == "はい" ||
         t == "yes" || t == "Yes" || t == "TRUE" || t == "true";
}

std::vector<std::string> Split(const std::string& text) {
  const std::string t = core::NormalizeNfkc(text);
  std::vector<std::string> out;
  std::string part;
  auto flush = [&] {
    if (auto p = core::Trim(part); !p.empty()) out.push_back(p);
    part.clear();
  };
  for (std::size_t i = 0; i < t.size();) {
    bool sep = false;
    // Not ・: it is inside a label (産業医・産業保健スタッフあり).
    for (std::string_view s :
         {std::string_view("、"), std::string_view(";"), std::string_view(",")}) {
      if (t.compare(i, s.size(), s) == 0) {
        flush();
        i += s.size();
        sep = true;
        break;
      }
    }
    if (!sep) part += t[i++];
  }
  flush();
  return out;
}

// Minutes after midnight from "9:30" or an Excel time (a fraction of a day).
std::optional<int> TimeOf(const std::string& cell, bool& bad) {
  const std::string t = core::Trim(core::NormalizeNfkc(cell));
  if (t.empty()) return std::nullopt;
  if (auto m = ParseHhMm(t)) return m;
  char* end = nullptr;
  const double fraction = std::strtod(t.c_str(), &end);
  if (end != nullptr && *end == '\0' && fraction >= 0 && fraction < 1) {
    return static_cast<int>(fraction * 1440 + 0.5);
  }
  bad = true;
  return std::nullopt;
}

std::optional<int> NumberOf(const std::string& cell, bool& bad) {
  std::string t = core::Trim(core::NormalizeNfkc(cell));
  t.erase(std::remove(t.begin(), t.end(), ','), t.end());
  if (t.empty()) return std::nullopt;
  const int v = web::ParseInt(t);
  if (v < 0) bad = true;
  return v < 0 ? std::nullopt : std::optional<int>(v);
}

// "2026-03-31", "2026/3/31" or an Excel date serial.
std::string DateOf(const std::string& cell, bool& bad) {
  std::string t = core::Trim(core::NormalizeNfkc(cell));
  if (t.empty()) return "";
  if (auto d = core::ParseIsoDate(t)) return core::ToIso(*d);
  const int serial = web::ParseInt(t);
  if (serial > 20000 && serial < 80000) {
    return core::ToIso(core::AddDays(core::Date{1899, 12, 30}, serial));
  }
  auto a = t.find('/');
  auto b = a == std::string::npos ? a : t.find('/', a + 1);
  if (b != std::string::npos) {
    const int y = web::ParseInt(t.substr(0, a));
    const int m = web::ParseInt(t.substr(a + 1, b - a - 1));
    const int d = web::ParseInt(t.substr(b + 1));
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    if (y > 0 && m > 0 && d > 0 && core::ParseIsoDate(iso)) return iso;
  }
  bad = true;
  return t;
}

long long ExistingEmployer(soci::session& s, std::int64_t org_id, const std::string& name) {
  long long org = org_id;
  long long id = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT MIN(id) FROM employer WHERE organization_id = :o AND name = :n", soci::use(org),
      soci::use(name), soci::into(id, ind);
  return ind == soci::i_ok ? id : 0;
}

// Reads every row; with `write`, makes the employers and openings in the caller's transaction.
ImportPlan Run(soci::session& s, const core::Catalog& catalog, const crypto::FieldCipher& cipher,
               const auth::Principal& who, const audit::Actor& actor, const table::Table& rows,
               bool write, std::int64_t now) {
  ImportPlan plan;
  std::map<std::string, std::int64_t> employers;  // name → id (0 in a preview of a new one)
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto cells = rows[r];
    const int line = static_cast<int>(r) + 1;
    bool empty = true;
    for (const auto& c : cells) empty = empty && core::Trim(c).empty();
    if (empty) continue;
    if (cells.size() > kImportColumnCount) {
      plan.errors.push_back(
          {line, "", std::to_string(cells.size()), "employers.import.error.columns"});
      continue;
    }
    cells.resize(kImportColumnCount);
    const std::size_t before = plan.errors.size();
    auto fail = [&](std::size_t col, const std::string& key) {
      plan.errors.push_back({line, ColumnCode(col), cells[col], key});
    };
    auto field_errors = [&](const std::vector<core::FieldError>& errors) {
      for (const auto& e : errors) {
        std::size_t col = 0;
        for (std::size_t i = 0; i < kImportColumnCount; ++i) {
          if (ColumnCode(i) == e.field) col = i;
        }
        plan.errors.push_back({line, ColumnCode(col), cells[col], e.message_key});
      }
    };
    EmployerInput e;
    e.name = core::Trim(cells[kColName]);
    e.furigana = core::Trim(cells[kColFurigana]);
    e.industry =
        core::Trim(cells[kColIndustry]).empty()
            ? ""
            : CodeOf(catalog, "employers.industry.", kIndustries, core::Trim(cells[kColIndustry]));
    if (!core::Trim(cells[kColIndustry]).empty() && e.industry.empty())
      fail(kColIndustry, "employers.error.industry");
    e.size_band = core::Trim(cells[kColSize]).empty()
                      ? ""
                      : CodeOf(catalog, "employers.size.", kSizeBands, core::Trim(cells[kColSize]));
    if (!core::Trim(cells[kColSize]).empty() && e.size_band.empty())
      fail(kColSize, "employers.error.size_band");
    e.municipality = core::Trim(core::NormalizeNfkc(cells[kColMunicipality]));
    e.address = core::Trim(cells[kColAddress]);
    for (const auto& p : Split(cells[kColPractices])) {
      const std::string code = CodeOf(catalog, "employers.practice.", kPractices, p);
      if (code.empty()) {
        fail(kColPractices, "employers.import.error.practice");
        break;
      }
      e.practices.push_back(code);
    }
    if (plan.errors.size() == before) field_errors(EmployerService::Validate(e));

    const std::string title = core::Trim(cells[kColTitle]);
    OpeningInput o;
    if (!title.empty()) {
      o.title = title;
      o.employment_type = CodeOf(catalog, "employers.employment_type.", kEmploymentTypes,
                                 core::Trim(cells[kColType]));
      o.duties = core::Trim(core::NormalizeNewlines(cells[kColDuties]));
      o.municipality = e.municipality;
      o.work_place = core::Trim(cells[kColWorkPlace]);
      bool bad = false;
      o.start_minutes = TimeOf(cells[kColStart], bad);
      if (bad) o.unreadable.push_back("start_time");
      bad = false;
      o.end_minutes = TimeOf(cells[kColEnd], bad);
      if (bad) o.unreadable.push_back("end_time");
      bad = false;
      o.weekly_days = NumberOf(cells[kColDays], bad);
      if (bad) o.unreadable.push_back("weekly_days");
      bad = false;
      o.weekly_hours = NumberOf(cells[kColHours], bad);
      if (bad) o.unreadable.push_back("weekly_hours");
      o.short_hours = Yes(cells[kColShort]);
      o.staggered_hours = Yes(cells[kColStaggered]);
      o.telework = Yes(cells[kColTelework]);
      o.hospital_leave = Yes(cells[kColLeave]);
      o.wage_kind = core::Trim(cells[kColWageKind]).empty()
                        ? "hourly"
                        : CodeOf(catalog, "employers.wage_kind.", kWageKinds,
                                 core::Trim(cells[kColWageKind]));
      bad = false;
      o.wage_min = NumberOf(cells[kColWageMin], bad);
      if (bad) o.unreadable.push_back("wage_min");
      bad = false;
      o.wage_max = NumberOf(cells[kColWageMax], bad);
      if (bad) o.unreadable.push_back("wage_max");
      bad = false;
      o.valid_until = DateOf(cells[kColValidUntil], bad);
      if (bad) o.unreadable.push_back("valid_until");
      field_errors(OpeningService::Validate(o));
    }
    if (plan.errors.size() != before) continue;

    auto known = employers.find(e.name);
    std::int64_t employer_id = 0;
    if (known != employers.end()) {
      employer_id = known->second;
    } else if (const auto existing = ExistingEmployer(s, who.organization_id, e.name);
               existing != 0) {
      employer_id = existing;
      ++plan.known_employers;
      employers[e.name] = employer_id;
    } else {
      employer_id = write ? InsertEmployer(s, cipher, who, actor, e, now) : 0;
      ++plan.new_employers;
      employers[e.name] = employer_id;
    }
    if (!title.empty()) {
      ++plan.openings;
      if (write) {
        o.employer_id = employer_id;
        InsertOpening(s, who, actor, o, now);
      }
    }
  }
  return plan;
}

}  // namespace

core::Result<ImportPlan> EmployerImport::Preview(const auth::Principal& who,
                                                 std::string_view bytes) {
  auto rows = ReadTable(bytes);
  if (!rows) return rows.error();
  if (rows->size() < 2) return core::Error::Invalid("employers.import.error.empty");
  return db_.Read<ImportPlan>([&](soci::session& s) {
    if (!auth::Policy::CanCounsel(who, who.organization_id)) throw Abort{core::Error::Forbidden()};
    return Run(s, catalog_, cipher_, who, {}, *rows, false, clock_.NowSeconds());
  });
}

core::Result<ImportPlan> EmployerImport::Import(const auth::Principal& who,
                                                const audit::Actor& actor, std::string_view bytes) {
  auto rows = ReadTable(bytes);
  if (!rows) return rows.error();
  if (rows->size() < 2) return core::Error::Invalid("employers.import.error.empty");
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<ImportPlan>([&](soci::session& s) {
    if (!auth::Policy::CanCounsel(who, who.organization_id)) throw Abort{core::Error::Forbidden()};
    ImportPlan plan = Run(s, catalog_, cipher_, who, actor, *rows, true, now);
    if (!plan.errors.empty()) throw Abort{core::Error::Invalid("employers.import.error.rows")};
    return plan;
  });
}

}  // namespace tsunagu::employment::employers
