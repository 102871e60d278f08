#include "rights/person_rows.hpp"

#include "core/result.hpp"
#include "core/text.hpp"
#include "storage/database.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::rights {

using storage::GetInt;
using storage::GetText;
using storage::Unseal;

std::string ClientAd(std::int64_t id, const char* column) {
  return "client:" + std::to_string(id) + ":" + column;
}

Person LoadPerson(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t org,
                  std::int64_t client_id) {
  Person p;
  p.org = org;
  p.client_id = client_id;
  long long cid = client_id;
  long long o = org;
  bool found = false;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT c.name_enc, c.kana_enc, c.phone_enc, c.email_enc, c.birth_year, "
                    "c.age_band, c.gender, c.municipality, c.diagnosis_enc, c.treatment_status, "
                    "c.work_status, c.employer_enc, c.notes_enc, c.booking_id, c.created_at, "
                    "c.use_stopped_at, c.anonymised_at, o.name FROM client c JOIN organization o "
                    "ON o.id = c.organization_id WHERE c.id = :c AND c.organization_id = :o",
       soci::use(cid), soci::use(o));
  for (const auto& r : rows) {
    found = true;
    auto& c = p.client;
    c.name = Unseal(cipher, GetText(r, 0), ClientAd(client_id, "name"));
    c.kana = Unseal(cipher, GetText(r, 1), ClientAd(client_id, "kana"));
    c.phone = Unseal(cipher, GetText(r, 2), ClientAd(client_id, "phone"));
    c.email = Unseal(cipher, GetText(r, 3), ClientAd(client_id, "email"));
    c.birth_year = static_cast<int>(GetInt(r, 4));
    c.age_band = GetText(r, 5);
    c.gender = GetText(r, 6);
    c.municipality = GetText(r, 7);
    c.diagnosis = Unseal(cipher, GetText(r, 8), ClientAd(client_id, "diagnosis"));
    c.treatment_status = GetText(r, 9);
    c.work_status = GetText(r, 10);
    c.employer = Unseal(cipher, GetText(r, 11), ClientAd(client_id, "employer"));
    c.notes = Unseal(cipher, GetText(r, 12), ClientAd(client_id, "notes"));
    c.booking_id = GetInt(r, 13);
    p.created_at = GetInt(r, 14);
    p.use_stopped_at = GetInt(r, 15);
    p.anonymised_at = GetInt(r, 16);
    p.org_name = GetText(r, 17);
  }
  if (!found) throw storage::Abort{core::Error::NotFound()};

  const std::string email = core::Trim(core::NormalizeNfkc(p.client.email));
  const std::string phone = core::NormalizePhone(p.client.phone);
  // "-" never equals a stored index: an empty contact matches nothing.
  const std::string booking_email = email.empty() ? "-" : cipher.BlindIndex(email, "booking.email");
  const std::string booking_phone = phone.empty() ? "-" : cipher.BlindIndex(phone, "booking.phone");
  if (!email.empty()) p.event_email_bidx = cipher.BlindIndex(email, "event.email");
  if (!phone.empty()) p.event_phone_bidx = cipher.BlindIndex(phone, "event.phone");
  long long from = p.client.booking_id;
  soci::rowset<soci::row> bookings =
      (s.prepare << "SELECT b.id FROM booking b JOIN consultation_day d ON d.id = b.day_id JOIN "
                    "program p ON p.id = d.program_id WHERE p.organization_id = :o AND (b.id = "
                    ":b OR b.email_bidx = :e OR b.phone_bidx = :p) ORDER BY b.id",
       soci::use(o), soci::use(from), soci::use(booking_email), soci::use(booking_phone));
  for (const auto& r : bookings) p.booking_ids.push_back(GetInt(r, 0));
  return p;
}

Person LoadContactPerson(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t org,
                         const std::string& raw_phone, const std::string& raw_email) {
  Person p;
  p.org = org;
  long long o = org;
  s << "SELECT name FROM organization WHERE id = :o", soci::use(o), soci::into(p.org_name);
  const std::string email = core::Trim(core::NormalizeNfkc(raw_email));
  const std::string phone = core::NormalizePhone(raw_phone);
  if (email.empty() && phone.empty()) return p;
  const std::string booking_email = email.empty() ? "-" : cipher.BlindIndex(email, "booking.email");
  const std::string booking_phone = phone.empty() ? "-" : cipher.BlindIndex(phone, "booking.phone");
  if (!email.empty()) p.event_email_bidx = cipher.BlindIndex(email, "event.email");
  if (!phone.empty()) p.event_phone_bidx = cipher.BlindIndex(phone, "event.phone");
  soci::rowset<soci::row> bookings =
      (s.prepare << "SELECT b.id FROM booking b JOIN consultation_day d ON d.id = b.day_id JOIN "
                    "program p ON p.id = d.program_id WHERE p.organization_id = :o AND "
                    "(b.email_bidx = :e OR b.phone_bidx = :p) AND NOT EXISTS (SELECT 1 FROM "
                    "client c WHERE c.booking_id = b.id) ORDER BY b.id",
       soci::use(o), soci::use(booking_email), soci::use(booking_phone));
  for (const auto& r : bookings) p.booking_ids.push_back(GetInt(r, 0));
  return p;
}

}  // namespace tsunagu::rights
