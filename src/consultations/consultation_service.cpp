#include "consultations/consultation_service.hpp"

#include <algorithm>

#include "consultations/booking_cancel.hpp"
#include "consultations/booking_rows.hpp"
#include "consultations/day_rows.hpp"
#include "consultations/program_info.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {
namespace {

using storage::GetInt;
using storage::GetText;

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxShortText = 100;
constexpr std::size_t kMaxDiagnosis = 200;
constexpr std::size_t kMaxNotes = 2000;

void Length(std::vector<core::FieldError>& errors, const char* field, const std::string& value,
            std::size_t max, bool required) {
  const auto n = core::CountCodePoints(value);
  if (required && n == 0) {
    errors.push_back({field, std::string("booking.error.") + field + "_required"});
  } else if (n > max) {
    errors.push_back({field, "form.error.too_long"});
  }
}

template <std::size_t N>
void Code(std::vector<core::FieldError>& errors, const char* field,
          const std::array<std::string_view, N>& list, const std::string& value) {
  if (!InList(list, value)) {
    errors.push_back({field, std::string("booking.error.") + field + "_required"});
  }
}

}  // namespace

std::vector<core::FieldError> ConsultationService::ValidateSettings(const DaySettings& s) {
  std::vector<core::FieldError> errors;
  if (!InList(kDayModes, s.mode)) errors.push_back({"mode", "days.error.mode"});
  if (s.booths < 1 || s.booths > 50) errors.push_back({"booths", "days.error.booths"});
  if (s.slot_minutes < 10 || s.slot_minutes > 240) {
    errors.push_back({"slot_minutes", "days.error.slot_minutes"});
  }
  if (s.prep_minutes < 0 || s.prep_minutes > 120 || s.debrief_minutes < 0 ||
      s.debrief_minutes > 120) {
    errors.push_back({"prep_minutes", "days.error.prep_minutes"});
  }
  if (core::CountCodePoints(s.venue) > 200) errors.push_back({"venue", "form.error.too_long"});
  if (!s.meeting_url.empty() && s.meeting_url.rfind("https://", 0) != 0) {
    errors.push_back({"meeting_url", "days.error.meeting_url"});
  }
  return errors;
}

std::vector<core::FieldError> ConsultationService::ValidateBooking(const BookingRequest& r) {
  std::vector<core::FieldError> errors;
  if (r.slot_id <= 0) errors.push_back({"slot_id", "booking.error.slot_id_required"});
  if (!InList(kChannels, r.channel)) errors.push_back({"channel", "booking.error.channel"});
  const Intake& in = r.intake;
  if (in.for_family) Length(errors, "relationship", in.relationship, 20, true);
  Code(errors, "gender", kGenders, in.gender);
  Code(errors, "age_band", kAgeBands, in.age_band);
  Length(errors, "municipality", in.municipality, 40, true);
  Code(errors, "municipality_kind", kMunicipalityKinds, in.municipality_kind);
  Code(errors, "heard_from", kHeardFrom, in.heard_from);
  Code(errors, "treatment_status", kTreatmentStatuses, in.treatment_status);
  Code(errors, "work_status", kWorkStatuses, in.work_status);
  if (in.topics.empty()) errors.push_back({"topics", "booking.error.topics_required"});
  for (const auto& t : in.topics) {
    if (!InList(kTopics, t)) {
      errors.push_back({"topics", "booking.error.topics_required"});
      break;
    }
  }
  const Contact& c = r.contact;
  Length(errors, "name", c.name, kMaxName, true);
  Length(errors, "furigana", c.furigana, kMaxName, true);
  if (!c.furigana.empty() && !core::IsKanaReading(c.furigana)) {
    errors.push_back({"furigana", "booking.error.furigana_kana"});
  }
  if (c.phone.empty() && c.email.empty()) {
    errors.push_back({"phone", "booking.error.contact_required"});
  }
  if (!c.phone.empty()) {
    const auto digits = core::NormalizePhone(c.phone);
    if (digits.size() < 10 || digits.size() > 11)
      errors.push_back({"phone", "booking.error.phone"});
  }
  if (!c.email.empty() && !core::LooksLikeEmail(c.email)) {
    errors.push_back({"email", "booking.error.email"});
  }
  Length(errors, "diagnosis", c.diagnosis, kMaxDiagnosis, false);
  Length(errors, "notes", c.notes, kMaxNotes, false);
  if (!r.consent) errors.push_back({"consent", "booking.error.consent_required"});
  return errors;
}

core::Result<Program> ConsultationService::ProgramFor(const auth::Principal& who,
                                                      std::int64_t program_id) {
  auto program = db_.Read<std::optional<Program>>([&](soci::session& s) -> std::optional<Program> {
    long long id = program_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, organization_id, name, description, status, published FROM "
                      "program WHERE id = :id",
         soci::use(id));
    for (const auto& r : rows) {
      return Program{GetInt(r, 0),  GetInt(r, 1),  GetText(r, 2),
                     GetText(r, 3), GetText(r, 4), GetInt(r, 5) != 0};
    }
    return std::nullopt;
  });
  if (!program) return program.error();
  // Another organisation's programme looks exactly like a missing one.
  if (!*program || !auth::Policy::CanCoordinate(who, (*program)->organization_id)) {
    return core::Error::NotFound();
  }
  return **program;
}

core::Result<std::int64_t> ConsultationService::CreateProgram(const auth::Principal& who,
                                                              const audit::Actor& actor,
                                                              const std::string& name_in,
                                                              const std::string& description) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  const std::string name = core::Trim(core::NormalizeNfkc(name_in));
  std::vector<core::FieldError> errors;
  if (name.empty()) errors.push_back({"name", "programs.error.name_required"});
  if (core::CountCodePoints(name) > kMaxShortText)
    errors.push_back({"name", "form.error.too_long"});
  if (core::CountCodePoints(description) > kMaxNotes) {
    errors.push_back({"description", "form.error.too_long"});
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    long long org = who.organization_id;
    long long at = now;
    long long id = 0;
    s << "INSERT INTO program (organization_id, name, description, status, created_at) VALUES "
         "(:o, :n, :d, 'active', :t) RETURNING id",
        soci::use(org), soci::use(name), soci::use(description), soci::use(at), soci::into(id);
    audit::AuditLog::Append(s, actor, {"program.create", "program", std::to_string(id), "{}", -1},
                            now);
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<Program>> ConsultationService::ListPrograms(const auth::Principal& who) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<Program>>([&](soci::session& s) {
    std::vector<Program> out;
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, organization_id, name, description, status, published FROM "
                      "program WHERE organization_id = :o ORDER BY id",
         soci::use(org));
    for (const auto& r : rows) {
      out.push_back({GetInt(r, 0), GetInt(r, 1), GetText(r, 2), GetText(r, 3), GetText(r, 4),
                     GetInt(r, 5) != 0});
    }
    return out;
  });
}

core::Result<Program> ConsultationService::GetProgram(const auth::Principal& who,
                                                      std::int64_t program_id) {
  return ProgramFor(who, program_id);
}

core::Status ConsultationService::SetPublished(const auth::Principal& who,
                                               const audit::Actor& actor, std::int64_t program_id,
                                               bool published) {
  auto program = ProgramFor(who, program_id);
  if (!program) return program.error();
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long id = program_id;
    int value = published ? 1 : 0;
    s << "UPDATE program SET published = :v WHERE id = :id", soci::use(value), soci::use(id);
    audit::AuditLog::Append(s, actor,
                            {published ? "program.publish" : "program.unpublish", "program",
                             std::to_string(program_id), "{}", program->organization_id},
                            now);
  });
}

core::Status ConsultationService::SetTarget(const auth::Principal& who, const audit::Actor& actor,
                                            std::int64_t program_id, const Target& t) {
  auto program = ProgramFor(who, program_id);
  if (!program) return program.error();
  std::vector<core::FieldError> errors;
  if (t.fiscal_year < 2000 || t.fiscal_year > 2100) {
    errors.push_back({"fiscal_year", "targets.error.fiscal_year"});
  }
  for (auto [field, value] : {std::pair{"consultations", t.consultations},
                              std::pair{"placements", t.placements}, std::pair{"days", t.days}}) {
    if (value < 0 || value > 1000000) errors.push_back({field, "targets.error.number"});
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long id = program_id;
    int fy = t.fiscal_year;
    s << "DELETE FROM program_target WHERE program_id = :p AND fiscal_year = :y", soci::use(id),
        soci::use(fy);
    s << "INSERT INTO program_target (program_id, fiscal_year, consultations, placements, days) "
         "VALUES (:p, :y, :c, :pl, :d)",
        soci::use(id), soci::use(fy), soci::use(t.consultations), soci::use(t.placements),
        soci::use(t.days);
    audit::AuditLog::Append(
        s, actor,
        {"program.target", "program", std::to_string(program_id),
         "{\"fiscal_year\":" + std::to_string(fy) + "}", program->organization_id},
        now);
  });
}

core::Result<std::optional<Target>> ConsultationService::GetTarget(const auth::Principal& who,
                                                                   std::int64_t program_id,
                                                                   int fiscal_year) {
  auto program = ProgramFor(who, program_id);
  if (!program) return program.error();
  return db_.Read<std::optional<Target>>([&](soci::session& s) -> std::optional<Target> {
    long long id = program_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT fiscal_year, consultations, placements, days FROM program_target "
                      "WHERE program_id = :p AND fiscal_year = :y",
         soci::use(id), soci::use(fiscal_year));
    for (const auto& r : rows) {
      return Target{static_cast<int>(GetInt(r, 0)), static_cast<int>(GetInt(r, 1)),
                    static_cast<int>(GetInt(r, 2)), static_cast<int>(GetInt(r, 3))};
    }
    return std::nullopt;
  });
}

core::Result<GenerationResult> ConsultationService::GenerateDays(
    const auth::Principal& who, const audit::Actor& actor, std::int64_t program_id,
    const ScheduleRule& rule, int fiscal_year, const DaySettings& settings) {
  auto program = ProgramFor(who, program_id);
  if (!program) return program.error();
  if (auto errors = ValidateSettings(settings); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  auto plan = PlanFiscalYear(rule, fiscal_year, holidays_);
  if (!plan) return plan.error();
  if (SlotTimes(rule.start_minutes, rule.end_minutes, settings).empty()) {
    return core::Error::Invalid("error.form", {{"slot_minutes", "days.error.no_slot_fits"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<GenerationResult>([&](soci::session& s) {
    GenerationResult result;
    result.plan = *plan;
    long long pid = program_id;
    long long at = now;
    for (const auto& day : plan->days) {
      std::string date = core::ToIso(day.date);
      // A day moved by hand keeps the date it was planned for in moved_from: it is there.
      std::string planned = day.moved_from ? core::ToIso(*day.moved_from) : date;
      int existing = 0;
      s << "SELECT COUNT(*) FROM consultation_day WHERE program_id = :p AND (day_date = :d OR "
           "moved_from = :d2 OR moved_from = :planned)",
          soci::use(pid), soci::use(date), soci::use(date), soci::use(planned),
          soci::into(existing);
      if (existing > 0) {
        ++result.already_there;
        continue;
      }
      InsertDayWithSlots(s, program_id, day.date, day.start_minutes, day.end_minutes,
                         day.moved_from, settings, at);
      ++result.created;
    }
    audit::AuditLog::Append(s, actor,
                            {"consultation_day.generate", "program", std::to_string(program_id),
                             "{\"fiscal_year\":" + std::to_string(fiscal_year) +
                                 ",\"created\":" + std::to_string(result.created) + "}",
                             program->organization_id},
                            now);
    return result;
  });
}

core::Result<ConsultationDay> ConsultationService::GetDay(const auth::Principal& who,
                                                          std::int64_t program_id,
                                                          std::int64_t day_id) {
  auto program = ProgramFor(who, program_id);
  if (!program) return program.error();
  auto day = db_.Read<std::optional<ConsultationDay>>(
      [&](soci::session& s) -> std::optional<ConsultationDay> {
        long long pid = program_id;
        long long did = day_id;
        std::vector<ConsultationDay> days;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT " << kDayColumns
                       << " FROM consultation_day WHERE id = :d AND program_id = :p",
             soci::use(did), soci::use(pid));
        for (const auto& r : rows) days.push_back(ReadDay(r));
        if (days.empty()) return std::nullopt;
        AttachSlots(s, days);
        return days.front();
      });
  if (!day) return day.error();
  if (!*day) return core::Error::NotFound();
  return **day;
}

core::Result<FiscalYearPlan> ConsultationService::PreviewDays(const auth::Principal& who,
                                                              std::int64_t program_id,
                                                              const ScheduleRule& rule,
                                                              int fiscal_year,
                                                              const DaySettings& settings) {
  auto program = ProgramFor(who, program_id);
  if (!program) return program.error();
  std::vector<core::FieldError> errors = ValidateSettings(settings);
  if (auto rule_ok = ValidateRule(rule); !rule_ok) {
    for (const auto& e : rule_ok.error().fields) errors.push_back(e);
    // ValidateRule stops at the occurrences; check the times too, with a stand-in occurrence.
    ScheduleRule times = rule;
    times.occurrences = {MonthlyOccurrence{1, 1}};
    if (auto times_ok = ValidateRule(times);
        !times_ok && !rule_ok.error().fields.empty() &&
        rule_ok.error().fields.front().field == "occurrences") {
      for (const auto& e : times_ok.error().fields) errors.push_back(e);
    }
  } else if (errors.empty() && SlotTimes(rule.start_minutes, rule.end_minutes, settings).empty()) {
    errors.push_back({"slot_minutes", "days.error.no_slot_fits"});
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  return PlanFiscalYear(rule, fiscal_year, holidays_);
}

core::Result<std::vector<ConsultationDay>> ConsultationService::ListDays(const auth::Principal& who,
                                                                         std::int64_t program_id,
                                                                         int fiscal_year) {
  auto program = ProgramFor(who, program_id);
  if (!program) return program.error();
  const std::string from = core::ToIso(core::FiscalYearStart(fiscal_year));
  const std::string to = core::ToIso(core::FiscalYearEnd(fiscal_year));
  return db_.Read<std::vector<ConsultationDay>>([&](soci::session& s) {
    std::vector<ConsultationDay> days;
    long long pid = program_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT " << kDayColumns
                   << " FROM consultation_day WHERE program_id = :p AND day_date BETWEEN :a "
                      "AND :b ORDER BY day_date, start_minutes",
         soci::use(pid), soci::use(from), soci::use(to));
    for (const auto& r : rows) days.push_back(ReadDay(r));
    AttachSlots(s, days);
    return days;
  });
}

namespace {

constexpr const char* kOpenDayCondition =
    " FROM consultation_day d WHERE program_id = :p AND day_date >= :f AND status = "
    "'scheduled' AND EXISTS (SELECT 1 FROM program p WHERE p.id = d.program_id AND p.status = "
    "'active'";

// The public pages see only what the 事務局 published; staff see every active programme.
std::string OpenDayCondition(Audience audience) {
  return std::string(kOpenDayCondition) +
         (audience == Audience::kPublic ? " AND p.published = 1)" : ")");
}

}  // namespace

core::Result<std::vector<ConsultationDay>> ConsultationService::OpenDays(std::int64_t program_id,
                                                                         core::Date from, int limit,
                                                                         Audience audience) {
  const std::string from_iso = core::ToIso(from);
  return db_.Read<std::vector<ConsultationDay>>([&](soci::session& s) {
    std::vector<ConsultationDay> days;
    long long pid = program_id;
    const std::string limit_sql = limit > 0 ? " LIMIT " + std::to_string(limit) : "";
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT " << kDayColumns << OpenDayCondition(audience)
                   << " ORDER BY day_date, start_minutes" << limit_sql,
         soci::use(pid), soci::use(from_iso));
    for (const auto& r : rows) days.push_back(ReadDay(r));
    AttachSlots(s, days);
    if (audience == Audience::kPublic) {
      // Slots past the programme's booking deadline are not offered on the public pages.
      const BookingDeadline deadline = ReadBookingDeadline(s, program_id);
      const std::int64_t now = clock_.NowSeconds();
      for (auto& d : days) {
        std::erase_if(d.slots, [&](const Slot& slot) {
          return PublicBookingClosesAt(deadline, d.date, slot.start_minutes) <= now;
        });
      }
      std::erase_if(days, [](const ConsultationDay& d) { return d.slots.empty(); });
    }
    return days;
  });
}

core::Result<std::optional<std::pair<ConsultationDay, Slot>>> ConsultationService::OpenSlot(
    std::int64_t program_id, std::int64_t slot_id, core::Date from, Audience audience) {
  using Found = std::optional<std::pair<ConsultationDay, Slot>>;
  const std::string from_iso = core::ToIso(from);
  return db_.Read<Found>([&](soci::session& s) -> Found {
    long long pid = program_id;
    long long sid = slot_id;
    // The slot, its day and the programme's deadline in one statement (every public booking
    // form and submission reads it). The day comes without its other slots.
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT d.id, d.program_id, d.day_date, d.start_minutes, d.end_minutes, "
                      "d.mode, d.venue, d.meeting_url, d.booths, d.slot_minutes, d.status, "
                      "d.moved_from, sl.start_minutes, sl.end_minutes, sl.capacity, sl.booked, "
                      "p.booking_deadline, p.booking_deadline_value FROM consultation_slot sl "
                      "JOIN consultation_day d ON d.id = sl.day_id JOIN program p ON p.id = "
                      "d.program_id WHERE sl.id = :s AND d.program_id = :p AND d.day_date >= :f "
                      "AND d.status = 'scheduled' AND p.status = 'active'"
                   << (audience == Audience::kPublic ? " AND p.published = 1" : ""),
         soci::use(sid), soci::use(pid), soci::use(from_iso));
    for (const auto& r : rows) {
      ConsultationDay day = ReadDay(r);
      const Slot slot{slot_id,
                      day.id,
                      static_cast<int>(GetInt(r, 12)),
                      static_cast<int>(GetInt(r, 13)),
                      static_cast<int>(GetInt(r, 14)),
                      static_cast<int>(GetInt(r, 15))};
      if (audience == Audience::kPublic) {
        const BookingDeadline deadline{GetText(r, 16), static_cast<int>(GetInt(r, 17))};
        if (PublicBookingClosesAt(deadline, day.date, slot.start_minutes) <= clock_.NowSeconds()) {
          throw storage::Abort{DeadlinePassed()};
        }
      }
      return std::make_pair(std::move(day), slot);
    }
    return std::nullopt;
  });
}

core::Result<BookingReceipt> ConsultationService::Book(const BookingRequest& request,
                                                       const audit::Actor& actor,
                                                       const ConfirmationBuilder& confirmation) {
  return TakeBooking(request, actor, confirmation, std::nullopt, std::nullopt);
}

core::Result<BookingReceipt> ConsultationService::BookPublic(
    const BookingRequest& request, const audit::Actor& actor,
    const ConfirmationBuilder& confirmation, int per_address_day,
    std::optional<FormLimit> form_limit) {
  return TakeBooking(request, actor, confirmation, per_address_day, form_limit);
}

core::Result<BookingReceipt> ConsultationService::TakeBooking(
    const BookingRequest& request, const audit::Actor& actor,
    const ConfirmationBuilder& confirmation, std::optional<int> per_address_day,
    std::optional<FormLimit> form_limit) {
  if (auto errors = ValidateBooking(request); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const bool from_public_pages = per_address_day.has_value();
  // The client address only as a keyed hash: it is compared, never shown or logged.
  const std::string address_bidx =
      from_public_pages ? cipher_.BlindIndex(actor.ip, "booking.address") : std::string();
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  BookingReceipt receipt;
  receipt.reference = NewBookingReference();
  receipt.cancel_token = crypto::RandomToken(24);
  const std::string cancel_hash = crypto::HashToken(receipt.cancel_token);
  const Contact& c = request.contact;
  const std::string email = core::Trim(core::NormalizeNfkc(c.email));
  const SealedContacts sealed = SealContacts(cipher_, receipt.reference, c);

  return db_.Write<BookingReceipt>([&](soci::session& s) {
    if (form_limit) {
      CountPublicSubmissionIn(s, now, actor.ip, form_limit->limit, form_limit->window_seconds);
    }
    long long slot_id = request.slot_id;
    TakePlace(s, request.slot_id, today);
    ConsultationDay day;
    Slot slot;
    long long org = 0;
    bool published = false;
    BookingDeadline deadline;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT d.id, d.program_id, d.day_date, d.start_minutes, d.end_minutes, "
                        "d.mode, d.venue, d.meeting_url, d.booths, d.slot_minutes, d.status, "
                        "d.moved_from, sl.start_minutes, sl.end_minutes, sl.capacity, sl.booked, "
                        "p.organization_id, p.published, p.booking_deadline, "
                        "p.booking_deadline_value FROM consultation_slot sl JOIN consultation_day "
                        "d ON d.id = sl.day_id JOIN program p ON p.id = d.program_id WHERE sl.id "
                        "= :id",
           soci::use(slot_id));
      for (const auto& r : rows) {
        day = ReadDay(r);
        slot = Slot{slot_id,
                    day.id,
                    static_cast<int>(GetInt(r, 12)),
                    static_cast<int>(GetInt(r, 13)),
                    static_cast<int>(GetInt(r, 14)),
                    static_cast<int>(GetInt(r, 15))};
        org = GetInt(r, 16);
        published = GetInt(r, 17) == 1;
        deadline = BookingDeadline{GetText(r, 18), static_cast<int>(GetInt(r, 19))};
      }
    }
    // The public pages book only what the 事務局 published, and stop at the programme's
    // deadline; the 事務局 can still book after it. (Refused here, the place taken above is
    // given back with the rollback.)
    if (from_public_pages && !published) throw storage::Abort{core::Error::NotFound()};
    if (from_public_pages && PublicBookingClosesAt(deadline, day.date, slot.start_minutes) <= now) {
      throw storage::Abort{DeadlinePassed()};
    }
    if (from_public_pages) HoldAddressPlace(s, day.id, address_bidx, *per_address_day);
    NewBooking row;
    row.reference = receipt.reference;
    row.address_bidx = address_bidx;
    row.day_id = day.id;
    row.slot_id = request.slot_id;
    row.status = "booked";
    row.cancel_token_hash = cancel_hash;
    row.created_by = actor.user_id;
    row.now = now;
    const std::int64_t booking_id = InsertBooking(s, cipher_, row, request, sealed);
    receipt.booking_id = booking_id;
    if (!email.empty() && confirmation) {
      Contact to = c;
      to.email = email;
      outbox_.Enqueue(s, confirmation(receipt, day, slot, to), "booking_confirmation");
    }
    audit::AuditLog::Append(s, actor,
                            {"booking.create", "booking", std::to_string(booking_id),
                             "{\"channel\":\"" + request.channel + "\"}", org},
                            now);
    return receipt;
  });
}

}  // namespace tsunagu::consultations
