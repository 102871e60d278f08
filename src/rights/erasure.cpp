#include "rights/erasure.hpp"

#include <string>
#include <vector>

#include "storage/row.hpp"

namespace tsunagu::rights {
namespace {

using storage::GetInt;

// Ids first, then one update each: SOCI re-sends vector binds on PostgreSQL (ARCHITECTURE.md).
std::vector<long long> Ids(soci::session& s, const std::string& sql, long long a, long long b) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(a), soci::use(b));
  for (const auto& r : rows) out.push_back(GetInt(r, 0));
  return out;
}

void Reseal(soci::session& s, const crypto::FieldCipher& cipher, const std::string& table,
            const std::string& column, long long id, const std::string& ad,
            const std::string& plain = "") {
  const std::string sealed = cipher.Encrypt(plain, ad);
  s << "UPDATE " + table + " SET " + column + " = :v WHERE id = :i", soci::use(sealed),
      soci::use(id);
}

}  // namespace

bool AnonymiseBooking(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t booking_id,
                      std::int64_t now) {
  long long id = booking_id;
  std::string reference;
  soci::indicator done = soci::i_null;
  long long at_done = 0;
  s << "SELECT reference, anonymised_at FROM booking WHERE id = :i", soci::use(id),
      soci::into(reference), soci::into(at_done, done);
  if (!s.got_data() || done == soci::i_ok) return false;
  // Sealed empty text rather than '': every reader of a booking can still open its columns.
  const std::string ad = "booking:" + reference + ":";
  const std::string name = cipher.Encrypt("", ad + "name");
  const std::string kana = cipher.Encrypt("", ad + "furigana");
  const std::string phone = cipher.Encrypt("", ad + "phone");
  const std::string email = cipher.Encrypt("", ad + "email");
  const std::string diagnosis = cipher.Encrypt("", ad + "diagnosis");
  const std::string notes = cipher.Encrypt("", ad + "notes");
  long long at = now;
  s << "UPDATE booking SET name_enc = :n, furigana_enc = :k, phone_enc = :p, email_enc = :e, "
       "diagnosis_enc = :d, notes_enc = :t, email_bidx = '', phone_bidx = '', address_bidx = "
       "NULL, cancel_token_hash = '', offer_token_hash = '', relationship = '', anonymised_at = "
       ":a, updated_at = :u WHERE id = :i AND anonymised_at IS NULL",
      soci::use(name), soci::use(kana), soci::use(phone), soci::use(email), soci::use(diagnosis),
      soci::use(notes), soci::use(at), soci::use(at), soci::use(id);
  long long record = 0;
  s << "SELECT id FROM consultation_record WHERE booking_id = :b", soci::use(id),
      soci::into(record);
  if (s.got_data()) {
    const std::string base = "record:" + std::to_string(record) + ":";
    Reseal(s, cipher, "consultation_record", "summary_enc", record, base + "summary");
    Reseal(s, cipher, "consultation_record", "info_given_enc", record, base + "info_given");
  }
  return true;
}

int AnonymiseRegistrations(soci::session& s, const Person& p, std::int64_t now) {
  const std::string email = p.event_email_bidx.empty() ? "-" : p.event_email_bidx;
  const std::string phone = p.event_phone_bidx.empty() ? "-" : p.event_phone_bidx;
  long long org = p.org;
  long long at = now;
  soci::statement clear =
      (s.prepare << "UPDATE event_registration SET name_enc = '', furigana_enc = '', phone_enc = "
                    "'', email_enc = '', email_bidx = '', phone_bidx = '', address_bidx = NULL, "
                    "cancel_token_hash = '', online_token_hash = '', offer_token_hash = '', "
                    "anonymised_at = :a, updated_at = :u WHERE anonymised_at IS NULL AND "
                    "(email_bidx = :e OR phone_bidx = :p) AND event_id IN (SELECT id FROM "
                    "community_event WHERE organization_id = :o)",
       soci::use(at), soci::use(at), soci::use(email), soci::use(phone), soci::use(org));
  clear.execute(true);
  return static_cast<int>(clear.get_affected_rows());
}

void ErasePerson(soci::session& s, const crypto::FieldCipher& cipher, const Person& p,
                 std::int64_t now) {
  long long cid = p.client_id;
  long long org = p.org;
  long long at = now;
  const std::string name = cipher.Encrypt("", ClientAd(cid, "name"));
  const std::string kana = cipher.Encrypt("", ClientAd(cid, "kana"));
  // Age band, gender, municipality and the statuses stay: the figures count them.
  s << "UPDATE client SET name_enc = :n, kana_enc = :k, phone_enc = '', email_enc = '', "
       "birth_year = NULL, diagnosis_enc = '', employer_enc = '', notes_enc = '', "
       "use_stopped_at = NULL, anonymised_at = :a, version = version + 1, updated_at = :u WHERE "
       "id = :i",
      soci::use(name), soci::use(kana), soci::use(at), soci::use(at), soci::use(cid);
  s << "DELETE FROM client_search WHERE client_id = :c", soci::use(cid);
  s << "DELETE FROM use_stop_key WHERE client_id = :c", soci::use(cid);

  for (auto booking : p.booking_ids) AnonymiseBooking(s, cipher, booking, now);
  // Off the waiting list (no place is held there, no slot counter to give back); an offer that
  // holds a place runs out by itself and the expiry job releases the place as usual.
  for (auto booking : p.booking_ids) {
    long long b = booking;
    s << "UPDATE booking SET status = 'cancelled' WHERE id = :b AND status = 'waiting'",
        soci::use(b);
  }

  AnonymiseRegistrations(s, p, now);

  const auto cases =
      Ids(s, "SELECT id FROM support_case WHERE client_id = :c AND organization_id = :o", cid, org);
  for (long long case_id : cases) {
    s << "UPDATE support_case SET goals_enc = '', version = version + 1, updated_at = :u WHERE "
         "id = :i",
        soci::use(at), soci::use(case_id);
    for (long long e : Ids(s,
                           "SELECT id FROM timeline_entry WHERE case_id = :c AND "
                           "organization_id = :o",
                           case_id, org)) {
      Reseal(s, cipher, "timeline_entry", "body_enc", e,
             "timeline_entry:" + std::to_string(e) + ":body");
      s << "DELETE FROM timeline_revision WHERE entry_id = :e", soci::use(e);
    }
    for (long long t : Ids(s,
                           "SELECT id FROM case_task WHERE case_id = :c AND organization_id "
                           "= :o",
                           case_id, org)) {
      Reseal(s, cipher, "case_task", "title_enc", t, "case_task:" + std::to_string(t) + ":title");
    }
    for (long long d : Ids(s,
                           "SELECT id FROM case_document WHERE case_id = :c AND "
                           "organization_id = :o",
                           case_id, org)) {
      Reseal(s, cipher, "case_document", "title_enc", d,
             "case_document:" + std::to_string(d) + ":title");
      long long file = 0;
      s << "SELECT file_id FROM case_document WHERE id = :d", soci::use(d), soci::into(file);
      Reseal(s, cipher, "stored_file", "name_enc", file,
             "stored_file:" + std::to_string(file) + ":name");
      Reseal(s, cipher, "stored_file", "content_enc", file,
             "stored_file:" + std::to_string(file) + ":content");
      s << "UPDATE case_document SET removed_at = :a WHERE id = :d AND removed_at IS NULL",
          soci::use(at), soci::use(d);
    }
    soci::rowset<soci::row> revisions =
        (s.prepare << "SELECT r.form_id, r.revision FROM case_form_revision r JOIN case_form f "
                      "ON f.id = r.form_id WHERE f.case_id = :c AND f.organization_id = :o",
         soci::use(case_id), soci::use(org));
    std::vector<std::pair<long long, long long>> forms;
    for (const auto& r : revisions) forms.emplace_back(GetInt(r, 0), GetInt(r, 1));
    for (auto [form, revision] : forms) {
      const std::string sealed = cipher.Encrypt(
          "{}", "case_form_revision:" + std::to_string(form) + ":" + std::to_string(revision));
      s << "UPDATE case_form_revision SET data_enc = :d WHERE form_id = :f AND revision = :r",
          soci::use(sealed), soci::use(form), soci::use(revision);
    }
  }
  for (long long c : Ids(s,
                         "SELECT id FROM support_contact WHERE client_id = :c AND "
                         "organization_id = :o",
                         cid, org)) {
    Reseal(s, cipher, "support_contact", "summary_enc", c,
           "support_contact:" + std::to_string(c) + ":summary");
  }
  // Consents stay (the provision records rest on them); their free-text notes go.
  s << "UPDATE consent SET purpose_note_enc = '', withdrawal_note_enc = '' WHERE client_id = :c "
       "AND organization_id = :o",
      soci::use(cid), soci::use(org);
}

}  // namespace tsunagu::rights
