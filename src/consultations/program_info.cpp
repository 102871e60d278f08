#include "consultations/program_info.hpp"

#include "core/text.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {
namespace {

using storage::GetInt;
using storage::GetText;

constexpr std::size_t kMaxShort = 100;
constexpr std::size_t kMaxLong = 1000;
constexpr int kMaxHoursBefore = 24 * 14;

constexpr const char* kColumns =
    "organization_id, office_phone, office_email, office_hours, eligibility, what_to_bring, "
    "access_info, booking_deadline, booking_deadline_value, name";

struct Row {
  std::int64_t organization_id = 0;
  ProgramInfo info;
};

std::optional<Row> ReadRow(soci::session& s, std::int64_t program_id, bool public_only) {
  long long id = program_id;
  const std::string where = public_only ? " AND published = 1 AND status = 'active'" : "";
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " << kColumns << " FROM program WHERE id = :id" << where,
       soci::use(id));
  for (const auto& r : rows) {
    Row row;
    row.organization_id = GetInt(r, 0);
    row.info.office_phone = GetText(r, 1);
    row.info.office_email = GetText(r, 2);
    row.info.office_hours = GetText(r, 3);
    row.info.eligibility = GetText(r, 4);
    row.info.what_to_bring = GetText(r, 5);
    row.info.access = GetText(r, 6);
    row.info.deadline.kind = GetText(r, 7);
    row.info.deadline.value = static_cast<int>(GetInt(r, 8));
    row.info.program_name = GetText(r, 9);
    return row;
  }
  return std::nullopt;
}

void Length(std::vector<core::FieldError>& errors, const char* field, const std::string& value,
            std::size_t max) {
  if (core::CountCodePoints(value) > max) errors.push_back({field, "form.error.too_long"});
}

}  // namespace

std::int64_t UnixSecondsJst(core::Date date, int minutes) {
  return static_cast<std::int64_t>(core::DaysBetween({1970, 1, 1}, date)) * 86400 - 9 * 3600 +
         std::int64_t{minutes} * 60;
}

std::int64_t PublicBookingClosesAt(const BookingDeadline& deadline, core::Date date,
                                   int start_minutes) {
  const std::int64_t start = UnixSecondsJst(date, start_minutes);
  if (deadline.kind == "hours_before") return start - std::int64_t{deadline.value} * 3600;
  if (deadline.kind == "day_before") {
    // Never later than the slot's start, whatever the hour.
    return std::min(start, UnixSecondsJst(core::AddDays(date, -1), deadline.value * 60));
  }
  return start;
}

std::vector<core::FieldError> ValidateProgramInfo(const ProgramInfo& info) {
  std::vector<core::FieldError> errors;
  if (!info.office_phone.empty()) {
    const auto digits = core::NormalizePhone(info.office_phone);
    if (digits.size() < 10 || digits.size() > 11) {
      errors.push_back({"office_phone", "programinfo.error.phone"});
    }
  }
  if (!info.office_email.empty() && !core::LooksLikeEmail(info.office_email)) {
    errors.push_back({"office_email", "programinfo.error.email"});
  }
  Length(errors, "office_hours", info.office_hours, kMaxShort);
  Length(errors, "eligibility", info.eligibility, kMaxLong);
  Length(errors, "what_to_bring", info.what_to_bring, kMaxLong);
  Length(errors, "access", info.access, kMaxLong);
  const BookingDeadline& d = info.deadline;
  if (d.kind == "hours_before") {
    if (d.value < 1 || d.value > kMaxHoursBefore) {
      errors.push_back({"deadline_hours", "programinfo.error.deadline_hours"});
    }
  } else if (d.kind == "day_before") {
    if (d.value < 0 || d.value > 23) {
      errors.push_back({"deadline_hour", "programinfo.error.deadline_hour"});
    }
  } else if (d.kind != "start") {
    errors.push_back({"deadline", "programinfo.error.deadline"});
  }
  return errors;
}

core::Result<ProgramInfo> ProgramInfoStore::ForCoordinator(const auth::Principal& who,
                                                           std::int64_t program_id) {
  auto row =
      db_.Read<std::optional<Row>>([&](soci::session& s) { return ReadRow(s, program_id, false); });
  if (!row) return row.error();
  if (!*row || !auth::Policy::CanCoordinate(who, (*row)->organization_id)) {
    return core::Error::NotFound();
  }
  return (*row)->info;
}

core::Result<ProgramInfo> ProgramInfoStore::ForPublic(std::int64_t program_id) {
  auto row =
      db_.Read<std::optional<Row>>([&](soci::session& s) { return ReadRow(s, program_id, true); });
  if (!row) return row.error();
  if (!*row) return core::Error::NotFound();
  return (*row)->info;
}

core::Status ProgramInfoStore::Save(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t program_id, const ProgramInfo& in) {
  auto current = ForCoordinator(who, program_id);
  if (!current) return current.error();
  ProgramInfo info = in;
  for (std::string* text : {&info.office_phone, &info.office_email, &info.office_hours}) {
    *text = core::Trim(core::NormalizeNfkc(*text));
  }
  for (std::string* text : {&info.eligibility, &info.what_to_bring, &info.access}) {
    *text = core::Trim(*text);
  }
  if (info.deadline.kind == "start") info.deadline.value = 0;
  if (auto errors = ValidateProgramInfo(info); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long id = program_id;
    long long org = 0;
    s << "SELECT organization_id FROM program WHERE id = :id", soci::use(id), soci::into(org);
    s << "UPDATE program SET office_phone = :ph, office_email = :em, office_hours = :h, "
         "eligibility = :el, what_to_bring = :w, access_info = :a, booking_deadline = :dk, "
         "booking_deadline_value = :dv WHERE id = :id",
        soci::use(info.office_phone), soci::use(info.office_email), soci::use(info.office_hours),
        soci::use(info.eligibility), soci::use(info.what_to_bring), soci::use(info.access),
        soci::use(info.deadline.kind), soci::use(info.deadline.value), soci::use(id);
    const std::string detail = "{\"deadline\":\"" + info.deadline.kind +
                               "\",\"value\":" + std::to_string(info.deadline.value) + "}";
    audit::AuditLog::Append(
        s, actor, {"program.public_info", "program", std::to_string(program_id), detail, org}, now);
  });
}

core::Error DeadlinePassed() {
  return core::Error{core::ErrorCode::kConflict,
                     "programinfo.error.deadline_passed",
                     {{"slot_id", "programinfo.error.deadline_passed"}}};
}

BookingDeadline ReadBookingDeadline(soci::session& s, std::int64_t program_id) {
  long long id = program_id;
  BookingDeadline d;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT booking_deadline, booking_deadline_value FROM program WHERE id = :id",
       soci::use(id));
  for (const auto& r : rows) {
    d.kind = GetText(r, 0);
    d.value = static_cast<int>(GetInt(r, 1));
  }
  return d;
}

}  // namespace tsunagu::consultations
