#include "consultations/import/past_year.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "consultations/booking_rows.hpp"
#include "consultations/import/table_reader.hpp"
#include "consultations/records.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations::import {
namespace {

using storage::Abort;

core::Error FileError(const std::string& key) {
  return core::Error{core::ErrorCode::kInvalidInput, key, {}};
}

std::string Norm(std::string_view s) {
  return core::Trim(core::NormalizeNfkc(s));
}

std::optional<int> Int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// Labels of one code list, in both catalogues, and the codes themselves.
template <std::size_t N>
std::map<std::string, std::string> Labels(const core::Catalog& catalog,
                                          const std::array<std::string_view, N>& codes,
                                          const std::string& prefix) {
  std::map<std::string, std::string> out;
  for (auto code : codes) {
    const std::string c(code);
    out[Norm(c)] = c;
    for (const char* lang : {"ja", "en"}) {
      const std::string key = prefix + c;
      if (catalog.Has(lang, key)) out[Norm(catalog.Get(lang, key))] = c;
    }
  }
  return out;
}

std::int64_t UnixAtJst(core::Date d, int minutes) {
  return static_cast<std::int64_t>(core::DaysBetween({1970, 1, 1}, d)) * 86400 +
         static_cast<std::int64_t>(minutes) * 60 - 9 * 3600;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string t = core::Trim(current);
    if (!t.empty()) out.push_back(t);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ',' || c == ';' || c == '/' || c == '\n' || c == '\r') {
      flush();
    } else if (text.compare(i, 3, "、") == 0) {
      flush();
      i += 2;
    } else {
      current += c;
    }
  }
  flush();
  return out;
}

}  // namespace

std::optional<core::Date> ParseSheetDate(std::string_view raw) {
  const std::string s = Norm(raw);
  if (s.empty()) return std::nullopt;
  // An Excel serial: days since 1899-12-30 (Excel's 1900 leap-year bug is before March 1900).
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      s.size() == 5) {
    const auto serial = Int(s);
    if (!serial) return std::nullopt;
    return core::AddDays({1899, 12, 30}, *serial);
  }
  std::string rest = s;
  std::optional<core::Date> era_start;
  for (const auto& era : core::Eras()) {
    const std::string name(era.name);
    const char letter = era.romaji.empty() ? '\0' : era.romaji[0];
    if (rest.rfind(name, 0) == 0) {
      era_start = era.start;
      rest = rest.substr(name.size());
    } else if (!rest.empty() && (rest[0] == letter || rest[0] == letter + 32)) {
      era_start = era.start;
      rest = rest.substr(1);
    }
    if (era_start) break;
  }
  std::vector<int> parts;
  std::string number;
  for (std::size_t i = 0; i <= rest.size(); ++i) {
    const bool end = i == rest.size();
    const char c = end ? '\0' : rest[i];
    if (!end && c >= '0' && c <= '9') {
      number += c;
      continue;
    }
    if (!number.empty()) {
      auto v = Int(number);
      if (!v) return std::nullopt;
      parts.push_back(*v);
      number.clear();
    } else if (!end && rest.compare(i, 3, "元") == 0 && parts.empty()) {
      parts.push_back(1);
    }
    if (end) break;
    if (c == '-' || c == '/' || c == '.') continue;
    if (rest.compare(i, 3, "年") == 0 || rest.compare(i, 3, "月") == 0 ||
        rest.compare(i, 3, "日") == 0 || rest.compare(i, 3, "元") == 0) {
      i += 2;
      continue;
    }
    return std::nullopt;
  }
  if (parts.size() != 3) return std::nullopt;
  core::Date d{parts[0], parts[1], parts[2]};
  if (era_start) {
    d.year = era_start->year + parts[0] - 1;
  } else if (d.year < 1900) {
    return std::nullopt;
  }
  if (!core::IsValidDate(d)) return std::nullopt;
  if (era_start && d < *era_start) return std::nullopt;
  return d;
}

std::optional<int> ParseSheetTime(std::string_view raw) {
  const std::string s = Norm(raw);
  if (s.empty()) return std::nullopt;
  // An Excel time: a fraction of a day ("0.583333333333333").
  if (s.rfind("0.", 0) == 0 || s == "0") {
    char* end = nullptr;
    const double f = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || f < 0 || f >= 1) return std::nullopt;
    return static_cast<int>(std::lround(f * 1440)) % 1440;
  }
  std::string h;
  std::string m;
  bool colon = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      (colon ? m : h) += c;
    } else if (!colon && (c == ':' || s.compare(i, 3, "時") == 0)) {
      colon = true;
      if (c != ':') i += 2;
    } else if (colon && s.compare(i, 3, "分") == 0 && i + 3 == s.size()) {
      break;
    } else {
      return std::nullopt;
    }
  }
  if (h.empty() || h.size() > 2 || m.size() > 2) return std::nullopt;
  const int hours = *Int(h);
  const int minutes = m.empty() ? 0 : *Int(m);
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

core::Result<ImportPlan> PastYearImport::Read(std::string_view bytes) const {
  if (bytes.size() > kMaxFileBytes) return FileError("late.import.error.too_large");
  Table table;
  if (LooksLikeZip(bytes)) {
    auto read = ReadXlsx(bytes);
    if (!read) return read.error();
    table = std::move(*read);
  } else {
    auto text = DecodeText(bytes);
    if (!text) return text.error();
    table = ReadCsv(*text);
  }
  // Rows that are wholly empty (Excel keeps formatted blank rows) are not rows.
  auto blank = [](const std::vector<std::string>& row) {
    return std::all_of(row.begin(), row.end(),
                       [](const std::string& c) { return Norm(c).empty(); });
  };
  std::size_t first = 0;
  while (first < table.size() && blank(table[first])) ++first;
  if (first >= table.size()) return FileError("late.import.error.empty");
  // The header names the columns in their order.
  const auto& header = table[first];
  std::size_t width = header.size();
  while (width > 0 && Norm(header[width - 1]).empty()) --width;
  bool header_ok = width == kColumns.size();
  for (std::size_t i = 0; header_ok && i < kColumns.size(); ++i) {
    const std::string code(kColumns[i]);
    const std::string h = Norm(header[i]);
    header_ok = h == code || h == Norm(catalog_.Get("ja", "late.import.column." + code)) ||
                h == Norm(catalog_.Get("en", "late.import.column." + code));
  }
  if (!header_ok) return FileError("late.import.error.header");

  const auto modes = Labels(catalog_, kDayModes, "days.mode.");
  const auto channels = Labels(catalog_, kChannels, "report.channel.");
  const auto genders = Labels(catalog_, kGenders, "intake.genders.");
  const auto ages = Labels(catalog_, kAgeBands, "intake.age_bands.");
  const auto topics = Labels(catalog_, kRecordTopics, "record.topic.");
  const auto outcomes = Labels(catalog_, kOutcomes, "record.outcome.");
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());

  ImportPlan plan;
  std::map<core::Date, ImportDay> days;
  for (std::size_t r = first + 1; r < table.size(); ++r) {
    auto cells = table[r];
    if (blank(cells)) continue;
    const int line = static_cast<int>(r) + 1;
    // Excel may write trailing empty cells; the count that matters is up to the last value.
    std::size_t used = cells.size();
    while (used > kColumns.size() && Norm(cells[used - 1]).empty()) --used;
    if (used != kColumns.size()) {
      // A CSV row shorter than the header is a wrong count too; an xlsx row simply ends at its
      // last value, so only a CSV line is held to the exact count.
      if (used > kColumns.size() || !(LooksLikeZip(bytes))) {
        plan.errors.push_back(
            {line, "", "late.import.error.columns", std::to_string(cells.size())});
        continue;
      }
    }
    cells.resize(kColumns.size());
    std::vector<std::string> v;
    for (const auto& c : cells) v.push_back(Norm(c));
    ImportRow row;
    row.line = line;
    auto error = [&](const char* column, const char* key, const std::string& value) {
      plan.errors.push_back({line, column, key, value});
    };
    const std::size_t errors_before = plan.errors.size();
    if (auto d = ParseSheetDate(v[0])) {
      row.date = *d;
      if (today < *d) error("date", "late.import.error.future", cells[0]);
    } else {
      error("date", v[0].empty() ? "late.import.error.required" : "late.import.error.date",
            cells[0]);
    }
    if (!v[2].empty()) {
      auto staff = Int(v[2]);
      if (!staff || *staff < 0 || *staff > 50) {
        error("staff", "late.import.error.staff", cells[2]);
      } else {
        row.staff = *staff;
      }
    }
    row.consultation =
        std::any_of(v.begin() + 3, v.end(), [](auto& c) { return !c.empty(); }) || !v[1].empty();
    if (row.consultation) {
      if (auto t = ParseSheetTime(v[1])) {
        row.start_minutes = *t;
      } else {
        error("time", v[1].empty() ? "late.import.error.required" : "late.import.error.time",
              cells[1]);
      }
      auto code = [&](std::size_t i, const char* column,
                      const std::map<std::string, std::string>& list, bool required,
                      std::string& out) {
        if (v[i].empty()) {
          if (required) error(column, "late.import.error.required", cells[i]);
          return;
        }
        auto it = list.find(v[i]);
        if (it == list.end()) {
          error(column, "late.import.error.code", cells[i]);
        } else {
          out = it->second;
        }
      };
      code(3, "mode", modes, true, row.mode);
      code(4, "channel", channels, true, row.channel);
      code(5, "gender", genders, false, row.gender);
      code(6, "age_band", ages, false, row.age_band);
      if (v[7].size() > 100) error("municipality", "late.import.error.too_long", cells[7]);
      row.municipality = v[7];
      for (const auto& t : SplitList(v[8])) {
        auto it = topics.find(Norm(t));
        if (it == topics.end()) {
          error("topics", "late.import.error.code", t);
        } else if (std::find(row.topics.begin(), row.topics.end(), it->second) ==
                   row.topics.end()) {
          row.topics.push_back(it->second);
        }
      }
      code(9, "outcome", outcomes, false, row.outcome);
    }
    if (plan.errors.size() != errors_before) continue;
    auto& day = days[row.date];
    day.date = row.date;
    if (row.staff) {
      if (day.staff && *day.staff != *row.staff) {
        error("staff", "late.import.error.staff_differs", cells[2]);
        continue;
      }
      day.staff = row.staff;
    }
    if (row.consultation) {
      ++day.consultations;
      ++plan.consultations;
    }
    plan.rows.push_back(std::move(row));
  }
  if (plan.rows.empty() && plan.errors.empty()) return FileError("late.import.error.empty");
  for (auto& [date, day] : days) plan.days.push_back(day);
  // The rows as read, in a canonical order: the same 受付表 as CSV or xlsx, or saved again,
  // gives the same hash.
  std::vector<std::string> canonical;
  for (const auto& r : plan.rows) {
    std::string t = core::ToIso(r.date) + "|" + (r.staff ? std::to_string(*r.staff) : "") + "|";
    if (r.consultation) {
      t += std::to_string(r.start_minutes) + "|" + r.mode + "|" + r.channel + "|" + r.gender + "|" +
           r.age_band + "|" + r.municipality + "|" + r.outcome + "|";
      for (const auto& topic : r.topics) t += topic + ",";
    }
    canonical.push_back(std::move(t));
  }
  std::sort(canonical.begin(), canonical.end());
  std::string all;
  for (const auto& c : canonical) all += c + "\n";
  plan.content_hash = crypto::HashToken(all);
  return plan;
}

core::Result<std::int64_t> PastYearImport::HostOrg(const auth::Principal& who,
                                                   std::int64_t program_id) {
  auto org = db_.Read<std::int64_t>([&](soci::session& s) -> std::int64_t {
    long long pid = program_id;
    long long o = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT organization_id FROM program WHERE id = :id", soci::use(pid), soci::into(o, ind);
    return s.got_data() && ind == soci::i_ok ? o : 0;
  });
  if (!org) return org.error();
  if (*org == 0 || !auth::Policy::CanCoordinate(who, *org)) return core::Error::NotFound();
  return *org;
}

core::Result<ImportPlan> PastYearImport::Preview(const auth::Principal& who,
                                                 std::int64_t program_id, std::string_view bytes) {
  auto org = HostOrg(who, program_id);
  if (!org) return org.error();
  auto plan = Read(bytes);
  if (!plan) return plan.error();
  auto known = db_.Read<bool>([&](soci::session& s) {
    long long pid = program_id;
    for (auto& day : plan->days) {
      std::string iso = core::ToIso(day.date);
      int n = 0;
      s << "SELECT COUNT(*) FROM consultation_day WHERE program_id = :p AND day_date = :d AND "
           "status = 'scheduled'",
          soci::use(pid), soci::use(iso), soci::into(n);
      day.exists = n > 0;
      if (!day.exists) ++plan->days_to_create;
    }
    int imported = 0;
    s << "SELECT COUNT(*) FROM consultation_import WHERE program_id = :p AND content_hash = :h",
        soci::use(pid), soci::use(plan->content_hash), soci::into(imported);
    return imported > 0;
  });
  if (!known) return known.error();
  plan->already_imported = *known;
  return plan;
}

core::Result<ImportResult> PastYearImport::Import(const auth::Principal& who,
                                                  const audit::Actor& actor,
                                                  std::int64_t program_id, std::string_view bytes) {
  auto org = HostOrg(who, program_id);
  if (!org) return org.error();
  auto read = Read(bytes);
  if (!read) return read.error();
  const ImportPlan& plan = *read;
  if (!plan.errors.empty()) return FileError("late.import.error.rows");
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<ImportResult>([&](soci::session& s) {
    ImportResult result;
    long long pid = program_id;
    std::string hash = plan.content_hash;
    int found = 0;
    s << "SELECT COUNT(*) FROM consultation_import WHERE program_id = :p AND content_hash = :h",
        soci::use(pid), soci::use(hash), soci::into(found);
    if (found > 0) throw Abort{core::Error::Conflict("late.import.error.already")};
    long long at = now;
    long long by = who.user_id;
    int consultations = plan.consultations;
    int zero = 0;
    long long import_id = 0;
    // The unique index also stops two imports of the same rows racing each other.
    s << "INSERT INTO consultation_import (program_id, content_hash, consultations, "
         "days_created, created_by, created_at) VALUES (:p, :h, :c, :d, :b, :t) RETURNING id",
        soci::use(pid), soci::use(hash), soci::use(consultations), soci::use(zero), soci::use(by),
        soci::use(at), soci::into(import_id);

    std::map<core::Date, std::pair<long long, int>> day_ids;  // id, slot minutes
    for (const auto& day : plan.days) {
      std::string iso = core::ToIso(day.date);
      long long id = 0;
      int slot_minutes = 45;
      soci::indicator ind = soci::i_null;
      s << "SELECT id, slot_minutes FROM consultation_day WHERE program_id = :p AND day_date = :d "
           "AND status = 'scheduled' ORDER BY id LIMIT 1",
          soci::use(pid), soci::use(iso), soci::into(id, ind), soci::into(slot_minutes);
      if (s.got_data() && ind == soci::i_ok) {
        if (day.staff) {
          int staff = *day.staff;
          s << "UPDATE consultation_day SET staff_count = :n WHERE id = :id AND staff_count IS "
               "NULL",
              soci::use(staff), soci::use(id);
        }
        day_ids[day.date] = {id, slot_minutes};
        continue;
      }
      // A day of the past: its hours span the consultations written for it (13:00–15:00
      // when none came). A 受付表 does not say what kind of day it was, and a phone
      // consultation happens on in-person days too, so a created day is 対面.
      int first = 24 * 60;
      int last = 0;
      for (const auto& r : plan.rows) {
        if (!r.consultation || r.date != day.date) continue;
        first = std::min(first, r.start_minutes);
        last = std::max(last, r.start_minutes);
      }
      if (first > last) {
        first = 13 * 60;
        last = 15 * 60;
      }
      const std::string mode = "in_person";
      int start = first;
      int end = std::min(24 * 60, std::max(last + slot_minutes, start + 60));
      if (end <= start) start = end - 1;
      int staff = day.staff.value_or(0);
      soci::indicator staff_ind = day.staff ? soci::i_ok : soci::i_null;
      int booths = 2;
      const std::string venue;
      s << "INSERT INTO consultation_day (program_id, day_date, start_minutes, end_minutes, mode, "
           "venue, meeting_url, booths, slot_minutes, status, created_at, staff_count) VALUES "
           "(:p, :d, :s, :e, :m, :v, :u, :b, :sl, 'scheduled', :t, :n) RETURNING id",
          soci::use(pid), soci::use(iso), soci::use(start), soci::use(end), soci::use(mode),
          soci::use(venue), soci::use(venue), soci::use(booths), soci::use(slot_minutes),
          soci::use(at), soci::use(staff, staff_ind), soci::into(id);
      day_ids[day.date] = {id, slot_minutes};
      ++result.days_created;
    }

    for (const auto& r : plan.rows) {
      if (!r.consultation) continue;
      const auto [day_id, slot_minutes] = day_ids[r.date];
      BookingRequest request;
      request.channel = r.channel;
      request.intake.gender = r.gender;
      request.intake.age_band = r.age_band;
      request.intake.municipality = r.municipality;
      NewBooking row;
      row.reference = NewBookingReference();
      row.day_id = day_id;
      row.status = "attended";
      row.created_by = who.user_id;
      row.now = now;
      long long booking = InsertBooking(s, cipher_, row, request);
      long long arrived = UnixAtJst(r.date, r.start_minutes);
      std::string mode = r.mode;
      s << "UPDATE booking SET checked_in_at = :a, consult_mode = :m, entered_late = 1, "
           "import_id = :i WHERE id = :id",
          soci::use(arrived), soci::use(mode), soci::use(import_id), soci::use(booking);
      std::string topics;
      for (const auto& t : r.topics) topics += (topics.empty() ? "" : ",") + t;
      std::string outcome = r.outcome;
      std::string follow_up =
          r.outcome == "support_continues" || r.outcome == "ongoing" ? "continue" : "none";
      long long did = day_id;
      int minutes = slot_minutes;
      const std::string empty;
      s << "INSERT INTO consultation_record (booking_id, day_id, professions, topics, "
           "referred_to, outcome, follow_up, minutes, summary_enc, info_given_enc, author_id, "
           "version, created_at, updated_at) VALUES (:b, :d, :pr, :tp, :rf, :o, :f, :m, :s, :i, "
           ":a, 1, :c, :u)",
          soci::use(booking), soci::use(did), soci::use(empty), soci::use(topics), soci::use(empty),
          soci::use(outcome), soci::use(follow_up), soci::use(minutes), soci::use(empty),
          soci::use(empty), soci::use(by), soci::use(at), soci::use(at);
      ++result.consultations;
    }
    int created = result.days_created;
    s << "UPDATE consultation_import SET days_created = :d WHERE id = :id", soci::use(created),
        soci::use(import_id);
    audit::AuditLog::Append(
        s, actor,
        {"consultation.import", "program", std::to_string(program_id),
         "{\"consultations\":" + std::to_string(result.consultations) +
             ",\"days_created\":" + std::to_string(result.days_created) + ",\"entered_late\":true}",
         *org},
        now);
    return result;
  });
}

}  // namespace tsunagu::consultations::import
