#include "consultations/holidays.hpp"

#include <boost/json.hpp>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

namespace tsunagu::consultations {
namespace {

// The generated file is about 100 KB; anything far larger is not our data.
constexpr std::size_t kMaxDataBytes = std::size_t{8} * 1024 * 1024;

core::Error DataError(std::string key, std::string where, std::string detail) {
  core::Error e{core::ErrorCode::kInternal, std::move(key), {}};
  e.fields.push_back(core::FieldError{std::move(where), std::move(detail)});
  return e;
}

core::Error Invalid(std::string where, std::string detail) {
  return DataError("error.holiday_data_invalid", std::move(where), std::move(detail));
}

// A non-empty string member of `object`, or nullptr.
const boost::json::string* NonEmptyString(const boost::json::object& object, std::string_view key) {
  const boost::json::value* v = object.if_contains(key);
  if (v == nullptr) return nullptr;
  const boost::json::string* s = v->if_string();
  return s != nullptr && !s->empty() ? s : nullptr;
}

std::optional<core::Date> DateMember(const boost::json::object& object, std::string_view key) {
  const boost::json::string* s = NonEmptyString(object, key);
  if (s == nullptr) return std::nullopt;
  return core::ParseIsoDate(std::string_view(s->data(), s->size()));
}

}  // namespace

bool IsYearEndClosure(core::Date d) {
  return (d.month == 12 && d.day >= 29) || (d.month == 1 && d.day <= 3);
}

core::Result<HolidayCalendar> HolidayCalendar::LoadFile(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return DataError("error.holiday_data_unreadable", path.string(), ec.message());
  if (size > kMaxDataBytes) return Invalid(path.string(), "file too large");
  std::ifstream in(path, std::ios::binary);
  if (!in) return DataError("error.holiday_data_unreadable", path.string(), "cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = Parse(text.str());
  if (!parsed.ok()) {
    // Says which file was wrong, since a deployment may point at its own copy.
    core::Error e = parsed.error();
    if (!e.fields.empty()) e.fields[0].field = path.string() + ": " + e.fields[0].field;
    return e;
  }
  return parsed;
}

core::Result<HolidayCalendar> HolidayCalendar::Parse(std::string_view json) {
  if (json.size() > kMaxDataBytes) return Invalid("(document)", "document too large");
  boost::json::error_code ec;
  const boost::json::value root = boost::json::parse(json, ec);
  if (ec) return Invalid("(document)", ec.message());
  const boost::json::object* top = root.if_object();
  if (top == nullptr) return Invalid("(document)", "not a JSON object");

  HolidayCalendar calendar;
  const boost::json::string* source = NonEmptyString(*top, "source");
  if (source == nullptr) return Invalid("source", "missing or empty");
  calendar.source_.assign(source->data(), source->size());

  const auto first = DateMember(*top, "first");
  if (!first) return Invalid("first", "missing or not YYYY-MM-DD");
  const auto last = DateMember(*top, "last");
  if (!last) return Invalid("last", "missing or not YYYY-MM-DD");
  if (*last < *first) return Invalid("last", "before first");
  calendar.first_ = *first;
  calendar.last_ = *last;

  const boost::json::value* holidays_value = top->if_contains("holidays");
  const boost::json::object* holidays =
      holidays_value != nullptr ? holidays_value->if_object() : nullptr;
  if (holidays == nullptr) return Invalid("holidays", "missing or not an object");

  for (const auto& [key, value] : *holidays) {
    const std::string where = "holidays." + std::string(key);
    const auto date = core::ParseIsoDate(key);
    if (!date) return Invalid(where, "key is not YYYY-MM-DD");
    // A holiday outside the declared range would mean the range is wrong, and the range is what
    // lets callers trust "not a holiday".
    if (*date < *first || *last < *date) return Invalid(where, "outside first..last");
    const boost::json::object* entry = value.if_object();
    if (entry == nullptr) return Invalid(where, "not an object");
    const boost::json::string* name = NonEmptyString(*entry, "name");
    const boost::json::string* name_en = NonEmptyString(*entry, "name_en");
    if (name == nullptr) return Invalid(where + ".name", "missing or empty");
    if (name_en == nullptr) return Invalid(where + ".name_en", "missing or empty");
    calendar.holidays_.emplace(*date, Names{std::string(name->data(), name->size()),
                                            std::string(name_en->data(), name_en->size())});
  }
  return calendar;
}

bool HolidayCalendar::IsHoliday(core::Date d) const {
  return holidays_.contains(d);
}

std::optional<std::string> HolidayCalendar::Name(core::Date d, std::string_view lang) const {
  const auto it = holidays_.find(d);
  if (it == holidays_.end()) return std::nullopt;
  return lang == "en" ? it->second.en : it->second.ja;
}

bool HolidayCalendar::IsBusinessDay(core::Date d, bool closed_year_end) const {
  const int weekday = core::Weekday(d);
  if (weekday == 0 || weekday == 6) return false;
  if (closed_year_end && IsYearEndClosure(d)) return false;
  return !IsHoliday(d);
}

}  // namespace tsunagu::consultations
