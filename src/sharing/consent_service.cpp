#include "sharing/consent_service.hpp"

#include <algorithm>

#include "auth/record_access.hpp"
#include "consultations/model.hpp"
#include "core/text.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::sharing {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

std::string Ad(long long id, const char* column) {
  return "consent:" + std::to_string(id) + ":" + column;
}

// The items in kConsentItems order, once each.
std::vector<std::string> InOrder(const std::vector<std::string>& chosen) {
  std::vector<std::string> out;
  for (auto item : auth::kConsentItems) {
    if (std::find(chosen.begin(), chosen.end(), item) != chosen.end()) out.emplace_back(item);
  }
  return out;
}

std::string StateOf(const Consent& c, core::Date today) {
  if (c.withdrawn_at != 0) return "withdrawn";
  if (today < c.valid_from) return "future";
  if (today > c.valid_until) return "expired";
  return "active";
}

constexpr const char* kSelect =
    "SELECT k.id, k.client_id, k.organization_id, o.name, k.items, k.purpose, "
    "k.purpose_note_enc, k.valid_from, k.valid_until, k.method, u.display_name, k.recorded_at, "
    "k.withdrawn_at, COALESCE(wo.name, ''), k.withdrawal_note_enc, k.form_file_id, "
    "k.employer_enc, k.employer_email_enc "
    "FROM consent k JOIN organization o ON o.id = k.organization_id JOIN app_user u ON u.id = "
    "k.recorded_by LEFT JOIN organization wo ON wo.id = k.withdrawn_org_id ";

Consent ReadConsent(soci::session& s, const crypto::FieldCipher& cipher, const soci::row& r,
                    core::Date today) {
  Consent c;
  c.id = GetInt(r, 0);
  c.client_id = GetInt(r, 1);
  c.organization_id = GetInt(r, 2);
  c.organization_name = GetText(r, 3);
  c.items = core::SplitCodes(GetText(r, 4));
  c.purpose = GetText(r, 5);
  if (!GetText(r, 6).empty()) {
    auto note = cipher.Decrypt(GetText(r, 6), Ad(c.id, "purpose_note"));
    if (!note) throw Abort{note.error()};
    c.purpose_note = *note;
  }
  c.valid_from = core::ParseIsoDate(GetText(r, 7)).value_or(core::Date{});
  c.valid_until = core::ParseIsoDate(GetText(r, 8)).value_or(core::Date{});
  c.method = GetText(r, 9);
  c.recorded_by_name = GetText(r, 10);
  c.recorded_at = GetInt(r, 11);
  c.withdrawn_at = GetInt(r, 12);
  c.withdrawn_org_name = GetText(r, 13);
  if (!GetText(r, 14).empty()) {
    auto note = cipher.Decrypt(GetText(r, 14), Ad(c.id, "withdrawal_note"));
    if (!note) throw Abort{note.error()};
    c.withdrawal_note = *note;
  }
  c.form_file_id = GetInt(r, 15);
  c.employer = storage::Unseal(cipher, GetText(r, 16), Ad(c.id, "employer"));
  c.employer_email = storage::Unseal(cipher, GetText(r, 17), Ad(c.id, "employer_email"));
  c.state = StateOf(c, today);
  long long id = c.id;
  long long recorder = c.organization_id;
  soci::rowset<soci::row> parties =
      (s.prepare << "SELECT o.id, o.name, o.kind FROM consent_party p JOIN organization o ON "
                    "o.id = p.organization_id WHERE p.consent_id = :k AND p.organization_id <> "
                    ":o ORDER BY o.name",
       soci::use(id), soci::use(recorder));
  for (const auto& p : parties) c.parties.push_back({GetInt(p, 0), GetText(p, 1), GetText(p, 2)});
  return c;
}

bool IsParty(soci::session& s, long long consent_id, long long org) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM consent_party WHERE consent_id = :k AND organization_id = :o",
      soci::into(n), soci::use(consent_id), soci::use(org);
  return n > 0;
}

}  // namespace

std::vector<core::FieldError> ConsentService::Validate(const ConsentInput& in) {
  std::vector<core::FieldError> errors;
  if (in.organizations.empty()) errors.push_back({"organizations", "consent.error.organizations"});
  if (in.items.empty()) {
    errors.push_back({"items", "consent.error.items"});
  } else if (!std::all_of(in.items.begin(), in.items.end(), [](const std::string& i) {
               return consultations::InList(auth::kConsentItems, i);
             })) {
    errors.push_back({"items", "error.invalid_choice"});
  }
  if (in.purpose.empty()) {
    errors.push_back({"purpose", "error.required"});
  } else if (!consultations::InList(kConsentPurposes, in.purpose)) {
    errors.push_back({"purpose", "error.invalid_choice"});
  }
  if (core::CountCodePoints(in.purpose_note) > kMaxNote) {
    errors.push_back({"purpose_note", "error.too_long"});
  }
  if (in.purpose == "other" && core::Trim(in.purpose_note).empty()) {
    errors.push_back({"purpose_note", "consent.error.purpose_note"});
  }
  const auto from = core::ParseIsoDate(in.valid_from);
  const auto until = core::ParseIsoDate(in.valid_until);
  if (!from) errors.push_back({"valid_from", "error.date"});
  if (!until) errors.push_back({"valid_until", "error.date"});
  if (from && until) {
    if (*until < *from) {
      errors.push_back({"valid_until", "consent.error.until_before_from"});
    } else if (core::DaysBetween(*from, *until) > 5 * 366) {
      errors.push_back({"valid_until", "consent.error.too_long"});
    }
  }
  if (in.purpose == "workplace_coordination" && core::Trim(in.employer).empty()) {
    errors.push_back({"employer", "consent.error.employer"});
  }
  if (core::CountCodePoints(in.employer) > kMaxEmployer) {
    errors.push_back({"employer", "error.too_long"});
  }
  const std::string email = core::Trim(core::NormalizeNfkc(in.employer_email));
  if (!email.empty() && (!core::LooksLikeEmail(email) || email.size() > 254)) {
    errors.push_back({"employer_email", "consent.error.employer_email"});
  }
  if (in.method.empty()) {
    errors.push_back({"method", "error.required"});
  } else if (!consultations::InList(kConsentMethods, in.method)) {
    errors.push_back({"method", "error.invalid_choice"});
  }
  return errors;
}

core::Result<std::int64_t> ConsentService::Record(const auth::Principal& who,
                                                  const audit::Actor& actor, std::int64_t client_id,
                                                  const ConsentInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    return RecordConsent(s, cipher_, who, actor, client_id, input, now);
  });
}

std::int64_t RecordConsent(soci::session& s, const crypto::FieldCipher& cipher,
                           const auth::Principal& who, const audit::Actor& actor,
                           std::int64_t client_id, const ConsentInput& input, std::int64_t now) {
  const core::Date today = core::DateFromUnixSeconds(now);
  auto view = auth::RecordAccess::Client(s, who, client_id, today);
  if (!view) throw Abort{core::Error::NotFound()};
  // SECURITY.md rule 2: a partner never records consents over the registering
  // organisation's record; it may over its own case, and those open only that case.
  if (!view->owner && !auth::RecordAccess::HoldsFor(s, who, client_id)) {
    throw Abort{core::Error{core::ErrorCode::kForbidden, "consent.error.not_holder", {}}};
  }
  auto errors = ConsentService::Validate(input);
  if (!view->owner) {
    const bool own_items_only =
        std::all_of(input.items.begin(), input.items.end(),
                    [](const std::string& i) { return i == "records" || i == "documents"; });
    if (!own_items_only) errors.push_back({"items", "consent.error.partner_items"});
  }
  std::vector<long long> orgs;
  for (auto org : input.organizations) {
    if (org == who.organization_id) continue;
    long long id = org;
    long long ok = 0;
    s << "SELECT COUNT(*) FROM organization WHERE id = :o AND status = 'active' AND kind <> "
         "'employer'",
        soci::into(ok), soci::use(id);
    if (ok == 0) {
      errors.push_back({"organizations", "error.invalid_choice"});
      break;
    }
    if (std::find(orgs.begin(), orgs.end(), id) == orgs.end()) orgs.push_back(id);
  }
  if (orgs.empty() && errors.empty()) {
    errors.push_back({"organizations", "consent.error.organizations"});
  }
  if (!errors.empty()) {
    throw Abort{core::Error::Invalid("error.form_invalid", std::move(errors))};
  }
  long long client = client_id;
  long long org = who.organization_id;
  long long user = who.user_id;
  long long at = now;
  const std::string items = core::JoinCodes(InOrder(input.items));
  long long id = 0;
  s << "INSERT INTO consent (client_id, organization_id, items, purpose, valid_from, "
       "valid_until, method, recorded_by, recorded_at) VALUES (:c, :o, :i, :p, :f, :u, :m, "
       ":by, :t) RETURNING id",
      soci::use(client), soci::use(org), soci::use(items), soci::use(input.purpose),
      soci::use(input.valid_from), soci::use(input.valid_until), soci::use(input.method),
      soci::use(user), soci::use(at), soci::into(id);
  const std::string note_text = core::Trim(input.purpose_note);
  if (!note_text.empty()) {
    const std::string note = cipher.Encrypt(note_text, Ad(id, "purpose_note"));
    s << "UPDATE consent SET purpose_note_enc = :n WHERE id = :id", soci::use(note), soci::use(id);
  }
  const std::string employer = core::Trim(input.employer);
  if (input.purpose == "workplace_coordination" && !employer.empty()) {
    const std::string sealed = cipher.Encrypt(employer, Ad(id, "employer"));
    const std::string email = core::Trim(core::NormalizeNfkc(input.employer_email));
    const std::string sealed_email =
        email.empty() ? std::string() : cipher.Encrypt(email, Ad(id, "employer_email"));
    s << "UPDATE consent SET employer_enc = :e, employer_email_enc = :m WHERE id = :id",
        soci::use(sealed), soci::use(sealed_email), soci::use(id);
  }
  // The recording organisation is a party too: access asks only consent_party.
  orgs.push_back(org);
  for (long long party : orgs) {
    s << "INSERT INTO consent_party (consent_id, organization_id) VALUES (:k, :o)", soci::use(id),
        soci::use(party);
  }
  audit::AuditLog::Append(s, actor,
                          {"consent.record", "client", std::to_string(client_id),
                           "{\"consent\":" + std::to_string(id) + ",\"items\":\"" + items +
                               "\",\"method\":\"" + input.method + "\"}"},
                          now);
  return static_cast<std::int64_t>(id);
}

core::Status ConsentService::Withdraw(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t consent_id, const std::string& note) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  if (core::CountCodePoints(note) > kMaxNote) {
    return core::Error::Invalid("error.form_invalid", {{"note", "error.too_long"}});
  }
  return db_.WriteVoid([&](soci::session& s) {
    long long id = consent_id;
    long long client = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT client_id FROM consent WHERE id = :k", soci::into(client, ind), soci::use(id);
    if (!s.got_data() || ind != soci::i_ok) throw Abort{core::Error::NotFound()};
    // Parties, and the organisation that registered the person, may record a withdrawal.
    auto view = auth::RecordAccess::Client(s, who, client, today);
    long long org = who.organization_id;
    const bool party =
        auth::Policy::Allows(&who, auth::Permission::kOrgCounsel) && IsParty(s, id, org);
    if (!party && !(view && view->owner)) throw Abort{core::Error::NotFound()};
    const std::string note_text = core::Trim(note);
    const std::string sealed =
        note_text.empty() ? "" : cipher_.Encrypt(note_text, Ad(id, "withdrawal_note"));
    long long user = who.user_id;
    long long at = now;
    soci::statement st =
        (s.prepare << "UPDATE consent SET withdrawn_at = :t, withdrawn_by = :u, "
                      "withdrawn_org_id = :o, withdrawal_note_enc = :n WHERE id = :k AND "
                      "withdrawn_at IS NULL",
         soci::use(at), soci::use(user), soci::use(org), soci::use(sealed), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("consent.error.withdrawn")};
    audit::AuditLog::Append(s, actor,
                            {"consent.withdraw", "client", std::to_string(client),
                             "{\"consent\":" + std::to_string(consent_id) + "}"},
                            now);
    std::vector<long long> others;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT organization_id FROM consent_party WHERE consent_id = :k AND "
                      "organization_id <> :o",
         soci::use(id), soci::use(org));
    for (const auto& r : rows) others.push_back(GetInt(r, 0));
    for (long long other : others) {
      notifier_.ToOrganization(s, other, {"consent_withdrawn", "/"}, who.user_id);
    }
  });
}

core::Result<std::vector<Consent>> ConsentService::ForClient(const auth::Principal& who,
                                                             const audit::Actor& actor,
                                                             std::int64_t client_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::vector<Consent>>([&](soci::session& s) {
    auto view = auth::RecordAccess::Client(s, who, client_id, today);
    if (!view) throw Abort{core::Error::NotFound()};
    long long client = client_id;
    long long org = who.organization_id;
    std::vector<soci::row> rows;
    std::vector<Consent> out;
    const std::string sql =
        std::string(kSelect) +
        "WHERE k.client_id = :c AND (:own = 1 OR EXISTS (SELECT 1 FROM consent_party p WHERE "
        "p.consent_id = k.id AND p.organization_id = :o)) ORDER BY k.recorded_at DESC, k.id DESC";
    int own = view->owner ? 1 : 0;
    std::vector<std::int64_t> ids;
    {
      soci::rowset<soci::row> rs =
          (s.prepare << sql, soci::use(client), soci::use(own), soci::use(org));
      for (const auto& r : rs) ids.push_back(GetInt(r, 0));
    }
    // Read each one separately: a rowset must be finished before the next statement runs.
    for (auto id : ids) {
      long long kid = id;
      soci::row r;
      s << std::string(kSelect) + "WHERE k.id = :k", soci::into(r), soci::use(kid);
      out.push_back(ReadConsent(s, cipher_, r, today));
    }
    audit::AuditLog::Append(s, actor,
                            {"consent.list", "client", std::to_string(client_id),
                             "{\"rows\":" + std::to_string(out.size()) + "}"},
                            now);
    return out;
  });
}

core::Result<Consent> ConsentService::Get(const auth::Principal& who, const audit::Actor& actor,
                                          std::int64_t consent_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<Consent>([&](soci::session& s) {
    long long id = consent_id;
    long long client = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT client_id FROM consent WHERE id = :k", soci::into(client, ind), soci::use(id);
    if (!s.got_data() || ind != soci::i_ok) throw Abort{core::Error::NotFound()};
    auto view = auth::RecordAccess::Client(s, who, client, today);
    const bool party = auth::Policy::Allows(&who, auth::Permission::kOrgCounsel) &&
                       IsParty(s, id, who.organization_id);
    if (!party && !(view && view->owner)) throw Abort{core::Error::NotFound()};
    soci::row r;
    s << std::string(kSelect) + "WHERE k.id = :k", soci::into(r), soci::use(id);
    Consent c = ReadConsent(s, cipher_, r, today);
    audit::AuditLog::Append(s, actor,
                            {"consent.read", "client", std::to_string(client),
                             "{\"consent\":" + std::to_string(consent_id) + "}"},
                            now);
    return c;
  });
}

core::Result<std::vector<std::string>> ConsentService::RecordableItems(const auth::Principal& who,
                                                                       std::int64_t client_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<std::string>>([&](soci::session& s) {
    auto view = auth::RecordAccess::Client(s, who, client_id, today);
    if (!view) throw Abort{core::Error::NotFound()};
    std::vector<std::string> out;
    if (view->owner) {
      for (auto item : auth::kConsentItems) out.emplace_back(item);
    } else if (auth::RecordAccess::HoldsFor(s, who, client_id)) {
      out = {"records", "documents"};
    }
    return out;
  });
}

core::Result<std::vector<ConsentParty>> ConsentService::Recipients(const auth::Principal& who) {
  return db_.Read<std::vector<ConsentParty>>([&](soci::session& s) {
    long long org = who.organization_id;
    std::vector<ConsentParty> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name, kind FROM organization WHERE status = 'active' AND kind "
                      "<> 'employer' AND id <> :o ORDER BY kind, name",
         soci::use(org));
    for (const auto& r : rows) out.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
    return out;
  });
}

}  // namespace tsunagu::sharing
