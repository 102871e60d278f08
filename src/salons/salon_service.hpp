// The salon directory's rules (issue 15). Reading is public: salons that are not closed,
// searched with the directory's kana folding and filtered by 市町村 and network. Writing is for
// the coordinators and admins of the keeping organisation; every change is audited in its
// transaction. Saving a salon (and the monthly round) puts its meetings for the coming
// kMonthsAhead months on the calendar as salon_meeting events: a changed rule moves the
// future ones, a paused or closed salon cancels them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/holidays.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/result.hpp"
#include "events/lifecycle.hpp"
#include "salons/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::salons {

class SalonService {
 public:
  // `mail`: a meeting the salon no longer holds is cancelled and its registrants are told, as
  // for any event's 中止 (events::TellCancelled).
  SalonService(storage::Database& db, const core::Clock& clock,
               const consultations::HolidayCalendar& holidays, events::LifecycleMail mail)
      : db_(db), clock_(clock), holidays_(holidays), mail_(std::move(mail)) {}

  // --- public
  core::Result<std::vector<Salon>> Search(const SalonQuery& query);
  // A salon that is not closed; NotFound otherwise.
  core::Result<Salon> Find(std::int64_t id);
  // The municipalities and networks of the public salons, sorted, for the filters.
  core::Result<std::pair<std::vector<std::string>, std::vector<std::string>>> Filters();
  // Published meetings from `from` on, at most `limit`.
  core::Result<std::vector<Meeting>> UpcomingMeetings(std::int64_t salon_id, core::Date from,
                                                      int limit);

  // --- the keeping organisation (kOrgCoordinate)
  core::Result<std::vector<Salon>> ListOwn(const auth::Principal& who);
  // Forbidden for another organisation's public salon, NotFound for a closed or missing one.
  core::Result<Salon> GetOwn(const auth::Principal& who, std::int64_t id);
  static std::vector<core::FieldError> Validate(const SalonInput& input);
  // kInvalidInput "error.form" with field errors, nothing changed. Audited; meetings follow.
  core::Result<std::int64_t> Create(const auth::Principal& who, const audit::Actor& actor,
                                    const SalonInput& input);
  core::Status Update(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                      const SalonInput& input);

  // --- the clock: once a month (per salon, by planned_month), extends every active salon's
  // meetings to kMonthsAhead months. Idempotent; several servers may run it (each salon is
  // locked while its meetings are written). Returns the meetings added or changed.
  core::Result<int> PlanMonthly(core::Date today);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const consultations::HolidayCalendar& holidays_;
  events::LifecycleMail mail_;
};

// One round of the monthly clock job (app/app.cpp): constructs a SalonService for the round.
core::Result<int> PlanMonthlyRound(storage::Database& db, const core::Clock& clock,
                                   const consultations::HolidayCalendar& holidays,
                                   const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                                   const core::Catalog& catalog, const core::Config& config,
                                   core::Date today);

// For the yearly report (fiscal year April–March): salons kept and not closed, how many of
// them are in a network, and the meetings held (published, not cancelled) in the year.
struct SalonYearFigures {
  int salons = 0;
  int network_members = 0;
  int meetings_held = 0;
};
core::Result<SalonYearFigures> YearFigures(storage::Database& db, std::int64_t organization_id,
                                           int fiscal_year);

}  // namespace tsunagu::salons
