// Rules for programmes, consultation days and bookings. Organisation walls come from the
// policy; capacity comes from the database (see consultation_slot in 0003_consultations.sql).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/holidays.hpp"
#include "consultations/model.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/mail.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

struct GenerationResult {
  int created = 0;
  int already_there = 0;  // days of the plan that existed (generation can be repeated safely)
  FiscalYearPlan plan;
};

// Builds the confirmation e-mail (texts from the caller's catalogue, .ics attached).
// Who reads the open days: the public pages see only published programmes.
enum class Audience { kStaff, kPublic };

using ConfirmationBuilder = std::function<notify::MailMessage(
    const BookingReceipt&, const ConsultationDay&, const Slot&, const Contact&)>;

class ConsultationService {
 public:
  ConsultationService(storage::Database& db, const core::Clock& clock,
                      const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                      const HolidayCalendar& holidays)
      : db_(db), clock_(clock), cipher_(cipher), outbox_(outbox), holidays_(holidays) {}

  // --- 事務局 (coordinator or admin of the host organisation)
  core::Result<std::int64_t> CreateProgram(const auth::Principal& who, const audit::Actor& actor,
                                           const std::string& name, const std::string& description);
  core::Result<std::vector<Program>> ListPrograms(const auth::Principal& who);
  core::Result<Program> GetProgram(const auth::Principal& who, std::int64_t program_id);
  // Opens (or closes) the programme's public booking pages; audited. Until published, its
  // public pages answer like a missing programme.
  core::Status SetPublished(const auth::Principal& who, const audit::Actor& actor,
                            std::int64_t program_id, bool published);
  core::Status SetTarget(const auth::Principal& who, const audit::Actor& actor,
                         std::int64_t program_id, const Target& target);
  core::Result<std::optional<Target>> GetTarget(const auth::Principal& who, std::int64_t program_id,
                                                int fiscal_year);
  core::Result<GenerationResult> GenerateDays(const auth::Principal& who, const audit::Actor& actor,
                                              std::int64_t program_id, const ScheduleRule& rule,
                                              int fiscal_year, const DaySettings& settings);
  core::Result<std::vector<ConsultationDay>> ListDays(const auth::Principal& who,
                                                      std::int64_t program_id, int fiscal_year);
  // One day of the programme with its slots; NotFound for a day of another programme.
  core::Result<ConsultationDay> GetDay(const auth::Principal& who, std::int64_t program_id,
                                       std::int64_t day_id);
  // The plan GenerateDays would write, without writing: the coordinator's preview. Reports the
  // rule's and the settings' errors together, so one round trip shows every problem.
  core::Result<FiscalYearPlan> PreviewDays(const auth::Principal& who, std::int64_t program_id,
                                           const ScheduleRule& rule, int fiscal_year,
                                           const DaySettings& settings);

  // --- public booking (no account)
  // Scheduled days from `from` on, with their slots and free places.
  // At most `limit` days (0: all), so the public page reads only what it shows. For
  // Audience::kPublic, none unless the programme is published.
  core::Result<std::vector<ConsultationDay>> OpenDays(std::int64_t program_id, core::Date from,
                                                      int limit = 0,
                                                      Audience audience = Audience::kStaff);
  // The day and slot of `slot_id` when it belongs to an open day of the programme (for
  // Audience::kPublic, a published one).
  core::Result<std::optional<std::pair<ConsultationDay, Slot>>> OpenSlot(
      std::int64_t program_id, std::int64_t slot_id, core::Date from,
      Audience audience = Audience::kStaff);
  // Takes one place in the slot, or answers kConflict "booking.full" (満席). The place, the
  // booking and its confirmation e-mail commit together. For bookings staff take (and
  // internal callers): the public pages use BookPublic.
  core::Result<BookingReceipt> Book(const BookingRequest& request, const audit::Actor& actor,
                                    const ConfirmationBuilder& confirmation);
  // A booking from the public pages: as Book, and also only on a published programme (else
  // NotFound, like a missing one), and counted against the client address (actor.ip, kept as
  // a keyed hash): an address holding `per_address_day` open public bookings of that day gets
  // kRateLimited "booking.error.address_limit". Decided inside the booking's transaction.
  // With `form_limit`, the submission is also counted against the public pages' per-address
  // limit of forms in the same transaction (one commit per booking): over it, kRateLimited
  // "error.rate_limited" and nothing stored.
  struct FormLimit {
    int limit = 0;
    int window_seconds = 0;
  };
  core::Result<BookingReceipt> BookPublic(const BookingRequest& request, const audit::Actor& actor,
                                          const ConfirmationBuilder& confirmation,
                                          int per_address_day,
                                          std::optional<FormLimit> form_limit = std::nullopt);

  static std::vector<core::FieldError> ValidateBooking(const BookingRequest& request);
  static std::vector<core::FieldError> ValidateSettings(const DaySettings& settings);

 private:
  core::Result<Program> ProgramFor(const auth::Principal& who, std::int64_t program_id);
  // per_address_day: nullopt for staff bookings; set for the public pages (BookPublic).
  core::Result<BookingReceipt> TakeBooking(const BookingRequest& request, const audit::Actor& actor,
                                           const ConfirmationBuilder& confirmation,
                                           std::optional<int> per_address_day,
                                           std::optional<FormLimit> form_limit);

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  const HolidayCalendar& holidays_;
};

}  // namespace tsunagu::consultations
