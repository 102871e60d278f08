// Rules for community events and their registrations (issue 15). Organisation walls come from
// the policy (an event of another organisation answers NotFound, like a missing one); places
// come from the database (community_event.venue_taken / online_taken in 0019_events.sql).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "events/model.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::events {

class EventService {
 public:
  EventService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
               notify::Outbox& outbox, const core::Catalog& catalog, std::string public_url)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        outbox_(outbox),
        catalog_(catalog),
        public_url_(std::move(public_url)) {}

  // --- the organiser (coordinator or admin of the organisation)
  core::Result<std::int64_t> Create(const auth::Principal& who, const audit::Actor& actor,
                                    const EventInput& input);
  // Changes the event. Setting 中止 tells every registrant (registered or waiting, with an
  // e-mail address) in the same transaction, audited "event.cancel"; a cancelled event is
  // final (kConflict "events.error.cancelled"). A capacity below the places already taken is
  // refused with a field error.
  core::Status Update(const auth::Principal& who, const audit::Actor& actor, std::int64_t event_id,
                      const EventInput& input);
  // The organisation's events, newest date first (staff of the organisation, any kind).
  core::Result<std::vector<Event>> ListOwn(const auth::Principal& who);
  // One event of the caller's organisation, for its staff (admin, coordinator, counselor).
  core::Result<Event> GetOwn(const auth::Principal& who, std::int64_t event_id);
  static std::vector<core::FieldError> Validate(const EventInput& input);
  static EventInput InputOf(const Event& event);

  // --- public pages (no account): published events that are not for staff only
  core::Result<std::vector<Event>> PublicUpcoming(core::Date from);
  // A published (or, once published, cancelled) event that is not for staff only; NotFound
  // otherwise. Its meeting_url is cleared: it never reaches a public page.
  core::Result<Event> PublicGet(std::int64_t event_id);
  // Whether the public form still takes registrations for the event (published, before its
  // start).
  bool OpenForRegistration(const Event& event) const;
  // For services built per request on the same parts (attendance).
  const crypto::FieldCipher& cipher() const { return cipher_; }

  // --- registration
  static std::vector<core::FieldError> ValidateRegistration(const RegistrationRequest& request);
  // From the public form: only for an event open for registration (else NotFound), counted
  // against the client address (actor.ip, kept as a keyed hash). Takes a place of the chosen
  // 枠, or when it is full answers kConflict "events.full" unless request.accept_waiting, in
  // which case the person joins that 枠's waiting list. The place (or the waiting entry) and
  // the confirmation e-mail commit together.
  core::Result<RegistrationReceipt> RegisterPublic(const RegistrationRequest& request,
                                                   const audit::Actor& actor);
  // Staff enter a registration that came by e-mail, phone or fax (channel), on an event of
  // their organisation that is not cancelled.
  core::Result<RegistrationReceipt> RegisterByStaff(const auth::Principal& who,
                                                    const audit::Actor& actor,
                                                    const RegistrationRequest& request);
  // The registration behind the link in the e-mail; NotFound for an unknown token.
  core::Result<RegistrationView> FindByToken(const std::string& token);
  // Cancels from the e-mail's link. Only the request that changes the status gives the place
  // back, and the first person waiting for that 枠 takes it (and is told by e-mail).
  core::Status CancelByToken(const std::string& token, const audit::Actor& actor);
  // Confirms the place offered from the waiting list while its hold lasts (kConflict
  // "events_lifecycle.offer.expired" otherwise), in events/waitlist.cpp.
  core::Status ConfirmByToken(const std::string& token, const audit::Actor& actor);
  // The registrations of an event of the caller's organisation, decrypted; the read is
  // audited ("event_registration.list", counts only).
  core::Result<std::vector<RegistrationRow>> Registrations(const auth::Principal& who,
                                                           const audit::Actor& actor,
                                                           std::int64_t event_id);
  core::Status CancelByStaff(const auth::Principal& who, const audit::Actor& actor,
                             std::int64_t event_id, std::int64_t registration_id);
  // Staff confirm an offer for someone who answered by phone, fax or in person: what the
  // person's own confirm link does (ConfirmOffer, the same hold rule and transaction), audited
  // with the staff user. True when this call confirmed it, false when the registration was
  // already registered (a second tap changes nothing); kConflict "events_lifecycle.offer.expired"
  // when no offer holds a place; NotFound for another organisation's event. In waitlist.cpp.
  core::Result<bool> ConfirmOfferByStaff(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t event_id, std::int64_t registration_id);

 private:
  core::Result<RegistrationReceipt> Register(const RegistrationRequest& request,
                                             const audit::Actor& actor, bool from_public_form,
                                             std::int64_t organization_id);
  // Cancels the registration (locked by its status UPDATE) and hands a freed place on.
  // False when it was already cancelled.
  bool CancelRegistration(soci::session& s, const audit::Actor& actor, std::int64_t id,
                          std::int64_t now);
  // Confirms the offer held for the registration (locked by its status UPDATE); false when
  // no offer holds a place for it any more. Gives back an online place taken meanwhile.
  bool ConfirmOffer(soci::session& s, const audit::Actor& actor, std::int64_t id, std::int64_t now);
  // Offers the freed place to the first person waiting for the 枠 (events/waitlist.cpp).
  void PromoteWaiting(soci::session& s, const audit::Actor& actor, const Event& event,
                      const std::string& mode, std::int64_t now);

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  const core::Catalog& catalog_;
  std::string public_url_;
};

}  // namespace tsunagu::events
