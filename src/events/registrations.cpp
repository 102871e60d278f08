// Registrations for events: the public form, staff entries, the person's own page and its
// cancel, the staff list, and the waiting list moving up when a place comes free.
#include <map>

#include "core/text.hpp"
#include "crypto/random.hpp"
#include "events/event_mail.hpp"
#include "events/event_rows.hpp"
#include "events/event_service.hpp"
#include "events/lifecycle.hpp"
#include "storage/row.hpp"

namespace tsunagu::events {
namespace {

using storage::GetInt;
using storage::GetText;

constexpr std::size_t kMaxName = 100;

void Length(std::vector<core::FieldError>& errors, const char* field, const std::string& value,
            std::size_t max, bool required) {
  const auto n = core::CountCodePoints(core::Trim(value));
  if (required && n == 0) {
    errors.push_back({field, std::string("events.error.") + field + "_required"});
  } else if (n > max) {
    errors.push_back({field, "form.error.too_long"});
  }
}

core::Error Full() {
  return core::Error{core::ErrorCode::kConflict, "events.full", {{"mode", "events.full"}}};
}

}  // namespace

std::vector<core::FieldError> EventService::ValidateRegistration(const RegistrationRequest& r) {
  std::vector<core::FieldError> errors;
  const Registrant& p = r.person;
  Length(errors, "name", p.name, kMaxName, true);
  Length(errors, "furigana", p.furigana, kMaxName, true);
  if (!core::Trim(p.furigana).empty() && !core::IsKanaReading(p.furigana)) {
    errors.push_back({"furigana", "events.error.furigana_kana"});
  }
  // Seed 002 asks for both ② and ③; staff entering a phone or fax registration may lack one.
  const bool from_staff = r.channel != "web";
  const std::string phone = core::NormalizePhone(p.phone);
  const std::string email = core::Trim(core::NormalizeNfkc(p.email));
  if (phone.empty() && (!from_staff || email.empty())) {
    errors.push_back({"phone", "events.error.phone_required"});
  } else if (!phone.empty() && (phone.size() < 10 || phone.size() > 11)) {
    errors.push_back({"phone", "events.error.phone"});
  }
  if (email.empty() && !from_staff) {
    errors.push_back({"email", "events.error.email_required"});
  } else if (!email.empty() && (!core::LooksLikeEmail(email) || email.size() > 254)) {
    errors.push_back({"email", "events.error.email"});
  }
  Length(errors, "municipality", r.municipality, 40, true);
  if (!InList(kAffiliations, r.affiliation)) {
    errors.push_back({"affiliation", "events.error.affiliation_required"});
  }
  if (!InList(kModes, r.mode)) errors.push_back({"mode", "events.error.mode_required"});
  if (!InList(kChannels, r.channel)) errors.push_back({"channel", "events.error.channel"});
  if (!r.consent && !from_staff) errors.push_back({"consent", "events.error.consent_required"});
  return errors;
}

core::Result<RegistrationReceipt> EventService::RegisterPublic(const RegistrationRequest& request,
                                                               const audit::Actor& actor) {
  RegistrationRequest r = request;
  r.channel = "web";
  return Register(r, actor, true, 0);
}

core::Result<RegistrationReceipt> EventService::RegisterByStaff(
    const auth::Principal& who, const audit::Actor& actor, const RegistrationRequest& request) {
  auto event = GetOwn(who, request.event_id);
  if (!event) return event.error();
  if (request.channel == "web") {
    return core::Error::Invalid("error.form", {{"channel", "events.error.channel"}});
  }
  return Register(request, actor, false, event->organization_id);
}

core::Result<RegistrationReceipt> EventService::Register(const RegistrationRequest& request,
                                                         const audit::Actor& actor,
                                                         bool from_public_form,
                                                         std::int64_t organization_id) {
  if (auto errors = ValidateRegistration(request); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const std::int64_t now = clock_.NowSeconds();
  // The client address only as a keyed hash: compared, never shown or logged.
  const std::string address_bidx =
      from_public_form ? cipher_.BlindIndex(actor.ip, "event.address") : std::string();
  RegistrationReceipt receipt;
  receipt.reference = NewReference();
  receipt.cancel_token = crypto::RandomToken(24);
  const std::string cancel_hash = crypto::HashToken(receipt.cancel_token);
  const std::string email = core::Trim(core::NormalizeNfkc(request.person.email));
  const MailContext mc{catalog_, public_url_, now};

  return db_.Write<RegistrationReceipt>([&](soci::session& s) {
    auto event = FindEvent(s, request.event_id);
    if (!event || (organization_id != 0 && event->organization_id != organization_id)) {
      throw storage::Abort{core::Error::NotFound()};
    }
    if (from_public_form && !OpenForRegistration(*event)) {
      throw storage::Abort{core::Error::NotFound()};
    }
    if (event->status == "cancelled") {
      throw storage::Abort{core::Error::Conflict("events.error.cancelled")};
    }
    if (!event->Offers(request.mode)) {
      throw storage::Abort{
          core::Error::Invalid("error.form", {{"mode", "events.error.mode_not_offered"}})};
    }
    bool placed = TakePlace(s, event->id, request.mode);
    if (!placed) {
      // Under the event's lock a place freed meanwhile is seen, and people joining the
      // waiting list take turns (ids, and so positions, in the order they joined).
      LockEvent(s, event->id);
      placed = TakePlace(s, event->id, request.mode);
    }
    if (!placed && !request.accept_waiting) throw storage::Abort{Full()};
    NewRegistration row;
    row.reference = receipt.reference;
    row.status = placed ? "registered" : "waiting";
    row.cancel_token_hash = cancel_hash;
    row.address_bidx = address_bidx;
    row.created_by = actor.user_id;
    row.now = now;
    receipt.registration_id = InsertRegistration(s, cipher_, row, request);
    receipt.status = row.status;
    receipt.position =
        placed ? 0 : WaitingPosition(s, event->id, request.mode, receipt.registration_id);
    if (!placed && request.also_online && request.mode == "venue") {
      receipt.online_meanwhile =
          AddOnlineMeanwhile(s, {cipher_, outbox_, catalog_, public_url_}, actor, *event, request,
                             receipt, address_bidx, now);
    }
    if (!email.empty()) {
      outbox_.Enqueue(
          s,
          ConfirmationMail(mc, PersonLanguage(request.lang), email, *event, receipt, request.mode),
          "event_registration");
    }
    if (placed)
      SendOnlineLinkIfDue(s, {cipher_, outbox_, catalog_, public_url_}, *event,
                          receipt.registration_id, now);
    audit::AuditLog::Append(s, actor,
                            {placed ? "event_registration.create" : "event_registration.waiting",
                             "event_registration", std::to_string(receipt.registration_id),
                             "{\"event\":" + std::to_string(event->id) + ",\"mode\":\"" +
                                 request.mode + "\",\"channel\":\"" + request.channel + "\"}",
                             event->organization_id},
                            now);
    return receipt;
  });
}

core::Result<RegistrationView> EventService::FindByToken(const std::string& token) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  auto found = db_.Read<std::optional<RegistrationView>>(
      [&](soci::session& s) -> std::optional<RegistrationView> {
        long long id = 0;
        long long event_id = 0;
        RegistrationView v;
        long long offer = 0;
        soci::indicator offer_ind = soci::i_null;
        s << "SELECT id, event_id, reference, status, mode, offer_expires_at FROM "
             "event_registration WHERE cancel_token_hash = :h OR offer_token_hash = :o",
            soci::use(hash), soci::use(hash), soci::into(id), soci::into(event_id),
            soci::into(v.reference), soci::into(v.status), soci::into(v.mode),
            soci::into(offer, offer_ind);
        if (offer_ind == soci::i_ok && v.status == "waiting") v.offer_expires_at = offer;
        if (!s.got_data()) return std::nullopt;
        auto event = FindEvent(s, event_id);
        if (!event) return std::nullopt;
        v.event = *event;
        v.event.meeting_url.clear();
        if (v.status == "waiting" && v.offer_expires_at == 0) {
          v.position = WaitingPosition(s, event_id, v.mode, id);
        }
        return v;
      });
  if (!found) return found.error();
  if (!*found) return core::Error::NotFound();
  return **found;
}

bool EventService::CancelRegistration(soci::session& s, const audit::Actor& actor,
                                      std::int64_t registration_id, std::int64_t now) {
  long long id = registration_id;
  long long event_id = 0;
  std::string status;
  std::string mode;
  long long offer = 0;
  soci::indicator offer_ind = soci::i_null;
  s << "SELECT event_id, status, mode, offer_expires_at FROM event_registration WHERE id = :id",
      soci::use(id), soci::into(event_id), soci::into(status), soci::into(mode),
      soci::into(offer, offer_ind);
  if (!s.got_data()) throw storage::Abort{core::Error::NotFound()};
  // A place offered from the waiting list is held like a registered one.
  const bool holds = status == "registered" || (status == "waiting" && offer_ind == soci::i_ok);
  if (status == "cancelled") return false;
  long long at = now;
  // Only the statement that changes the status frees the place: a second or parallel cancel
  // changes no row and so frees nothing.
  soci::statement cancel =
      (s.prepare << "UPDATE event_registration SET status = 'cancelled', updated_at = :u WHERE "
                    "id = :id AND status = :st",
       soci::use(at), soci::use(id), soci::use(status));
  cancel.execute(true);
  if (cancel.get_affected_rows() != 1) return false;
  // The event row's lock before the audit log's (every writer takes them in that order).
  if (holds) FreePlace(s, event_id, mode);
  auto event = FindEvent(s, event_id);
  if (!event) throw storage::Abort{core::Error::NotFound()};
  if (holds && event->status == "published") {
    PromoteWaiting(s, actor, *event, mode, now);
  }
  audit::AuditLog::Append(
      s, actor,
      {"event_registration.cancel", "event_registration", std::to_string(registration_id),
       "{\"event\":" + std::to_string(event_id) + "}", event->organization_id},
      now);
  return true;
}

void EventService::PromoteWaiting(soci::session& s, const audit::Actor& actor, const Event& event,
                                  const std::string& mode, std::int64_t now) {
  OfferNextWaiting(s, {cipher_, outbox_, catalog_, public_url_}, actor, event, mode, now);
}

core::Status EventService::CancelByToken(const std::string& token, const audit::Actor& actor) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM event_registration WHERE cancel_token_hash = :h OR offer_token_hash = :o",
        soci::use(hash), soci::use(hash), soci::into(id);
    if (!s.got_data()) throw storage::Abort{core::Error::NotFound()};
    CancelRegistration(s, actor, id, now);
  });
}

core::Status EventService::CancelByStaff(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t event_id, std::int64_t registration_id) {
  auto event = GetOwn(who, event_id);
  if (!event) return event.error();
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long id = registration_id;
    long long owner = 0;
    s << "SELECT event_id FROM event_registration WHERE id = :id", soci::use(id), soci::into(owner);
    if (!s.got_data() || owner != event_id) throw storage::Abort{core::Error::NotFound()};
    CancelRegistration(s, actor, registration_id, now);
  });
}

core::Result<std::vector<RegistrationRow>> EventService::Registrations(const auth::Principal& who,
                                                                       const audit::Actor& actor,
                                                                       std::int64_t event_id) {
  auto event = GetOwn(who, event_id);
  if (!event) return event.error();
  const std::int64_t now = clock_.NowSeconds();
  // A Write: the read of personal data and its audit event commit together.
  return db_.Write<std::vector<RegistrationRow>>([&](soci::session& s) {
    std::vector<RegistrationRow> out;
    long long id = event_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, reference, mode, status, channel, affiliation, municipality, "
                      "name_enc, furigana_enc, phone_enc, email_enc, created_at, offer_expires_at, "
                      "anonymised_at FROM "
                      "event_registration WHERE event_id = :e ORDER BY id",
         soci::use(id));
    std::map<std::string, int> waiting;
    for (const auto& r : rows) {
      RegistrationRow row;
      row.id = GetInt(r, 0);
      row.reference = GetText(r, 1);
      row.mode = GetText(r, 2);
      row.status = GetText(r, 3);
      row.channel = GetText(r, 4);
      row.affiliation = GetText(r, 5);
      row.municipality = GetText(r, 6);
      row.person = ReadRegistrant(cipher_, row.reference, GetText(r, 7), GetText(r, 8),
                                  GetText(r, 9), GetText(r, 10));
      row.created_at = GetInt(r, 11);
      row.anonymised = r.get_indicator(13) == soci::i_ok;
      if (row.status == "waiting" && r.get_indicator(12) == soci::i_ok) {
        row.offer_expires_at = GetInt(r, 12);  // holds a place: no longer in the queue
      } else if (row.status == "waiting") {
        row.position = ++waiting[row.mode];
      }
      out.push_back(std::move(row));
    }
    audit::AuditLog::Append(
        s, actor,
        {"event_registration.list", "community_event", std::to_string(event_id),
         "{\"count\":" + std::to_string(out.size()) + "}", event->organization_id},
        now);
    return out;
  });
}

}  // namespace tsunagu::events
