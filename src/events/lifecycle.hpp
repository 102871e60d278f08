// An event's life after registration (issue 15; seed 002 後日ZOOM URL送信; pretix #837, #1713,
// #2119, #2498, #3628), on the columns of 0022_events_lifecycle.sql:
// - the online link mail: once per online registration, from online_notice_days before the
//   day until the event ends, a link to the person's own online page (a random token stored
//   hashed, not the cancel token); the page shows the event's current meeting URL until the
//   event ends. Neither the mail nor any public page carries the URL itself;
// - registrations anonymised retention_days after the event, the counts kept.
// Clock jobs construct a Lifecycle per round (app/app.cpp); every claim is one conditional
// UPDATE in a transaction, so several servers running the same job send each mail once.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "events/model.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::events {

// What a rule that mails inside another transaction needs.
struct LifecycleMail {
  const crypto::FieldCipher& cipher;
  notify::Outbox& outbox;
  const core::Catalog& catalog;
  std::string public_url;
};

// Unix seconds of the event's start and end (JST).
std::int64_t EventStartSeconds(const Event& event);
std::int64_t EventEndSeconds(const Event& event);
// From online_notice_days before the day (00:00 JST) until the event ends.
bool OnlineLinkDue(const Event& event, std::int64_t now);

// Field errors for the organiser's form ("online_notice_days", "hold_hours",
// "waitlist_cutoff_hours", "retention_days").
void ValidateLifecycle(const LifecycleSettings& settings, std::vector<core::FieldError>& errors);
// Stores the settings on the event; retention_days only when the event is created.
void SaveLifecycle(soci::session& s, std::int64_t event_id, const LifecycleSettings& settings,
                   bool creating);

// Within the caller's transaction: when the registration is an online place of a published
// event whose link is due and not yet sent, claims it (one conditional UPDATE) and queues the
// mail. True when this call sent it.
bool SendOnlineLinkIfDue(soci::session& s, const LifecycleMail& mail, const Event& event,
                         std::int64_t registration_id, std::int64_t now);

// Within the caller's transaction, after a place of the 枠 came free: unless the waiting list's
// cut-off (waitlist_cutoff_hours before the start) has passed, the first person waiting (not
// yet offered) is offered the place: it is taken for them at once (so the capacity stays the
// database's), held until hold_hours later but never past the cut-off, and they get a mail
// with the link to their page, where they confirm or leave. True when a place was offered.
bool OfferNextWaiting(soci::session& s, const LifecycleMail& mail, const audit::Actor& actor,
                      const Event& event, const std::string& mode, std::int64_t now);
// Within the caller's transaction (e.g. the organiser raised the places): offers every free
// place of the 枠 to the people waiting, in order, by OfferNextWaiting. Returns how many.
int OfferFreePlaces(soci::session& s, const LifecycleMail& mail, const audit::Actor& actor,
                    const Event& event, const std::string& mode, std::int64_t now);
// Within the caller's transaction, for a person who just joined the venue's waiting list: takes
// an online place for them now (a second registration, with its own confirmation mail) and
// links it to the venue registration, so confirming a venue offer gives it back. False when
// the event has no online place free.
bool AddOnlineMeanwhile(soci::session& s, const LifecycleMail& mail, const audit::Actor& actor,
                        const Event& event, const RegistrationRequest& request,
                        const RegistrationReceipt& venue, const std::string& address_bidx,
                        std::int64_t now);
// Within the caller's transaction, once the event is cancelled (中止 in the organiser's form, a
// salon meeting its salon no longer holds): every registrant and waiting person with an
// address is told, in their language. Returns how many were mailed (for the audit event).
int TellCancelled(soci::session& s, const LifecycleMail& mail, const Event& event,
                  std::int64_t now);
// When offers stop for the event (Unix seconds).
std::int64_t WaitlistCutoffSeconds(const Event& event);

// What the personal online page shows: the URL only while the event has not ended.
struct OnlineView {
  Event event;  // meeting_url cleared
  std::string reference;
  bool ended = false;
  std::string meeting_url;  // empty once ended
};

// The personal online page (no mail needed); NotFound for an unknown token, a registration
// that is not (or no longer) registered, or an event that is not published.
core::Result<OnlineView> FindOnlinePage(storage::Database& db, const core::Clock& clock,
                                        const std::string& token);

class Lifecycle {
 public:
  Lifecycle(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
            notify::Outbox& outbox, const core::Catalog& catalog, std::string public_url)
      : db_(db), clock_(clock), mail_{cipher, outbox, catalog, std::move(public_url)} {}

  // Clock job: the online link mails that are due; returns how many were sent.
  core::Result<int> SendOnlineLinks();
  // The personal online page; NotFound for an unknown token, a cancelled registration or event.
  core::Result<OnlineView> FindOnline(const std::string& token) {
    return FindOnlinePage(db_, clock_, token);
  }
  // Clock job: anonymises the registrations of events more than retention_days past `today`;
  // one audit event per event ("event_registration.anonymise", the count only). Returns how
  // many registrations were anonymised.
  core::Result<int> AnonymiseExpired(core::Date today);
  // Clock job: offers whose hold passed are withdrawn (the registration is cancelled, its
  // person told) and the place is offered to the next person waiting. Returns how many.
  core::Result<int> ExpireOffers();

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  LifecycleMail mail_;
};

// One round of the clock jobs above (app/app.cpp): constructs a Lifecycle for the round.
core::Result<int> RunLifecycleRound(storage::Database& db, const core::Clock& clock,
                                    const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                                    const core::Catalog& catalog, const std::string& public_url,
                                    core::Date today);

}  // namespace tsunagu::events
