#include "consultations/booking_rows.hpp"

#include "core/text.hpp"
#include "crypto/random.hpp"
#include "rights/use_stop.hpp"
#include "storage/insert.hpp"

namespace tsunagu::consultations {

std::string NewBookingReference() {
  return crypto::ReadableReference("TS-");
}

void TakePlace(soci::session& s, std::int64_t slot_id, const std::string& today,
               std::optional<std::int64_t> program_id) {
  long long id = slot_id;
  long long pid = program_id.value_or(0);
  const std::string of_program = program_id ? " AND d.program_id = :p" : " AND :p = 0";
  // EXISTS, not "day_id IN (SELECT …)": SQLite filled a temporary B-tree with the subquery's
  // rows at every execution.
  soci::statement take =
      (s.prepare << "UPDATE consultation_slot SET booked = booked + 1 WHERE id = :id AND booked "
                    "< capacity AND EXISTS (SELECT 1 FROM consultation_day d WHERE d.id = "
                    "consultation_slot.day_id AND d.status = 'scheduled' AND d.day_date >= :today"
                 << of_program << ")",
       soci::use(id), soci::use(today), soci::use(pid));
  take.execute(true);
  if (take.get_affected_rows() == 1) return;
  // Refused: full, or not an open day (any more)? A fresh statement sees what committed while
  // the UPDATE waited for the slot's lock.
  int open = 0;
  s << "SELECT COUNT(*) FROM consultation_slot sl JOIN consultation_day d ON d.id = sl.day_id "
       "WHERE sl.id = :id AND d.status = 'scheduled' AND d.day_date >= :today AND (:p = 0 OR "
       "d.program_id = :p2)",
      soci::use(id), soci::use(today), soci::use(pid), soci::use(pid), soci::into(open);
  if (open == 0) throw storage::Abort{core::Error::NotFound()};
  throw storage::Abort{
      core::Error{core::ErrorCode::kConflict, "booking.full", {{"slot_id", "booking.full"}}}};
}

void HoldAddressPlace(soci::session& s, std::int64_t day_id, const std::string& address_bidx,
                      int limit) {
  long long day = day_id;
  // The address's row for the day, created or locked by one statement: bookings from the same
  // address on the same day queue here (PostgreSQL's row lock). SQLite has one writer at a
  // time, so the row would hold nothing back there, and writing it cost each public booking two
  // more pages at its commit (one at a random place in the index).
  if (s.get_backend_name() == "postgresql") {
    s << "INSERT INTO public_booking_address (day_id, address_bidx) VALUES (:d, :a) "
         "ON CONFLICT (day_id, address_bidx) DO UPDATE SET address_bidx = excluded.address_bidx",
        soci::use(day), soci::use(address_bidx);
  }
  // A fresh statement after the lock: it sees the bookings that committed while this waited.
  // It stops at the limit: whether there are `limit` open bookings or thousands (a flood from
  // one address) is the same answer, and the count stays as cheap as the limit is small.
  int open = 0;
  long long enough = limit;
  s << "SELECT COUNT(*) FROM (SELECT 1 FROM booking WHERE day_id = :d AND address_bidx = :a AND "
       "status <> 'cancelled' LIMIT :n) open_bookings",
      soci::use(day), soci::use(address_bidx), soci::use(enough), soci::into(open);
  if (open >= limit) {
    throw storage::Abort{
        core::Error{core::ErrorCode::kRateLimited, "booking.error.address_limit", {}}};
  }
}

SealedContacts SealContacts(const crypto::FieldCipher& cipher, const std::string& reference,
                            const Contact& c) {
  const std::string email = core::Trim(core::NormalizeNfkc(c.email));
  const std::string phone = core::NormalizePhone(c.phone);
  // The reference is unique and random, so it binds each encrypted value to its row.
  const std::string ad = "booking:" + reference + ":";
  SealedContacts out;
  out.name_enc = cipher.Encrypt(core::Trim(c.name), ad + "name");
  out.furigana_enc = cipher.Encrypt(core::Trim(c.furigana), ad + "furigana");
  out.phone_enc = cipher.Encrypt(phone, ad + "phone");
  out.email_enc = cipher.Encrypt(email, ad + "email");
  out.diagnosis_enc = cipher.Encrypt(c.diagnosis, ad + "diagnosis");
  out.notes_enc = cipher.Encrypt(c.notes, ad + "notes");
  out.email_bidx = email.empty() ? "" : cipher.BlindIndex(email, "booking.email");
  out.phone_bidx = phone.empty() ? "" : cipher.BlindIndex(phone, "booking.phone");
  return out;
}

std::int64_t InsertBooking(soci::session& s, const crypto::FieldCipher& cipher,
                           const NewBooking& row, const BookingRequest& request) {
  return InsertBooking(s, cipher, row, request,
                       SealContacts(cipher, row.reference, request.contact));
}

std::int64_t InsertBooking(soci::session& s, const crypto::FieldCipher& cipher,
                           const NewBooking& row, const BookingRequest& request,
                           const SealedContacts& sealed) {
  const Contact& c = request.contact;
  const Intake& in = request.intake;
  // Staff do not book a person whose data their organisation stopped using (利用停止).
  if (row.created_by != 0) {
    rights::RefuseStoppedBooking(s, cipher, row.day_id, c.name, c.furigana, c.phone, c.email);
  }
  // SOCI binds references: every value must outlive the statement, so no temporaries.
  std::string topics;
  for (const auto& t : in.topics) topics += (topics.empty() ? "" : ",") + t;
  const std::string municipality = core::Trim(core::NormalizeNfkc(in.municipality));
  const std::string municipality_kind =
      in.municipality_kind == "workplace" ? "workplace" : "residence";
  int for_family = in.for_family ? 1 : 0;
  long long day_id = row.day_id;
  long long slot_id = row.slot_id.value_or(0);
  soci::indicator slot_ind = row.slot_id ? soci::i_ok : soci::i_null;
  soci::indicator address_ind = row.address_bidx.empty() ? soci::i_null : soci::i_ok;
  long long created_by = row.created_by;
  soci::indicator by_ind = row.created_by != 0 ? soci::i_ok : soci::i_null;
  long long at = row.now;
  const std::string lang = PersonLanguage(request.lang);
  return storage::InsertReturningId(
      s,
      "INSERT INTO booking (reference, day_id, slot_id, status, channel, for_family, "
      "relationship, gender, age_band, municipality, heard_from, treatment_status, work_status, "
      "topics, name_enc, furigana_enc, phone_enc, email_enc, diagnosis_enc, notes_enc, "
      "email_bidx, phone_bidx, cancel_token_hash, created_by, created_at, updated_at, lang, "
      "address_bidx, municipality_kind) VALUES (:ref, :day, :slot, :st, :ch, :fam, :rel, :g, "
      ":age, :mun, :heard, :tr, :work, :topics, :name, :kana, :phone, :email, :diag, :notes, :eb, "
      ":pb, :cancel, :by, :c, :u, :lang, :addr, :mk)",
      soci::use(row.reference), soci::use(day_id), soci::use(slot_id, slot_ind),
      soci::use(row.status), soci::use(request.channel), soci::use(for_family),
      soci::use(in.relationship), soci::use(in.gender), soci::use(in.age_band),
      soci::use(municipality), soci::use(in.heard_from), soci::use(in.treatment_status),
      soci::use(in.work_status), soci::use(topics), soci::use(sealed.name_enc),
      soci::use(sealed.furigana_enc), soci::use(sealed.phone_enc), soci::use(sealed.email_enc),
      soci::use(sealed.diagnosis_enc), soci::use(sealed.notes_enc), soci::use(sealed.email_bidx),
      soci::use(sealed.phone_bidx), soci::use(row.cancel_token_hash), soci::use(created_by, by_ind),
      soci::use(at), soci::use(at), soci::use(lang), soci::use(row.address_bidx, address_ind),
      soci::use(municipality_kind));
}

}  // namespace tsunagu::consultations
