#include "events/event_rows.hpp"

#include "core/text.hpp"
#include "storage/row.hpp"

namespace tsunagu::events {
namespace {

using storage::GetInt;
using storage::GetText;

// The 枠's columns: a fixed pair per mode, never text from a request.
const char* TakenColumn(const std::string& mode) {
  return mode == "online" ? "online_taken" : "venue_taken";
}
const char* CapacityColumn(const std::string& mode) {
  return mode == "online" ? "online_capacity" : "venue_capacity";
}

}  // namespace

const char* const kEventColumns =
    "e.id, e.organization_id, o.name, e.kind, e.title, e.description, e.event_date, "
    "e.start_minutes, e.end_minutes, e.venue, e.access, e.meeting_url, e.audiences, e.fee, "
    "e.contact, e.speakers, e.co_hosts, e.status, e.venue_capacity, e.venue_taken, "
    "e.online_capacity, e.online_taken, e.online_notice_days, e.hold_hours, "
    "e.waitlist_cutoff_hours, e.retention_days, e.area";

Event ReadEvent(const soci::row& r) {
  Event e;
  e.id = GetInt(r, 0);
  e.organization_id = GetInt(r, 1);
  e.organization_name = GetText(r, 2);
  e.kind = GetText(r, 3);
  e.title = GetText(r, 4);
  e.description = GetText(r, 5);
  e.date = core::ParseIsoDate(GetText(r, 6)).value_or(core::Date{});
  e.start_minutes = static_cast<int>(GetInt(r, 7));
  e.end_minutes = static_cast<int>(GetInt(r, 8));
  e.venue = GetText(r, 9);
  e.access = GetText(r, 10);
  e.meeting_url = GetText(r, 11);
  e.audiences = core::SplitCodes(GetText(r, 12));
  e.fee = GetText(r, 13);
  e.contact = GetText(r, 14);
  e.speakers = GetText(r, 15);
  e.co_hosts = GetText(r, 16);
  e.status = GetText(r, 17);
  e.venue_capacity = static_cast<int>(GetInt(r, 18));
  e.venue_taken = static_cast<int>(GetInt(r, 19));
  e.online_capacity = static_cast<int>(GetInt(r, 20));
  e.online_taken = static_cast<int>(GetInt(r, 21));
  e.lifecycle = {static_cast<int>(GetInt(r, 22)), static_cast<int>(GetInt(r, 23)),
                 static_cast<int>(GetInt(r, 24)), static_cast<int>(GetInt(r, 25))};
  e.area = GetText(r, 26);
  return e;
}

std::optional<Event> FindEvent(soci::session& s, std::int64_t id) {
  long long event_id = id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " << kEventColumns
                 << " FROM community_event e JOIN organization o ON o.id = e.organization_id "
                    "WHERE e.id = :id",
       soci::use(event_id));
  for (const auto& r : rows) return ReadEvent(r);
  return std::nullopt;
}

bool TakePlace(soci::session& s, std::int64_t event_id, const std::string& mode) {
  long long id = event_id;
  soci::statement take =
      (s.prepare << "UPDATE community_event SET " << TakenColumn(mode) << " = " << TakenColumn(mode)
                 << " + 1 WHERE id = :id AND status <> 'cancelled' AND " << TakenColumn(mode)
                 << " < " << CapacityColumn(mode),
       soci::use(id));
  take.execute(true);
  // A fresh statement sees what committed while the UPDATE waited for the event's lock.
  int open = 0;
  s << "SELECT COUNT(*) FROM community_event WHERE id = :id AND status <> 'cancelled'",
      soci::use(id), soci::into(open);
  if (open == 0) throw storage::Abort{core::Error::NotFound()};
  return take.get_affected_rows() == 1;
}

void LockEvent(soci::session& s, std::int64_t event_id) {
  long long id = event_id;
  s << "UPDATE community_event SET venue_taken = venue_taken WHERE id = :id", soci::use(id);
}

void FreePlace(soci::session& s, std::int64_t event_id, const std::string& mode) {
  long long id = event_id;
  s << "UPDATE community_event SET " << TakenColumn(mode) << " = " << TakenColumn(mode)
    << " - 1 WHERE id = :id AND " << TakenColumn(mode) << " > 0",
      soci::use(id);
}

int WaitingPosition(soci::session& s, std::int64_t event_id, const std::string& mode,
                    std::int64_t registration_id) {
  long long event = event_id;
  long long id = registration_id;
  int ahead = 0;
  s << "SELECT COUNT(*) FROM event_registration WHERE event_id = :e AND mode = :m AND status = "
       "'waiting' AND offer_expires_at IS NULL AND id <= :id",
      soci::use(event), soci::use(mode), soci::use(id), soci::into(ahead);
  return ahead;
}

void CountWaiting(soci::session& s, Event& event) {
  long long id = event.id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT mode, COUNT(*) FROM event_registration WHERE event_id = :e AND "
                    "status = 'waiting' GROUP BY mode",
       soci::use(id));
  for (const auto& r : rows) {
    const int n = static_cast<int>(GetInt(r, 1));
    if (GetText(r, 0) == "online") {
      event.online_waiting = n;
    } else {
      event.venue_waiting = n;
    }
  }
}

std::int64_t InsertRegistration(soci::session& s, const crypto::FieldCipher& cipher,
                                const NewRegistration& row, const RegistrationRequest& request) {
  const Registrant& p = request.person;
  const std::string email = core::Trim(core::NormalizeNfkc(p.email));
  const std::string phone = core::NormalizePhone(p.phone);
  // The reference is unique and random, so it binds each encrypted value to its row.
  // SOCI binds references: every value must outlive the statement, so no temporaries.
  const std::string ad = "event_registration:" + row.reference + ":";
  const std::string name_enc = cipher.Encrypt(core::Trim(core::NormalizeNfkc(p.name)), ad + "name");
  const std::string furigana_enc =
      cipher.Encrypt(core::Trim(core::NormalizeNfkc(p.furigana)), ad + "furigana");
  const std::string phone_enc = cipher.Encrypt(phone, ad + "phone");
  const std::string email_enc = cipher.Encrypt(email, ad + "email");
  const std::string email_bidx = email.empty() ? "" : cipher.BlindIndex(email, "event.email");
  const std::string phone_bidx = phone.empty() ? "" : cipher.BlindIndex(phone, "event.phone");
  const std::string municipality = core::Trim(core::NormalizeNfkc(request.municipality));
  const std::string lang = PersonLanguage(request.lang);
  long long event_id = request.event_id;
  long long created_by = row.created_by;
  soci::indicator by_ind = row.created_by != 0 ? soci::i_ok : soci::i_null;
  soci::indicator address_ind = row.address_bidx.empty() ? soci::i_null : soci::i_ok;
  long long at = row.now;
  long long id = 0;
  s << "INSERT INTO event_registration (event_id, reference, mode, status, channel, "
       "affiliation, municipality, name_enc, furigana_enc, phone_enc, email_enc, email_bidx, "
       "phone_bidx, address_bidx, cancel_token_hash, lang, created_by, created_at, updated_at) "
       "VALUES (:e, :ref, :mode, :st, :ch, :aff, :mun, :name, :kana, :phone, :email, :eb, :pb, "
       ":addr, :cancel, :lang, :by, :c, :u) RETURNING id",
      soci::use(event_id), soci::use(row.reference), soci::use(request.mode), soci::use(row.status),
      soci::use(request.channel), soci::use(request.affiliation), soci::use(municipality),
      soci::use(name_enc), soci::use(furigana_enc), soci::use(phone_enc), soci::use(email_enc),
      soci::use(email_bidx), soci::use(phone_bidx), soci::use(row.address_bidx, address_ind),
      soci::use(row.cancel_token_hash), soci::use(lang), soci::use(created_by, by_ind),
      soci::use(at), soci::use(at), soci::into(id);
  return id;
}

Registrant ReadRegistrant(const crypto::FieldCipher& cipher, const std::string& reference,
                          const std::string& name_enc, const std::string& furigana_enc,
                          const std::string& phone_enc, const std::string& email_enc) {
  const std::string ad = "event_registration:" + reference + ":";
  auto open = [&](const std::string& stored, const char* column) {
    auto plain = cipher.Decrypt(stored, ad + column);
    return plain ? *plain : std::string();
  };
  return {open(name_enc, "name"), open(furigana_enc, "furigana"), open(phone_enc, "phone"),
          open(email_enc, "email")};
}

}  // namespace tsunagu::events
