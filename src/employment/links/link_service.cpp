#include "employment/links/link_service.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/json.hpp"
#include "auth/record_access.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "crypto/random.hpp"
#include "documents/document_rows.hpp"
#include "employment/links/link_rows.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::employment::links {
namespace {

using namespace link_rows;
using storage::Abort;
using storage::GetInt;
using storage::GetText;

constexpr int kMaxAccessesShown = 50;

}  // namespace

PartForm FormOfPart(std::string_view part) {
  if (part == "work_info_form") return {"work_info_form", ""};
  if (part == "doctor_opinion_form") return {"doctor_opinion_form", ""};
  if (part == "assessment_employer") return {"assessment", "employer_view"};
  if (part == "assessment_doctor") return {"assessment", "hospital_view"};
  return {};
}

namespace {

auth::CaseView RunningCase(soci::session& s, const auth::Principal& who, std::int64_t case_id,
                           core::Date today) {
  auto view = auth::RecordAccess::Case(s, who, case_id, today);
  // A partner does not learn of the links: only the running organisation sends them.
  if (!view || !view->runs_case) throw Abort{core::Error::NotFound()};
  return *view;
}

std::vector<LinkConsent> Consents(soci::session& s, const crypto::FieldCipher& cipher,
                                  const auth::CaseView& view, core::Date today) {
  std::vector<LinkConsent> out;
  const auto ids = auth::RecordAccess::CaseConsentsBetween(
      s, view.client_id, view.case_org_id, view.case_org_id, view.case_org_id, {}, today);
  for (auto id : ids) {
    long long kid = id;
    std::string purpose, employer, email, items;
    s << "SELECT purpose, employer_enc, employer_email_enc, items FROM consent WHERE id = :k",
        soci::into(purpose), soci::into(employer), soci::into(email), soci::into(items),
        soci::use(kid);
    if (purpose != "workplace_coordination" && purpose != "medical_coordination") continue;
    if (purpose == "workplace_coordination" && employer.empty()) continue;
    const std::string ad = "consent:" + std::to_string(id) + ":";
    out.push_back({id, purpose, storage::Unseal(cipher, employer, ad + "employer"),
                   storage::Unseal(cipher, email, ad + "employer_email"), core::SplitCodes(items)});
  }
  return out;
}

}  // namespace

core::Result<CaseLinks> LinkService::List(const auth::Principal& who, std::int64_t case_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Read<CaseLinks>([&](soci::session& s) {
    const auto view = RunningCase(s, who, case_id, today);
    CaseLinks out;
    out.case_id = case_id;
    out.consents = Consents(s, cipher_, view, today);
    long long cid = case_id;
    std::vector<std::pair<Facts, std::pair<std::string, std::int64_t>>> raw;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << std::string(kFactsSelect) + "WHERE l.case_id = :c ORDER BY l.id DESC",
           soci::use(cid));
      for (const auto& r : rows) raw.push_back({ReadFacts(r), {"", 0}});
    }
    const std::string day = core::ToIso(today);
    for (auto& [f, extra] : raw) {
      LinkRow row;
      row.id = f.id;
      row.recipient_kind = f.kind;
      row.recipient = storage::Unseal(cipher_, f.recipient_enc, RecipientAd(f.id));
      row.asks = f.asks;
      row.expires_at = f.expires_at;
      row.state = State(f, now, day);
      long long lid = f.id;
      long long by = f.created_by;
      s << "SELECT display_name FROM app_user WHERE id = :u", soci::into(row.created_by),
          soci::use(by);
      long long created_at = 0;
      s << "SELECT created_at FROM employer_link WHERE id = :l", soci::into(created_at),
          soci::use(lid);
      row.created_at = created_at;
      int limit = kMaxAccessesShown;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT accessed_at, outcome FROM employer_link_access WHERE link_id = "
                        ":l ORDER BY id DESC LIMIT :n",
           soci::use(lid), soci::use(limit));
      for (const auto& r : rows) row.accesses.push_back({GetInt(r, 0), GetText(r, 1)});
      out.links.push_back(std::move(row));
    }
    return out;
  });
}

core::Result<CreatedLink> LinkService::Create(const auth::Principal& who, const audit::Actor& actor,
                                              std::int64_t case_id, const LinkInput& input) {
  std::vector<core::FieldError> errors;
  const bool doctor = input.recipient_kind == "doctor";
  if (input.recipient_kind != "employer" && !doctor) {
    errors.push_back({"recipient_kind", "employer_links.error.kind"});
  }
  std::vector<std::string> asks;
  for (const auto& a : input.asks) {
    const bool fits = doctor ? In(kDoctorParts, a) : In(kEmployerParts, a);
    if (!fits) {
      errors.push_back({"asks", "employer_links.error.asks"});
      break;
    }
    if (!Has(asks, a)) asks.push_back(a);
  }
  if (asks.empty() && errors.empty()) errors.push_back({"asks", "employer_links.error.asks"});
  const std::string name = OneLine(input.recipient_name);
  if (name.empty()) {
    errors.push_back({"recipient_name", "error.required"});
  } else if (core::CountCodePoints(name) > kMaxRecipientName) {
    errors.push_back({"recipient_name", "error.too_long"});
  }
  const bool print = input.delivery == "print";
  const std::string email = core::Trim(core::NormalizeNfkc(input.recipient_email));
  if (email.empty()) {
    if (!print) errors.push_back({"recipient_email", "error.required"});
  } else if (!core::LooksLikeEmail(email) || !IsAsciiPrintable(email)) {
    errors.push_back({"recipient_email", "employer_links.error.email"});
  }
  const int days = core::Trim(input.days).empty() ? kDefaultDays : ParseDays(input.days);
  if (days < 1 || days > kMaxDays) errors.push_back({"days", "employer_links.error.days"});

  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  CreatedLink created;
  auto done = db_.WriteVoid([&](soci::session& s) {
    const auto view = RunningCase(s, who, case_id, today);
    const auto consents = Consents(s, cipher_, view, today);
    const std::string purpose = doctor ? "medical_coordination" : "workplace_coordination";
    const LinkConsent* basis = nullptr;
    for (const auto& c : consents) {
      if (c.consent_id == input.consent_id && c.purpose == purpose) basis = &c;
    }
    auto all = errors;
    if (basis == nullptr) {
      all.insert(all.begin(), {"consent_id", doctor ? "employer_links.error.no_doctor_consent"
                                                    : "employer_links.error.no_consent"});
    } else if (!doctor && !basis->employer_email.empty() && !email.empty() &&
               LowerAscii(email) != LowerAscii(basis->employer_email)) {
      // SECURITY.md rule 2: when the consent names the address, the link goes only there.
      all.push_back({"recipient_email", "employer_links.error.not_named_recipient"});
    }
    if (!all.empty()) throw Abort{core::Error::Invalid("error.form_invalid", all)};

    const std::string token = crypto::RandomToken(32);
    const std::string hash = crypto::HashToken(token);
    const std::string label =
        email.empty()
            ? name
            : name + " <" + email + ">" + (doctor ? std::string() : "（" + basis->employer + "）");
    long long cid = case_id;
    long long org = view.case_org_id;
    long long consent = basis->consent_id;
    long long user = who.user_id;
    long long at = now;
    long long expires = now + static_cast<std::int64_t>(days) * 86400;
    const std::string kind = doctor ? "doctor" : "employer";
    const std::string codes = core::JoinCodes(asks);
    const std::string delivery = print ? "print" : "mail";
    long long id = 0;
    s << "INSERT INTO employer_link (case_id, organization_id, consent_id, recipient_kind, asks, "
         "token_hash, delivery, created_by, created_at, expires_at) VALUES (:c, :o, :k, :r, :a, "
         ":h, :d, :u, :t, :e) RETURNING id",
        soci::use(cid), soci::use(org), soci::use(consent), soci::use(kind), soci::use(codes),
        soci::use(hash), soci::use(delivery), soci::use(user), soci::use(at), soci::use(expires),
        soci::into(id);
    const std::string sealed = cipher_.Encrypt(label, RecipientAd(id));
    s << "UPDATE employer_link SET recipient_enc = :r WHERE id = :id", soci::use(sealed),
        soci::use(id);
    audit::AuditLog::Append(
        s, actor,
        {"employer_link.create", "support_case", std::to_string(case_id),
         "{\"link\":" + std::to_string(id) + ",\"consent\":" + std::to_string(consent) +
             ",\"days\":" + std::to_string(days) + ",\"asks\":" + api::JsonString(codes) + "}"},
        now);
    created.id = id;
    created.expires_at = expires;
    created.url = config_.server.public_url + "/l/" + token;
    if (!print) {
      // The mail says only that a form waits and until when: no name of the person, no
      // diagnosis (SECURITY.md rule 11).
      notify::MailMessage m;
      m.to = email;
      m.subject = catalog_.Get("ja", "employer_links.mail.subject");
      m.text_body = catalog_.Format("ja", "employer_links.mail.body",
                                    {{"org", GetOrgName(s, org)},
                                     {"link", created.url},
                                     {"expires", core::FormatDateTime(expires, "ja")}});
      outbox_.Enqueue(s, m, "employer_link");
    }
  });
  if (!done) return done.error();
  outbox_.Wake();
  return created;
}

core::Status LinkService::Revoke(const auth::Principal& who, const audit::Actor& actor,
                                 std::int64_t case_id, std::int64_t link_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    RunningCase(s, who, case_id, today);
    long long l = link_id;
    long long c = case_id;
    long long n = 0;
    s << "SELECT COUNT(*) FROM employer_link WHERE id = :l AND case_id = :c", soci::into(n),
        soci::use(l), soci::use(c);
    if (n == 0) throw Abort{core::Error::NotFound()};
    long long at = now;
    long long user = who.user_id;
    // Revoking twice (a second tab) changes nothing.
    s << "UPDATE employer_link SET revoked_at = :t, revoked_by = :u WHERE id = :l AND "
         "revoked_at IS NULL",
        soci::use(at), soci::use(user), soci::use(l);
    audit::AuditLog::Append(s, actor,
                            {"employer_link.revoke", "support_case", std::to_string(case_id),
                             "{\"link\":" + std::to_string(link_id) + "}"},
                            now);
  });
}

}  // namespace tsunagu::employment::links
