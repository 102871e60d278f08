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
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::employment::links {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

constexpr int kMaxAccessesShown = 50;

std::string RecipientAd(long long id) {
  return "employer_link:" + std::to_string(id) + ":recipient";
}
std::string DraftAd(long long id, const std::string& part) {
  return "employer_link_draft:" + std::to_string(id) + ":" + part;
}
std::string FormDataAd(long long form_id, int revision) {
  return "case_form_revision:" + std::to_string(form_id) + ":" + std::to_string(revision);
}
std::string ClientAd(long long id, const char* column) {
  return "client:" + std::to_string(id) + ":" + column;
}

bool Has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view item) {
  return std::find(std::begin(list), std::end(list), item) != std::end(list);
}

// "14" → 14; -1 for anything that is not a plain small number.
int ParseDays(const std::string& text) {
  const std::string t = core::Trim(core::NormalizeNfkc(text));
  if (t.empty() || t.size() > 3) return -1;
  int n = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string OneLine(const std::string& text) {
  std::string out = core::NormalizeNfkc(text);
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return core::Trim(out);
}

bool IsAsciiPrintable(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::string LowerAscii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return text;
}

struct Facts {
  long long id = 0;
  long long case_id = 0;
  long long org_id = 0;
  long long consent_id = 0;
  long long client_id = 0;
  long long created_by = 0;
  std::string org_name;
  std::string kind;
  std::vector<std::string> asks;
  std::vector<std::string> items;
  std::string recipient_enc;
  std::int64_t expires_at = 0;
  std::int64_t revoked_at = 0;
  std::int64_t withdrawn_at = 0;
  std::string valid_from;
  std::string valid_until;
};

// What a link is now: active, expired, revoked or consent_withdrawn.
std::string State(const Facts& f, std::int64_t now, const std::string& today) {
  if (f.revoked_at != 0) return "revoked";
  if (now >= f.expires_at) return "expired";
  if (f.withdrawn_at != 0) return "consent_withdrawn";
  // A consent whose period has ended no longer allows the exchange: the link ends with it.
  if (today < f.valid_from || today > f.valid_until) return "expired";
  return "active";
}

constexpr const char* kFactsSelect =
    "SELECT l.id, l.case_id, l.organization_id, l.consent_id, sc.client_id, l.created_by, o.name, "
    "l.recipient_kind, l.asks, k.items, l.recipient_enc, l.expires_at, l.revoked_at, "
    "k.withdrawn_at, k.valid_from, k.valid_until FROM employer_link l JOIN consent k ON k.id = "
    "l.consent_id JOIN support_case sc ON sc.id = l.case_id JOIN organization o ON o.id = "
    "l.organization_id ";

Facts ReadFacts(const soci::row& r) {
  Facts f;
  f.id = GetInt(r, 0);
  f.case_id = GetInt(r, 1);
  f.org_id = GetInt(r, 2);
  f.consent_id = GetInt(r, 3);
  f.client_id = GetInt(r, 4);
  f.created_by = GetInt(r, 5);
  f.org_name = GetText(r, 6);
  f.kind = GetText(r, 7);
  f.asks = core::SplitCodes(GetText(r, 8));
  f.items = core::SplitCodes(GetText(r, 9));
  f.recipient_enc = GetText(r, 10);
  f.expires_at = GetInt(r, 11);
  f.revoked_at = GetInt(r, 12);
  f.withdrawn_at = GetInt(r, 13);
  f.valid_from = GetText(r, 14);
  f.valid_until = GetText(r, 15);
  return f;
}

// Tokens are 32 random bytes in URL-safe base64: anything else cannot be one.
bool WellFormed(const std::string& token) {
  return token.size() == 43 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
         });
}

std::optional<Facts> FindByToken(soci::session& s, const std::string& token) {
  if (!WellFormed(token)) return std::nullopt;
  const std::string hash = crypto::HashToken(token);
  soci::row r;
  s << std::string(kFactsSelect) + "WHERE l.token_hash = :h", soci::into(r), soci::use(hash);
  if (!s.got_data()) return std::nullopt;
  return ReadFacts(r);
}

void Log(soci::session& s, const audit::Actor& actor, const Facts& f, const std::string& outcome,
         std::int64_t now, const std::string& action = "employer_link.open") {
  long long at = now;
  long long link = f.id;
  s << "INSERT INTO employer_link_access (link_id, accessed_at, ip, outcome) VALUES (:l, :t, "
       ":ip, :o)",
      soci::use(link), soci::use(at), soci::use(actor.ip), soci::use(outcome);
  audit::Event event{
      action, "support_case", std::to_string(f.case_id),
      "{\"link\":" + std::to_string(f.id) + ",\"outcome\":" + api::JsonString(outcome) + "}",
      f.org_id};
  audit::AuditLog::Append(s, actor, event, now);
}

// The provision of what the recipient was shown or given (APPI 法29条): one row per use.
void Provide(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f,
             const std::vector<std::string>& items, std::int64_t now) {
  if (items.empty()) return;
  const std::string day = core::ToIso(core::DateFromUnixSeconds(now));
  long long provider = f.org_id;
  long long client = f.client_id;
  long long consent = f.consent_id;
  long long link = f.id;
  long long at = now;
  const std::string recipient = storage::Unseal(cipher, f.recipient_enc, RecipientAd(f.id));
  const std::string label =
      cipher.Encrypt(recipient, "provision:" + std::to_string(f.client_id) + ":recipient");
  std::vector<std::string> ordered;
  for (auto item : auth::kConsentItems) {
    if (Has(items, item)) ordered.emplace_back(item);
  }
  const std::string codes = core::JoinCodes(ordered);
  const std::string channel = "share_link";
  s << "INSERT INTO provision_record (provider_org_id, recipient_label_enc, client_id, "
       "consent_id, items, channel, provided_on, provided_at, employer_link_id) VALUES (:p, :l, "
       ":c, :k, :i, :ch, :d, :t, :e)",
      soci::use(provider), soci::use(label), soci::use(client), soci::use(consent),
      soci::use(codes), soci::use(channel), soci::use(day), soci::use(at), soci::use(link);
}

// The person as the link's consent shows them: the name under "basic", the diagnosis under
// "medical", the employer under "work"; nothing else is ever read.
struct Person {
  std::string name, kana, gender, municipality, diagnosis, treatment_status, work_status, employer;
  int birth_year = 0;
};

Person ReadPerson(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f) {
  Person p;
  long long cid = f.client_id;
  soci::row r;
  s << "SELECT name_enc, kana_enc, COALESCE(birth_year, 0), gender, municipality, diagnosis_enc, "
       "treatment_status, work_status, employer_enc FROM client WHERE id = :c",
      soci::into(r), soci::use(cid);
  if (!s.got_data()) return p;
  if (Has(f.items, "basic")) {
    p.name = storage::Unseal(cipher, GetText(r, 0), ClientAd(cid, "name"));
    p.kana = storage::Unseal(cipher, GetText(r, 1), ClientAd(cid, "kana"));
    p.birth_year = static_cast<int>(GetInt(r, 2));
    p.gender = GetText(r, 3);
    p.municipality = GetText(r, 4);
  }
  if (Has(f.items, "medical")) {
    p.diagnosis = storage::Unseal(cipher, GetText(r, 5), ClientAd(cid, "diagnosis"));
    p.treatment_status = GetText(r, 6);
  }
  if (Has(f.items, "work")) {
    p.work_status = GetText(r, 7);
    p.employer = storage::Unseal(cipher, GetText(r, 8), ClientAd(cid, "employer"));
  }
  return p;
}

// The items actually given: those with something to show.
std::vector<std::string> ShownItems(const Person& p) {
  std::vector<std::string> out;
  if (!p.name.empty()) out.emplace_back("basic");
  if (!p.diagnosis.empty() || !p.treatment_status.empty()) out.emplace_back("medical");
  if (!p.employer.empty() || !p.work_status.empty()) out.emplace_back("work");
  return out;
}

std::vector<std::string> Submitted(soci::session& s, long long link) {
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT DISTINCT f.form_type FROM case_form_revision r JOIN case_form f ON "
                    "f.id = r.form_id WHERE r.edited_link_id = :l",
       soci::use(link));
  for (const auto& r : rows) out.push_back(GetText(r, 0));
  return out;
}

OpenLink ToOpen(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f,
                const Person& p) {
  OpenLink o;
  o.link_id = f.id;
  o.organization_name = f.org_name;
  o.recipient_kind = f.kind;
  o.asks = f.asks;
  o.expires_at = f.expires_at;
  o.items = f.items;
  o.person_name = p.name;
  o.diagnosis = p.diagnosis;
  o.employer = p.employer;
  for (const auto& type : Submitted(s, f.id)) {
    for (const auto& part : f.asks) {
      if (FormOfPart(part).form_type == type) o.submitted.push_back(part);
    }
  }
  (void)cipher;
  return o;
}

bool InSection(const forms::FormDefinition& def, const std::string& section,
               const std::string& key) {
  if (section.empty()) return true;
  for (const auto& sec : def.sections) {
    if (sec.key != section) continue;
    for (const auto& f : sec.fields) {
      if (key == f.key || key.rfind(f.key + ".", 0) == 0) return true;
    }
  }
  return false;
}

std::string PrefillValue(const forms::Field& f, const Person& p, core::Date today) {
  std::string value;
  const std::string& src = f.prefill;
  if (src == "client.name") value = p.name;
  if (src == "client.kana") value = p.kana;
  if (src == "client.municipality") value = p.municipality;
  if (src == "client.diagnosis") value = p.diagnosis;
  if (src == "client.employer") value = p.employer;
  if (src == "client.gender") value = p.gender;
  if (src == "client.treatment_status") value = p.treatment_status;
  if (src == "client.work_status") value = p.work_status;
  if (src == "today") value = core::ToIso(today);
  if (src == "client.birth_year" && p.birth_year > 0 &&
      ((f.type == forms::FieldType::kDate && f.partial_date) ||
       f.type == forms::FieldType::kNumber || f.type == forms::FieldType::kText)) {
    value = std::to_string(p.birth_year);
  }
  if (value.empty()) return {};
  if (f.type == forms::FieldType::kChoice || f.type == forms::FieldType::kYesNo) {
    return f.FindChoice(value) != nullptr ? value : std::string();
  }
  if (f.type == forms::FieldType::kRows || f.type == forms::FieldType::kChoices ||
      f.type == forms::FieldType::kTimeRange || f.type == forms::FieldType::kPeriod) {
    return {};
  }
  return value;
}

std::string InputToJson(const forms::Input& in) {
  boost::json::array a;
  for (const auto& [k, v] : in) a.push_back(boost::json::array{k, v});
  return api::ToJson(boost::json::value(std::move(a)));
}

forms::Input InputFromJson(const std::string& text) {
  forms::Input in;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return in;
  for (const auto& pair : v.as_array()) {
    if (!pair.is_array() || pair.as_array().size() != 2) continue;
    const auto& k = pair.as_array()[0];
    const auto& val = pair.as_array()[1];
    if (k.is_string() && val.is_string()) {
      in.emplace(std::string(k.as_string()), std::string(val.as_string()));
    }
  }
  return in;
}

std::string GetOrgName(soci::session& s, long long org) {
  std::string name;
  s << "SELECT name FROM organization WHERE id = :o", soci::into(name), soci::use(org);
  return name;
}

const core::Error kGone{core::ErrorCode::kNotFound, "employer_links.gone", {}};

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

core::Result<OpenLink> LinkService::Open(const std::string& token, const audit::Actor& actor) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  struct Answer {
    bool served = false;
    OpenLink link;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    auto f = FindByToken(s, token);
    if (!f) return a;  // an unknown token leaves no trace
    const std::string state = State(*f, now, today);
    if (state != "active") {
      Log(s, actor, *f, state, now);
      return a;
    }
    Log(s, actor, *f, "served", now);
    const Person p = ReadPerson(s, cipher_, *f);
    Provide(s, cipher_, *f, ShownItems(p), now);
    a.served = true;
    a.link = ToOpen(s, cipher_, *f, p);
    return a;
  });
  if (!answer) return answer.error();
  if (!answer->served) return kGone;
  return std::move(answer->link);
}

core::Result<LinkForm> LinkService::Form(const std::string& token, const audit::Actor& actor,
                                         const std::string& part) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date day = core::DateFromUnixSeconds(now);
  const std::string today = core::ToIso(day);
  struct Answer {
    std::string outcome;
    LinkForm form;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    auto f = FindByToken(s, token);
    if (!f) return a;
    const std::string state = State(*f, now, today);
    if (state != "active") {
      Log(s, actor, *f, state, now);
      a.outcome = state;
      return a;
    }
    const PartForm pf = FormOfPart(part);
    const forms::FormDefinition* def = pf.form_type.empty() ? nullptr : forms_.Latest(pf.form_type);
    if (!Has(f->asks, part) || def == nullptr) {
      // Another form of the case is not there to ask for.
      Log(s, actor, *f, "not_asked", now);
      a.outcome = "not_asked";
      return a;
    }
    Log(s, actor, *f, "served", now);
    const Person p = ReadPerson(s, cipher_, *f);
    a.outcome = "served";
    a.form.link = ToOpen(s, cipher_, *f, p);
    a.form.part = part;
    a.form.definition = def;
    a.form.section = pf.section;
    long long lid = f->id;
    std::string draft;
    s << "SELECT data_enc FROM employer_link_draft WHERE link_id = :l AND part = :p",
        soci::into(draft), soci::use(lid), soci::use(part);
    if (s.got_data()) {
      a.form.input = InputFromJson(storage::Unseal(cipher_, draft, DraftAd(lid, part)));
      a.form.from_draft = true;
      Provide(s, cipher_, *f, ShownItems(p), now);
      return a;
    }
    // A new form starts from what the consent shows: only those items are prefilled.
    std::vector<std::string> given;
    for (const auto& sec : def->sections) {
      if (!pf.section.empty() && sec.key != pf.section) continue;
      for (const auto& field : sec.fields) {
        if (field.prefill.empty()) continue;
        const std::string v = PrefillValue(field, p, day);
        if (!v.empty()) a.form.input.emplace(field.key, v);
      }
    }
    Provide(s, cipher_, *f, ShownItems(p), now);
    return a;
  });
  if (!answer) return answer.error();
  if (answer->outcome != "served") return kGone;
  return std::move(answer->form);
}

core::Result<int> LinkService::Save(const std::string& token, const audit::Actor& actor,
                                    const std::string& part, const forms::Input& values,
                                    bool submit) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  struct Answer {
    std::string outcome;
    int revision = 0;
    long long case_id = 0;
    long long entry = 0;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    auto f = FindByToken(s, token);
    if (!f) return a;
    const std::string state = State(*f, now, today);
    if (state != "active") {
      Log(s, actor, *f, state, now);
      a.outcome = state;
      return a;
    }
    const PartForm pf = FormOfPart(part);
    const forms::FormDefinition* def = pf.form_type.empty() ? nullptr : forms_.Latest(pf.form_type);
    if (!Has(f->asks, part) || def == nullptr) {
      Log(s, actor, *f, "not_asked", now);
      a.outcome = "not_asked";
      return a;
    }
    // Only the part's own answers are taken: a field of another section is not the
    // recipient's to write.
    forms::Input mine;
    for (const auto& [k, v] : values) {
      if (InSection(*def, pf.section, k)) mine.emplace(k, v);
    }
    long long lid = f->id;
    long long at = now;
    a.case_id = f->case_id;
    if (!submit) {
      const std::string sealed = cipher_.Encrypt(InputToJson(mine), DraftAd(lid, part));
      s << "INSERT INTO employer_link_draft (link_id, part, data_enc, saved_at) VALUES (:l, :p, "
           ":d, :t) ON CONFLICT (link_id, part) DO UPDATE SET data_enc = excluded.data_enc, "
           "saved_at = excluded.saved_at",
          soci::use(lid), soci::use(part), soci::use(sealed), soci::use(at);
      Log(s, actor, *f, "saved", now, "employer_link.draft");
      a.outcome = "saved";
      return a;
    }
    long long cid = f->case_id;
    long long form_id = 0;
    int current = 0;
    {
      soci::indicator ind = soci::i_null;
      s << "SELECT id, revision FROM case_form WHERE case_id = :c AND form_type = :t",
          soci::into(form_id, ind), soci::into(current), soci::use(cid), soci::use(pf.form_type);
      if (!s.got_data() || ind != soci::i_ok) form_id = 0;
    }
    forms::Input full = mine;
    if (!pf.section.empty() && form_id != 0) {
      // The assessment's other sections stay as the case has them.
      std::string data_enc;
      s << "SELECT data_enc FROM case_form_revision WHERE form_id = :f AND revision = :r",
          soci::into(data_enc), soci::use(form_id), soci::use(current);
      auto plain = cipher_.Decrypt(data_enc, FormDataAd(form_id, current));
      if (!plain) throw Abort{plain.error()};
      boost::system::error_code ec;
      auto parsed = boost::json::parse(*plain, ec);
      if (!ec && parsed.is_object()) {
        for (auto& [k, v] : forms::ToInput(*def, parsed.as_object())) {
          if (!InSection(*def, pf.section, k)) full.emplace(k, v);
        }
      }
    }
    forms::Checked checked = forms::Check(*def, full);
    if (!pf.section.empty()) {
      // The recipient answers for their section only: what the rest of the sheet still lacks
      // is for the staff to complete.
      auto& e = checked.errors;
      e.erase(std::remove_if(e.begin(), e.end(),
                             [&](const core::FieldError& fe) {
                               return !InSection(*def, pf.section, fe.field);
                             }),
              e.end());
    }
    if (!checked.errors.empty()) {
      throw Abort{core::Error::Invalid("forms.error.invalid", std::move(checked.errors))};
    }
    long long org = f->org_id;
    if (form_id == 0) {
      soci::indicator ind = soci::i_null;
      s << "INSERT INTO case_form (case_id, organization_id, form_type, form_version, revision, "
           "created_at, updated_at) VALUES (:c, :o, :t, :v, 1, :at, :at2) ON CONFLICT (case_id, "
           "form_type) DO NOTHING RETURNING id",
          soci::use(cid), soci::use(org), soci::use(pf.form_type), soci::use(def->form_version),
          soci::use(at), soci::use(at), soci::into(form_id, ind);
      if (!s.got_data() || ind != soci::i_ok) {
        throw Abort{core::Error::Conflict("forms.error.stale")};
      }
      current = 1;
    } else {
      const int next = current + 1;
      int expected = current;
      soci::statement st =
          (s.prepare << "UPDATE case_form SET revision = :n, form_version = :v, updated_at = :at "
                        "WHERE id = :id AND revision = :e",
           soci::use(next), soci::use(def->form_version), soci::use(at), soci::use(form_id),
           soci::use(expected));
      st.execute(true);
      if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("forms.error.stale")};
      current = next;
    }
    const std::string sealed = cipher_.Encrypt(
        api::ToJson(boost::json::value(std::move(checked.data))), FormDataAd(form_id, current));
    s << "INSERT INTO case_form_revision (form_id, revision, form_version, data_enc, edited_at, "
         "edited_link_id) VALUES (:f, :r, :v, :d, :at, :l)",
        soci::use(form_id), soci::use(current), soci::use(def->form_version), soci::use(sealed),
        soci::use(at), soci::use(lid);
    s << "DELETE FROM employer_link_draft WHERE link_id = :l AND part = :p", soci::use(lid),
        soci::use(part);
    // The timeline says what came back and through which link. Its author is the staff member
    // who sent the link (timeline entries name a user); the text says the recipient wrote it.
    const std::string body =
        catalog_.Format("ja", "employer_links.timeline.submitted",
                        {{"form", def->name.ja},
                         {"part", catalog_.Get("ja", "employer_links.part." + part)},
                         {"n", std::to_string(current)},
                         {"recipient", catalog_.Get("ja", "employer_links.kind." + f->kind)}});
    const std::string kind = "employer_link";
    long long author = f->created_by;
    s << "INSERT INTO timeline_entry (case_id, organization_id, author_id, kind, occurred_on, "
         "body_enc, created_at, updated_at) VALUES (:c, :o, :u, :k, :d, '', :t, :t2) RETURNING "
         "id",
        soci::use(cid), soci::use(org), soci::use(author), soci::use(kind), soci::use(today),
        soci::use(at), soci::use(at), soci::into(a.entry);
    const std::string sealed_body =
        cipher_.Encrypt(body, "timeline_entry:" + std::to_string(a.entry) + ":body");
    s << "UPDATE timeline_entry SET body_enc = :b WHERE id = :id", soci::use(sealed_body),
        soci::use(a.entry);
    s << "UPDATE support_case SET updated_at = :t WHERE id = :id", soci::use(at), soci::use(cid);
    Log(s, actor, *f, "submitted", now, "employer_link.submit");
    audit::AuditLog::Append(s, actor,
                            {"case_form.save", "case_form", std::to_string(form_id),
                             "{\"form_type\":" + api::JsonString(pf.form_type) + ",\"revision\":" +
                                 std::to_string(current) + ",\"link\":" + std::to_string(lid) + "}",
                             org},
                            now);
    a.outcome = "submitted";
    a.revision = current;
    return a;
  });
  if (!answer) return answer.error();
  if (answer->outcome == "submitted") {
    bus_.Publish("case:" + std::to_string(answer->case_id), "timeline",
                 std::to_string(answer->entry));
    return answer->revision;
  }
  if (answer->outcome == "saved") return 0;
  return kGone;
}

core::Result<std::int64_t> LinkService::Upload(const std::string& token, const audit::Actor& actor,
                                               const std::string& filename,
                                               const std::string& bytes, const std::string& title) {
  std::string type;
  auto errors = documents::detail::CheckFile(filename, bytes, type);
  const std::string clean_title = OneLine(title);
  if (core::CountCodePoints(clean_title) > documents::kMaxTitle) {
    errors.push_back({"title", "error.too_long"});
  }
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  struct Answer {
    std::string outcome;
    long long document = 0;
    long long case_id = 0;
    long long entry = 0;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    auto f = FindByToken(s, token);
    if (!f) return a;
    const std::string state = State(*f, now, today);
    if (state != "active") {
      Log(s, actor, *f, state, now);
      a.outcome = state;
      return a;
    }
    if (!Has(f->asks, "upload")) {
      Log(s, actor, *f, "not_asked", now);
      a.outcome = "not_asked";
      return a;
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long org = f->org_id;
    long long cid = f->case_id;
    long long author = f->created_by;
    long long lid = f->id;
    long long at = now;
    // Stored like every other document: encrypted whole, typed by its bytes. The document names
    // the staff member who sent the link as its uploader; employer_link_document says it came
    // through the link.
    const long long file =
        documents::detail::StoreFile(s, cipher_, org, author, type, filename, bytes, now);
    s << "INSERT INTO case_document (case_id, organization_id, file_id, title_enc, uploaded_by, "
         "created_at) VALUES (:c, :o, :f, '', :u, :t) RETURNING id",
        soci::use(cid), soci::use(org), soci::use(file), soci::use(author), soci::use(at),
        soci::into(a.document);
    const std::string shown_title = clean_title.empty()
                                        ? catalog_.Get("ja", "employer_links.upload.default_title")
                                        : clean_title;
    const std::string sealed_title =
        cipher_.Encrypt(shown_title, documents::detail::TitleAd(a.document));
    s << "UPDATE case_document SET title_enc = :t WHERE id = :id", soci::use(sealed_title),
        soci::use(a.document);
    s << "INSERT INTO employer_link_document (document_id, link_id) VALUES (:d, :l)",
        soci::use(a.document), soci::use(lid);
    const std::string kind = "document";
    s << "INSERT INTO timeline_entry (case_id, organization_id, author_id, kind, occurred_on, "
         "body_enc, created_at, updated_at) VALUES (:c, :o, :u, :k, :d, '', :t, :t2) RETURNING "
         "id",
        soci::use(cid), soci::use(org), soci::use(author), soci::use(kind), soci::use(today),
        soci::use(at), soci::use(at), soci::into(a.entry);
    const std::string body = cipher_.Encrypt(
        catalog_.Format("ja", "employer_links.timeline.uploaded",
                        {{"title", shown_title},
                         {"recipient", catalog_.Get("ja", "employer_links.kind." + f->kind)}}),
        "timeline_entry:" + std::to_string(a.entry) + ":body");
    s << "UPDATE timeline_entry SET body_enc = :b WHERE id = :id", soci::use(body),
        soci::use(a.entry);
    s << "UPDATE support_case SET updated_at = :t WHERE id = :id", soci::use(at), soci::use(cid);
    Log(s, actor, *f, "uploaded", now, "employer_link.upload");
    a.outcome = "uploaded";
    a.case_id = cid;
    return a;
  });
  if (!answer) return answer.error();
  if (answer->outcome != "uploaded") return kGone;
  bus_.Publish("case:" + std::to_string(answer->case_id), "timeline",
               std::to_string(answer->entry));
  return static_cast<std::int64_t>(answer->document);
}

}  // namespace tsunagu::employment::links
