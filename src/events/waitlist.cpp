// The waiting list per 枠 with offers that hold a place (issue 15; pretix #837, #2119, #3628):
// a freed place is offered to the first person waiting and held for them; they confirm from
// their page within hold_hours (never past the cut-off), or the clock job passes it on.
#include <algorithm>

#include "core/text.hpp"
#include "crypto/random.hpp"
#include "events/event_mail.hpp"
#include "events/event_rows.hpp"
#include "events/event_service.hpp"
#include "events/lifecycle.hpp"
#include "storage/row.hpp"

namespace tsunagu::events {
namespace {

notify::MailMessage OfferMail(const LifecycleMail& lm, const std::string& lang,
                              const std::string& to, const Event& event,
                              const std::string& reference, const std::string& mode,
                              const std::string& token, std::int64_t until) {
  auto t = [&](const char* key) { return lm.catalog.Get(lang, key); };
  notify::MailMessage m;
  m.to = to;
  m.subject = t("events_lifecycle.mail.offer_subject");
  m.text_body = t("events_lifecycle.mail.offer_intro") + "\n\n" +
                DetailLines(lm.catalog, lang, event, reference, mode) + "\n" +
                lm.catalog.Format(lang, "events_lifecycle.mail.offer_until",
                                  {{"until", core::FormatDateTime(until, lang)}}) +
                "\n" + BaseUrl(lm.public_url) + "/events/registration/" + token + "\n\n" +
                t("events.mail.contact") + "\n" + event.contact + "\n\n" + t("events.mail.footer") +
                "\n";
  return m;
}

notify::MailMessage OfferExpiredMail(const LifecycleMail& lm, const std::string& lang,
                                     const std::string& to, const Event& event,
                                     const std::string& reference, const std::string& mode) {
  auto t = [&](const char* key) { return lm.catalog.Get(lang, key); };
  notify::MailMessage m;
  m.to = to;
  m.subject = t("events_lifecycle.mail.expired_subject");
  m.text_body = t("events_lifecycle.mail.expired_intro") + "\n\n" +
                DetailLines(lm.catalog, lang, event, reference, mode) + "\n" +
                t("events.mail.contact") + "\n" + event.contact + "\n\n" + t("events.mail.footer") +
                "\n";
  return m;
}

std::optional<std::string> EmailOf(const LifecycleMail& lm, const std::string& reference,
                                   const std::string& email_enc) {
  auto email = lm.cipher.Decrypt(email_enc, "event_registration:" + reference + ":email");
  if (!email || email->empty()) return std::nullopt;
  return *email;
}

}  // namespace

std::int64_t WaitlistCutoffSeconds(const Event& event) {
  return EventStartSeconds(event) - std::int64_t{event.lifecycle.waitlist_cutoff_hours} * 3600;
}

bool OfferNextWaiting(soci::session& s, const LifecycleMail& lm, const audit::Actor& actor,
                      const Event& event, const std::string& mode, std::int64_t now) {
  const std::int64_t cutoff = WaitlistCutoffSeconds(event);
  if (event.status != "published" || now >= cutoff) return false;
  long long event_id = event.id;
  long long first = 0;
  std::string reference, email_enc, lang;
  s << "SELECT id, reference, email_enc, lang FROM event_registration WHERE event_id = :e AND "
       "mode = :m AND status = 'waiting' AND offer_expires_at IS NULL ORDER BY id LIMIT 1",
      soci::use(event_id), soci::use(mode), soci::into(first), soci::into(reference),
      soci::into(email_enc), soci::into(lang);
  if (!s.got_data()) return false;
  // The offer takes the place now: nobody else (a newcomer, a second offer) can have it.
  if (!TakePlace(s, event.id, mode)) return false;
  const std::string token = crypto::RandomToken(24);
  const std::string hash = crypto::HashToken(token);
  long long until = std::min(now + std::int64_t{event.lifecycle.hold_hours} * 3600, cutoff);
  long long at = now;
  soci::statement offer =
      (s.prepare << "UPDATE event_registration SET offer_token_hash = :h, offer_expires_at = "
                    ":until, updated_at = :u WHERE id = :id AND status = 'waiting' AND "
                    "offer_expires_at IS NULL",
       soci::use(hash), soci::use(until), soci::use(at), soci::use(first));
  offer.execute(true);
  if (offer.get_affected_rows() != 1) {
    FreePlace(s, event.id, mode);
    return false;
  }
  audit::AuditLog::Append(s, actor,
                          {"event_registration.offer", "event_registration", std::to_string(first),
                           "{\"event\":" + std::to_string(event.id) + "}", event.organization_id},
                          now);
  if (auto email = EmailOf(lm, reference, email_enc)) {
    lm.outbox.Enqueue(
        s, OfferMail(lm, PersonLanguage(lang), *email, event, reference, mode, token, until),
        "event_offer");
  }
  return true;
}

int OfferFreePlaces(soci::session& s, const LifecycleMail& lm, const audit::Actor& actor,
                    const Event& event, const std::string& mode, std::int64_t now) {
  if (!event.Offers(mode)) return 0;
  int offered = 0;
  // Each offer takes one place with a conditional UPDATE: the loop ends when the 枠 is full,
  // nobody is left waiting, or the cut-off has passed.
  while (OfferNextWaiting(s, lm, actor, event, mode, now)) ++offered;
  return offered;
}

bool AddOnlineMeanwhile(soci::session& s, const LifecycleMail& lm, const audit::Actor& actor,
                        const Event& event, const RegistrationRequest& request,
                        const RegistrationReceipt& venue, const std::string& address_bidx,
                        std::int64_t now) {
  if (!event.Offers("online") || !TakePlace(s, event.id, "online")) return false;
  RegistrationRequest online = request;
  online.mode = "online";
  online.also_online = false;
  RegistrationReceipt receipt;
  receipt.reference = NewReference();
  receipt.cancel_token = crypto::RandomToken(24);
  receipt.status = "registered";
  NewRegistration row;
  row.reference = receipt.reference;
  row.status = "registered";
  row.cancel_token_hash = crypto::HashToken(receipt.cancel_token);
  row.address_bidx = address_bidx;
  row.created_by = actor.user_id;
  row.now = now;
  receipt.registration_id = InsertRegistration(s, lm.cipher, row, online);
  long long online_id = receipt.registration_id;
  long long venue_id = venue.registration_id;
  s << "UPDATE event_registration SET online_backup_id = :o WHERE id = :v", soci::use(online_id),
      soci::use(venue_id);
  audit::AuditLog::Append(
      s, actor,
      {"event_registration.create", "event_registration", std::to_string(online_id),
       "{\"event\":" + std::to_string(event.id) + ",\"mode\":\"online\",\"meanwhile\":true}",
       event.organization_id},
      now);
  const std::string email = core::Trim(core::NormalizeNfkc(request.person.email));
  if (!email.empty()) {
    const MailContext mc{lm.catalog, lm.public_url, now};
    lm.outbox.Enqueue(
        s, ConfirmationMail(mc, PersonLanguage(request.lang), email, event, receipt, "online"),
        "event_registration");
  }
  SendOnlineLinkIfDue(s, lm, event, online_id, now);
  return true;
}

bool EventService::ConfirmOffer(soci::session& s, const audit::Actor& actor, std::int64_t id,
                                std::int64_t now) {
  long long rid = id;
  long long event_id = 0;
  long long backup = 0;
  soci::indicator backup_ind = soci::i_null;
  s << "SELECT event_id, online_backup_id FROM event_registration WHERE id = :id", soci::use(rid),
      soci::into(event_id), soci::into(backup, backup_ind);
  if (!s.got_data()) throw storage::Abort{core::Error::NotFound()};
  long long at = now;
  // The place is already held for the offer: confirming only changes the status, while the
  // hold lasts. Expiry and leaving change the status too, so only one of them wins.
  soci::statement confirm =
      (s.prepare << "UPDATE event_registration SET status = 'registered', offer_expires_at = "
                    "NULL, updated_at = :u WHERE id = :id AND status = 'waiting' AND "
                    "offer_expires_at IS NOT NULL AND offer_expires_at > :now",
       soci::use(at), soci::use(rid), soci::use(at));
  confirm.execute(true);
  if (confirm.get_affected_rows() != 1) return false;
  auto event = FindEvent(s, event_id);
  if (!event) throw storage::Abort{core::Error::NotFound()};
  audit::AuditLog::Append(s, actor,
                          {"event_registration.confirm", "event_registration", std::to_string(id),
                           "{\"event\":" + std::to_string(event_id) + "}", event->organization_id},
                          now);
  // The online place the person took while waiting for the venue goes back.
  if (backup_ind == soci::i_ok && backup != 0) CancelRegistration(s, actor, backup, now);
  SendOnlineLinkIfDue(s, {cipher_, outbox_, catalog_, public_url_}, *event, id, now);
  return true;
}

core::Status EventService::ConfirmByToken(const std::string& token, const audit::Actor& actor) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM event_registration WHERE cancel_token_hash = :h OR offer_token_hash = :o",
        soci::use(hash), soci::use(hash), soci::into(id);
    if (!s.got_data()) throw storage::Abort{core::Error::NotFound()};
    if (!ConfirmOffer(s, actor, id, now)) {
      throw storage::Abort{core::Error::Conflict("events_lifecycle.offer.expired")};
    }
  });
}

core::Result<bool> EventService::ConfirmOfferByStaff(const auth::Principal& who,
                                                     const audit::Actor& actor,
                                                     std::int64_t event_id,
                                                     std::int64_t registration_id) {
  auto event = GetOwn(who, event_id);
  if (!event) return event.error();
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<bool>([&](soci::session& s) {
    long long id = registration_id;
    long long owner = 0;
    std::string status;
    s << "SELECT event_id, status FROM event_registration WHERE id = :id", soci::use(id),
        soci::into(owner), soci::into(status);
    if (!s.got_data() || owner != event_id) throw storage::Abort{core::Error::NotFound()};
    if (ConfirmOffer(s, actor, registration_id, now)) return true;
    // Read again after the UPDATE: a colleague's confirmation that just committed counts.
    s << "SELECT status FROM event_registration WHERE id = :id", soci::use(id), soci::into(status);
    if (status == "registered") return false;
    throw storage::Abort{core::Error::Conflict("events_lifecycle.offer.expired")};
  });
}

core::Result<int> Lifecycle::ExpireOffers() {
  const std::int64_t now = clock_.NowSeconds();
  auto due = db_.Read<std::vector<std::int64_t>>([&](soci::session& s) {
    std::vector<std::int64_t> out;
    long long at = now;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id FROM event_registration WHERE status = 'waiting' AND "
                      "offer_expires_at IS NOT NULL AND offer_expires_at <= :now ORDER BY id",
         soci::use(at));
    for (const auto& r : rows) out.push_back(storage::GetInt(r, 0));
    return out;
  });
  if (!due) return due.error();
  int expired = 0;
  for (const std::int64_t registration_id : *due) {
    auto one = db_.Write<bool>([&](soci::session& s) {
      long long id = registration_id;
      long long at = now;
      long long event_id = 0;
      std::string reference, email_enc, lang, mode;
      s << "SELECT event_id, reference, email_enc, lang, mode FROM event_registration WHERE id "
           "= :id",
          soci::use(id), soci::into(event_id), soci::into(reference), soci::into(email_enc),
          soci::into(lang), soci::into(mode);
      if (!s.got_data()) return false;
      // The claim: a confirmation or a second server changes the status first, or this does.
      soci::statement withdraw =
          (s.prepare << "UPDATE event_registration SET status = 'cancelled', updated_at = :u "
                        "WHERE id = :id AND status = 'waiting' AND offer_expires_at IS NOT NULL "
                        "AND offer_expires_at <= :now",
           soci::use(at), soci::use(id), soci::use(at));
      withdraw.execute(true);
      if (withdraw.get_affected_rows() != 1) return false;
      FreePlace(s, event_id, mode);
      auto event = FindEvent(s, event_id);
      if (!event) return true;
      audit::AuditLog::Append(
          s, audit::Actor{},
          {"event_registration.offer_expired", "event_registration", std::to_string(id),
           "{\"event\":" + std::to_string(event_id) + "}", event->organization_id},
          now);
      if (auto email = EmailOf(mail_, reference, email_enc)) {
        mail_.outbox.Enqueue(
            s, OfferExpiredMail(mail_, PersonLanguage(lang), *email, *event, reference, mode),
            "event_offer_expired");
      }
      OfferNextWaiting(s, mail_, audit::Actor{}, *event, mode, now);
      return true;
    });
    if (!one) return one.error();
    if (*one) ++expired;
  }
  return expired;
}

}  // namespace tsunagu::events
