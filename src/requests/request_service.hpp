// Consultation requests (model.hpp): the public form, the organisation's queue with each
// request's reply deadline (deadline.hpp), the reply sent from the system and closing with a
// reason. Personal data is encrypted at rest, each read of a request is audited, and the staff
// notice of a new request carries only its reference and deadline.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/holidays.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/outbox.hpp"
#include "requests/model.hpp"
#include "storage/database.hpp"

namespace tsunagu::requests {

class RequestService {
 public:
  RequestService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
                 notify::Outbox& outbox, const core::Catalog& catalog,
                 const consultations::HolidayCalendar& holidays, const std::string& public_url)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        outbox_(outbox),
        catalog_(catalog),
        holidays_(holidays),
        public_url_(public_url) {}

  // Field errors (catalogue keys "requests.error.*"), none when the input is valid.
  static std::vector<core::FieldError> Validate(const RequestInput& in);

  // The organisation's name when it takes requests on the public form; NotFound otherwise
  // (missing, disabled, or not taking them: the same answer).
  core::Result<std::string> OpenFor(std::int64_t organization_id);

  // Stores a request from the public form (kInvalidInput with fields when invalid) and tells
  // the organisation's 事務局 that one came (reference and deadline only).
  core::Result<Receipt> Submit(std::int64_t organization_id, const RequestInput& in,
                               const audit::Actor& actor);

  // The organisation's queue for its counselors: open requests first by deadline, then the
  // others, newest first (at most `limit`).
  // `topic` (kTopics) filters; empty lists every request.
  core::Result<std::vector<QueueRow>> Queue(const auth::Principal& who, int limit = 200,
                                            const std::string& topic = "");

  // The figures of requests received in fiscal year `fiscal_year` (April–March, JST).
  core::Result<YearFigures> Figures(const auth::Principal& who, int fiscal_year);

  // One request of the caller's organisation (NotFound for another's); the read is audited.
  core::Result<RequestView> Get(const auth::Principal& who, const audit::Actor& actor,
                                std::int64_t id);

  // Sends `text` to the requester by e-mail (through the outbox) and marks the request
  // replied. kInvalidInput when empty or too long; kConflict "requests.error.no_email" when the
  // requester left no address (then MarkRepliedByPhone), "requests.error.not_open" when done.
  core::Status Reply(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                     const std::string& text);
  // The reply was given by telephone: `note` (what was agreed) is kept with the request.
  core::Status MarkRepliedByPhone(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t id, const std::string& note);
  // Closes the request without (further) reply, with the reason (required).
  core::Status Close(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                     const std::string& reason);

  // Sets or moves the request's 面談 (request_meeting.cpp) and mails the requester, when they
  // left an address, the date, the place or the meeting link and an .ics (UID from the
  // reference; SEQUENCE raised by every change). kInvalidInput with fields; kConflict
  // "requests.error.closed" for a closed request. Audited ("request.meeting_set"/"_move").
  core::Status SetMeeting(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                          const MeetingInput& in);
  // Calls the 面談 off: METHOD:CANCEL for the same UID. kConflict "requests.error.no_meeting".
  core::Status CancelMeeting(const auth::Principal& who, const audit::Actor& actor,
                             std::int64_t id);
  static std::vector<core::FieldError> ValidateMeeting(const MeetingInput& in, core::Date today);

  // 支援へ移行 (request_to_case.cpp): with the person's consent (for an employer's request, the
  // employee's), makes the client from `in`, opens a support case, links both to the request
  // and closes it, in one transaction. kInvalidInput "requests.error.consent_needed" without
  // consent (nothing made); kConflict "requests.error.already_case" when it was done already.
  core::Result<ToCaseResult> ToCase(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t id, const ToCaseInput& in);

  // Whether the caller's organisation takes requests on the public form, and when its office
  // closes (the 事務局 sets it; audited).
  core::Result<Intake> GetIntake(const auth::Principal& who);
  core::Status SetIntake(const auth::Principal& who, const audit::Actor& actor,
                         const Intake& intake);

 private:
  core::Status Answer(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                      const std::string& text, bool by_mail);

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  const core::Catalog& catalog_;
  const consultations::HolidayCalendar& holidays_;
  const std::string& public_url_;
};

// The holiday calendar of `data_dir` (data/holidays/holidays.json), read once per process and
// shared (it is immutable). The server already refused to start without it.
core::Result<const consultations::HolidayCalendar*> SharedHolidays(const std::string& data_dir);

}  // namespace tsunagu::requests
