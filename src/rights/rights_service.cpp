#include "rights/rights_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "rights/erasure.hpp"
#include "rights/person_rows.hpp"
#include "rights/use_stop.hpp"
#include "storage/row.hpp"
#include "web/forms.hpp"

namespace tsunagu::rights {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

template <typename List>
bool InList(const List& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

void Audit(soci::session& s, const audit::Actor& actor, const char* action, std::int64_t client_id,
           std::int64_t org, std::int64_t now, const std::string& detail = "{}") {
  audit::AuditLog::Append(s, actor, {action, "client", std::to_string(client_id), detail, org},
                          now);
}

}  // namespace

core::Status RightsService::StopUse(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t client_id) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const Person p = LoadPerson(s, cipher_, who.organization_id, client_id);
    if (p.anonymised_at != 0) throw Abort{core::Error::Conflict("rights.error.already_erased")};
    if (p.use_stopped_at != 0) return;
    long long cid = client_id;
    long long org = p.org;
    long long at = now;
    s << "UPDATE client SET use_stopped_at = :a WHERE id = :i", soci::use(at), soci::use(cid);
    for (const std::string& key :
         StopKeys(cipher_, p.client.name, p.client.kana, p.client.phone, p.client.email)) {
      s << "INSERT INTO use_stop_key (organization_id, client_id, digest) VALUES (:o, :c, :k) "
           "ON CONFLICT DO NOTHING",
          soci::use(org), soci::use(cid), soci::use(key);
    }
    Audit(s, actor, "rights.stop_use", client_id, p.org, now);
  });
}

core::Status RightsService::LiftStop(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t client_id) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const Person p = LoadPerson(s, cipher_, who.organization_id, client_id);
    if (p.use_stopped_at == 0) return;
    long long cid = client_id;
    s << "UPDATE client SET use_stopped_at = NULL WHERE id = :i", soci::use(cid);
    s << "DELETE FROM use_stop_key WHERE client_id = :c", soci::use(cid);
    Audit(s, actor, "rights.lift_stop", client_id, p.org, now);
  });
}

core::Status RightsService::Erase(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t client_id) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const Person p = LoadPerson(s, cipher_, who.organization_id, client_id);
    if (p.anonymised_at != 0) throw Abort{core::Error::Conflict("rights.error.already_erased")};
    ErasePerson(s, cipher_, p, now);
    Audit(s, actor, "rights.erase", client_id, p.org, now,
          "{\"bookings\":" + std::to_string(p.booking_ids.size()) + "}");
  });
}

core::Result<int> RightsService::EraseByContact(const auth::Principal& who,
                                                const audit::Actor& actor, const std::string& phone,
                                                const std::string& email) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  if (core::NormalizePhone(phone).empty() && core::Trim(email).empty()) {
    return core::Error::Invalid("error.invalid_input", {{"phone", "rights.error.contact"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<int>([&](soci::session& s) {
    const Person p = LoadContactPerson(s, cipher_, who.organization_id, phone, email);
    int bookings = 0;
    for (auto id : p.booking_ids) {
      if (AnonymiseBooking(s, cipher_, id, now)) ++bookings;
    }
    const int registrations = AnonymiseRegistrations(s, p, now);
    audit::AuditLog::Append(s, actor,
                            {"rights.erase", "organization", std::to_string(who.organization_id),
                             "{\"kind\":\"contact\",\"bookings\":" + std::to_string(bookings) +
                                 ",\"registrations\":" + std::to_string(registrations) + "}",
                             who.organization_id},
                            now);
    return bookings + registrations;
  });
}

core::Result<std::int64_t> RightsService::AddRequest(const auth::Principal& who,
                                                     const audit::Actor& actor,
                                                     const RightsRequestInput& raw) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  RightsRequestInput in = raw;
  in.note = core::Trim(core::NormalizeNewlines(in.note));
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  std::vector<core::FieldError> errors;
  if (!InList(kKinds, in.kind)) errors.push_back({"kind", "rights.error.kind"});
  if (!InList(kRequesters, in.requester)) errors.push_back({"requester", "rights.error.requester"});
  const auto received = core::ParseIsoDate(core::Trim(core::NormalizeNfkc(in.received_on)));
  if (!received) {
    errors.push_back({"received_on", "rights.error.date"});
  } else if (today < *received) {
    errors.push_back({"received_on", "rights.error.future"});
  }
  web::CheckLength(errors, "note", in.note, 2000, false);
  return db_.Write<std::int64_t>([&](soci::session& s) {
    long long org = who.organization_id;
    long long cid = in.client_id;
    if (in.client_id != 0) {
      long long found = 0;
      s << "SELECT COUNT(*) FROM client WHERE id = :c AND organization_id = :o", soci::use(cid),
          soci::use(org), soci::into(found);
      if (found == 0) errors.push_back({"client_id", "rights.error.client"});
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.invalid_input", errors)};
    const std::string on = core::ToIso(*received);
    soci::indicator client_ind = in.client_id != 0 ? soci::i_ok : soci::i_null;
    long long by = who.user_id;
    long long at = now;
    long long id = 0;
    s << "INSERT INTO rights_request (organization_id, client_id, kind, requester, received_on, "
         "state, recorded_by, recorded_at) VALUES (:o, :c, :k, :r, :d, 'received', :b, :a) "
         "RETURNING id",
        soci::use(org), soci::use(cid, client_ind), soci::use(in.kind), soci::use(in.requester),
        soci::use(on), soci::use(by), soci::use(at), soci::into(id);
    if (!in.note.empty()) {
      const std::string note =
          cipher_.Encrypt(in.note, "rights_request:" + std::to_string(id) + ":note");
      s << "UPDATE rights_request SET note_enc = :n WHERE id = :i", soci::use(note), soci::use(id);
    }
    audit::AuditLog::Append(s, actor,
                            {"rights.request", "rights_request", std::to_string(id),
                             "{\"kind\":\"" + in.kind + "\"}", who.organization_id},
                            now);
    return static_cast<std::int64_t>(id);
  });
}

core::Status RightsService::Answer(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t request_id, const std::string& state,
                                   const std::string& answered_on) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  std::vector<core::FieldError> errors;
  if (state != "answered" && state != "refused") errors.push_back({"state", "rights.error.state"});
  const auto on = core::ParseIsoDate(core::Trim(core::NormalizeNfkc(answered_on)));
  if (!on || today < *on) errors.push_back({"answered_on", "rights.error.date"});
  if (!errors.empty()) return core::Error::Invalid("error.invalid_input", errors);
  return db_.WriteVoid([&](soci::session& s) {
    long long id = request_id;
    long long org = who.organization_id;
    std::string received;
    s << "SELECT received_on FROM rights_request WHERE id = :i AND organization_id = :o",
        soci::use(id), soci::use(org), soci::into(received);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    const std::string day = core::ToIso(*on);
    if (day < received) {
      throw Abort{core::Error::Invalid("error.invalid_input",
                                       {{"answered_on", "rights.error.before_receipt"}})};
    }
    s << "UPDATE rights_request SET state = :s, answered_on = :d WHERE id = :i", soci::use(state),
        soci::use(day), soci::use(id);
    audit::AuditLog::Append(s, actor,
                            {"rights.answer", "rights_request", std::to_string(request_id),
                             "{\"state\":\"" + state + "\"}", who.organization_id},
                            now);
  });
}

core::Result<std::vector<RightsRequest>> RightsService::Requests(const auth::Principal& who) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<RightsRequest>>([&](soci::session& s) {
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT r.id, r.client_id, r.kind, r.requester, r.received_on, r.state, "
                      "r.answered_on, u.display_name FROM rights_request r JOIN app_user u ON "
                      "u.id = r.recorded_by WHERE r.organization_id = :o ORDER BY CASE WHEN "
                      "r.state = 'received' THEN 0 ELSE 1 END, r.received_on, r.id",
         soci::use(org));
    std::vector<RightsRequest> out;
    for (const auto& r : rows) {
      RightsRequest q;
      q.id = GetInt(r, 0);
      q.client_id = GetInt(r, 1);
      q.kind = GetText(r, 2);
      q.requester = GetText(r, 3);
      q.received_on = GetText(r, 4);
      q.state = GetText(r, 5);
      q.answered_on = GetText(r, 6);
      q.recorded_by_name = GetText(r, 7);
      if (auto d = core::ParseIsoDate(q.received_on)) {
        const core::Date due = core::AddDays(*d, kAnswerDays);
        q.due_on = core::ToIso(due);
        q.overdue = q.state == "received" && due < today;
      }
      out.push_back(std::move(q));
    }
    return out;
  });
}

}  // namespace tsunagu::rights
