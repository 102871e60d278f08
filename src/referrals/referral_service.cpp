#include "referrals/referral_service.hpp"

#include <algorithm>

#include "auth/record_access.hpp"
#include "cases/case_service.hpp"
#include "consultations/model.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "live/bus.hpp"
#include "sharing/provisions.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::referrals {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

std::string Ad(long long id, const char* column) {
  return "referral:" + std::to_string(id) + ":" + column;
}

std::string Path(long long id) {
  return "/referrals/" + std::to_string(id);
}

constexpr const char* kSelect =
    "SELECT r.id, r.client_id, r.consent_id, r.from_org_id, fo.name, r.to_org_id, tn.name, "
    "r.reason, r.note_enc, r.status, r.decline_reason, r.result, r.result_reason, r.case_id, "
    "r.version, r.created_at, r.updated_at FROM referral r JOIN organization fo ON fo.id = "
    "r.from_org_id JOIN organization tn ON tn.id = r.to_org_id ";

// The row, with the client's name and the note only where the viewer may see them.
Referral ReadReferral(soci::session& s, const crypto::FieldCipher& cipher, const soci::row& r,
                      const auth::Principal& who, core::Date today) {
  Referral ref;
  ref.id = GetInt(r, 0);
  ref.client_id = GetInt(r, 1);
  ref.consent_id = GetInt(r, 2);
  ref.from_org_id = GetInt(r, 3);
  ref.from_org_name = GetText(r, 4);
  ref.to_org_id = GetInt(r, 5);
  ref.to_org_name = GetText(r, 6);
  ref.reason = GetText(r, 7);
  ref.status = GetText(r, 9);
  ref.decline_reason = GetText(r, 10);
  ref.result = GetText(r, 11);
  ref.result_reason = GetText(r, 12);
  ref.case_id = GetInt(r, 13);
  ref.version = static_cast<int>(GetInt(r, 14));
  ref.created_at = GetInt(r, 15);
  ref.updated_at = GetInt(r, 16);
  ref.incoming = ref.to_org_id == who.organization_id;
  auto view = auth::RecordAccess::Client(s, who, ref.client_id, today);
  if (view && view->Has("basic")) {
    long long cid = ref.client_id;
    std::string name_enc;
    s << "SELECT name_enc FROM client WHERE id = :c", soci::into(name_enc), soci::use(cid);
    ref.client_name = storage::Unseal(cipher, name_enc, "client:" + std::to_string(cid) + ":name");
  }
  // The sender wrote the note; the receiver reads it while a consent still covers them both.
  const bool note_visible =
      !ref.incoming || !auth::RecordAccess::ConsentsBetween(s, ref.client_id, ref.from_org_id,
                                                            ref.to_org_id, {}, today)
                            .empty();
  if (note_visible) ref.note = storage::Unseal(cipher, GetText(r, 8), Ad(ref.id, "note"));
  return ref;
}

void AddEvent(soci::session& s, const crypto::FieldCipher& cipher, long long referral_id,
              const std::string& status, const std::string& reason, const std::string& note,
              const auth::Principal& who, std::int64_t now) {
  long long user = who.user_id;
  long long org = who.organization_id;
  long long at = now;
  long long event_id = 0;
  s << "INSERT INTO referral_event (referral_id, status, reason, actor_user_id, actor_org_id, "
       "occurred_at) VALUES (:r, :s, :re, :u, :o, :t) RETURNING id",
      soci::use(referral_id), soci::use(status), soci::use(reason), soci::use(user), soci::use(org),
      soci::use(at), soci::into(event_id);
  const std::string text = core::Trim(note);
  if (!text.empty()) {
    const std::string sealed =
        cipher.Encrypt(text, "referral_event:" + std::to_string(event_id) + ":note");
    s << "UPDATE referral_event SET note_enc = :n WHERE id = :id", soci::use(sealed),
        soci::use(event_id);
  }
}

}  // namespace

bool FollowCase(soci::session& s, const crypto::FieldCipher& cipher,
                const sharing::Notifier& notifier, const auth::Principal& who,
                const audit::Actor& actor, std::int64_t referral_id, const std::string& to,
                const std::string& result, const std::string& reason, std::int64_t now) {
  long long rid = referral_id;
  long long at = now;
  std::string from_status;
  long long from_org = 0;
  s << "SELECT status, from_org_id FROM referral WHERE id = :id", soci::into(from_status),
      soci::into(from_org), soci::use(rid);
  if (!s.got_data()) return false;
  const std::string from_in_progress = to == "in_progress" ? "accepted" : "in_progress";
  // The status condition is in the UPDATE itself, so a referral moved meanwhile by a
  // concurrent request (withdrawn, say) is left alone.
  soci::statement st =
      (s.prepare << "UPDATE referral SET status = :s, result = :r, result_reason = :rr, version = "
                    "version + 1, updated_at = :t WHERE id = :id AND status IN ('accepted', :f)",
       soci::use(to), soci::use(result), soci::use(reason), soci::use(at), soci::use(rid),
       soci::use(from_in_progress));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  AddEvent(s, cipher, rid, to, reason, "", who, now);
  audit::AuditLog::Append(s, actor,
                          {"referral." + to, "referral", std::to_string(referral_id),
                           "{\"from\":\"" + from_status + "\",\"by\":\"case\"}"},
                          now);
  notifier.ToOrganization(s, from_org, {"referral_updated", Path(rid)}, who.user_id);
  return true;
}

core::Result<std::int64_t> ReferralService::Send(const auth::Principal& who,
                                                 const audit::Actor& actor, std::int64_t client_id,
                                                 const ReferralInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  auto sent = db_.Write<std::int64_t>([&](soci::session& s) {
    return SendReferral(s, cipher_, notifier_, who, actor, client_id, input, now);
  });
  if (sent) bus_.Publish("referral:" + std::to_string(*sent), "referral", "sent");
  return sent;
}

std::int64_t SendReferral(soci::session& s, const crypto::FieldCipher& cipher,
                          const sharing::Notifier& notifier, const auth::Principal& who,
                          const audit::Actor& actor, std::int64_t client_id,
                          const ReferralInput& input, std::int64_t now) {
  const core::Date today = core::DateFromUnixSeconds(now);
  std::vector<core::FieldError> errors;
  if (input.to_org_id == 0 || input.to_org_id == who.organization_id) {
    errors.push_back({"to_org_id", "referral.error.to_org"});
  }
  if (!consultations::InList(kReasons, input.reason)) {
    errors.push_back({"reason", input.reason.empty() ? "error.required" : "error.invalid_choice"});
  }
  if (core::CountCodePoints(input.note) > ReferralService::kMaxNote)
    errors.push_back({"note", "error.too_long"});
  auto view = auth::RecordAccess::Client(s, who, client_id, today);
  if (!view) throw Abort{core::Error::NotFound()};
  auto problems = errors;
  std::vector<std::int64_t> consents;
  if (problems.empty() || problems.front().field != "to_org_id") {
    consents = auth::RecordAccess::ConsentsBetween(s, client_id, who.organization_id,
                                                   input.to_org_id, {"basic"}, today);
    // Told together with the other mistakes, so the sender does not fix the form twice.
    if (consents.empty()) {
      problems.insert(problems.begin(), {"to_org_id", "referral.error.no_consent"});
    }
  }
  if (!problems.empty()) throw Abort{core::Error::Invalid("error.form_invalid", problems)};
  long long client = client_id;
  long long consent = consents.front();
  long long from = who.organization_id;
  long long to = input.to_org_id;
  long long user = who.user_id;
  long long at = now;
  long long id = 0;
  s << "INSERT INTO referral (client_id, consent_id, from_org_id, to_org_id, sent_by, reason, "
       "status, created_at, updated_at) VALUES (:c, :k, :f, :t, :u, :r, 'sent', :a, :a2) "
       "RETURNING id",
      soci::use(client), soci::use(consent), soci::use(from), soci::use(to), soci::use(user),
      soci::use(input.reason), soci::use(at), soci::use(at), soci::into(id);
  const std::string note = core::Trim(input.note);
  if (!note.empty()) {
    const std::string sealed = cipher.Encrypt(note, Ad(id, "note"));
    s << "UPDATE referral SET note_enc = :n WHERE id = :id", soci::use(sealed), soci::use(id);
  }
  AddEvent(s, cipher, id, "sent", "", "", who, now);
  std::string items_text;
  sharing::Provision p;
  p.provider_org_id = from;
  p.recipient_org_id = to;
  p.client_id = client_id;
  p.consent_id = consent;
  s << "SELECT items FROM consent WHERE id = :k", soci::into(items_text), soci::use(consent);
  p.items = core::SplitCodes(items_text);
  p.channel = "referral";
  p.actor_user_id = who.user_id;
  sharing::RecordProvision(s, cipher, p, now);
  audit::AuditLog::Append(
      s, actor,
      {"referral.send", "referral", std::to_string(id),
       "{\"client\":" + std::to_string(client_id) + ",\"to\":" + std::to_string(to) + "}"},
      now);
  notifier.ToOrganization(s, to, {"referral_received", Path(id)}, who.user_id);
  return static_cast<std::int64_t>(id);
}

void ReferralService::Move(soci::session& s, const auth::Principal& who, const audit::Actor& actor,
                           std::int64_t id, int version, bool receiver,
                           std::initializer_list<const char*> from, const std::string& to,
                           const std::string& reason, const std::string& note, std::int64_t now) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
    throw Abort{core::Error::NotFound()};
  }
  long long rid = id;
  long long from_org = 0;
  long long to_org = 0;
  std::string status;
  int current = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT from_org_id, to_org_id, status, version FROM referral WHERE id = :id",
      soci::into(from_org, ind), soci::into(to_org), soci::into(status), soci::into(current),
      soci::use(rid);
  if (!s.got_data() || ind != soci::i_ok) throw Abort{core::Error::NotFound()};
  const long long side = receiver ? to_org : from_org;
  if (side != who.organization_id) {
    // The other side of a referral it can see gets a plain refusal; strangers a 404.
    if (from_org == who.organization_id || to_org == who.organization_id) {
      throw Abort{core::Error::Forbidden()};
    }
    throw Abort{core::Error::NotFound()};
  }
  if (std::none_of(from.begin(), from.end(), [&](const char* f) { return status == f; })) {
    throw Abort{core::Error::Conflict("referral.error.state")};
  }
  long long at = now;
  int expected = version;
  soci::statement st =
      (s.prepare << "UPDATE referral SET status = :s, version = version + 1, updated_at = :t "
                    "WHERE id = :id AND version = :v",
       soci::use(to), soci::use(at), soci::use(rid), soci::use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("referral.error.stale")};
  AddEvent(s, cipher_, rid, to, reason, note, who, now);
  audit::AuditLog::Append(
      s, actor, {"referral." + to, "referral", std::to_string(id), "{\"from\":\"" + status + "\"}"},
      now);
  notifier_.ToOrganization(s, receiver ? from_org : to_org, {"referral_updated", Path(rid)},
                           who.user_id);
}

core::Result<std::int64_t> ReferralService::Accept(const auth::Principal& who,
                                                   const audit::Actor& actor, std::int64_t id,
                                                   int version) {
  const std::int64_t now = clock_.NowSeconds();
  auto opened = db_.Write<std::int64_t>([&](soci::session& s) {
    Move(s, who, actor, id, version, true, {"sent"}, "accepted", "", "", now);
    long long rid = id;
    long long client = 0;
    long long from_org = 0;
    s << "SELECT client_id, from_org_id FROM referral WHERE id = :id", soci::into(client),
        soci::into(from_org), soci::use(rid);
    // A case is the person's data at this organisation: it needs the consent still to hold
    // (withdrawn or ended since the referral was sent: nothing is opened, nothing changes).
    if (auth::RecordAccess::ConsentsBetween(s, client, from_org, who.organization_id, {"basic"},
                                            core::DateFromUnixSeconds(now))
            .empty()) {
      throw Abort{core::Error::Conflict("referral.error.consent_ended")};
    }
    long long org = who.organization_id;
    long long user = who.user_id;
    long long at = now;
    // The person already has an open case here: the referral joins it.
    long long case_id = cases::OpenCaseOf(s, org, client);
    if (case_id != 0) {
      s << "UPDATE referral SET case_id = :c WHERE id = :id", soci::use(case_id), soci::use(rid);
      // Support is already under way there: the referring side sees 支援中 at once.
      std::string case_status;
      s << "SELECT status FROM support_case WHERE id = :c", soci::into(case_status),
          soci::use(case_id);
      if (case_status != "intake") {
        FollowCase(s, cipher_, notifier_, who, actor, id, "in_progress", "", "", now);
      }
      return static_cast<std::int64_t>(case_id);
    }
    s << "INSERT INTO support_case (organization_id, client_id, referral_id, owner_user_id, "
         "status, opened_at, updated_at) VALUES (:o, :c, :r, :u, 'intake', :t, :t2) RETURNING id",
        soci::use(org), soci::use(client), soci::use(rid), soci::use(user), soci::use(at),
        soci::use(at), soci::into(case_id);
    s << "INSERT INTO case_staff (case_id, user_id) VALUES (:c, :u)", soci::use(case_id),
        soci::use(user);
    s << "UPDATE referral SET case_id = :c WHERE id = :id", soci::use(case_id), soci::use(rid);
    audit::AuditLog::Append(s, actor,
                            {"case.open", "support_case", std::to_string(case_id),
                             "{\"referral\":" + std::to_string(id) + "}"},
                            now);
    return static_cast<std::int64_t>(case_id);
  });
  if (opened) bus_.Publish("referral:" + std::to_string(id), "referral", "accepted");
  return opened;
}

core::Status ReferralService::Decline(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t id, int version, const std::string& reason,
                                      const std::string& note) {
  std::vector<core::FieldError> errors;
  if (!consultations::InList(kDeclineReasons, reason)) {
    errors.push_back({"reason", reason.empty() ? "error.required" : "error.invalid_choice"});
  }
  if (core::CountCodePoints(note) > kMaxNote) errors.push_back({"note", "error.too_long"});
  if (reason == "other" && core::Trim(note).empty()) {
    errors.push_back({"note", "referral.error.note_for_other"});
  }
  const std::int64_t now = clock_.NowSeconds();
  auto done = db_.WriteVoid([&](soci::session& s) {
    // The side is checked before the input, so a stranger learns nothing from validation.
    Move(s, who, actor, id, version, true, {"sent"}, "declined", reason, note, now);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long rid = id;
    s << "UPDATE referral SET decline_reason = :r WHERE id = :id", soci::use(reason),
        soci::use(rid);
  });
  if (done) bus_.Publish("referral:" + std::to_string(id), "referral", "declined");
  return done;
}

core::Status ReferralService::Start(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t id, int version) {
  const std::int64_t now = clock_.NowSeconds();
  auto done = db_.WriteVoid([&](soci::session& s) {
    Move(s, who, actor, id, version, true, {"accepted"}, "in_progress", "", "", now);
  });
  if (done) bus_.Publish("referral:" + std::to_string(id), "referral", "in_progress");
  return done;
}

core::Status ReferralService::Complete(const auth::Principal& who, const audit::Actor& actor,
                                       std::int64_t id, int version, const std::string& result,
                                       const std::string& reason) {
  std::vector<core::FieldError> errors;
  if (!consultations::InList(kResults, result)) {
    errors.push_back({"result", result.empty() ? "error.required" : "error.invalid_choice"});
  } else if (result == "unsuccessful" && !consultations::InList(kUnsuccessfulReasons, reason)) {
    errors.push_back({"result_reason", reason.empty() ? "error.required" : "error.invalid_choice"});
  } else if (result == "successful" && !reason.empty() &&
             !consultations::InList(cases::kOutcomes, reason)) {
    // Stored and later shown as a case outcome label: only known codes.
    errors.push_back({"outcome", "error.invalid_choice"});
  }
  const std::int64_t now = clock_.NowSeconds();
  auto done = db_.WriteVoid([&](soci::session& s) {
    Move(s, who, actor, id, version, true, {"accepted", "in_progress"}, "completed", reason, "",
         now);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long rid = id;
    s << "UPDATE referral SET result = :r, result_reason = :rr WHERE id = :id", soci::use(result),
        soci::use(reason), soci::use(rid);
  });
  if (done) bus_.Publish("referral:" + std::to_string(id), "referral", "completed");
  return done;
}

core::Status ReferralService::Withdraw(const auth::Principal& who, const audit::Actor& actor,
                                       std::int64_t id, int version, const std::string& note) {
  if (core::CountCodePoints(note) > kMaxNote) {
    return core::Error::Invalid("error.form_invalid", {{"note", "error.too_long"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  auto done = db_.WriteVoid([&](soci::session& s) {
    Move(s, who, actor, id, version, false, {"sent", "accepted", "in_progress"}, "withdrawn", "",
         note, now);
  });
  if (done) bus_.Publish("referral:" + std::to_string(id), "referral", "withdrawn");
  return done;
}

core::Result<std::vector<Referral>> ReferralService::List(const auth::Principal& who,
                                                          const audit::Actor& actor,
                                                          bool incoming) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
    return std::vector<Referral>{};
  }
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::vector<Referral>>([&](soci::session& s) {
    long long org = who.organization_id;
    std::vector<long long> ids;
    {
      const std::string sql = std::string("SELECT r.id FROM referral r WHERE ") +
                              (incoming ? "r.to_org_id" : "r.from_org_id") +
                              " = :o ORDER BY r.updated_at DESC, r.id DESC LIMIT 200";
      soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(org));
      for (const auto& r : rows) ids.push_back(GetInt(r, 0));
    }
    std::vector<Referral> out;
    for (long long id : ids) {
      soci::row r;
      s << std::string(kSelect) + "WHERE r.id = :id", soci::into(r), soci::use(id);
      out.push_back(ReadReferral(s, cipher_, r, who, today));
    }
    audit::AuditLog::Append(s, actor,
                            {"referral.list", "organization", std::to_string(org),
                             std::string("{\"incoming\":") + (incoming ? "true" : "false") +
                                 ",\"rows\":" + std::to_string(out.size()) + "}"},
                            now);
    return out;
  });
}

core::Result<Referral> ReferralService::Get(const auth::Principal& who, const audit::Actor& actor,
                                            std::int64_t id) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<Referral>([&](soci::session& s) {
    long long rid = id;
    long long org = who.organization_id;
    soci::row r;
    s << std::string(kSelect) + "WHERE r.id = :id AND (r.from_org_id = :o OR r.to_org_id = :o2)",
        soci::into(r), soci::use(rid), soci::use(org), soci::use(org);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    Referral ref = ReadReferral(s, cipher_, r, who, today);
    struct Raw {
      long long id;
      ReferralEvent event;
      std::string note_enc;
    };
    std::vector<Raw> raw;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT e.id, e.status, e.reason, e.note_enc, u.display_name, o.name, "
                      "e.occurred_at FROM referral_event e JOIN app_user u ON u.id = "
                      "e.actor_user_id JOIN organization o ON o.id = e.actor_org_id WHERE "
                      "e.referral_id = :r ORDER BY e.id",
         soci::use(rid));
    for (const auto& e : rows) {
      Raw item{GetInt(e, 0), {}, GetText(e, 3)};
      item.event.status = GetText(e, 1);
      item.event.reason = GetText(e, 2);
      item.event.actor_name = GetText(e, 4);
      item.event.actor_org_name = GetText(e, 5);
      item.event.occurred_at = GetInt(e, 6);
      raw.push_back(std::move(item));
    }
    for (auto& item : raw) {
      item.event.note = storage::Unseal(cipher_, item.note_enc,
                                        "referral_event:" + std::to_string(item.id) + ":note");
      ref.events.push_back(std::move(item.event));
    }
    audit::AuditLog::Append(s, actor, {"referral.read", "referral", std::to_string(id), "{}"}, now);
    return ref;
  });
}

core::Result<std::vector<Referral>> ReferralService::ForClient(const auth::Principal& who,
                                                               std::int64_t client_id) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
    return std::vector<Referral>{};
  }
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<Referral>>([&](soci::session& s) {
    long long cid = client_id;
    long long org = who.organization_id;
    std::vector<long long> ids;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT id FROM referral WHERE client_id = :c AND (from_org_id = :o OR "
                        "to_org_id = :o2) ORDER BY id DESC",
           soci::use(cid), soci::use(org), soci::use(org));
      for (const auto& r : rows) ids.push_back(GetInt(r, 0));
    }
    std::vector<Referral> out;
    for (long long id : ids) {
      soci::row r;
      s << std::string(kSelect) + "WHERE r.id = :id", soci::into(r), soci::use(id);
      out.push_back(ReadReferral(s, cipher_, r, who, today));
    }
    return out;
  });
}

core::Result<std::vector<std::int64_t>> ReferralService::CoveredRecipients(
    const auth::Principal& who, std::int64_t client_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<std::int64_t>>([&](soci::session& s) {
    if (!auth::RecordAccess::Client(s, who, client_id, today)) {
      throw Abort{core::Error::NotFound()};
    }
    long long cid = client_id;
    long long org = who.organization_id;
    std::vector<long long> parties;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT DISTINCT p.organization_id FROM consent c JOIN consent_party p "
                        "ON p.consent_id = c.id WHERE c.client_id = :c AND p.organization_id <> "
                        ":o AND c.withdrawn_at IS NULL ORDER BY p.organization_id",
           soci::use(cid), soci::use(org));
      for (const auto& r : rows) parties.push_back(GetInt(r, 0));
    }
    // The candidates come from the consents; whether one covers the pair is decided by the
    // same rule Send applies.
    std::vector<std::int64_t> out;
    for (long long party : parties) {
      if (!auth::RecordAccess::ConsentsBetween(s, client_id, who.organization_id, party, {"basic"},
                                               today)
               .empty()) {
        out.push_back(party);
      }
    }
    return out;
  });
}

core::Result<std::int64_t> ReferralService::LiveMark(const auth::Principal& who, std::int64_t id) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) return core::Error::NotFound();
  return db_.Read<std::int64_t>([&](soci::session& s) {
    long long rid = id;
    long long org = who.organization_id;
    int version = 0;
    soci::indicator found = soci::i_null;
    s << "SELECT version FROM referral WHERE id = :id AND (from_org_id = :o OR to_org_id = :o2)",
        soci::into(version, found), soci::use(rid), soci::use(org), soci::use(org);
    if (!s.got_data() || found != soci::i_ok) throw Abort{core::Error::NotFound()};
    return static_cast<std::int64_t>(version);
  });
}

}  // namespace tsunagu::referrals
