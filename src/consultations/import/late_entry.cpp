#include "consultations/import/late_entry.hpp"

#include "consultations/booking_rows.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations::import {

using storage::Abort;

std::vector<core::FieldError> LateEntryService::Validate(const LateEntry& e) {
  std::vector<core::FieldError> errors;
  if (!InList(kChannels, e.channel) || e.channel == "web") {
    errors.push_back({"channel", "late.entry.error.channel"});
  }
  if (!e.mode.empty() && !InList(kDayModes, e.mode)) {
    errors.push_back({"mode", "late.entry.error.mode"});
  }
  if (e.arrived_minutes < 0 || e.arrived_minutes >= 24 * 60) {
    errors.push_back({"arrived_at", "late.entry.error.time"});
  }
  if (!e.intake.gender.empty() && !InList(kGenders, e.intake.gender)) {
    errors.push_back({"gender", "late.entry.error.code"});
  }
  if (!e.intake.age_band.empty() && !InList(kAgeBands, e.intake.age_band)) {
    errors.push_back({"age_band", "late.entry.error.code"});
  }
  for (const auto& t : e.intake.topics) {
    if (!InList(kTopics, t)) {
      errors.push_back({"topics", "late.entry.error.code"});
      break;
    }
  }
  if (e.intake.municipality.size() > 300) {
    errors.push_back({"municipality", "late.entry.error.too_long"});
  }
  if (e.contact.name.size() > 300 || e.contact.phone.size() > 40) {
    errors.push_back({"name", "late.entry.error.too_long"});
  }
  return errors;
}

core::Result<std::int64_t> LateEntryService::Record(const auth::Principal& who,
                                                    const audit::Actor& actor,
                                                    std::int64_t program_id, std::int64_t day_id,
                                                    const LateEntry& entry) {
  auto errors = Validate(entry);
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::int64_t>([&](soci::session& s) -> std::int64_t {
    long long did = day_id;
    long long pid = program_id;
    long long org = 0;
    std::string iso;
    std::string status;
    std::string day_mode;
    soci::indicator ind = soci::i_null;
    s << "SELECT p.organization_id, d.day_date, d.status, d.mode FROM consultation_day d JOIN "
         "program p ON p.id = d.program_id WHERE d.id = :d AND d.program_id = :p",
        soci::use(did), soci::use(pid), soci::into(org, ind), soci::into(iso), soci::into(status),
        soci::into(day_mode);
    if (!s.got_data() || ind != soci::i_ok || !auth::Policy::CanCoordinate(who, org)) {
      throw Abort{core::Error::NotFound()};
    }
    if (status != "scheduled") throw Abort{core::Error::Conflict("late.entry.error.cancelled")};
    const auto date = core::ParseIsoDate(iso);
    if (!date || today < *date) throw Abort{core::Error::Conflict("late.entry.error.future_day")};
    const std::int64_t arrived =
        static_cast<std::int64_t>(core::DaysBetween({1970, 1, 1}, *date)) * 86400 +
        static_cast<std::int64_t>(entry.arrived_minutes) * 60 - 9 * 3600;
    if (arrived > now) {
      throw Abort{core::Error::Invalid("error.form", {{"arrived_at", "late.entry.error.later"}})};
    }
    BookingRequest request;
    request.channel = entry.channel;
    request.intake = entry.intake;
    request.contact = entry.contact;
    NewBooking row;
    row.reference = NewBookingReference();
    row.day_id = day_id;
    row.status = "attended";
    row.created_by = who.user_id;
    row.now = now;
    long long id = InsertBooking(s, cipher_, row, request);
    long long at = arrived;
    std::string mode = entry.mode.empty() ? day_mode : entry.mode;
    s << "UPDATE booking SET checked_in_at = :a, consult_mode = :m, entered_late = 1 WHERE id = "
         ":id",
        soci::use(at), soci::use(mode), soci::use(id);
    audit::AuditLog::Append(
        s, actor,
        {"booking.late_entry", "booking", std::to_string(id),
         "{\"channel\":\"" + entry.channel + "\",\"entered_late\":true,\"arrived_minutes\":" +
             std::to_string(entry.arrived_minutes) + "}",
         org},
        now);
    return id;
  });
}

}  // namespace tsunagu::consultations::import
