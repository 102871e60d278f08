// RightsService::Disclose: gathers what the holding organisation has about one person, each
// kind from its own table, always restricted to that organisation's rows.
#include "core/text.hpp"
#include "rights/person_rows.hpp"
#include "rights/rights_service.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::rights {
namespace {

using storage::GetInt;
using storage::GetText;
using storage::Unseal;

// "1,2,3" for an IN list of ids read from the database ("0" when there is none, which no row
// has): integers only, so nothing from outside reaches the SQL text, and no vector bind
// (re-sent on PostgreSQL, ARCHITECTURE.md).
std::string IdList(const std::vector<std::int64_t>& ids) {
  std::string out = ids.empty() ? "0" : "";
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

void ReadBookings(soci::session& s, const crypto::FieldCipher& cipher, const Person& p,
                  Disclosure& d) {
  long long org = p.org;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT b.id, b.reference, p.name, d.day_date, b.status, b.channel, "
                    "b.age_band, b.gender, b.municipality, b.topics, b.name_enc, b.furigana_enc, "
                    "b.phone_enc, b.email_enc, b.diagnosis_enc, b.notes_enc, b.anonymised_at "
                    "FROM booking b JOIN consultation_day d ON d.id = b.day_id JOIN program p ON "
                    "p.id = d.program_id WHERE p.organization_id = :o AND b.id IN (" +
                        IdList(p.booking_ids) + ") ORDER BY d.day_date, b.id",
       soci::use(org));
  for (const auto& r : rows) {
    const std::int64_t id = GetInt(r, 0);
    DisclosedBooking b;
    b.id = id;
    b.reference = GetText(r, 1);
    b.program_name = GetText(r, 2);
    b.day = GetText(r, 3);
    b.status = GetText(r, 4);
    b.channel = GetText(r, 5);
    b.age_band = GetText(r, 6);
    b.gender = GetText(r, 7);
    b.municipality = GetText(r, 8);
    b.topics = GetText(r, 9);
    const std::string ad = "booking:" + b.reference + ":";
    b.name = Unseal(cipher, GetText(r, 10), ad + "name");
    b.furigana = Unseal(cipher, GetText(r, 11), ad + "furigana");
    b.phone = Unseal(cipher, GetText(r, 12), ad + "phone");
    b.email = Unseal(cipher, GetText(r, 13), ad + "email");
    b.diagnosis = Unseal(cipher, GetText(r, 14), ad + "diagnosis");
    b.notes = Unseal(cipher, GetText(r, 15), ad + "notes");
    b.anonymised = !storage::IsNull(r, 16);
    d.bookings.push_back(std::move(b));
  }
}

void ReadRecords(soci::session& s, const crypto::FieldCipher& cipher, const Person& p,
                 Disclosure& d) {
  long long org = p.org;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT r.id, r.booking_id, d.day_date, r.topics, r.outcome, r.follow_up, "
                    "r.minutes, r.summary_enc, r.info_given_enc FROM consultation_record r JOIN "
                    "consultation_day d ON d.id = r.day_id JOIN program p ON p.id = d.program_id "
                    "WHERE p.organization_id = :o AND r.booking_id IN (" +
                        IdList(p.booking_ids) + ") ORDER BY d.day_date, r.id",
       soci::use(org));
  for (const auto& r : rows) {
    DisclosedRecord rec;
    rec.id = GetInt(r, 0);
    rec.booking_id = GetInt(r, 1);
    rec.day = GetText(r, 2);
    rec.topics = GetText(r, 3);
    rec.outcome = GetText(r, 4);
    rec.follow_up = GetText(r, 5);
    rec.minutes = static_cast<int>(GetInt(r, 6));
    const std::string base = "record:" + std::to_string(rec.id) + ":";
    rec.summary = Unseal(cipher, GetText(r, 7), base + "summary");
    rec.info_given = Unseal(cipher, GetText(r, 8), base + "info_given");
    d.records.push_back(std::move(rec));
  }
}

void ReadCases(soci::session& s, const crypto::FieldCipher& cipher, const Person& p,
               Disclosure& d) {
  long long org = p.org;
  long long cid = p.client_id;
  soci::rowset<soci::row> cases =
      (s.prepare << "SELECT id, status, outcome, outcome_on, opened_at, goals_enc FROM "
                    "support_case WHERE organization_id = :o AND client_id = :c ORDER BY id",
       soci::use(org), soci::use(cid));
  for (const auto& r : cases) {
    DisclosedCase c;
    c.id = GetInt(r, 0);
    c.status = GetText(r, 1);
    c.outcome = GetText(r, 2);
    c.outcome_on = GetText(r, 3);
    c.opened_at = GetInt(r, 4);
    c.goals = Unseal(cipher, GetText(r, 5), "support_case:" + std::to_string(c.id) + ":goals");
    d.cases.push_back(std::move(c));
  }
  for (auto& c : d.cases) {
    long long case_id = c.id;
    soci::rowset<soci::row> entries =
        (s.prepare << "SELECT id, occurred_on, kind, body_enc FROM timeline_entry WHERE case_id = "
                      ":c AND organization_id = :o ORDER BY occurred_on, id",
         soci::use(case_id), soci::use(org));
    for (const auto& r : entries) {
      DisclosedEntry e;
      e.id = GetInt(r, 0);
      e.occurred_on = GetText(r, 1);
      e.kind = GetText(r, 2);
      e.body = Unseal(cipher, GetText(r, 3), "timeline_entry:" + std::to_string(e.id) + ":body");
      c.entries.push_back(std::move(e));
    }
    soci::rowset<soci::row> docs =
        (s.prepare << "SELECT id, title_enc, created_at, removed_at FROM case_document WHERE "
                      "case_id = :c AND organization_id = :o ORDER BY id",
         soci::use(case_id), soci::use(org));
    for (const auto& r : docs) {
      DisclosedDocument doc;
      doc.id = GetInt(r, 0);
      doc.case_id = c.id;
      doc.title =
          Unseal(cipher, GetText(r, 1), "case_document:" + std::to_string(doc.id) + ":title");
      doc.created_at = GetInt(r, 2);
      doc.removed = !storage::IsNull(r, 3);
      d.documents.push_back(std::move(doc));
    }
    soci::rowset<soci::row> placements =
        (s.prepare << "SELECT id, kind, start_on FROM placement WHERE case_id = :c AND "
                      "organization_id = :o ORDER BY start_on, id",
         soci::use(case_id), soci::use(org));
    for (const auto& r : placements) {
      d.placements.push_back({GetInt(r, 0), c.id, GetText(r, 1), GetText(r, 2)});
    }
  }
}

void ReadConsents(soci::session& s, const Person& p, Disclosure& d) {
  long long org = p.org;
  long long cid = p.client_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, items, purpose, valid_from, valid_until, method, withdrawn_at "
                    "FROM consent WHERE client_id = :c AND organization_id = :o ORDER BY id",
       soci::use(cid), soci::use(org));
  for (const auto& r : rows) {
    DisclosedConsent c;
    c.id = GetInt(r, 0);
    c.items = GetText(r, 1);
    c.purpose = GetText(r, 2);
    c.valid_from = GetText(r, 3);
    c.valid_until = GetText(r, 4);
    c.method = GetText(r, 5);
    c.withdrawn_at = GetInt(r, 6);
    d.consents.push_back(std::move(c));
  }
  for (auto& c : d.consents) {
    long long id = c.id;
    soci::rowset<soci::row> parties =
        (s.prepare << "SELECT o.name FROM consent_party cp JOIN organization o ON o.id = "
                      "cp.organization_id WHERE cp.consent_id = :k ORDER BY o.id",
         soci::use(id));
    for (const auto& r : parties) c.parties.push_back(GetText(r, 0));
  }
}

void ReadProvisions(soci::session& s, const crypto::FieldCipher& cipher, const Person& p,
                    Disclosure& d) {
  long long org = p.org;
  long long cid = p.client_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT pr.id, COALESCE(o.name, ''), pr.recipient_label_enc, pr.items, "
                    "pr.channel, pr.provided_on FROM provision_record pr LEFT JOIN organization "
                    "o ON o.id = pr.recipient_org_id WHERE pr.client_id = :c AND "
                    "pr.provider_org_id = :o ORDER BY pr.provided_at, pr.id",
       soci::use(cid), soci::use(org));
  for (const auto& r : rows) {
    DisclosedProvision pr;
    pr.id = GetInt(r, 0);
    pr.recipient = GetText(r, 1);
    if (pr.recipient.empty()) {
      pr.recipient =
          Unseal(cipher, GetText(r, 2), "provision:" + std::to_string(cid) + ":recipient");
    }
    pr.items = GetText(r, 3);
    pr.channel = GetText(r, 4);
    pr.provided_on = GetText(r, 5);
    d.provisions.push_back(std::move(pr));
  }
}

void ReadRegistrations(soci::session& s, const crypto::FieldCipher& cipher, const Person& p,
                       Disclosure& d) {
  long long org = p.org;
  const std::string email = p.event_email_bidx.empty() ? "-" : p.event_email_bidx;
  const std::string phone = p.event_phone_bidx.empty() ? "-" : p.event_phone_bidx;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT r.id, r.reference, e.title, e.event_date, r.status, r.mode, "
                    "r.name_enc, r.furigana_enc, r.phone_enc, r.email_enc FROM "
                    "event_registration r JOIN community_event e ON e.id = r.event_id WHERE "
                    "e.organization_id = :o AND (r.email_bidx = :e OR r.phone_bidx = :p) ORDER "
                    "BY e.event_date, r.id",
       soci::use(org), soci::use(email), soci::use(phone));
  for (const auto& r : rows) {
    DisclosedRegistration reg;
    reg.id = GetInt(r, 0);
    reg.reference = GetText(r, 1);
    reg.event_title = GetText(r, 2);
    reg.event_date = GetText(r, 3);
    reg.status = GetText(r, 4);
    reg.mode = GetText(r, 5);
    const std::string ad = "event_registration:" + reg.reference + ":";
    reg.name = Unseal(cipher, GetText(r, 6), ad + "name");
    reg.furigana = Unseal(cipher, GetText(r, 7), ad + "furigana");
    reg.phone = Unseal(cipher, GetText(r, 8), ad + "phone");
    reg.email = Unseal(cipher, GetText(r, 9), ad + "email");
    d.registrations.push_back(std::move(reg));
  }
}

void ReadContacts(soci::session& s, const crypto::FieldCipher& cipher, const Person& p,
                  Disclosure& d) {
  long long org = p.org;
  long long cid = p.client_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, contacted_on, channel, topics, summary_enc FROM support_contact "
                    "WHERE organization_id = :o AND client_id = :c ORDER BY contacted_on, id",
       soci::use(org), soci::use(cid));
  for (const auto& r : rows) {
    DisclosedContact c;
    c.id = GetInt(r, 0);
    c.contacted_on = GetText(r, 1);
    c.channel = GetText(r, 2);
    c.topics = GetText(r, 3);
    c.summary =
        Unseal(cipher, GetText(r, 4), "support_contact:" + std::to_string(c.id) + ":summary");
    d.contacts.push_back(std::move(c));
  }
}

}  // namespace

core::Result<Disclosure> RightsService::Disclose(const auth::Principal& who,
                                                 const audit::Actor& actor, std::int64_t client_id,
                                                 const std::string& format) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<Disclosure>([&](soci::session& s) {
    const Person p = LoadPerson(s, cipher_, who.organization_id, client_id);
    Disclosure d;
    d.client_id = client_id;
    d.organization_name = p.org_name;
    d.client = p.client;
    d.created_at = p.created_at;
    d.use_stopped_at = p.use_stopped_at;
    d.anonymised_at = p.anonymised_at;
    d.made_at = now;
    ReadBookings(s, cipher_, p, d);
    ReadRecords(s, cipher_, p, d);
    ReadCases(s, cipher_, p, d);
    ReadConsents(s, p, d);
    ReadProvisions(s, cipher_, p, d);
    ReadRegistrations(s, cipher_, p, d);
    ReadContacts(s, cipher_, p, d);
    audit::AuditLog::Append(
        s, actor,
        {"rights.disclose", "client", std::to_string(client_id),
         "{\"format\":\"" + std::string(format == "json" ? "json" : "html") + "\"}",
         who.organization_id},
        now);
    return d;
  });
}

core::Result<Disclosure> RightsService::DiscloseByContact(const auth::Principal& who,
                                                          const audit::Actor& actor,
                                                          const std::string& phone,
                                                          const std::string& email) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  if (core::NormalizePhone(phone).empty() && core::Trim(email).empty()) {
    return core::Error::Invalid("error.invalid_input", {{"phone", "rights.error.contact"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<Disclosure>([&](soci::session& s) {
    const Person p = LoadContactPerson(s, cipher_, who.organization_id, phone, email);
    Disclosure d;
    d.organization_name = p.org_name;
    d.made_at = now;
    ReadBookings(s, cipher_, p, d);
    ReadRecords(s, cipher_, p, d);
    ReadRegistrations(s, cipher_, p, d);
    audit::AuditLog::Append(s, actor,
                            {"rights.disclose", "organization", std::to_string(who.organization_id),
                             "{\"format\":\"html\",\"kind\":\"contact\",\"bookings\":" +
                                 std::to_string(d.bookings.size()) + ",\"registrations\":" +
                                 std::to_string(d.registrations.size()) + "}",
                             who.organization_id},
                            now);
    return d;
  });
}

}  // namespace tsunagu::rights
